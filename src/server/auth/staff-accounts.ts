/**
 * Creating, changing and removing staff accounts: shared by the admin API and `kefu staff`.
 * Passwords are checked for length and hashed here; a password reset revokes every session.
 */
import { z } from 'zod'
import { STAFF_ROLES, type StaffAccount, type StaffRole } from '../../core/domain/staff-records.js'
import { AppError } from '../../core/errors.js'
import type { Clock } from '../../core/ports/clock.js'
import type { Store } from '../../core/ports/store.js'
import { parseBody } from '../http/validate.js'
import { hashPassword, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS } from './password-hash.js'

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._@-]{1,63}$/, 'username: 2-64 of a-z, 0-9, . _ @ - (starting with a letter or digit)')
export const displayNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((v) => !/\p{Cc}/u.test(v), 'display name must be printable')
export const roleSchema = z.enum(STAFF_ROLES as [StaffRole, ...StaffRole[]])
export const maxChatsSchema = z.number().int().min(0).max(50)

/** Throws `invalid_input` unless the password is 8 to 256 characters. */
export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_CHARS || password.length > MAX_PASSWORD_CHARS) {
    throw new AppError('invalid_input', `password must be ${MIN_PASSWORD_CHARS} to ${MAX_PASSWORD_CHARS} characters`)
  }
}

export type NewStaff = {
  shopId: string
  username: string
  displayName: string
  role: StaffRole
  password: string
  maxChats?: number
}

export async function createStaffAccount(
  store: Store,
  input: NewStaff,
  deps: { clock: Clock; newId: (prefix: string) => string },
): Promise<StaffAccount> {
  if (!(await store.shops.get(input.shopId))) throw new AppError('not_found', `shop '${input.shopId}' does not exist`)
  const username = parseBody(usernameSchema, input.username)
  const displayName = parseBody(displayNameSchema, input.displayName)
  checkPassword(input.password)
  if (await store.staff.getByUsername(input.shopId, username)) {
    throw new AppError('conflict', `username '${username}' is taken in this shop`)
  }
  const at = deps.clock.now().toISOString()
  const account: StaffAccount = {
    id: deps.newId('stf'),
    shopId: input.shopId,
    username,
    displayName,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    status: 'offline',
    maxChats: input.maxChats ?? 5,
    createdAt: at,
    updatedAt: at,
  }
  await store.staff.create(account)
  return account
}

/** Sets a new password and revokes every session of the account; returns how many were revoked. */
export async function resetStaffPassword(
  store: Store,
  shopId: string,
  id: string,
  password: string,
  clock: Clock,
): Promise<number> {
  checkPassword(password)
  const at = clock.now().toISOString()
  const passwordHash = await hashPassword(password)
  return store.transaction(async (tx) => {
    await tx.staff.update(shopId, id, { passwordHash, updatedAt: at })
    return tx.staffSessions.revokeAll(shopId, id, at)
  })
}

/** Finds an account by id or username (the CLI and the API key's `x-kefu-agent` accept either). */
export async function findStaff(store: Store, shopId: string, idOrUsername: string): Promise<StaffAccount | null> {
  return (
    (await store.staff.get(shopId, idOrUsername)) ??
    (await store.staff.getByUsername(shopId, idOrUsername.trim().toLowerCase()))
  )
}
