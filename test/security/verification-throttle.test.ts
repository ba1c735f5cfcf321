/**
 * Issue 10, point 1: anonymous order verification cannot be brute-forced across conversations, a
 * number that does not exist answers exactly like one that does, failures are recorded as
 * `verification.failed` events, and a write on an order verified a while ago needs a fresh
 * verification. Real server on the demo shop, over HTTP; time moves by the injected clock.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/adapters/open-store.js'
import { manualClock } from '../../src/core/ports/clock.js'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { type Conversation, send, startConversation, type Turn } from '../helpers/chat-client.js'
import { tempDir } from '../helpers/temp-dir.js'

// A paid (not yet shipped) demo order of customer c055, phone ending 9998.
const ORDER = 'KF202611240505'
const RIGHT = '9998'
const MISSING = 'KF209901019999'

const clock = manualClock('2026-12-01T10:00:00Z')
const dir = tempDir()
let server: RunningServer

beforeAll(async () => {
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir.path,
    clock,
    env: { LOG_LEVEL: 'warn', KEFU_RATE_LIMIT_CONVERSATIONS: '0', KEFU_RATE_LIMIT_MESSAGES: '0' },
  })
})
afterAll(async () => {
  await server?.close()
  dir.remove()
})

/** One verification attempt in a fresh anonymous conversation. */
async function attempt(orderNo: string, last4: string): Promise<{ turn: Turn; conv: Conversation }> {
  const conv = await startConversation(server.url, { locale: 'zh' })
  const first = await send(server.url, conv, '我的订单到哪了')
  expect(first.state.awaiting).toBe('verify')
  const turn = await send(server.url, conv, `订单号 ${orderNo} 手机后四位 ${last4}`)
  return { turn, conv }
}

const texts = (t: Turn) => t.replies.map((r) => r.text.replaceAll(ORDER, 'N').replaceAll(MISSING, 'N'))

describe('order verification throttle', () => {
  it('locks an order number after 5 failures across conversations, and a missing number the same way', async () => {
    const real: Turn[] = []
    const missing: Turn[] = []
    for (let i = 0; i < 6; i++) {
      real.push((await attempt(ORDER, String(1000 + i))).turn)
      missing.push((await attempt(MISSING, String(1000 + i))).turn)
    }
    expect(real.slice(0, 5).map((t) => t.reason)).toEqual(Array(5).fill('verification_failed'))
    expect(real[5]!.reason).toBe('verification_locked')
    // Existing or not, the replies are the same, word for word.
    expect(real.map(texts)).toEqual(missing.map(texts))
    expect(real.map((t) => t.reason)).toEqual(missing.map((t) => t.reason))

    // Locked: even the right digits do not verify, and nothing of the order is shown.
    const { turn } = await attempt(ORDER, RIGHT)
    expect(turn.reason).toBe('verification_locked')
    expect(JSON.stringify(turn.replies)).not.toMatch(/帆布鞋|179/)

    const store = await openStore(`sqlite://${join(dir.path, 'kefu.db')}`)
    try {
      const events = await store.events.list('demo', { type: 'verification.failed', limit: 1000 })
      expect(events.filter((e) => e.data.order === ORDER)).toHaveLength(7)
      expect(events.filter((e) => e.data.order === MISSING)).toHaveLength(6)
      expect(events.every((e) => typeof e.data.client === 'string' && !String(e.data.client).includes('127.0'))).toBe(
        true,
      )
    } finally {
      await store.close()
    }
  })

  it('refuses a client after 20 failures on any orders, until the window has passed', async () => {
    // 13 failures so far from this client (7 + 6 above); 7 more on other numbers reach 20.
    for (let i = 0; i < 7; i++) await attempt(`KF20990202000${i}`, '0000')
    const other = 'KF202611240528' // another real order: the client, not the order, is refused now
    expect((await attempt(other, '0000')).turn.reason).toBe('verification_locked')

    clock.advance(61 * 60_000)
    const { turn } = await attempt(ORDER, RIGHT)
    expect(turn.reason).not.toMatch(/verification_(failed|locked)/)
    expect(JSON.stringify(turn.replies)).toContain(ORDER)
  })

  it('asks a visitor to verify again before changing an order verified more than 15 minutes ago', async () => {
    const conv = await startConversation(server.url, { locale: 'zh' })
    await send(server.url, conv, '我要修改收货地址')
    let t = await send(server.url, conv, `${ORDER} ${RIGHT}`)
    expect(t.state.awaiting).toBe('newAddress')

    clock.advance(16 * 60_000)
    t = await send(server.url, conv, '浙江省杭州市西湖区文三路 100 号')
    expect(t.reason).toBe('verification_expired')
    expect(t.state.awaiting).toBe('phoneLast4')

    t = await send(server.url, conv, RIGHT)
    expect(t.reason).not.toMatch(/verification_/)
    expect(['newAddress', 'confirm']).toContain(t.state.awaiting)
  })
})
