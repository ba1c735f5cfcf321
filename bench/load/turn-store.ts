/**
 * The store's share of a chat turn, old way against new way, in one process and the same seconds
 * (issue 16): CPU microseconds per turn for
 *
 *   per-statement: conversations.get + messages.list (latest 50) + store.transaction with one
 *                  append per message, conversations.update and one append per event (session 6)
 *   batched:       conversations.getWithLastSeq + store.writeTurn (history from memory; session 7)
 *
 * on a SQLite file (WAL, as the server runs it), conversations of 2–60 messages, a turn storing the
 * customer's message, one bot reply and one or two events. Rounds alternate; each prints the CPU of
 * a block of turns, and the summary takes the minimum and median of the blocks — the minimum is what
 * a loaded machine distorts least.
 *
 *   npx tsx bench/load/turn-store.ts [--rounds 20] [--block 200]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openSqliteStore } from '../../src/adapters/store-sql/sqlite-store.js'
import type { Message } from '../../src/core/domain/records.js'

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '20' }, block: { type: 'string', default: '200' } },
})
const ROUNDS = Number(values.rounds)
const BLOCK = Number(values.block)

const dir = mkdtempSync(join(tmpdir(), 'kefu-ts-'))
const store = await openSqliteStore(join(dir, 'kefu.db'))
await store.migrate()
const shopId = 'bench'
await store.shops.upsert({
  id: shopId,
  name: 'Bench',
  widgetSecret: 'w',
  apiKey: 'k',
  demo: false,
  settings: {},
  createdAt: new Date().toISOString(),
})

let n = 0
const id = (p: string) => `${p}_${++n}`
const meta = {
  nlu: {
    intent: 'order_status',
    confidence: 0.93,
    entities: [{ type: 'order_no', value: 'KF20261120001', start: 3, end: 16 }],
    emotion: { label: 'neutral', score: 0.1 },
    locale: 'zh',
    alternatives: [
      { intent: 'logistics', confidence: 0.04 },
      { intent: 'refund', confidence: 0.01 },
    ],
  },
}
const state = { activeIntent: 'order_status', slots: { orderNo: 'KF20261120001' }, awaiting: null, topics: [] }

async function newConversation(): Promise<string> {
  const now = new Date().toISOString()
  const c = {
    id: id('conv'),
    shopId,
    customerId: null,
    channel: 'api',
    status: 'bot' as const,
    locale: 'zh' as const,
    state: {},
    createdAt: now,
    updatedAt: now,
    externalUserId: null,
    externalThreadId: null,
  }
  await store.conversations.create(c)
  return c.id
}

function turnWrites(conversationId: string) {
  const now = new Date().toISOString()
  const msg = (role: 'customer' | 'bot', text: string, m: Record<string, unknown>): Omit<Message, 'seq'> => ({
    id: id('msg'),
    shopId,
    conversationId,
    role,
    text,
    meta: m,
    createdAt: now,
  })
  return {
    shopId,
    conversationId,
    messages: [
      msg('customer', '我的订单 KF20261120001 到哪了', meta),
      msg('bot', '您的订单已发货，预计明天送达。', { action: 'answer', reason: 'order_status' }),
    ],
    conversation: { state, status: 'bot' as const, locale: 'zh' as const, updatedAt: now },
    events: [
      {
        id: id('evt'),
        shopId,
        type: 'turn.completed',
        conversationId,
        data: { intent: 'order_status', confidence: 0.93, action: 'answer', latencyMs: 2 },
        createdAt: now,
      },
    ],
  }
}

/** Session 6: every statement through Kysely, the history read every turn. */
async function perStatement(conversationId: string) {
  await store.conversations.get(shopId, conversationId)
  await store.messages.list(shopId, conversationId, { limit: 50, latest: true })
  const w = turnWrites(conversationId)
  await store.transaction(async (tx) => {
    for (const m of w.messages) await tx.messages.append(m)
    await tx.conversations.update(shopId, conversationId, w.conversation)
    for (const e of w.events) await tx.events.append(e)
  })
}

/** Session 7: the conversation with its newest seq (the history is kept in memory), one write batch. */
async function batched(conversationId: string) {
  await store.conversations.getWithLastSeq!(shopId, conversationId)
  await store.writeTurn!(turnWrites(conversationId))
}

const conversations = await Promise.all(Array.from({ length: 40 }, () => newConversation()))
// Histories of different lengths, as in a live shop.
for (const [k, c] of conversations.entries()) for (let i = 0; i < k % 30; i++) await batched(c)

async function block(run: (c: string) => Promise<void>): Promise<number> {
  const before = process.cpuUsage()
  for (let i = 0; i < BLOCK; i++) await run(conversations[i % conversations.length]!)
  const u = process.cpuUsage(before)
  return (u.user + u.system) / BLOCK
}

const results = { perStatement: [] as number[], batched: [] as number[] }
for (let r = 0; r < ROUNDS; r++) {
  if (r % 2 === 0) {
    results.perStatement.push(await block(perStatement))
    results.batched.push(await block(batched))
  } else {
    results.batched.push(await block(batched))
    results.perStatement.push(await block(perStatement))
  }
}
await store.close()
rmSync(dir, { recursive: true, force: true })
const summary = (xs: number[]) => {
  const s = xs.slice(2).sort((a, b) => a - b)
  return { minUs: Math.round(s[0] ?? 0), medianUs: Math.round(s[Math.floor(s.length / 2)] ?? 0) }
}
console.log(
  JSON.stringify({
    block: BLOCK,
    rounds: ROUNDS,
    cpuUsPerTurn: { perStatement: summary(results.perStatement), batched: summary(results.batched) },
  }),
)
