/**
 * Staff accounts for tests: created in the server's own database (as `kefu staff add` does), and a
 * signed-in session that calls the admin API with its cookie and CSRF token like the console.
 */
import { join } from 'node:path'
import { systemClock } from '../../src/adapters/clock/system-clock.js'
import { openSqliteStore } from '../../src/adapters/store-sql/sqlite-store.js'
import type { StaffAccount, StaffRole, StaffStatus } from '../../src/core/domain/staff-records.js'
import type { Store } from '../../src/core/ports/store.js'
import { createStaffAccount } from '../../src/server/auth/staff-accounts.js'

export type NewTestStaff = {
  username: string
  displayName?: string
  role?: StaffRole
  password?: string
  maxChats?: number
  status?: StaffStatus
}

export const TEST_PASSWORD = 'correct horse battery'

let n = 0
const newId = (prefix: string) => `${prefix}_t${Date.now().toString(36)}${(n++).toString(36)}`

/** Creates accounts in `store` (status set after creation: accounts start offline). */
export async function addStaff(store: Store, shopId: string, accounts: NewTestStaff[]): Promise<StaffAccount[]> {
  const out: StaffAccount[] = []
  for (const a of accounts) {
    const created = await createStaffAccount(
      store,
      {
        shopId,
        username: a.username,
        displayName: a.displayName ?? a.username,
        role: a.role ?? 'agent',
        password: a.password ?? TEST_PASSWORD,
        ...(a.maxChats !== undefined ? { maxChats: a.maxChats } : {}),
      },
      { clock: systemClock(), newId },
    )
    if (a.status) await store.staff.update(shopId, created.id, { status: a.status })
    out.push({ ...created, ...(a.status ? { status: a.status } : {}) })
  }
  return out
}

/** Opens the SQLite database of a server's data directory for the duration of `fn`. */
export async function withServerStore<T>(dataDir: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openSqliteStore(join(dataDir, 'kefu.db'))
  try {
    return await fn(store)
  } finally {
    await store.close()
  }
}

export type Answer = { status: number; json: Record<string, unknown>; headers: Headers }

/** A signed-in staff member: the session cookie and CSRF token the console would hold. */
export class StaffClient {
  private constructor(
    readonly baseUrl: string,
    readonly cookie: string,
    readonly csrfToken: string,
    readonly account: Record<string, unknown>,
  ) {}

  static async signIn(
    baseUrl: string,
    shopId: string,
    username: string,
    password = TEST_PASSWORD,
  ): Promise<StaffClient> {
    const res = await fetch(`${baseUrl}/api/v1/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ shopId, username, password }),
    })
    const json = (await res.json()) as Record<string, unknown>
    if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${JSON.stringify(json)}`)
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!
    return new StaffClient(baseUrl, cookie, json.csrfToken as string, json.account as Record<string, unknown>)
  }

  /** The same session (cookie and CSRF token) against another instance. */
  on(baseUrl: string): StaffClient {
    return new StaffClient(baseUrl, this.cookie, this.csrfToken, this.account)
  }

  async call(method: string, path: string, body?: unknown, opts: { csrf?: boolean } = {}): Promise<Answer> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        cookie: this.cookie,
        ...(opts.csrf === false ? {} : { 'x-kefu-csrf': this.csrfToken }),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    })
    return {
      status: res.status,
      json: (await res.json().catch(() => ({}))) as Record<string, unknown>,
      headers: res.headers,
    }
  }
}
