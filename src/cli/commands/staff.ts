/**
 * `kefu staff add|list|reset-password|remove --shop ID …`: the shop's people from the command line.
 * Passwords never travel in a flag (shell history, `ps`): they are typed at a hidden prompt, or read
 * from stdin with `--password-stdin` (one line; for scripts and secret managers). Every change is
 * written to the shop's audit log as done by the CLI.
 */
import { userInfo } from 'node:os'
import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'
import { openStore } from '../../adapters/open-store.js'
import { STAFF_ROLES, type StaffRole } from '../../core/domain/staff-records.js'
import { AppError } from '../../core/errors.js'
import type { Store } from '../../core/ports/store.js'
import { checkPassword, createStaffAccount, findStaff, resetStaffPassword } from '../../server/auth/staff-accounts.js'
import { parseConfig } from '../../server/config/schema.js'
import { cliClock } from '../cli-clock.js'
import { parseCliArgs } from '../parse-cli-args.js'

const USAGE = `usage:
  kefu staff add --shop ID --username NAME --name "DISPLAY NAME" --role owner|admin|agent|analyst [--max-chats N] [--password-stdin]
  kefu staff list --shop ID [--json]
  kefu staff reset-password --shop ID --username NAME [--password-stdin]   (signs the account out everywhere)
  kefu staff remove --shop ID --username NAME

Without --password-stdin the password is asked for twice at a hidden prompt.
`

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of process.stdin) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

/** Asks without echoing what is typed. */
function ask(question: string): Promise<string> {
  let muted = false
  const out = new Writable({
    write(chunk, _enc, cb) {
      if (!muted) process.stderr.write(chunk)
      cb()
    },
  })
  const rl = createInterface({ input: process.stdin, output: out, terminal: true })
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close()
      process.stderr.write('\n')
      resolve(answer)
    })
    muted = true
  })
}

async function password(fromStdin: boolean): Promise<string> {
  if (fromStdin) return readStdin()
  if (!process.stdin.isTTY)
    throw new AppError('invalid_input', 'no terminal to ask for the password: use --password-stdin')
  const first = await ask('password: ')
  checkPassword(first)
  if ((await ask('again: ')) !== first) throw new AppError('invalid_input', 'the two passwords differ')
  return first
}

async function audit(store: Store, shopId: string, action: string, target: string, data: Record<string, unknown>) {
  const clock = cliClock()
  await store.audit.append({
    id: `aud_cli_${clock.now().getTime().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
    shopId,
    actorId: 'cli',
    actorName: `cli (${userInfo().username})`,
    actorKind: 'cli',
    action,
    target,
    data,
    createdAt: clock.now().toISOString(),
  })
}

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args
  if (!sub || !['add', 'list', 'reset-password', 'remove'].includes(sub)) {
    process.stderr.write(USAGE)
    return sub === '-h' || sub === '--help' ? 0 : 2
  }
  const parsed = parseCliArgs(
    `staff ${sub}`,
    rest,
    {
      shop: { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      'max-chats': { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    USAGE,
  )
  if (typeof parsed === 'number') return parsed
  const v = parsed.values
  const shopId = v.shop as string | undefined
  if (!shopId) {
    process.stderr.write(`kefu staff: --shop is required\n\n${USAGE}`)
    return 2
  }
  const username = v.username as string | undefined
  if (sub !== 'list' && !username) {
    process.stderr.write(`kefu staff ${sub}: --username is required\n\n${USAGE}`)
    return 2
  }
  const config = parseConfig(process.env)
  const store = await openStore(config.databaseUrl)
  const clock = cliClock()
  try {
    if (!(await store.shops.get(shopId))) throw new AppError('not_found', `shop '${shopId}' does not exist`)
    if (sub === 'list') {
      const staff = await store.staff.list(shopId)
      if (v.json) {
        process.stdout.write(
          `${JSON.stringify(
            staff.map(({ passwordHash: _h, ...a }) => a),
            null,
            2,
          )}\n`,
        )
      } else {
        for (const a of staff)
          process.stdout.write(
            `${a.username.padEnd(20)} ${a.role.padEnd(8)} ${a.status.padEnd(8)} max ${a.maxChats}  ${a.displayName}  ${a.id}\n`,
          )
        if (staff.length === 0) process.stderr.write(`no staff accounts in shop '${shopId}'\n`)
      }
      return 0
    }
    if (sub === 'add') {
      const role = v.role as string | undefined
      if (!role || !STAFF_ROLES.includes(role as StaffRole)) {
        process.stderr.write(`kefu staff add: --role must be one of ${STAFF_ROLES.join(', ')}\n`)
        return 2
      }
      const maxChats = v['max-chats'] === undefined ? undefined : Number(v['max-chats'])
      if (maxChats !== undefined && (!Number.isInteger(maxChats) || maxChats < 0 || maxChats > 50)) {
        process.stderr.write('kefu staff add: --max-chats must be 0 to 50\n')
        return 2
      }
      const a = await createStaffAccount(
        store,
        {
          shopId,
          username: username!,
          displayName: (v.name as string | undefined) ?? username!,
          role: role as StaffRole,
          password: await password(v['password-stdin'] === true),
          ...(maxChats !== undefined ? { maxChats } : {}),
        },
        { clock, newId: (p) => `${p}_${clock.now().getTime().toString(36)}${Math.random().toString(36).slice(2, 10)}` },
      )
      await audit(store, shopId, 'staff.create', a.id, { username: a.username, role: a.role })
      process.stdout.write(`added ${a.username} (${a.role}) ${a.id}\n`)
      return 0
    }
    const account = await findStaff(store, shopId, username!)
    if (!account) throw new AppError('not_found', `no staff account '${username}' in shop '${shopId}'`)
    if (sub === 'reset-password') {
      const revoked = await resetStaffPassword(
        store,
        shopId,
        account.id,
        await password(v['password-stdin'] === true),
        clock,
      )
      await audit(store, shopId, 'staff.reset_password', account.id, { sessionsRevoked: revoked })
      process.stdout.write(`password of ${account.username} reset; ${revoked} session(s) signed out\n`)
      return 0
    }
    await store.staff.delete(shopId, account.id)
    await audit(store, shopId, 'staff.remove', account.id, { username: account.username, role: account.role })
    process.stdout.write(`removed ${account.username}\n`)
    return 0
  } catch (e) {
    process.stderr.write(`kefu staff ${sub}: ${AppError.isInstance(e) ? e.message : String(e)}\n`)
    return 1
  } finally {
    await store.close()
  }
}
