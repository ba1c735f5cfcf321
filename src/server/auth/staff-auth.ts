/**
 * Who is calling the admin API: a signed-in staff member (cookie session, role-checked, CSRF
 * token on every state-changing request) or a machine holding the shop API key. One function
 * (`authenticate`) does it for every admin route; routes read the result with `principalOf`.
 *
 * Sessions: the cookie holds 32 random bytes; the store keeps only their SHA-256, so a database
 * dump holds no usable session. Cookies are HttpOnly, SameSite=Strict, Path=/, Secure when the
 * request came over HTTPS (directly or, with KEFU_TRUST_PROXY, through the proxy). The one cookie is
 * read and written here (no cookie plugin needed).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Shop } from '../../core/domain/records.js'
import type { StaffAccount, StaffSession } from '../../core/domain/staff-records.js'
import { AppError } from '../../core/errors.js'
import type { Clock } from '../../core/ports/clock.js'
import type { Store } from '../../core/ports/store.js'
import { mayCall } from '../../core/staff/role-policy.js'

export const SESSION_COOKIE = 'kefu_session'
export const CSRF_HEADER = 'x-kefu-csrf'

export type Principal =
  | { kind: 'staff'; shop: Shop; account: StaffAccount; session: StaffSession }
  | { kind: 'machine'; shop: Shop }

/** An account as the API shows it: never the password hash. */
export type StaffView = Omit<StaffAccount, 'passwordHash'>
export function staffView(a: StaffAccount): StaffView {
  const { passwordHash: _hidden, ...rest } = a
  return rest
}

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex')

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Reads one cookie from a raw `Cookie` header (WebSocket upgrades, where no parser ran). */
export function cookieFromHeader(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const i = part.indexOf('=')
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim())
      } catch {
        return undefined
      }
    }
  }
  return undefined
}

/** The session cookie (the token is base64url: no encoding needed). Max-Age 0 deletes it. */
function sessionCookie(req: FastifyRequest, token: string, maxAgeSec: number): string {
  const secure = req.protocol === 'https' ? '; Secure' : ''
  return `${SESSION_COOKIE}=${token}; Path=/; Max-Age=${maxAgeSec}; HttpOnly; SameSite=Strict${secure}`
}

export type StaffAuth = ReturnType<typeof createStaffAuth>

export function createStaffAuth(deps: { store: Store; clock: Clock; sessionTtlMinutes: number }) {
  const { store, clock } = deps
  const principals = new WeakMap<FastifyRequest, Principal>()

  async function fromApiKey(req: FastifyRequest, key: string): Promise<Principal> {
    const raw = req.headers['x-kefu-shop']
    const shopId = (Array.isArray(raw) ? raw[0] : raw) ?? 'demo'
    const shop = await store.shops.get(shopId)
    if (!shop || !sameSecret(shop.apiKey, key)) throw new AppError('unauthorized', 'invalid shop API key')
    return { kind: 'machine', shop }
  }

  /** The live session a cookie token names, or `unauthorized` with `details.reason`. */
  async function sessionFor(token: string): Promise<{ shop: Shop; account: StaffAccount; session: StaffSession }> {
    const session = token.length <= 128 ? await store.staffSessions.get(sessionIdOf(token)) : null
    if (!session) throw new AppError('unauthorized', 'not signed in', { details: { reason: 'session_invalid' } })
    if (session.revokedAt)
      throw new AppError('unauthorized', 'this session was signed out', { details: { reason: 'session_revoked' } })
    if (Date.parse(session.expiresAt) <= clock.now().getTime())
      throw new AppError('unauthorized', 'this session has expired; sign in again', {
        details: { reason: 'session_expired' },
      })
    const account = await store.staff.get(session.shopId, session.accountId)
    const shop = await store.shops.get(session.shopId)
    if (!account || !shop)
      throw new AppError('unauthorized', 'the account no longer exists', { details: { reason: 'session_invalid' } })
    return { shop, account, session }
  }

  function requireCsrf(req: FastifyRequest, session: StaffSession): void {
    if (SAFE_METHODS.has(req.method)) return
    const raw = req.headers[CSRF_HEADER]
    const sent = Array.isArray(raw) ? raw[0] : raw
    if (!sent || !sameSecret(sent, session.csrfToken)) {
      throw new AppError('forbidden', `missing or wrong CSRF token (${CSRF_HEADER} header)`, {
        details: { reason: 'csrf' },
      })
    }
  }

  /**
   * Authenticates an admin request: the API key when an `Authorization: Bearer` header is sent, else
   * the session cookie (CSRF-checked on writes, role-checked against the route). Remembers the result
   * for `principalOf`.
   */
  async function authenticate(req: FastifyRequest): Promise<Principal> {
    const known = principals.get(req)
    if (known) return known
    const h = req.headers.authorization
    const key = h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined
    let p: Principal
    if (key) {
      p = await fromApiKey(req, key)
    } else {
      const token = cookieFromHeader(req.headers.cookie, SESSION_COOKIE)
      if (!token)
        throw new AppError('unauthorized', 'sign in, or send the shop API key (Authorization: Bearer <apiKey>)')
      const s = await sessionFor(token)
      requireCsrf(req, s.session)
      const route = req.routeOptions.url ?? req.url
      if (!mayCall(s.account.role, req.method, route)) {
        throw new AppError('forbidden', `the ${s.account.role} role may not ${req.method} ${route}`, {
          details: { reason: 'role', role: s.account.role },
        })
      }
      p = { kind: 'staff', ...s }
    }
    principals.set(req, p)
    return p
  }

  /** Starts a session for `account`: sets the cookie, returns the CSRF token and expiry. */
  async function startSession(
    req: FastifyRequest,
    reply: FastifyReply,
    account: StaffAccount,
  ): Promise<{ csrfToken: string; expiresAt: string }> {
    const token = randomBytes(32).toString('base64url')
    const now = clock.now()
    const expiresAt = new Date(now.getTime() + deps.sessionTtlMinutes * 60_000).toISOString()
    const csrfToken = randomBytes(24).toString('base64url')
    await store.staffSessions.create({
      id: sessionIdOf(token),
      shopId: account.shopId,
      accountId: account.id,
      csrfToken,
      createdAt: now.toISOString(),
      expiresAt,
      revokedAt: null,
    })
    void reply.header('set-cookie', sessionCookie(req, token, deps.sessionTtlMinutes * 60))
    return { csrfToken, expiresAt }
  }

  function clearCookie(req: FastifyRequest, reply: FastifyReply): void {
    void reply.header('set-cookie', sessionCookie(req, '', 0))
  }

  return {
    authenticate,
    sessionFor,
    startSession,
    clearCookie,
    requireCsrf,
    /** The principal `authenticate` found for this request (after it ran). */
    principalOf(req: FastifyRequest): Principal | undefined {
      return principals.get(req)
    },
  }
}
