/**
 * Which staff roles may call which admin route. One table for the whole admin API, checked by the
 * server's auth before any route runs (docs/staff.md):
 *
 * | routes | read (GET) | write |
 * | --- | --- | --- |
 * | agent desk, tickets | every role | owner, admin, agent |
 * | staff accounts, audit log, widget secret | owner, admin | owner, admin |
 * | everything else (settings, knowledge, catalog, analytics, LLM, proactive) | owner, admin, analyst | owner, admin |
 *
 * `analyst` never writes. The shop API key (machine access) is not a role and is not checked here.
 */
import type { StaffAccount, StaffRole } from '../domain/staff-records.js'

const ALL: readonly StaffRole[] = ['owner', 'admin', 'agent', 'analyst']
const MANAGERS: readonly StaffRole[] = ['owner', 'admin']
const WORKERS: readonly StaffRole[] = ['owner', 'admin', 'agent']
const READERS: readonly StaffRole[] = ['owner', 'admin', 'analyst']

const isRead = (method: string) => method === 'GET' || method === 'HEAD'

/** The roles allowed to call `method route` (route as registered, e.g. `/api/v1/admin/tickets/:id`). */
export function rolesFor(method: string, route: string): readonly StaffRole[] {
  const read = isRead(method.toUpperCase())
  if (route.startsWith('/api/v1/admin/agent') || route.startsWith('/api/v1/admin/tickets')) {
    return read ? ALL : WORKERS
  }
  if (
    route.startsWith('/api/v1/admin/staff') ||
    route.startsWith('/api/v1/admin/audit') ||
    route === '/api/v1/admin/shop/widget'
  )
    return MANAGERS
  return read ? READERS : MANAGERS
}

export function mayCall(role: StaffRole, method: string, route: string): boolean {
  return rolesFor(method, route).includes(role)
}

/**
 * Whether `actor` may create, change or remove an account with role `target` (before and after):
 * owners manage everyone; admins manage admins, agents and analysts but never an owner.
 */
export function mayManage(actor: Pick<StaffAccount, 'role'> | 'machine', ...targets: StaffRole[]): boolean {
  if (actor === 'machine' || actor.role === 'owner') return true
  if (actor.role !== 'admin') return false
  return targets.every((t) => t !== 'owner')
}
