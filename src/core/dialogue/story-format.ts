/**
 * Conversation tests ("stories"): the file format and the per-turn expectation check. Pure; the
 * runner that drives the conversation service lives in src/cli/commands/eval-dialogues.ts.
 *
 * ```yaml
 * data: ../stories-shop        # optional: load this shop data dir instead of the demo shop
 * now: 2026-06-10T08:00:00Z    # optional: the clock for every story in the file
 * stories:
 *   - name: logistics for a shipped order
 *     customer: c1             # optional; omitted = anonymous visitor
 *     locale: zh               # optional
 *     turns:
 *       - user: 我的快递到哪了
 *         expect: { intent: logistics, action: execute, replyContains: [顺丰] }
 * ```
 */
import { z } from 'zod'
import { toSimplified } from '../text/chinese-conversion.js'
import { TURN_ACTIONS } from './types.js'

const strings = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]))

export const turnExpectSchema = z
  .object({
    /** The intent the dialogue handled the turn as (state.lastIntent, else the NLU intent). */
    intent: strings.optional(),
    /** Subset of state.slots; values compared as strings, case-insensitively. */
    slots: z.record(z.string(), z.unknown()).optional(),
    action: z.union([z.enum(TURN_ACTIONS), z.array(z.enum(TURN_ACTIONS))]).optional(),
    /** Reason prefix, e.g. `order_found`. */
    reason: z.string().optional(),
    awaiting: z.string().nullable().optional(),
    replyContains: strings.optional(),
    replyNotContains: strings.optional(),
    ticket: z
      .union([z.boolean(), z.object({ queue: z.string().optional(), priority: z.string().optional() }).strict()])
      .optional(),
    handoff: z.boolean().optional(),
    returnRequest: z.boolean().optional(),
  })
  .strict()
export type TurnExpect = z.infer<typeof turnExpectSchema>

export const storySchema = z
  .object({
    name: z.string().min(1),
    customer: z.string().min(1).nullable().optional(),
    locale: z.enum(['zh', 'en']).optional(),
    now: z.string().datetime({ offset: true }).optional(),
    tags: z.array(z.string()).optional(),
    turns: z
      .array(
        z
          .object({ user: z.string().min(1), payload: z.string().optional(), expect: turnExpectSchema.default({}) })
          .strict(),
      )
      .min(1),
  })
  .strict()
export type Story = z.infer<typeof storySchema>

const storyListSchema = z.array(storySchema).min(1)
export const storyFileSchema = z
  .object({
    data: z.string().optional(),
    shop: z.string().optional(),
    now: z.string().datetime({ offset: true }).optional(),
    stories: storyListSchema,
  })
  .strict()
export type StoryFile = { data?: string; shop?: string; now?: string; stories: Story[] }

/** Normalises both accepted shapes (a bare list, or an object with `stories`). */
export function normalizeStoryFile(raw: unknown): { ok: true; file: StoryFile } | { ok: false; error: string } {
  const r = Array.isArray(raw) ? storyFileSchema.safeParse({ stories: raw }) : storyFileSchema.safeParse(raw)
  if (!r.success) {
    const i = r.error.issues[0]
    return { ok: false, error: i ? `${i.path.join('.') || '(file)'}: ${i.message}` : 'invalid story file' }
  }
  return { ok: true, file: r.data as StoryFile }
}

/** What one turn produced, in the shape the checker needs (the API response has it all). */
export type TurnObservation = {
  replies: Array<{ text: string }>
  state: { lastIntent?: unknown; slots?: Record<string, unknown>; awaiting?: unknown; [k: string]: unknown }
  nlu: { intent: string }
  action: string
  reason: string
  handoff: boolean
  ticket?: { id: string; queue: string; priority: string }
  returnRequest?: { id: string }
}

const norm = (v: unknown) => String(v).trim().toLowerCase()

/** Returns the first difference between expectation and observation, or null when the turn passes. */
export function checkTurn(e: TurnExpect, o: TurnObservation): string | null {
  const handled = typeof o.state.lastIntent === 'string' ? o.state.lastIntent : o.nlu.intent
  if (e.intent && !e.intent.includes(handled) && !e.intent.includes(o.nlu.intent))
    return `intent: expected ${e.intent.join('|')}, got ${handled} (nlu ${o.nlu.intent})`
  if (e.action) {
    const want = Array.isArray(e.action) ? e.action : [e.action]
    if (!want.includes(o.action as (typeof want)[number]))
      return `action: expected ${want.join('|')}, got ${o.action} (${o.reason})`
  }
  if (e.reason && !o.reason.startsWith(e.reason)) return `reason: expected ${e.reason}…, got ${o.reason}`
  if (e.awaiting !== undefined && (o.state.awaiting ?? null) !== e.awaiting)
    return `awaiting: expected ${e.awaiting}, got ${String(o.state.awaiting ?? null)}`
  if (e.slots) {
    for (const [k, v] of Object.entries(e.slots)) {
      const got = o.state.slots?.[k]
      if (v === null ? got !== undefined && got !== null : got === undefined || norm(got) !== norm(v))
        return `slots.${k}: expected ${JSON.stringify(v)}, got ${JSON.stringify(got)}`
    }
  }
  const text = o.replies.map((r) => r.text).join('\n')
  // A fact is in the reply whichever script it is written in (replies mirror a traditional-script customer).
  const comparable = (s: string) => toSimplified(s).toLowerCase()
  const lower = comparable(text)
  for (const s of e.replyContains ?? [])
    if (!lower.includes(comparable(s))) return `reply should contain "${s}", got: ${text.slice(0, 300)}`
  for (const s of e.replyNotContains ?? [])
    if (lower.includes(comparable(s))) return `reply should not contain "${s}", got: ${text.slice(0, 300)}`
  if (e.handoff !== undefined && o.handoff !== e.handoff)
    return `handoff: expected ${e.handoff}, got ${o.handoff} (${o.reason})`
  if (e.ticket !== undefined) {
    if (e.ticket === false && o.ticket) return `ticket: expected none, got ${o.ticket.id}`
    if (e.ticket !== false && !o.ticket) return `ticket: expected one, got none (${o.action}: ${o.reason})`
    if (typeof e.ticket === 'object' && o.ticket) {
      if (e.ticket.queue && o.ticket.queue !== e.ticket.queue)
        return `ticket.queue: expected ${e.ticket.queue}, got ${o.ticket.queue}`
      if (e.ticket.priority && o.ticket.priority !== e.ticket.priority)
        return `ticket.priority: expected ${e.ticket.priority}, got ${o.ticket.priority}`
    }
  }
  if (e.returnRequest !== undefined && Boolean(o.returnRequest) !== e.returnRequest)
    return `returnRequest: expected ${e.returnRequest ? 'one' : 'none'}, got ${o.returnRequest ? o.returnRequest.id : 'none'}`
  return null
}
