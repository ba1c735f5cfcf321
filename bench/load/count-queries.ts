/**
 * Counts the SQL statements one chat turn runs (SQLite, demo shop, in-process): plays the load
 * scripts through the conversation service and prints statements per turn by kind and by text.
 *
 *   npx tsx bench/load/count-queries.ts [--verbose]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { createAppContext } from '../../src/server/app-context.js'
import { parseConfig } from '../../src/server/config/schema.js'
import { LOAD_SCRIPTS } from './scripts.js'

const counts = new Map<string, number>()
let counting = false
const probe = new SqliteDatabase(':memory:')
const proto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, (...a: unknown[]) => unknown>
probe.close()
for (const m of ['all', 'run', 'get', 'iterate'] as const) {
  const orig = proto[m]!
  proto[m] = function (this: { source: string }, ...args: unknown[]) {
    if (counting) counts.set(this.source, (counts.get(this.source) ?? 0) + 1)
    return orig.apply(this, args)
  }
}

const dir = mkdtempSync(join(tmpdir(), 'kefu-qc-'))
const config = parseConfig({ ...process.env, KEFU_DATA_DIR: dir, LOG_LEVEL: 'warn', KEFU_PROACTIVE: 'false' }, {})
const ctx = await createAppContext(config, { background: false })
await ctx.warmShop('demo')
let turns = 0
for (let round = 0; round < 2; round++) {
  for (const script of LOAD_SCRIPTS) {
    const conv = await ctx.conversations.startConversation({
      shopId: 'demo',
      customerId: script.customerId,
      channel: 'api',
    })
    for (const text of script.turns) {
      counting = round === 1
      await ctx.conversations.handleMessage({ shopId: 'demo', conversationId: conv.id, text })
      counting = false
      if (round === 1) turns++
    }
  }
}
await ctx.close()
rmSync(dir, { recursive: true, force: true })
const total = [...counts.values()].reduce((a, b) => a + b, 0)
const kind = new Map<string, number>()
for (const [sql, n] of counts) {
  const k = sql.trim().split(/\s+/).slice(0, 3).join(' ').replace(/"/g, '')
  kind.set(k, (kind.get(k) ?? 0) + n)
}
console.log(`${turns} turns, ${(total / turns).toFixed(1)} statements per turn`)
for (const [k, n] of [...kind].sort((a, b) => b[1] - a[1])) console.log(`${(n / turns).toFixed(2).padStart(6)}  ${k}`)
if (process.argv.includes('--verbose'))
  for (const [sql, n] of [...counts].sort((a, b) => b[1] - a[1]))
    console.log(`${(n / turns).toFixed(2)}  ${sql.slice(0, 220)}`)
