/**
 * CPU per chat turn, in-process (no HTTP): plays the load scripts through the conversation service
 * with `--concurrency` customers at once for `--turns` turns and prints CPU microseconds per turn
 * (user + system, this process) for each block of `--block` turns, so a cost that grows with the
 * stored history shows as a rising series. CPU time, not wall time: usable on a loaded machine.
 *
 *   npx tsx bench/load/turn-cost.ts [--concurrency 1] [--turns 2000] [--block 250]
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
    concurrency: { type: 'string', default: '1' },
    turns: { type: 'string', default: '2000' },
    block: { type: 'string', default: '250' },
  },
})
const CONCURRENCY = Number(values.concurrency)
const TURNS = Number(values.turns)
const BLOCK = Number(values.block)

const dir = mkdtempSync(join(tmpdir(), 'kefu-tc-'))
const config = parseConfig({ ...process.env, KEFU_DATA_DIR: dir, LOG_LEVEL: 'warn', KEFU_PROACTIVE: 'false' }, {})
const ctx = await createAppContext(config, { background: false })
await ctx.warmShop('demo')

let started = 0
let done = 0
let mark = process.cpuUsage()
const blocks: number[] = []
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
      if (++done % BLOCK === 0) {
        const u = process.cpuUsage(mark)
        blocks.push(Math.round((u.user + u.system) / BLOCK))
        mark = process.cpuUsage()
      }
    }
  }
}
await Promise.all(Array.from({ length: CONCURRENCY }, (_, k) => customer(k)))
await ctx.close()
rmSync(dir, { recursive: true, force: true })
const steady = blocks.slice(1)
const mean = steady.length ? Math.round(steady.reduce((a, b) => a + b, 0) / steady.length) : 0
console.log(
  JSON.stringify({ concurrency: CONCURRENCY, turns: done, cpuUsPerTurnByBlock: blocks, meanAfterFirstBlock: mean }),
)
