/**
 * WeChat Customer Service (微信客服, WeCom API) at `/channels/wecom-kf/:shopId`: URL verification
 * (GET), encrypted `kf_msg_or_event` callbacks (POST) answered at once, then the announced messages
 * pulled through `kf/sync_msg` and run through the bridge in order. See docs/channels.md.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { WecomKfChannel } from '../../../adapters/channel-wecom-kf/wecom-kf-channel.js'
import type { WecomKfCredentials } from '../../../adapters/channel-wecom-kf/wecom-kf-config.js'
import type { KfCallback } from '../../../adapters/channel-wecom-kf/wecom-kf-inbound.js'
import type { ChannelCredentials, ChannelKindDefinition, ChannelRuntime } from '../channel-kind.js'

const field = z.string().trim().min(1).max(512)

function toCredentials(c: ChannelCredentials): WecomKfCredentials {
  return {
    corpId: c.corpId ?? '',
    secret: c.secret ?? '',
    token: c.token ?? '',
    encodingAESKey: c.encodingAESKey ?? '',
    ...(c.openKfId ? { openKfId: c.openKfId } : {}),
    ...(c.servicerUserId ? { servicerUserId: c.servicerUserId } : {}),
    ...(c.apiBaseUrl ? { apiBaseUrl: c.apiBaseUrl } : {}),
    ...(c.handoffTo === 'kefu' || c.handoffTo === 'wecom' ? { handoffTo: c.handoffTo } : {}),
  }
}

/**
 * One adapter per (runtime, shop, credentials): callbacks and relays reuse it, so concurrent turns
 * share one in-flight access-token fetch. New credentials make a new adapter.
 */
const adapters = new WeakMap<ChannelRuntime, Map<string, { fingerprint: string; adapter: WecomKfChannel }>>()

function createAdapter(shopId: string, creds: ChannelCredentials, runtime: ChannelRuntime): WecomKfChannel {
  const perShop = adapters.get(runtime) ?? new Map<string, { fingerprint: string; adapter: WecomKfChannel }>()
  adapters.set(runtime, perShop)
  const fingerprint = JSON.stringify(Object.entries(creds).sort(([a], [b]) => a.localeCompare(b)))
  const cached = perShop.get(shopId)
  if (cached?.fingerprint === fingerprint) return cached.adapter
  const adapter = new WecomKfChannel({
    shopId,
    credentials: toCredentials(creds),
    state: runtime.state,
    clock: runtime.clock,
    http: { timeoutMs: runtime.httpTimeoutMs, fetch: runtime.fetch },
  })
  perShop.set(shopId, { fingerprint, adapter })
  return adapter
}

const shopParams = z.object({ shopId: z.string().min(1).max(100) })

function registerRoutes(scope: FastifyInstance, runtime: ChannelRuntime): void {
  /** One pull per (shop, kf account) at a time in this process; a callback during it asks for one more. */
  const pulling = new Map<string, { next: KfCallback | null }>()
  /** Pulls still running: a closing server lets them finish before the store goes. */
  const inflight = new Set<Promise<void>>()
  scope.addHook('onClose', async () => {
    await Promise.allSettled([...inflight])
  })

  async function channelOf(req: FastifyRequest, reply: FastifyReply) {
    const p = shopParams.safeParse(req.params)
    const creds = p.success ? await runtime.credentials(p.data.shopId, 'wecom-kf') : null
    if (!p.success || !creds) {
      await reply.code(404).send({ error: { code: 'not_found', message: 'no wecom-kf channel here' } })
      return null
    }
    return { shopId: p.data.shopId, channel: createAdapter(p.data.shopId, creds, runtime) }
  }

  async function pullLoop(shopId: string, channel: WecomKfChannel, callback: KfCallback): Promise<void> {
    const key = `${shopId}\u0000${callback.openKfId}`
    const running = pulling.get(key)
    if (running) {
      // Pull once more when this round ends, with the newest callback token (a pull without one is
      // rate-limited by WeCom).
      running.next = callback
      return
    }
    const entry: { next: KfCallback | null } = { next: callback }
    pulling.set(key, entry)
    try {
      while (entry.next) {
        const cb = entry.next
        entry.next = null
        const r = await channel.pull(cb, async (event) => {
          const [result] = await runtime.dispatch(shopId, 'wecom-kf', channel, [event])
          // A turn that failed before anything was sent: make the pull stop here and retry it later.
          if (result?.status === 'ignored' && result.reason.startsWith('failed_')) throw new Error(result.reason)
        })
        if (!r.ok) runtime.logger.warn({ channel: 'wecom-kf', shopId, detail: r.detail }, 'wecom-kf pull failed')
      }
    } finally {
      pulling.delete(key)
    }
  }

  scope.get('/:shopId', async (req, reply) => {
    const found = await channelOf(req, reply)
    if (!found) return reply
    const r = found.channel.verifyUrl(req.query as Record<string, unknown>)
    if (!r.ok) return reply.code(401).send({ error: { code: 'unauthorized', message: 'signature check failed' } })
    return reply.type('text/plain; charset=utf-8').send(r.echo)
  })

  scope.post('/:shopId', async (req, reply) => {
    const found = await channelOf(req, reply)
    if (!found) return reply
    const body = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : ''
    const opened = found.channel.openCallback(req.query as Record<string, unknown>, body)
    if (!opened.ok) {
      runtime.logger.info(
        { channel: 'wecom-kf', shopId: found.shopId, reason: opened.reason },
        'wecom-kf callback refused',
      )
      return reply.code(401).send({ error: { code: 'unauthorized', message: 'signature check failed' } })
    }
    // WeCom waits 5 s and retries: answer now, pull and run the turns after.
    if (opened.callback) {
      const callback = opened.callback
      const run: Promise<void> = pullLoop(found.shopId, found.channel, callback)
        .catch((e) =>
          runtime.logger.error(
            { channel: 'wecom-kf', shopId: found.shopId, err: e instanceof Error ? e.message : String(e) },
            'wecom-kf pull failed',
          ),
        )
        .finally(() => inflight.delete(run))
      inflight.add(run)
    }
    return reply.type('text/plain; charset=utf-8').send('success')
  })
}

export const wecomKfKind: ChannelKindDefinition = {
  kind: 'wecom-kf',
  title: 'WeChat Customer Service (微信客服, WeCom)',
  credentials: z
    .object({
      /** 企业ID (CorpID). */
      corpId: field,
      /** The Secret of the app allowed to call the 微信客服 API (for access_token). */
      secret: field,
      /** Callback Token and EncodingAESKey from 微信客服 → API → 回调配置. */
      token: field,
      encodingAESKey: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9]{43}$/, 'must be 43 letters and digits'),
      /** The kf account (open_kfid, "wk…"); without it kefu answers every account the callbacks name. */
      openKfId: field.optional(),
      /** A 接待人员 userid to hand conversations to; without it they go to the waiting pool. */
      servicerUserId: field.optional(),
      /** `wecom` (default): a handoff goes to a WeCom servicer / the pool; `kefu`: to kefu's console. */
      handoffTo: z.enum(['wecom', 'kefu']).optional(),
      /** Replaces https://qyapi.weixin.qq.com (an egress proxy). */
      apiBaseUrl: z.string().trim().url().max(300).optional(),
    })
    .strict(),
  secretFields: ['secret', 'token', 'encodingAESKey'],
  webhookPath: (shopId) => `/channels/wecom-kf/${encodeURIComponent(shopId)}`,
  createAdapter,
  registerRoutes,
}
