/**
 * Chatwoot Agent Bot: kefu answers on every Chatwoot inbox the bot is assigned to (WhatsApp,
 * Messenger, Instagram, e-mail, Telegram, Line, SMS, web). See docs/channels.md.
 */
import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'
import { createChatwootAdapter } from '../../../adapters/channel-chatwoot/chatwoot-channel-adapter.js'
import {
  parseChatwootWebhook,
  safeEqual,
  verifyChatwootSignature,
} from '../../../adapters/channel-chatwoot/chatwoot-webhook.js'
import type { ChannelCredentials, ChannelKindDefinition, ChannelRuntime } from '../channel-kind.js'
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
  createAdapter: (shopId, creds, runtime) => adapterOf(shopId, creds, runtime),
  registerRoutes: (scope, runtime) => registerChatwootRoutes(scope, runtime),
}

/** How long kefu remembers a Chatwoot conversation's inbox type (for buttons vs numbered text). */
const INBOX_TTL_SECONDS = 30 * 24 * 3600
const inboxKey = (conversationId: string) => `chatwoot:inbox:${conversationId}`

function adapterOf(shopId: string, creds: ChannelCredentials, runtime: ChannelRuntime) {
  return createChatwootAdapter({
    baseUrl: creds.baseUrl!,
    accountId: creds.accountId!,
    botToken: creds.botToken!,
    timeoutMs: runtime.httpTimeoutMs,
    fetch: runtime.fetch,
    inboxChannelOf: (conversationId) => runtime.state.get(shopId, inboxKey(conversationId)),
  })
}

/** Answers without going through the app's error handler, which logs the URL (and with it the token). */
function fail(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send({ error: { code, message } })
}

const shopParams = z.object({ shopId: z.string().min(1).max(64) })

function registerChatwootRoutes(scope: FastifyInstance, runtime: ChannelRuntime): void {
  // Events of one Chatwoot conversation are handled in arrival order on this instance.
  const queues = new Map<string, Promise<unknown>>()
  const enqueue = (key: string, task: () => Promise<unknown>) => {
    const next = (queues.get(key) ?? Promise.resolve()).then(task, task).finally(() => {
      if (queues.get(key) === next) queues.delete(key)
    })
    queues.set(key, next)
  }

  scope.post('/:shopId', async (req, reply) => {
    const params = shopParams.safeParse(req.params)
    if (!params.success) return fail(reply, 404, 'not_found', 'unknown shop')
    const { shopId } = params.data
    try {
      const creds = await runtime.credentials(shopId, 'chatwoot')
      if (!creds) return fail(reply, 404, 'not_found', 'no Chatwoot channel for this shop')
      const token = (req.query as Record<string, unknown>).token
      if (typeof token !== 'string' || !safeEqual(token, creds.webhookToken ?? '')) {
        return fail(reply, 401, 'unauthorized', 'missing or wrong webhook token')
      }
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
      if (creds.webhookSecret) {
        const check = verifyChatwootSignature(
          creds.webhookSecret,
          {
            signature: req.headers['x-chatwoot-signature'] as string | undefined,
            timestamp: req.headers['x-chatwoot-timestamp'] as string | undefined,
          },
          raw,
          // Real time, not kefu's clock: Chatwoot stamps with its wall clock, and a shifted demo clock
          // (KEFU_CLOCK_START) must not reject every webhook as stale.
          Date.now(),
        )
        if (!check.ok) return fail(reply, 401, 'unauthorized', `webhook signature: ${check.reason}`)
      }
      let body: unknown
      try {
        body = JSON.parse(raw.toString('utf8'))
      } catch {
        return fail(reply, 400, 'invalid_json', 'body is not JSON')
      }
      const delivery = req.headers['x-chatwoot-delivery']
      const parsed = parseChatwootWebhook(body, {
        receivedAt: runtime.clock.now().toISOString(),
        deliveryId:
          typeof delivery === 'string' && delivery ? delivery : createHash('sha256').update(raw).digest('hex'),
      })
      if (parsed.type === 'ignored') return { status: 'ignored', reason: parsed.reason }
      if (parsed.accountId && parsed.accountId !== creds.accountId) {
        return { status: 'ignored', reason: 'another Chatwoot account' }
      }
      const { event } = parsed
      if (parsed.inboxChannel && event.externalThreadId) {
        await runtime.state.set(shopId, inboxKey(event.externalThreadId), parsed.inboxChannel, INBOX_TTL_SECONDS)
      }
      const adapter = adapterOf(shopId, creds, runtime)
      // Answered at once (Chatwoot's webhook call times out in seconds); the turn runs after.
      enqueue(`${shopId}:${event.externalThreadId}`, () => runtime.dispatch(shopId, 'chatwoot', adapter, [event]))
      return reply.code(200).send({ status: 'accepted' })
    } catch (e) {
      runtime.logger.error({ channel: 'chatwoot', shopId, err: (e as Error).message }, 'chatwoot webhook failed')
      return fail(reply, 503, 'unavailable', 'try again')
    }
  })
}
