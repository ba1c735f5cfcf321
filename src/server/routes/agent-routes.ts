/**
 * The agent API under /api/v1/admin/agent: the human queue, an agent's own conversations, one
 * conversation's whole context, and the transitions (claim, reply, note, release, close), plus a
 * WebSocket pushing queue changes and the live messages of the conversations an agent is viewing.
 *
 * Auth: a staff session (the console: cookie + CSRF token, role-checked) acts as its own account.
 * The shop API key (machines) must name the account it acts for in `x-kefu-agent: <account id or
 * username>` (URL-encoded UTF-8); the display name always comes from the account, never from a header.
 */

import type { WebSocket } from '@fastify/websocket'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { conversationChannel, MAX_MESSAGE_CHARS } from '../../core/conversation/conversation-service.js'
import type { Conversation, Shop } from '../../core/domain/records.js'
import type { StaffAccount } from '../../core/domain/staff-records.js'
import { AppError } from '../../core/errors.js'
import {
  type AgentDesk,
  type AgentIdentity,
  agentOf,
  createAgentDesk,
  MAX_NOTE_CHARS,
} from '../../core/handoff/agent-desk.js'
import { deskChannel } from '../../core/handoff/desk-channel.js'
import type { Clock } from '../../core/ports/clock.js'
import type { PubSub } from '../../core/ports/pub-sub.js'
import type { Store } from '../../core/ports/store.js'
import type { Router } from '../../core/routing/router.js'
import { findStaff } from '../auth/staff-accounts.js'
import { cookieFromHeader, SESSION_COOKIE, sameSecret } from '../auth/staff-auth.js'
import type { Access, RouteModule } from '../build-app.js'
import { holdLiveSocket } from '../http/live-socket.js'
import { stripNul } from '../http/strip-nul.js'
import { toHttpError } from '../http/to-http-error.js'
import { parseBody } from '../http/validate.js'
import { agentOpenApi } from './agent-openapi.js'

export type AgentRouteDeps = {
  desk: AgentDesk
  store: Store
  pubsub: PubSub
  authShop(req: FastifyRequest): Promise<Shop>
  access: Access
  router: Router
  clock: Clock
  /** Relays an agent's reply to the messaging platform the conversation came from (never throws). */
  relayReply?: (shopId: string, conversationId: string, text: string) => Promise<void>
  /** Sends the customer's notices of a transition (an agent joined, back to the bot, closed) to the platform. */
  relayNotice?: (shopId: string, conversationId: string, text: string) => Promise<void>
}

const BASE = '/api/v1/admin/agent'
/** How many conversations one console may watch live at once. */
export const MAX_WATCHED = 50

const idParams = z.object({ id: z.string().min(1).max(100) })
const replyBody = z.object({ text: z.string().trim().min(1, 'text must not be empty').max(MAX_MESSAGE_CHARS) }).strict()
const noteBody = z.object({ text: z.string().trim().min(1, 'text must not be empty').max(MAX_NOTE_CHARS) }).strict()
/** Transitions take no body; an empty object is accepted for clients that always send one. */
const emptyBody = z.object({}).strict()
const transferBody = z
  .object({ agentId: z.string().min(1).max(100).optional(), queue: z.string().min(1).max(40).optional() })
  .strict()
  .refine((b) => Boolean(b.agentId) !== Boolean(b.queue), 'name exactly one of agentId or queue')

/**
 * Checks an identity value (id or display name). Header values are URL-encoded (HTTP headers are
 * Latin-1) and decoded here; query parameters arrive already decoded.
 */
function identityValue(raw: string | undefined, what: string, encoded = true): string | null {
  if (raw === undefined || raw === '') return null
  let v: string
  try {
    v = (encoded ? decodeURIComponent(raw) : raw).trim()
  } catch {
    throw new AppError('invalid_input', `${what} is not valid URL-encoded UTF-8`)
  }
  if (!v || v.length > 64 || /\p{Cc}/u.test(v)) {
    throw new AppError('invalid_input', `${what} must be 1 to 64 printable characters`)
  }
  return v
}

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name]
  return Array.isArray(v) ? v[0] : v
}

/** The account id or username a machine (API key) request acts for, from `x-kefu-agent`. */
export function agentHeader(req: FastifyRequest): string {
  const id = identityValue(header(req, 'x-kefu-agent'), 'x-kefu-agent')
  if (!id) throw new AppError('unauthorized', 'missing agent account (x-kefu-agent: <account id or username>)')
  return id
}

/** The host of an Origin header, or null when it is not a URL. */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host
  } catch {
    return null
  }
}

const identityOf = (a: StaffAccount): AgentIdentity => ({ id: a.id, name: a.displayName })

function summary(c: Conversation) {
  return {
    id: c.id,
    status: c.status,
    locale: c.locale,
    agent: c.status === 'human' ? agentOf(c) : null,
    updatedAt: c.updatedAt,
  }
}

/** Registers the agent routes on `app`. */
export function registerAgentRoutes(app: FastifyInstance, deps: AgentRouteDeps): void {
  const { desk } = deps

  /**
   * The shop and the acting account: the signed-in person, or — with the API key — the account named
   * in `x-kefu-agent` (the key first: a wrong key learns nothing about accounts).
   */
  async function auth(req: FastifyRequest): Promise<{ shop: Shop; agent: AgentIdentity; account: StaffAccount }> {
    const shop = await deps.authShop(req)
    const p = deps.access.auth.principalOf(req)
    if (p?.kind === 'staff') return { shop, agent: identityOf(p.account), account: p.account }
    const named = agentHeader(req)
    const account = await findStaff(deps.store, shop.id, named)
    if (!account) throw new AppError('unauthorized', `no staff account '${named}' in this shop`)
    const agent = identityOf(account)
    deps.access.audit.actAs(req, agent)
    return { shop, agent, account }
  }

  const notices = async (shopId: string, id: string, messages: Array<{ role: string; text: string }>) => {
    for (const m of messages) if (m.role === 'system') await deps.relayNotice?.(shopId, id, m.text)
  }

  /** Anything that frees an agent lets the router offer waiting conversations again. */
  const reroute = (shopId: string) => deps.router.sweep(shopId).catch(() => undefined)

  app.get(`${BASE}/queue`, async (req) => {
    const { shop } = await auth(req)
    return { queue: await desk.queue(shop.id), serverTime: deps.clock.now().toISOString() }
  })

  app.get(`${BASE}/mine`, async (req) => {
    const { shop, agent } = await auth(req)
    return { conversations: await desk.mine(shop.id, agent.id) }
  })

  app.get(`${BASE}/conversations/:id`, async (req) => {
    const { shop, agent } = await auth(req)
    const { id } = parseBody(idParams, req.params)
    const ctx = await desk.context(shop.id, id)
    return { ...ctx, viewer: { agent, isAssignee: ctx.conversation.agent?.id === agent.id } }
  })

  app.post(`${BASE}/conversations/:id/claim`, async (req) => {
    const { shop, agent, account } = await auth(req)
    const { id } = parseBody(idParams, req.params)
    parseBody(emptyBody, req.body ?? {})
    const existing = await deps.store.conversations.get(shop.id, id)
    const mine = existing?.status === 'human' && (existing.state.agent as { id?: string } | undefined)?.id === agent.id
    if (existing && !mine && !(await deps.router.hasRoomFor(shop.id, account, id))) {
      throw new AppError('conflict', `you already hold ${account.maxChats} conversations (your capacity)`, {
        details: { reason: 'at_capacity', maxChats: account.maxChats },
      })
    }
    const r = await desk.claim(shop.id, id, agent)
    await notices(shop.id, id, r.messages)
    return { conversation: summary(r.conversation), messages: r.messages }
  })

  app.post(`${BASE}/conversations/:id/messages`, async (req, reply) => {
    const { shop, agent } = await auth(req)
    const { id } = parseBody(idParams, req.params)
    const body = parseBody(replyBody, req.body ?? {})
    const message = await desk.reply(shop.id, id, agent, body.text)
    await deps.relayReply?.(shop.id, id, message.text)
    reply.code(201)
    return { message }
  })

  app.post(`${BASE}/conversations/:id/notes`, async (req, reply) => {
    const { shop, agent } = await auth(req)
    const { id } = parseBody(idParams, req.params)
    const body = parseBody(noteBody, req.body ?? {})
    const note = await desk.note(shop.id, id, agent, body.text)
    reply.code(201)
    return { note }
  })

  app.post(`${BASE}/conversations/:id/release`, async (req) => {
    const { shop, agent } = await auth(req)
    const { id } = parseBody(idParams, req.params)
    parseBody(emptyBody, req.body ?? {})
    const r = await desk.release(shop.id, id, agent)
    await notices(shop.id, id, r.messages)
    await reroute(shop.id)
    return { conversation: summary(r.conversation), messages: r.messages }
  })

  app.post(`${BASE}/conversations/:id/transfer`, async (req) => {
    const { shop, agent, account } = await auth(req)
    const { id } = parseBody(idParams, req.params)
    const body = parseBody(transferBody, req.body ?? {})
    const manager = account.role === 'owner' || account.role === 'admin'
    const target = body.agentId ? await findStaff(deps.store, shop.id, body.agentId) : null
    if (body.agentId && !target) throw new AppError('not_found', 'no such agent in this shop')
    const c = await deps.router.transfer(
      shop.id,
      id,
      { ...agent, manager },
      { ...(target ? { agentId: target.id } : {}), ...(body.queue ? { queue: body.queue } : {}) },
    )
    await reroute(shop.id)
    return { conversation: summary(c) }
  })

  app.post(`${BASE}/conversations/:id/close`, async (req) => {
    const { shop, agent } = await auth(req)
    const { id } = parseBody(idParams, req.params)
    parseBody(emptyBody, req.body ?? {})
    const r = await desk.close(shop.id, id, agent)
    await notices(shop.id, id, r.messages)
    await reroute(shop.id)
    return { conversation: summary(r.conversation), messages: r.messages }
  })

  /**
   * Live desk: `?key=<apiKey>&agent=<id>[&name=<name>][&shop=<shopId>]` (a browser WebSocket cannot
   * send headers). Pushes `{type:'queue'|'note', …}` for the whole shop, and `{type:'message'|'status',
   * conversationId, …}` for the conversations named by the client's last `{type:'watch', conversationIds}`.
   */
  app.get(`${BASE}/stream`, { websocket: true }, async (socket: WebSocket, req) => {
    const q = (req.query ?? {}) as Record<string, string | undefined>
    let shop: Shop
    let agent: AgentIdentity
    try {
      const token = cookieFromHeader(req.headers.cookie, SESSION_COOKIE)
      if (q.key) {
        const found = await deps.store.shops.get(q.shop || 'demo')
        if (!found || !sameSecret(found.apiKey, q.key)) throw new AppError('unauthorized', 'invalid shop API key')
        const named = identityValue(q.agent, 'agent', false)
        if (!named) throw new AppError('unauthorized', 'missing agent account (?agent=<account id or username>)')
        const account = await findStaff(deps.store, found.id, named)
        if (!account) throw new AppError('unauthorized', `no staff account '${named}' in this shop`)
        shop = found
        agent = identityOf(account)
      } else if (token) {
        // A cookie rides along with any page's WebSocket: only our own pages may use it.
        const origin = header(req, 'origin')
        if (origin && hostOf(origin) !== req.headers.host)
          throw new AppError('forbidden', 'cross-origin desk connections are refused')
        const s = await deps.access.auth.sessionFor(token)
        shop = s.shop
        agent = identityOf(s.account)
      } else {
        throw new AppError('unauthorized', 'sign in, or pass the shop API key (?key=<apiKey>&agent=<account>)')
      }
    } catch (e) {
      const { status, body } = toHttpError(e)
      socket.send(JSON.stringify({ type: 'error', ...body }))
      socket.close(4000 + (status % 1000), body.error.code)
      return
    }

    // Heartbeat and back-pressure (src/server/http/live-socket.ts).
    const { send } = holdLiveSocket(socket)
    let closed = false
    const watched = new Map<string, Promise<() => Promise<void>>>()

    const unsubscribeDesk = await deps.pubsub.subscribe(deskChannel(shop.id), (ev) => send(ev))

    async function watch(ids: string[]): Promise<void> {
      const wanted = new Set(ids)
      for (const [id, sub] of watched) {
        if (wanted.has(id)) continue
        watched.delete(id)
        void sub.then((off) => off()).catch(() => undefined)
      }
      for (const id of wanted) {
        if (watched.has(id) || closed) continue
        // Only this shop's conversations: another shop's id is refused like a missing one.
        if (!(await desk.exists(shop.id, id))) {
          send({
            type: 'error',
            error: { code: 'not_found', message: `conversation ${id} not found` },
            conversationId: id,
          })
          continue
        }
        if (watched.has(id) || closed) continue
        watched.set(
          id,
          deps.pubsub.subscribe(conversationChannel(shop.id, id), (ev) => {
            send({ ...(ev as Record<string, unknown>), conversationId: id })
          }),
        )
      }
      send({ type: 'watching', conversationIds: [...watched.keys()] })
    }

    let pending = Promise.resolve()
    socket.on('message', (raw: Buffer) => {
      let frame: unknown
      try {
        frame = stripNul(JSON.parse(raw.toString('utf8')))
      } catch {
        send({ type: 'error', error: { code: 'invalid_json', message: 'frame is not valid JSON' } })
        return
      }
      const f = z
        .object({ type: z.literal('watch'), conversationIds: z.array(z.string().min(1).max(100)).max(MAX_WATCHED) })
        .safeParse(frame)
      if (!f.success) {
        send({
          type: 'error',
          error: {
            code: 'invalid_input',
            message: `expected {"type":"watch","conversationIds":[…at most ${MAX_WATCHED} ids]}`,
          },
        })
        return
      }
      // Watch requests apply in order, one at a time.
      pending = pending.then(() => watch(f.data.conversationIds)).catch(() => undefined)
    })

    socket.on('close', () => {
      closed = true
      void unsubscribeDesk()
      for (const sub of watched.values()) void sub.then((off) => off()).catch(() => undefined)
      watched.clear()
    })
    send({ type: 'ready', shopId: shop.id, agent })
  })
}

/** The agent API as a route module for src/server/route-modules.ts. */
export const agentRouteModule: RouteModule = {
  register(app, ctx, authShop, access) {
    const desk = createAgentDesk({
      store: ctx.store,
      conversations: ctx.conversations,
      knowledgeFor: (shopId) => ctx.knowledge.forShop(shopId),
      pubsub: ctx.pubsub,
      lock: ctx.lock,
      clock: () => ctx.clock.now(),
      newId: ctx.newId,
    })
    registerAgentRoutes(app, {
      desk,
      store: ctx.store,
      pubsub: ctx.pubsub,
      authShop,
      access,
      router: ctx.router,
      clock: ctx.clock,
      relayReply: (shopId, id, text) => ctx.channels.relayAgentReply(shopId, id, text),
      relayNotice: (shopId, id, text) => ctx.channels.relayNotice(shopId, id, text),
    })
    // The console is web/dist/console/index.html; the static files answer /console/ only.
    app.get('/console', async (_req, reply) => reply.redirect('/console/'))
  },
  openapi: agentOpenApi,
}
