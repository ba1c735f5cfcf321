/**
 * `kefu channel`: a shop's messaging channels and platform-user links.
 *
 *   kefu channel add <kind> [--shop ID] --<field> VALUE …   add or replace (secrets encrypted at rest)
 *   kefu channel list [--shop ID] [--json]                   configured channels, secrets masked
 *   kefu channel remove <kind> [--shop ID]
 *   kefu channel link <kind> --user EXTERNAL_ID --customer CUSTOMER_ID [--shop ID]
 *   kefu channel unlink <kind> --user EXTERNAL_ID [--shop ID]
 *
 * Field flags are the kind's credential fields in kebab-case (`--base-url`, `--bot-token`).
 */
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { z } from 'zod'
import { openStore } from '../../adapters/open-store.js'
import { AppError } from '../../core/errors.js'
import type { ChannelKind } from '../../core/ports/channel.js'
import { loadSecret } from '../../server/app-context.js'
import { CHANNEL_KINDS } from '../../server/channels/channel-kinds.js'
import { type ChannelView, createChannelSettings } from '../../server/channels/channel-settings.js'
import { createCredentialCipher } from '../../server/channels/credential-crypto.js'
import { parseConfig } from '../../server/config/schema.js'
import { cliClock } from '../cli-clock.js'

function fieldsOf(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape
  return shape ? Object.keys(shape) : []
}

const kebab = (s: string) =>
  `--${s
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()}`
const norm = (s: string) => s.replace(/[-_]/g, '').toLowerCase()

const usage = () => `usage:
  kefu channel add <${CHANNEL_KINDS.map((k) => k.kind).join('|')}> [--shop ID] --<field> VALUE …
  kefu channel list [--shop ID] [--json]
  kefu channel remove <kind> [--shop ID]
  kefu channel link <kind> --user EXTERNAL_USER_ID --customer CUSTOMER_ID [--shop ID]
  kefu channel unlink <kind> --user EXTERNAL_USER_ID [--shop ID]
fields:
${CHANNEL_KINDS.map((k) => `  ${k.kind}: ${fieldsOf(k.credentials).map(kebab).join(' ')} (secret: ${k.secretFields.map(kebab).join(', ')})`).join('\n')}
`

/** `--flag value` pairs (and `--json`) after the positionals. */
function parseFlags(args: string[]): { positionals: string[]; flags: Record<string, string>; json: boolean } {
  const positionals: string[] = []
  const flags: Record<string, string> = {}
  let json = false
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '--json') json = true
    else if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      if (eq > 0) flags[a.slice(2, eq)] = a.slice(eq + 1)
      else {
        const v = args[i + 1]
        if (v === undefined) throw new AppError('invalid_input', `${a} needs a value`)
        flags[a.slice(2)] = v
        i++
      }
    } else positionals.push(a)
  }
  return { positionals, flags, json }
}

function printView(v: ChannelView): void {
  process.stdout.write(`${v.kind}  ${v.title}\n`)
  for (const [k, val] of Object.entries(v.credentials)) process.stdout.write(`  ${k}: ${val}\n`)
  if (v.webhookPath) process.stdout.write(`  webhook: <your public kefu URL>${v.webhookPath}\n`)
}

export async function run(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseFlags>
  try {
    parsed = parseFlags(args)
  } catch (e) {
    process.stderr.write(`kefu channel: ${(e as Error).message}\n${usage()}`)
    return 2
  }
  const { positionals, flags, json } = parsed
  const [sub, kindArg] = positionals
  const shopId = flags.shop ?? 'demo'
  if (!sub || !['add', 'list', 'remove', 'link', 'unlink'].includes(sub) || (sub !== 'list' && !kindArg)) {
    process.stderr.write(usage())
    return 2
  }
  const config = parseConfig(process.env)
  const dataDir = resolve(config.KEFU_DATA_DIR)
  mkdirSync(dataDir, { recursive: true })
  const clock = cliClock()
  const store = await openStore(config.databaseUrl, { clock })
  try {
    const settings = createChannelSettings({
      store,
      cipher: createCredentialCipher(loadSecret(config, dataDir)),
      kinds: CHANNEL_KINDS,
      now: () => clock.now(),
    })
    if (sub === 'list') {
      const views = await settings.list(shopId)
      if (json) process.stdout.write(`${JSON.stringify(views, null, 2)}\n`)
      else if (views.length === 0) process.stdout.write(`shop '${shopId}' has no channels\n`)
      else for (const v of views) printView(v)
      return 0
    }
    const def = settings.kindOf(kindArg!)
    if (sub === 'add') {
      const known = fieldsOf(def.credentials)
      const input: Record<string, string> = {}
      for (const [flag, value] of Object.entries(flags)) {
        if (flag === 'shop') continue
        const field = known.find((f) => norm(f) === norm(flag)) ?? flag
        input[field] = value
      }
      const v = await settings.add(shopId, def.kind, input)
      if (json) process.stdout.write(`${JSON.stringify(v, null, 2)}\n`)
      else printView(v)
      process.stderr.write('channel saved (secrets encrypted); the webhook URL above is shown in full only now\n')
      return 0
    }
    if (sub === 'remove') {
      const removed = await settings.remove(shopId, def.kind)
      process.stderr.write(removed ? `${def.kind} removed from shop '${shopId}'\n` : `no ${def.kind} channel\n`)
      return removed ? 0 : 1
    }
    const user = flags.user
    if (!user) throw new AppError('invalid_input', '--user EXTERNAL_USER_ID is required')
    if (sub === 'unlink') {
      const removed = await store.channelCustomers.delete(shopId, def.kind, user)
      process.stderr.write(removed ? 'link removed\n' : 'no such link\n')
      return removed ? 0 : 1
    }
    const customerId = flags.customer
    if (!customerId) throw new AppError('invalid_input', '--customer CUSTOMER_ID is required')
    if (!(await store.customers.get(shopId, customerId))) {
      throw new AppError('not_found', `customer '${customerId}' does not exist in shop '${shopId}'`)
    }
    await store.channelCustomers.set({
      shopId,
      channel: def.kind as ChannelKind,
      externalUserId: user,
      customerId,
      source: 'merchant',
      updatedAt: clock.now().toISOString(),
    })
    process.stderr.write(`${def.kind} user ${user} is now customer ${customerId}\n`)
    return 0
  } catch (e) {
    if (AppError.isInstance(e)) {
      const issues = (e.options.details as { issues?: Array<{ field: string; message: string }> } | undefined)?.issues
      if (issues) for (const i of issues) process.stderr.write(`kefu channel: ${i.field}: ${i.message}\n`)
      else process.stderr.write(`kefu channel: ${e.message}\n`)
      return 1
    }
    throw e
  } finally {
    await store.close()
  }
}
