/**
 * A shop's routing settings (`settings.routing`, changed with PATCH /api/v1/admin/shop/settings):
 * skill queues with their members, which queue an intent goes to, business hours, and the offer
 * timeout. Everything is optional: without queues every agent-capable account serves one queue
 * (`general`); without business hours the desk is always open.
 */
import { z } from 'zod'
import type { Shop } from '../domain/records.js'

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof WEEKDAYS)[number]

const range = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/, 'HH:MM-HH:MM, e.g. 09:00-18:00')
const queueId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'a-z, 0-9, _ or - (e.g. pre-sales)')

export const routingSettingsSchema = z
  .object({
    queues: z
      .array(
        z
          .object({
            id: queueId,
            name: z
              .object({ zh: z.string().max(40), en: z.string().max(40) })
              .partial()
              .strict()
              .optional(),
            /** Account ids or usernames. Empty: every agent-capable account. */
            members: z.array(z.string().min(1).max(64)).max(500).default([]),
          })
          .strict(),
      )
      .max(50),
    /** The queue for anything no rule sends elsewhere (default: the first queue). */
    defaultQueue: queueId,
    /** Intent → queue, before the built-in rules (e.g. `{"invoice_payment": "after-sales"}`). */
    intentQueues: z.record(z.string().min(1).max(40), queueId),
    /** Weekly hours in the shop's time zone (`settings.timezone`); a missing day is closed. */
    businessHours: z.partialRecord(z.enum(WEEKDAYS), z.array(range).max(4)),
    /** Seconds an agent has to accept an offer (default: KEFU_ROUTING_OFFER_SECONDS). */
    offerSeconds: z.number().int().min(5).max(3600),
    /** Minutes one chat takes when there is no recent history to average (estimated waits). */
    defaultHandlingMinutes: z.number().min(0.5).max(600),
  })
  .partial()
  .strict()

export type RoutingSettings = z.infer<typeof routingSettingsSchema>
export type QueueSettings = NonNullable<RoutingSettings['queues']>[number]

/** The shop's routing settings, or `{}` when missing or invalid (routing then uses its defaults). */
export function routingOf(shop: Pick<Shop, 'settings'>): RoutingSettings {
  const r = routingSettingsSchema.safeParse(shop.settings.routing ?? {})
  return r.success ? r.data : {}
}

/** The shop's IANA time zone (`settings.timezone`), default Asia/Shanghai. */
export function timeZoneOf(shop: Pick<Shop, 'settings'>): string {
  const tz = shop.settings.timezone
  return typeof tz === 'string' && tz ? tz : 'Asia/Shanghai'
}
