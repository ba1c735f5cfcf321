/**
 * The customer-facing chat API: conversations, messages, history and the live stream.
 * Every route checks the conversation token; a token for another conversation answers 404.
 */
import { createHmac } from 'node:crypto'
import type { WebSocket } from '@fastify/websocket'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { rateConversation } from '../../core/analytics/rate-conversation.js'
import {
  type ConversationService,
  conversationChannel,
  MAX_MESSAGE_CHARS,
  type StreamEvent,
} from '../../core/conversation/conversation-service.js'
import { localeSchema } from '../../core/domain/schemas.js'
import { AppError } from '../../core/errors.js'
import type { AttachmentStore } from '../../core/ports/attachment-store.js'
import type { Clock } from '../../core/ports/clock.js'
import type { PubSub } from '../../core/ports/pub-sub.js'
import type { Store } from '../../core/ports/store.js'
import {
  signConversationToken,
  type TokenClaims,
  tokenAge,
  verifyConversationToken,
  verifyCustomerSignature,
} from '../auth/conversation-token.js'
import { holdLiveSocket, type LiveSocketLimits } from '../http/live-socket.js'
import { toHttpError } from '../http/to-http-error.js'
import { parseBody } from '../http/validate.js'
import type { WindowCounter } from '../http/window-counter.js'
import { registerAttachmentRoutes } from './attachment-routes.js'

export type ChatRouteDeps = {
  /** Per-minute limits; 0 disables one. */
  limits: {
    conversationsPerMinute: number
    messagesPerMinute: number
    /** Messages one client address may send per minute over all its conversations. */
    clientMessagesPerMinute?: number
  }
  /** Counts per client for `clientMessagesPerMinute` (one-minute windows). */
  clientCounter?: WindowCounter
  store: Store
  conversations: ConversationService
  pubsub: PubSub
  secret: string
  newId: (prefix: string) => string
  clock: Clock
  /** Token lifetime and how long after expiry a token may still be renewed (seconds). */
  tokens?: { ttlSec: number; renewSec: number }
  /** Heartbeat interval and the unsent bytes a slow client may have waiting (live-socket.ts). */
  liveSockets?: LiveSocketLimits
  /** Pictures and voice messages (attachment-routes.ts); absent = no upload endpoint. */
  attachments?: { store: AttachmentStore; maxBytes: number }
}

const startSchema = z
  .object({
    shopId: z.string().min(1).max(64).default('demo'),
    customerId: z.string().min(1).max(64).optional(),
    signature: z.string().max(256).optional(),
    locale: localeSchema.optional(),
    channel: z.enum(['widget', 'api', 'app', 'miniprogram']).default('api'),
  })
  .strict()

const messageSchema = z
  .object({
    text: z.string().max(MAX_MESSAGE_CHARS, `text is longer than ${MAX_MESSAGE_CHARS} characters`),
    payload: z.string().max(500).optional(),
    /** A picture or voice message uploaded to this conversation first (POST …/attachments). */
    attachmentId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,100}$/)
      .optional(),
  })
  .strict()
  .refine((b) => b.text.trim().length > 0 || (b.payload ?? '').length > 0 || Boolean(b.attachmentId), {
    message: 'text must not be empty',
    path: ['text'],
  })

const idParam = z.object({ id: z.string().min(1).max(100) })

export function registerChatRoutes(app: FastifyInstance, deps: ChatRouteDeps): void {
  const { store, conversations, secret } = deps

  function claimsFor(req: FastifyRequest, conversationId: string, queryToken?: string): TokenClaims {
    const h = req.headers.authorization
    const raw = h?.startsWith('Bearer ') ? h.slice(7).trim() : queryToken
    if (!raw) throw new AppError('unauthorized', 'missing conversation token (Authorization: Bearer <token>)')
    const claims = verifyConversationToken(secret, raw)
    if (!claims) throw new AppError('unauthorized', 'invalid conversation token')
    // Same answer as a conversation that does not exist: a token reveals nothing about other ids.
    if (claims.conversationId !== conversationId) throw new AppError('not_found', 'conversation not found')
    if (tokenAge(claims, nowSec(), tokenLimits) !== 'valid') {
      throw new AppError(
        'unauthorized',
        `conversation token expired; renew it with POST ${tokenPath(conversationId)}`,
        {
          details: { reason: 'token_expired' },
        },
      )
    }
    return claims
  }

  const tokenLimits = deps.tokens ?? { ttlSec: 24 * 3600, renewSec: 30 * 24 * 3600 }
  const nowSec = () => Math.floor(deps.clock.now().getTime() / 1000)
  const tokenPath = (id: string) => `/api/v1/conversations/${id}/token`
  /** A fresh token for `claims`' conversation, expiring one TTL from now. */
  const issue = (c: Omit<TokenClaims, 'iat' | 'exp'>) => {
    const iat = nowSec()
    const exp = iat + tokenLimits.ttlSec
    return { token: signConversationToken(secret, { ...c, iat, exp }), expiresAt: new Date(exp * 1000).toISOString() }
  }

  // Throttles across conversations key on the client; the IP itself is not stored, only a keyed hash.
  const clientKey = (req: FastifyRequest) =>
    createHmac('sha256', secret).update(req.ip).digest('base64url').slice(0, 16)

  const perMinute = (max: number, key?: (req: FastifyRequest) => string) =>
    max > 0 ? { config: { rateLimit: { max, timeWindow: 60_000, ...(key ? { keyGenerator: key } : {}) } } } : {}

  app.post('/api/v1/conversations', perMinute(deps.limits.conversationsPerMinute), async (req, reply) => {
    const body = parseBody(startSchema, req.body ?? {})
    const shop = await store.shops.get(body.shopId)
    if (!shop) throw new AppError('not_found', `shop '${body.shopId}' does not exist`)
    let customerId: string | null = null
    if (body.customerId) {
      const signed = body.signature && verifyCustomerSignature(shop.widgetSecret, body.customerId, body.signature)
      if (!signed && !shop.demo) throw new AppError('unauthorized', 'customerId must be signed with the widget secret')
      if (body.signature && !signed) throw new AppError('unauthorized', 'customer signature does not match')
      customerId = body.customerId
    }
    const conv = await conversations.startConversation({
      shopId: shop.id,
      customerId,
      channel: body.channel,
      locale: body.locale ?? null,
    })
    const { token, expiresAt } = issue({ shopId: shop.id, conversationId: conv.id, customerId })
    reply.code(201)
    return { id: conv.id, token, expiresAt, shopId: shop.id, customerId, status: conv.status }
  })

  // Renewal: a token of this conversation — valid, or expired less than the renewal window ago —
  // is exchanged for a fresh one (the widget does this silently). Older tokens are refused: the
  // visitor starts a new conversation.
  app.post('/api/v1/conversations/:id/token', perMinute(deps.limits.conversationsPerMinute), async (req) => {
    const { id } = parseBody(idParam, req.params)
    const h = req.headers.authorization
    const raw = h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined
    if (!raw) throw new AppError('unauthorized', 'missing conversation token (Authorization: Bearer <token>)')
    const claims = verifyConversationToken(secret, raw)
    if (!claims) throw new AppError('unauthorized', 'invalid conversation token')
    if (claims.conversationId !== id) throw new AppError('not_found', 'conversation not found')
    if (tokenAge(claims, nowSec(), tokenLimits) === 'too_old')
      throw new AppError('unauthorized', 'conversation token is too old to renew; start a new conversation', {
        details: { reason: 'token_too_old' },
      })
    await conversations.getConversation(claims.shopId, id)
    return issue({ shopId: claims.shopId, conversationId: id, customerId: claims.customerId })
  })

  const clientMessages = deps.limits.clientMessagesPerMinute ?? 0
  app.post(
    '/api/v1/conversations/:id/messages',
    // The token is checked before anything is counted against the conversation: requests without a
    // valid token for it count against the sender's address, so nobody can lock an owner out.
    {
      ...perMinute(deps.limits.messagesPerMinute, (req) => {
        const id = (req.params as { id?: string }).id ?? ''
        const h = req.headers.authorization
        const claims = h?.startsWith('Bearer ') ? verifyConversationToken(secret, h.slice(7).trim()) : null
        return claims?.conversationId === id ? `msg:${id}` : `unauthenticated:${clientKey(req)}`
      }),
      // A second budget per client address over all its conversations: opening new conversations
      // does not reset it. (The rate-limit plugin runs one limiter per request, so it is counted here.)
      ...(clientMessages > 0 && deps.clientCounter
        ? {
            preHandler: async (req: FastifyRequest, reply: FastifyReply) => {
              const { count, resetMs } = await deps.clientCounter!.hit(`client-msg:${clientKey(req)}`)
              if (count <= clientMessages) return
              const retry = Math.max(1, Math.ceil(resetMs / 1000))
              reply.header('retry-after', String(retry))
              throw new AppError('rate_limited', `too many messages from this client; retry in ${retry} s`, {
                details: { retryAfterSeconds: retry },
              })
            },
          }
        : {}),
    },
    async (req) => {
      const { id } = parseBody(idParam, req.params)
      const claims = claimsFor(req, id)
      const body = parseBody(messageSchema, req.body)
      return conversations.handleMessage({
        shopId: claims.shopId,
        conversationId: id,
        text: body.text,
        ...(body.payload ? { payload: body.payload } : {}),
        ...(body.attachmentId ? { attachmentId: body.attachmentId } : {}),
        client: clientKey(req),
      })
    },
  )

  // CSAT: the customer rates the conversation 1–5; rating again replaces the earlier score.
  app.post('/api/v1/conversations/:id/rating', async (req, reply) => {
    const { id } = parseBody(idParam, req.params)
    const claims = claimsFor(req, id)
    const body = parseBody(z.object({ score: z.unknown(), comment: z.unknown().optional() }).strict(), req.body ?? {})
    const rating = await rateConversation(store, {
      shopId: claims.shopId,
      conversationId: id,
      score: body.score as number,
      ...(body.comment !== undefined ? { comment: body.comment as string } : {}),
      now: deps.clock.now(),
      newId: deps.newId,
    })
    reply.code(201)
    return rating
  })

  app.get('/api/v1/conversations/:id', async (req) => {
    const { id } = parseBody(idParam, req.params)
    const claims = claimsFor(req, id)
    const c = await conversations.getConversation(claims.shopId, id)
    return { id: c.id, status: c.status, locale: c.locale, state: c.state, customerId: c.customerId }
  })

  app.get('/api/v1/conversations/:id/messages', async (req) => {
    const { id } = parseBody(idParam, req.params)
    const q = parseBody(
      z.object({
        afterSeq: z.coerce.number().int().min(0).default(0),
        limit: z.coerce.number().int().min(1).max(500).default(200),
      }),
      req.query,
    )
    const claims = claimsFor(req, id)
    await conversations.getConversation(claims.shopId, id)
    const messages = await conversations.history(claims.shopId, id, q.afterSeq, q.limit)
    return { conversationId: id, messages }
  })

  if (deps.attachments) {
    registerAttachmentRoutes(app, {
      attachments: deps.attachments.store,
      maxBytes: deps.attachments.maxBytes,
      newId: deps.newId,
      clock: deps.clock,
      claimsFor,
      perMinute: deps.limits.messagesPerMinute,
      async conversationOpen(shopId, id) {
        const c = await conversations.getConversation(shopId, id)
        if (c.status === 'closed') throw new AppError('conflict', 'conversation is closed')
      },
    })
  }

  app.get('/api/v1/conversations/:id/stream', { websocket: true }, async (socket: WebSocket, req) => {
    const params = req.params as { id?: string }
    const token = (req.query as { token?: string }).token
    let claims: TokenClaims
    try {
      claims = claimsFor(req, params.id ?? '', token)
      await conversations.getConversation(claims.shopId, params.id ?? '')
    } catch (e) {
      const { body } = toHttpError(e)
      socket.send(JSON.stringify({ type: 'error', ...body }))
      socket.close(4000 + (toHttpError(e).status % 1000), body.error.code)
      return
    }
    // Heartbeat and back-pressure (src/server/http/live-socket.ts).
    const live = holdLiveSocket(socket, deps.liveSockets)
    const unsubscribe = await deps.pubsub.subscribe(
      conversationChannel(claims.shopId, claims.conversationId),
      (ev: unknown) => live.send(ev as StreamEvent),
    )
    socket.on('close', () => {
      void unsubscribe()
    })
    // The socket may have closed while subscribing.
    if (socket.readyState !== 1) void unsubscribe()
    live.send({ type: 'ready', conversationId: claims.conversationId })
  })
}
