/**
 * Who gets an offered conversation: an online, agent-capable member of the queue with room under
 * their capacity (`maxChats`), preferring the customer's last agent (sticky) and otherwise the least
 * busy one (ties: the one idle longest by last assignment, then by username).
 */
import type { StaffAccount } from '../domain/staff-records.js'
import type { QueueSettings } from './routing-settings.js'

/** Roles that take conversations (analysts only read). */
export const SERVING_ROLES = new Set(['owner', 'admin', 'agent'])

/** The accounts serving `queueId`: its members, or every serving account when it lists none. */
export function membersOf(
  queueId: string,
  queues: readonly QueueSettings[],
  staff: readonly StaffAccount[],
): StaffAccount[] {
  const serving = staff.filter((a) => SERVING_ROLES.has(a.role))
  const q = queues.find((x) => x.id === queueId)
  if (!q || q.members.length === 0) return serving
  const names = new Set(q.members.map((m) => m.toLowerCase()))
  return serving.filter((a) => names.has(a.id.toLowerCase()) || names.has(a.username))
}

export type AgentLoad = { active: number; lastAssignedAt: string | null }

/** Whether the account can take one more conversation now. */
export function hasRoom(a: StaffAccount, load: AgentLoad | undefined): boolean {
  return a.status === 'online' && SERVING_ROLES.has(a.role) && (load?.active ?? 0) < a.maxChats
}

export function chooseAgent(input: {
  members: readonly StaffAccount[]
  load: ReadonlyMap<string, AgentLoad>
  /** Accounts that already let this conversation's offer time out (or declined it). */
  exclude?: ReadonlySet<string>
  /** The customer's last agent, when known. */
  stickyId?: string | null
}): StaffAccount | null {
  const candidates = input.members.filter((a) => !input.exclude?.has(a.id) && hasRoom(a, input.load.get(a.id)))
  if (candidates.length === 0) return null
  const sticky = input.stickyId ? candidates.find((a) => a.id === input.stickyId) : undefined
  if (sticky) return sticky
  return [...candidates].sort((a, b) => {
    const la = input.load.get(a.id)
    const lb = input.load.get(b.id)
    return (
      (la?.active ?? 0) - (lb?.active ?? 0) ||
      (la?.lastAssignedAt ?? '').localeCompare(lb?.lastAssignedAt ?? '') ||
      a.username.localeCompare(b.username)
    )
  })[0]!
}
