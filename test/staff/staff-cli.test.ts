/**
 * `kefu staff` on a real SQLite database: accounts added with the password on stdin (never a flag),
 * listed without hashes, a reset that signs the account out everywhere, removal, and the audit log.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSqliteStore } from '../../src/adapters/store-sql/sqlite-store.js'
import { verifyPassword } from '../../src/server/auth/password-hash.js'
import { tempDir } from '../helpers/temp-dir.js'

const ROOT = join(import.meta.dirname, '../..')
const dir = tempDir('kefu-staff-cli-')

function kefu(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      join(ROOT, 'bin/kefu'),
      ['staff', ...args],
      { cwd: ROOT, env: { ...process.env, KEFU_DATA_DIR: dir.path, LOG_LEVEL: 'warn' } },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    )
    child.stdin?.end(stdin ?? '')
  })
}

const withStore = async <T>(fn: (s: Awaited<ReturnType<typeof openSqliteStore>>) => Promise<T>) => {
  const s = await openSqliteStore(join(dir.path, 'kefu.db'))
  try {
    await s.migrate()
    return await fn(s)
  } finally {
    await s.close()
  }
}

beforeAll(async () => {
  await withStore((s) =>
    s.shops.upsert({
      id: 'acme',
      name: 'Acme',
      widgetSecret: 'w'.repeat(32),
      apiKey: 'k'.repeat(32),
      demo: false,
      settings: {},
      createdAt: '2026-01-01T00:00:00.000Z',
    }),
  )
})
afterAll(() => dir.remove())

describe('kefu staff', () => {
  it('adds, lists, resets (revoking sessions) and removes accounts; every change is audited', async () => {
    const add = await kefu(
      [
        'add',
        '--shop',
        'acme',
        '--username',
        'Lina',
        '--name',
        '李娜',
        '--role',
        'agent',
        '--max-chats',
        '3',
        '--password-stdin',
      ],
      'first secret pw\n',
    )
    expect(add.code, add.stderr).toBe(0)
    const list = await kefu(['list', '--shop', 'acme', '--json'])
    const accounts = JSON.parse(list.stdout) as Array<Record<string, unknown>>
    expect(accounts).toMatchObject([
      { username: 'lina', displayName: '李娜', role: 'agent', maxChats: 3, status: 'offline' },
    ])
    expect(list.stdout).not.toContain('scrypt')
    const id = accounts[0]!.id as string

    await withStore(async (s) => {
      const a = (await s.staff.get('acme', id))!
      expect(await verifyPassword('first secret pw', a.passwordHash)).toBe(true)
      await s.staffSessions.create({
        id: 'sess-hash',
        shopId: 'acme',
        accountId: id,
        csrfToken: 'c',
        createdAt: '2026-01-01T00:00:00.000Z',
        expiresAt: '2099-01-01T00:00:00.000Z',
        revokedAt: null,
      })
    })
    const reset = await kefu(
      ['reset-password', '--shop', 'acme', '--username', 'lina', '--password-stdin'],
      'second secret pw',
    )
    expect(reset.code, reset.stderr).toBe(0)
    expect(reset.stdout).toContain('1 session(s) signed out')
    await withStore(async (s) => {
      const a = (await s.staff.get('acme', id))!
      expect(await verifyPassword('second secret pw', a.passwordHash)).toBe(true)
      expect(await verifyPassword('first secret pw', a.passwordHash)).toBe(false)
      expect((await s.staffSessions.get('sess-hash'))?.revokedAt).not.toBeNull()
    })

    expect((await kefu(['remove', '--shop', 'acme', '--username', 'lina'])).code).toBe(0)
    await withStore(async (s) => {
      expect(await s.staff.list('acme')).toEqual([])
      const actions = (await s.audit.list('acme')).map((e) => [e.action, e.actorKind])
      expect(actions).toEqual([
        ['staff.remove', 'cli'],
        ['staff.reset_password', 'cli'],
        ['staff.create', 'cli'],
      ])
    })
  })

  it('takes no password flag, refuses short passwords, duplicates and unknown shops', async () => {
    const flag = await kefu(['add', '--shop', 'acme', '--username', 'x', '--role', 'agent', '--password', 'p'])
    expect(flag.code).toBe(2)
    const short = await kefu(
      ['add', '--shop', 'acme', '--username', 'x1', '--role', 'agent', '--password-stdin'],
      'short',
    )
    expect([short.code, short.stderr]).toEqual([1, expect.stringContaining('8 to 256')])
    const ok = await kefu(
      ['add', '--shop', 'acme', '--username', 'dup', '--role', 'admin', '--password-stdin'],
      'long enough pw',
    )
    expect(ok.code).toBe(0)
    const dup = await kefu(
      ['add', '--shop', 'acme', '--username', 'dup', '--role', 'admin', '--password-stdin'],
      'long enough pw',
    )
    expect([dup.code, dup.stderr]).toEqual([1, expect.stringContaining('taken')])
    const noShop = await kefu(['list', '--shop', 'nope'])
    expect(noShop.code).toBe(1)
    // Without a terminal and without --password-stdin it refuses rather than read a password silently.
    const noTty = await kefu(['add', '--shop', 'acme', '--username', 'y', '--role', 'agent'])
    expect([noTty.code, noTty.stderr]).toEqual([1, expect.stringContaining('--password-stdin')])
  })
})
