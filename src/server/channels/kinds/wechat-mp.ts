/**
 * WeChat Official Account (公众号): credentials, the adapter, and the server URL
 * `/channels/wechat-mp/:shopId` (GET = WeChat's server verification, POST = messages and events,
 * plaintext or safe mode). See docs/channels.md.
 *
 * One channel object per shop lives as long as the process (it holds the callbacks waiting for a
 * passive reply); it is rebuilt when the shop's credentials change.
 */
import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import {
  createWechatMpChannel,
  type MpQuery,
  type WechatMpChannel,
} from '../../../adapters/channel-wechat-mp/wechat-mp-channel.js'
import {
  WECHAT_MP_SECRET_FIELDS,
  type WechatMpCredentials,
  wechatMpCredentialsSchema,
} from '../../../adapters/channel-wechat-mp/wechat-mp-credentials.js'
import type { ChannelCredentials, ChannelKindDefinition, ChannelRuntime } from '../channel-kind.js'

type Entry = { fingerprint: string; channel: WechatMpChannel }
const channels = new WeakMap<ChannelRuntime, Map<string, Entry>>()

function channelFor(shopId: string, creds: ChannelCredentials, runtime: ChannelRuntime): WechatMpChannel {
  let perShop = channels.get(runtime)
  if (!perShop) {
    perShop = new Map()
    channels.set(runtime, perShop)
  }
  const fingerprint = createHash('sha256').update(JSON.stringify(creds)).digest('hex')
  const found = perShop.get(shopId)
  if (found?.fingerprint === fingerprint) return found.channel
  const credentials = wechatMpCredentialsSchema.parse(creds) as WechatMpCredentials
  const log = runtime.logger.child({ channel: 'wechat-mp', shopId })
  const channel = createWechatMpChannel({
    shopId,
    credentials,
    state: runtime.state,
    clock: runtime.clock,
    apiTimeoutMs: runtime.httpTimeoutMs,
    fetch: runtime.fetch,
    log,
    onUndelivered: (_target, replies, result) =>
      log.warn(
        { replies: replies.length, kind: result.ok ? 'ok' : result.kind },
        'wechat-mp: a reply WeChat hung up on could not be sent through the API either',
      ),
  })
  perShop.set(shopId, { fingerprint, channel })
  return channel
}

/** The query as single strings (a repeated parameter keeps its first value). */
function queryOf(req: FastifyRequest): MpQuery {
  const out: MpQuery = {}
  for (const [k, v] of Object.entries((req.query ?? {}) as Record<string, unknown>)) {
    const first = Array.isArray(v) ? v[0] : v
    if (typeof first === 'string') out[k] = first
  }
  return out
}

const notConfigured = (reply: FastifyReply) =>
  reply.code(404).send({ error: { code: 'not_found', message: 'no WeChat Official Account channel for this shop' } })

export const wechatMpKind: ChannelKindDefinition = {
  kind: 'wechat-mp',
  title: 'WeChat Official Account (公众号)',
  credentials: wechatMpCredentialsSchema,
  secretFields: WECHAT_MP_SECRET_FIELDS,
  webhookPath: (shopId) => `/channels/wechat-mp/${encodeURIComponent(shopId)}`,
  createAdapter: (shopId, creds, runtime) => channelFor(shopId, creds, runtime).adapter,
  registerRoutes(scope, runtime) {
    const channelOf = async (shopId: string) => {
      const creds = await runtime.credentials(shopId, 'wechat-mp')
      return creds ? channelFor(shopId, creds, runtime) : null
    }

    scope.get<{ Params: { shopId: string } }>('/:shopId', async (req, reply) => {
      const channel = await channelOf(req.params.shopId)
      if (!channel) return notConfigured(reply)
      const a = channel.verify(queryOf(req))
      return reply.code(a.status).type(a.contentType).send(a.body)
    })

    scope.post<{ Params: { shopId: string } }>('/:shopId', async (req, reply) => {
      const { shopId } = req.params
      const channel = await channelOf(shopId)
      if (!channel) return notConfigured(reply)
      // WeChat hangs up after 5 s: a passive reply then goes out through the API instead.
      const hangUp = new AbortController()
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) hangUp.abort()
      })
      const body = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : ''
      const a = await channel.receive({ query: queryOf(req), body, signal: hangUp.signal }, async (event) => {
        const [result] = await runtime.dispatch(shopId, 'wechat-mp', channel.adapter, [event])
        // The bridge gave its claim back: have WeChat deliver the message again.
        if (result?.status === 'ignored' && result.reason.startsWith('failed_')) throw new Error(result.reason)
      })
      return reply.code(a.status).type(a.contentType).send(a.body)
    })
  },
}
