/**
 * Chatwoot Agent Bot: kefu answers on every Chatwoot inbox the bot is assigned to (WhatsApp,
 * Messenger, Instagram, e-mail, Telegram, Line, SMS, web). See docs/channels.md.
 */
import { z } from 'zod'
import type { ChannelKindDefinition } from '../channel-kind.js'
import { randomToken } from '../channel-settings.js'

export const chatwootKind: ChannelKindDefinition = {
  kind: 'chatwoot',
  title: 'Chatwoot Agent Bot (WhatsApp, Messenger, Instagram, e-mail, Telegram, Line, SMS, web)',
  credentials: z
    .object({
      /** Chatwoot's base URL, e.g. https://app.chatwoot.com or a self-hosted https://chat.example.com */
      baseUrl: z
        .string()
        .trim()
        .url()
        .max(300)
        .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL')
        .transform((u) => u.replace(/\/+$/, '')),
      /** The account the inboxes belong to. */
      accountId: z
        .string()
        .trim()
        .regex(/^\d{1,12}$/, 'must be the numeric Chatwoot account id'),
      /** The Agent Bot's access token (sent as the `api_access_token` header). */
      botToken: z.string().trim().min(8).max(512),
      /** Token in the webhook URL (`?token=`); generated when absent. */
      webhookToken: z.string().trim().min(16).max(256),
      /** The Agent Bot's webhook secret (Chatwoot ≥ 4.13 signs bot webhooks); when set, signatures are required. */
      webhookSecret: z.string().trim().min(8).max(512).optional(),
    })
    .strict(),
  secretFields: ['botToken', 'webhookToken', 'webhookSecret'],
  generated: { webhookToken: () => randomToken() },
  webhookPath: (shopId, creds) =>
    `/channels/chatwoot/${encodeURIComponent(shopId)}?token=${encodeURIComponent(creds.webhookToken ?? '')}`,
}
