/** Staff records: the shop's people (accounts, their sign-in sessions) and what they did (audit log). */

/** `owner` and `admin` manage the shop; `agent` works conversations; `analyst` only reads. */
export type StaffRole = 'owner' | 'admin' | 'agent' | 'analyst'
export const STAFF_ROLES: readonly StaffRole[] = ['owner', 'admin', 'agent', 'analyst']

/** Presence for routing: only `online` agents get new conversations. */
export type StaffStatus = 'online' | 'away' | 'offline'
export const STAFF_STATUSES: readonly StaffStatus[] = ['online', 'away', 'offline']

export type StaffAccount = {
  id: string
  shopId: string
  /** Sign-in name, unique per shop (lower case). */
  username: string
  /** Shown to customers and colleagues. */
  displayName: string
  role: StaffRole
  /** `scrypt$N$r$p$salt$hash` (see src/server/auth/password-hash.ts); never leaves the server. */
  passwordHash: string
  status: StaffStatus
  /** Conversations the agent may hold at once (routing never offers more). */
  maxChats: number
  createdAt: string
  updatedAt: string
}

/** A sign-in session. `id` is the SHA-256 of the cookie's token: the token itself is never stored. */
export type StaffSession = {
  id: string
  shopId: string
  accountId: string
  /** Double-submit token: state-changing cookie requests send it back in `x-kefu-csrf`. */
  csrfToken: string
  createdAt: string
  expiresAt: string
  revokedAt: string | null
}

/** One staff (or machine) action. `actorKind: 'machine'` is the shop API key. */
export type AuditEntry = {
  id: string
  shopId: string
  actorId: string
  actorName: string
  actorKind: 'staff' | 'machine' | 'cli'
  /** What was done, e.g. `conversation.claim`, `knowledge.publish`, `staff.create`. */
  action: string
  /** What it was done to (conversation id, FAQ id, account id…), when any. */
  target: string | null
  data: Record<string, unknown>
  createdAt: string
}
