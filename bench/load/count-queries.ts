/**
 * Counts the SQL statements one chat turn runs (SQLite, demo shop, in-process): plays the load
 * scripts through the conversation service and prints statements per turn by kind and by text, with
 * the time spent inside SQLite (wall time of the statement calls: compare runs on a quiet machine).
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
/** Microseconds spent inside better-sqlite3 per SQL text (the statement's own run, rows included). */
const micros = new Map<string, number>()
let counting = false
const probe = new SqliteDatabase(':memory:')
const proto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, (...a: unknown[]) => unknown>
probe.close()
for (const m of ['all', 'run', 'get', 'iterate'] as const) {
  const orig = proto[m]!
  proto[m] = function (this: { source: string }, ...args: unknown[]) {
    if (!counting) return orig.apply(this, args)
    counts.set(this.source, (counts.get(this.source) ?? 0) + 1)
    const t = process.hrtime.bigint()
    try {
      return orig.apply(this, args)
    } finally {
      micros.set(this.source, (micros.get(this.source) ?? 0) + Number(process.hrtime.bigint() - t) / 1000)
    }
  }
}

const dir = mkdtempSync(join(tmpdir(), 'kefu-qc-'))
const config = parseConfig({ ...process.env, KEFU_DATA_DIR: dir, LOG_LEVEL: 'warn', KEFU_PROACTIVE: 'false' }, {})
const ctx = await createAppContext(config, { background: false })
await ctx.warmShop('demo')
let turns = 0
const ROUNDS = 4
for (let round = 0; round < ROUNDS; round++) {
  for (const script of LOAD_SCRIPTS) {
    const conv = await ctx.conversations.startConversation({
      shopId: 'demo',
      customerId: script.customerId,
      channel: 'api',
    })
    for (const text of script.turns) {
      counting = round === ROUNDS - 1
      await ctx.conversations.handleMessage({ shopId: 'demo', conversationId: conv.id, text })
      counting = false
      if (round === ROUNDS - 1) turns++
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
const totalUs = [...micros.values()].reduce((a, b) => a + b, 0)
console.log(
  `${turns} turns, ${(total / turns).toFixed(1)} statements per turn, ${Math.round(totalUs / turns)} µs per turn inside SQLite`,
)
for (const [k, n] of [...kind].sort((a, b) => b[1] - a[1])) console.log(`${(n / turns).toFixed(2).padStart(6)}  ${k}`)
if (process.argv.includes('--verbose'))
  for (const [sql, n] of [...counts].sort((a, b) => b[1] - a[1]))
    console.log(
      `${(n / turns).toFixed(2)}  ${String(Math.round((micros.get(sql) ?? 0) / turns)).padStart(5)} µs  ${sql.slice(0, 200)}`,
    )
