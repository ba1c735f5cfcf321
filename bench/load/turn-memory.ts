/**
 * Memory of the chat turn, in-process (no HTTP): plays the load scripts like `turn-cost.ts` and
 * prints, after every block of `--block` turns, the live heap after a full garbage collection and the
 * process RSS (MB), so memory that grows with the turns (a cache without a bound) shows as a rising
 * series and a fixed cost (a second copy of an index, a worker thread) as a high start. Run with
 * `--expose-gc` for the live heap:
 *
 *   node --expose-gc --import tsx bench/load/turn-memory.ts [--concurrency 16] [--turns 6000] [--block 1000]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createAppContext } from '../../src/server/app-context.js'
import { parseConfig } from '../../src/server/config/schema.js'
import { LOAD_SCRIPTS } from './scripts.js'

const { values } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '16' },
    turns: { type: 'string', default: '6000' },
    block: { type: 'string', default: '1000' },
  },
})
const CONCURRENCY = Number(values.concurrency)
const TURNS = Number(values.turns)
const BLOCK = Number(values.block)
const gc = (globalThis as { gc?: () => void }).gc

const mb = (n: number) => Math.round(n / 1048576)
function sample(label: string | number) {
  gc?.()
  const m = process.memoryUsage()
  return { at: label, heapMb: mb(m.heapUsed), externalMb: mb(m.external), rssMb: mb(m.rss) }
}

const dir = mkdtempSync(join(tmpdir(), 'kefu-tm-'))
const config = parseConfig({ ...process.env, KEFU_DATA_DIR: dir, LOG_LEVEL: 'warn', KEFU_PROACTIVE: 'false' }, {})
const ctx = await createAppContext(config, { background: false })
ctx.nlu.warmModel()
await ctx.warmShop('demo')
const samples = [sample('warm')]

let started = 0
let done = 0
async function customer(k: number) {
  for (let round = 0; started < TURNS; round++) {
    const script = LOAD_SCRIPTS[(k + round) % LOAD_SCRIPTS.length]!
    const conv = await ctx.conversations.startConversation({
      shopId: 'demo',
      customerId: script.customerId,
      channel: 'api',
    })
    for (const text of script.turns) {
      if (started >= TURNS) return
      started++
      await ctx.conversations.handleMessage({ shopId: 'demo', conversationId: conv.id, text })
      if (++done % BLOCK === 0) samples.push(sample(done))
    }
  }
}
await Promise.all(Array.from({ length: CONCURRENCY }, (_, k) => customer(k)))
await ctx.close()
rmSync(dir, { recursive: true, force: true })
console.log(JSON.stringify({ concurrency: CONCURRENCY, turns: done, gc: Boolean(gc), samples }))
