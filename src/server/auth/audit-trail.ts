/**
 * The audit log: every state-changing admin request that succeeded is recorded with who made it
 * (the staff account, or the API key for machines), the action, its target and the status code.
 * Bodies are never recorded (they may hold passwords or customer text). The staff routes write
 * their own, more specific entries (`staff.*`, `staff.login`…) and are skipped here.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Shop } from '../../core/domain/records.js'
import type { AuditEntry, StaffAccount } from '../../core/domain/staff-records.js'
import type { Clock } from '../../core/ports/clock.js'
import type { Store } from '../../core/ports/store.js'
import type { Principal } from './staff-auth.js'

/** Named actions for the routes a reader of the log cares most about; others get a derived name. */
const ACTIONS: Record<string, string> = {
  'POST /api/v1/admin/agent/conversations/:id/claim': 'conversation.claim',
  'POST /api/v1/admin/agent/conversations/:id/messages': 'conversation.reply',
  'POST /api/v1/admin/agent/conversations/:id/notes': 'conversation.note',
  'POST /api/v1/admin/agent/conversations/:id/release': 'conversation.release',
  'POST /api/v1/admin/agent/conversations/:id/close': 'conversation.close',
  'POST /api/v1/admin/agent/conversations/:id/transfer': 'conversation.transfer',
  'PATCH /api/v1/admin/shop/settings': 'settings.update',
}

/** `PUT /api/v1/admin/knowledge/faq/:id` → `knowledge.faq.update`. */
export function actionName(method: string, route: string): string {
  const named = ACTIONS[`${method} ${route}`]
  if (named) return named
  const parts = route
    .replace(/^\/api\/v1\/admin\//, '')
    .split('/')
    .filter((p) => p && !p.startsWith(':') && p !== '*')
  const verb = method === 'DELETE' ? 'delete' : method === 'PUT' || method === 'PATCH' ? 'update' : null
  return [...parts, ...(verb ? [verb] : [])].join('.')
}

export type ActorOverride = { id: string; name: string }

/** What a route adds to its audit entry: a more specific action, and facts that are not customer text. */
export type AuditNote = { action?: string; data?: Record<string, unknown> }

/** Who acted: a person (their account) or a machine (the shop API key). A `Principal` is one. */
export type Actor = { kind: 'staff'; shop: Shop; account: StaffAccount } | { kind: 'machine'; shop: Shop }

export function createAuditTrail(deps: { store: Store; clock: Clock; newId: (prefix: string) => string }) {
  const actors = new WeakMap<FastifyRequest, ActorOverride>()
  const notes = new WeakMap<FastifyRequest, AuditNote>()

  async function record(
    p: Actor,
    action: string,
    target: string | null,
    data: Record<string, unknown> = {},
    actor?: ActorOverride,
  ): Promise<void> {
    const e: AuditEntry = {
      id: deps.newId('aud'),
      shopId: p.shop.id,
      actorId: actor?.id ?? (p.kind === 'staff' ? p.account.id : 'api-key'),
      actorName: actor?.name ?? (p.kind === 'staff' ? p.account.displayName : 'API key'),
      actorKind: p.kind,
      action,
      target,
      data,
      createdAt: deps.clock.now().toISOString(),
    }
    await deps.store.audit.append(e)
  }

  return {
    record,
    /** A machine request acting as an account (`x-kefu-agent`): the log names the account. */
    actAs(req: FastifyRequest, actor: ActorOverride): void {
      actors.set(req, actor)
    },
    /** A route's own action name and facts for its entry (e.g. `ticket.assign` with the assignee). */
    describe(req: FastifyRequest, note: AuditNote): void {
      const prev = notes.get(req)
      notes.set(req, { ...prev, ...note, data: { ...prev?.data, ...note.data } })
    },
    /** Records every successful state-changing admin request authenticated by `principalOf`. */
    install(app: FastifyInstance, principalOf: (req: FastifyRequest) => Principal | undefined): void {
      // onSend, not onResponse: the entry is stored before the client hears the action succeeded.
      app.addHook('onSend', async (req, reply, payload) => {
        if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return payload
        if (reply.statusCode >= 400) return payload
        const route = req.routeOptions.url
        if (!route?.startsWith('/api/v1/admin/') || route.startsWith('/api/v1/admin/staff')) return payload
        const p = principalOf(req)
        if (!p) return payload
        const params = (req.params ?? {}) as Record<string, unknown>
        const target = typeof params.id === 'string' ? params.id : typeof params.sku === 'string' ? params.sku : null
        const note = notes.get(req)
        await record(
          p,
          note?.action ?? actionName(req.method, route),
          target,
          { route, status: reply.statusCode, ...note?.data },
          actors.get(req),
        ).catch((err) => req.log.error({ err }, 'audit entry not written'))
        return payload
      })
    },
  }
}

export type AuditTrail = ReturnType<typeof createAuditTrail>
