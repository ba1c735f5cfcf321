/**
 * Staff sign-in and accounts (docs/staff.md):
 *
 * - `/api/v1/staff/login|logout|me|me/status`: a person signs in with shop + username + password and
 *   gets an HttpOnly session cookie and a CSRF token; `me` answers who is signed in (and the CSRF
 *   token again, for a reloaded page); `me/status` sets presence (online / away / offline).
 * - `/api/v1/admin/staff…`: owners and admins list, add, change, reset the password of (revoking
 *   every session), and remove accounts; `/api/v1/admin/audit` reads the audit log.
 *
 * Sign-in failures are counted per account and per client address (Redis-backed when configured);
 * past the limit sign-in is refused with 429 whether or not the password is right.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { STAFF_STATUSES, type StaffStatus } from '../../core/domain/staff-records.js'
import { AppError } from '../../core/errors.js'
import type { Clock } from '../../core/ports/clock.js'
import type { Store } from '../../core/ports/store.js'
import { mayManage } from '../../core/staff/role-policy.js'
import type { AuditTrail } from '../auth/audit-trail.js'
import { dummyHash, verifyPassword } from '../auth/password-hash.js'
import {
  createStaffAccount,
  displayNameSchema,
  maxChatsSchema,
  resetStaffPassword,
  roleSchema,
  usernameSchema,
} from '../auth/staff-accounts.js'
import { cookieFromHeader, type Principal, SESSION_COOKIE, type StaffAuth, staffView } from '../auth/staff-auth.js'
import { parseBody } from '../http/validate.js'
import type { WindowCounter } from '../http/window-counter.js'

export type StaffRouteDeps = {
  store: Store
  clock: Clock
  newId: (prefix: string) => string
  auth: StaffAuth
  audit: AuditTrail
  authShop: (req: FastifyRequest) => Promise<unknown>
  /** Failed sign-ins, per window (KEFU_LOGIN_WINDOW_MINUTES). */
  failures: WindowCounter
  limits: { perAccount: number; perIp: number }
  /** Presence changed or an account changed: routing looks again. */
  onStaffChange?: (shopId: string) => Promise<void>
}

const loginBody = z
  .object({
    shopId: z.string().trim().min(1).max(64).default('demo'),
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(1024),
  })
  .strict()
const statusBody = z.object({ status: z.enum(STAFF_STATUSES as [StaffStatus, ...StaffStatus[]]) }).strict()
const createBody = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    role: roleSchema,
    password: z.string().max(1024),
    maxChats: maxChatsSchema.optional(),
  })
  .strict()
const patchBody = z
  .object({
    displayName: displayNameSchema,
    role: roleSchema,
    maxChats: maxChatsSchema,
    status: z.enum(STAFF_STATUSES as [StaffStatus, ...StaffStatus[]]),
  })
  .partial()
  .strict()
const passwordBody = z.object({ password: z.string().max(1024) }).strict()
const idParams = z.object({ id: z.string().min(1).max(100) })
const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  actorId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  since: z.string().datetime({ offset: true }).optional(),
})

export function registerStaffRoutes(app: FastifyInstance, deps: StaffRouteDeps): void {
  const { store, auth, audit } = deps

  const changed = async (shopId: string) => {
    await deps.onStaffChange?.(shopId).catch(() => undefined)
  }

  /** The signed-in person (cookie only: these routes are for people, not the API key). */
  async function me(req: FastifyRequest) {
    const token = cookieFromHeader(req.headers.cookie, SESSION_COOKIE)
    if (!token) throw new AppError('unauthorized', 'not signed in', { details: { reason: 'session_invalid' } })
    const s = await auth.sessionFor(token)
    auth.requireCsrf(req, s.session)
    return s
  }

  app.post('/api/v1/staff/login', async (req, reply) => {
    // JSON only: a cross-site HTML form (urlencoded, multipart, text/plain) cannot sign anyone in.
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
      throw new AppError('invalid_input', 'send the sign-in as application/json')
    const body = parseBody(loginBody, req.body ?? {})
    const username = body.username.toLowerCase()
    const accountKey = `login-fail:account:${body.shopId}:${username}`
    const ipKey = `login-fail:ip:${req.ip}`
    const [byAccount, byIp] = await Promise.all([deps.failures.peek(accountKey), deps.failures.peek(ipKey)])
    if (byAccount.count >= deps.limits.perAccount || byIp.count >= deps.limits.perIp) {
      const retry = Math.max(1, Math.ceil(Math.max(byAccount.resetMs, byIp.resetMs) / 1000))
      void reply.header('retry-after', String(retry))
      throw new AppError('rate_limited', `too many failed sign-ins; retry in ${retry} s`, {
        details: { retryAfterSeconds: retry },
      })
    }
    const account = await store.staff.getByUsername(body.shopId, username)
    // An unknown username costs the same scrypt time as a wrong password.
    const ok = (await verifyPassword(body.password, account?.passwordHash ?? (await dummyHash()))) && account !== null
    if (!ok || !account) {
      await Promise.all([deps.failures.hit(accountKey), deps.failures.hit(ipKey)])
      throw new AppError('unauthorized', 'wrong shop, username or password', { details: { reason: 'bad_credentials' } })
    }
    const session = await auth.startSession(req, reply, account)
    const shop = await store.shops.get(account.shopId)
    if (shop) await audit.record({ kind: 'staff', shop, account }, 'staff.login', account.id)
    return { account: staffView(account), ...session }
  })

  app.post('/api/v1/staff/logout', async (req, reply) => {
    const s = await me(req)
    await store.staffSessions.revoke(s.session.id, deps.clock.now().toISOString())
    auth.clearCookie(req, reply)
    await audit.record({ kind: 'staff', ...s }, 'staff.logout', s.account.id)
    return { signedOut: true }
  })

  app.get('/api/v1/staff/me', async (req) => {
    const s = await me(req)
    return {
      account: staffView(s.account),
      shop: { id: s.shop.id, name: s.shop.name },
      csrfToken: s.session.csrfToken,
      expiresAt: s.session.expiresAt,
    }
  })

  app.post('/api/v1/staff/me/status', async (req) => {
    const s = await me(req)
    if (s.account.role === 'analyst') throw new AppError('forbidden', 'analysts do not take conversations')
    const { status } = parseBody(statusBody, req.body ?? {})
    await store.staff.update(s.shop.id, s.account.id, { status, updatedAt: deps.clock.now().toISOString() })
    await audit.record({ kind: 'staff', ...s }, 'staff.status', s.account.id, { status })
    await changed(s.shop.id)
    return { account: staffView({ ...s.account, status }) }
  })

  // ---- account management (owners and admins; role-checked by authShop) ----

  const principal = async (req: FastifyRequest): Promise<Principal> => {
    await deps.authShop(req)
    return auth.principalOf(req)!
  }
  const actor = (p: Principal) => (p.kind === 'staff' ? p.account : ('machine' as const))

  async function target(p: Principal, id: string) {
    const a = await store.staff.get(p.shop.id, id)
    if (!a) throw new AppError('not_found', 'staff account not found')
    return a
  }

  app.get('/api/v1/admin/staff', async (req) => {
    const p = await principal(req)
    return { staff: (await store.staff.list(p.shop.id)).map(staffView) }
  })

  app.post('/api/v1/admin/staff', async (req, reply) => {
    const p = await principal(req)
    const body = parseBody(createBody, req.body ?? {})
    if (!mayManage(actor(p), body.role)) throw new AppError('forbidden', 'only an owner may add an owner')
    const a = await createStaffAccount(store, { shopId: p.shop.id, ...body }, { clock: deps.clock, newId: deps.newId })
    await audit.record(p, 'staff.create', a.id, { username: a.username, role: a.role })
    reply.code(201)
    return { account: staffView(a) }
  })

  app.patch('/api/v1/admin/staff/:id', async (req) => {
    const p = await principal(req)
    const { id } = parseBody(idParams, req.params)
    const body = parseBody(patchBody, req.body ?? {})
    const a = await target(p, id)
    if (!mayManage(actor(p), a.role, body.role ?? a.role))
      throw new AppError('forbidden', 'only an owner may change an owner')
    await store.staff.update(p.shop.id, id, { ...body, updatedAt: deps.clock.now().toISOString() })
    await audit.record(p, 'staff.update', id, { fields: Object.keys(body) })
    await changed(p.shop.id)
    return { account: staffView((await store.staff.get(p.shop.id, id))!) }
  })

  app.post('/api/v1/admin/staff/:id/password', async (req) => {
    const p = await principal(req)
    const { id } = parseBody(idParams, req.params)
    const { password } = parseBody(passwordBody, req.body ?? {})
    const a = await target(p, id)
    if (!mayManage(actor(p), a.role)) throw new AppError('forbidden', "only an owner may reset an owner's password")
    const revoked = await resetStaffPassword(store, p.shop.id, id, password, deps.clock)
    await audit.record(p, 'staff.reset_password', id, { sessionsRevoked: revoked })
    return { reset: true, sessionsRevoked: revoked }
  })

  app.delete('/api/v1/admin/staff/:id', async (req) => {
    const p = await principal(req)
    const { id } = parseBody(idParams, req.params)
    const a = await target(p, id)
    if (!mayManage(actor(p), a.role)) throw new AppError('forbidden', 'only an owner may remove an owner')
    if (p.kind === 'staff' && p.account.id === id) throw new AppError('conflict', 'you cannot remove your own account')
    await store.staff.delete(p.shop.id, id)
    await audit.record(p, 'staff.remove', id, { username: a.username, role: a.role })
    await changed(p.shop.id)
    return { removed: true }
  })

  app.get('/api/v1/admin/audit', async (req) => {
    const p = await principal(req)
    const q = parseBody(auditQuery, req.query ?? {})
    const entries = await store.audit.list(p.shop.id, {
      limit: q.limit,
      offset: q.offset,
      ...(q.actorId ? { actorId: q.actorId } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.since ? { since: q.since } : {}),
    })
    return { entries }
  })
}

const staffSecurity = [{ staffSession: [] }]
const adminSecurity = [{ staffSession: [] }, { shopApiKey: [] }]
const r = (d: string) => ({ description: d })

/** OpenAPI paths of the staff routes, merged into /api/v1/openapi.json. */
export const staffOpenApi: Record<string, unknown> = {
  '/api/v1/staff/login': {
    post: {
      summary: 'Sign in with shop + username + password (JSON); sets the HttpOnly session cookie',
      responses: {
        '200': r('{account, csrfToken, expiresAt}'),
        '401': r('wrong shop, username or password'),
        '429': r('too many failed sign-ins (per account or address)'),
      },
    },
  },
  '/api/v1/staff/logout': {
    post: { summary: 'Revoke this session', security: staffSecurity, responses: { '200': r('{signedOut}') } },
  },
  '/api/v1/staff/me': {
    get: {
      summary: 'The signed-in account, shop, CSRF token and expiry',
      security: staffSecurity,
      responses: {
        '200': r('{account, shop, csrfToken, expiresAt}'),
        '401': r('session_invalid | session_expired | session_revoked'),
      },
    },
  },
  '/api/v1/staff/me/status': {
    post: {
      summary: 'Set presence: {status: online|away|offline}',
      security: staffSecurity,
      responses: { '200': r('{account}') },
    },
  },
  '/api/v1/admin/staff': {
    get: { summary: 'List accounts (owner, admin)', security: adminSecurity, responses: { '200': r('{staff}') } },
    post: {
      summary: 'Add an account {username, displayName, role, password, maxChats?} (only an owner adds an owner)',
      security: adminSecurity,
      responses: { '201': r('{account}'), '409': r('username taken') },
    },
  },
  '/api/v1/admin/staff/{id}': {
    patch: {
      summary: 'Change displayName, role, maxChats or status',
      security: adminSecurity,
      responses: { '200': r('{account}') },
    },
    delete: {
      summary: 'Remove the account (its sessions end)',
      security: adminSecurity,
      responses: { '200': r('{removed}') },
    },
  },
  '/api/v1/admin/staff/{id}/password': {
    post: {
      summary: 'Reset the password {password}; revokes every session of the account',
      security: adminSecurity,
      responses: { '200': r('{reset, sessionsRevoked}') },
    },
  },
  '/api/v1/admin/audit': {
    get: {
      summary: 'The audit log, newest first (?limit, offset, actorId, action, since)',
      security: adminSecurity,
      responses: { '200': r('{entries: [{id, actorId, actorName, actorKind, action, target, data, createdAt}]}') },
    },
  },
}
