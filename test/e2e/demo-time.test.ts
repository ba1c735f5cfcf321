/**
 * The demo shop is current on whatever day it is started: loading moves its timestamps by
 * now − asOf (data/demo/shop.json), so each persona is in the situation docs/demo-shop.md describes.
 * `kefu demo reset` (seedDemoShop with force) re-bases a running demo without touching other shops.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../../src/core/ports/clock.js'
import { type AppContext, createAppContext } from '../../src/server/app-context.js'
import { parseConfig } from '../../src/server/config/schema.js'
import { DEMO_SHOP_ID, demoBaseOf, seedDemoShop } from '../../src/server/demo-seed.js'
import { ensureShop } from '../../src/server/import/ensure-shop.js'
import { tempDir } from '../helpers/temp-dir.js'

const DAY = 86_400_000
let ctx: AppContext | undefined
let dir: ReturnType<typeof tempDir> | undefined
afterEach(async () => {
  await ctx?.close()
  dir?.remove()
  ctx = undefined
  dir = undefined
})

async function open(at: string) {
  dir = tempDir()
  const clock = manualClock(at)
  const config = parseConfig({ KEFU_DATA_DIR: dir.path, KEFU_PROACTIVE: 'false', LOG_LEVEL: 'silent' })
  ctx = await createAppContext(config, { quiet: true, clock })
  return { ctx, clock }
}

async function say(c: AppContext, convId: string, text: string) {
  return c.conversations.handleMessage({ shopId: DEMO_SHOP_ID, conversationId: convId, text })
}

describe('a demo that is always current', () => {
  // Today-ish, mid-2027, and a leap day late in the evening (UTC): none is the demo's reference day.
  for (const at of ['2026-12-06T09:00:00Z', '2027-06-15T02:00:00Z', '2028-02-29T15:30:00Z']) {
    it(`on ${at}: c001's parcel is out for delivery and a size return is accepted`, async () => {
      const { ctx: c, clock } = await open(at)
      const conv = await c.conversations.startConversation({ shopId: DEMO_SHOP_ID, customerId: 'c001', channel: 'api' })
      const track = await say(c, conv.id, '我的订单到哪了')
      expect(track.reason).toBe('order_found_shipped')
      const order = await c.store.orders.get(DEMO_SHOP_ID, 'KF202611240392')
      const events = order!.shipment!.events
      const latest = Date.parse(events[events.length - 1]!.time)
      expect(Math.abs(latest - clock.now().getTime())).toBeLessThan(DAY)
      expect(Date.parse(order!.shipment!.eta!)).toBeGreaterThan(clock.now().getTime())

      const ret = await c.conversations.startConversation({ shopId: DEMO_SHOP_ID, customerId: 'c001', channel: 'api' })
      const ask = await say(c, ret.id, '我想退货')
      expect(ask.action).toBe('ask_slot')
      const confirm = await say(c, ret.id, '尺码不合适')
      expect(confirm.action).toBe('confirm')
    })
  }

  it('keeps a delayed parcel late by the same number of days as on the reference day', async () => {
    const { ctx: c, clock } = await open('2027-03-01T04:00:00Z')
    const shop = await c.store.shops.get(DEMO_SHOP_ID)
    const base = demoBaseOf(shop!.settings)!
    expect(base.asOf).toBe('2026-11-26T12:00:00+08:00')
    expect(base.shiftMs).toBe(clock.now().getTime() - Date.parse(base.asOf))
    // c004's parcel: its ETA was in the past on the reference day and still is, by the same margin.
    const orders = await c.store.orders.listByCustomer(DEMO_SHOP_ID, 'c004')
    const late = orders.filter(
      (o) => o.shipment && o.status === 'shipped' && Date.parse(o.shipment.eta!) < clock.now().getTime(),
    )
    expect(late.length).toBeGreaterThan(0)
  })
})

describe('kefu demo reset', () => {
  it('re-bases a demo left running for weeks, drops its conversations, and leaves other shops alone', async () => {
    const { ctx: c, clock } = await open('2026-12-06T04:00:00Z')
    await ensureShop(c.store, 'acme')
    await c.store.customers.upsertMany('acme', [{ id: 'a1', name: 'A', phone: '13800000000', tier: 'regular' }])
    const conv = await c.conversations.startConversation({ shopId: DEMO_SHOP_ID, customerId: 'c001', channel: 'api' })
    await say(c, conv.id, '你好')

    clock.advance(40 * DAY)
    const stale = await say(c, conv.id, '我的订单到哪了')
    expect(stale.reason).not.toBe('order_found_shipped')

    const r = await seedDemoShop(c.store, `${c.rootDir}/data/demo`, c.logger, { clock, force: true })
    expect(r.seeded).toBe(true)
    expect(r.counts.orders).toBe(177)
    expect(await c.store.conversations.get(DEMO_SHOP_ID, conv.id)).toBeNull()
    expect(await c.store.customers.get('acme', 'a1')).toMatchObject({ name: 'A' })
    const shop = await c.store.shops.get(DEMO_SHOP_ID)
    expect(demoBaseOf(shop!.settings)?.basedAt).toBe(clock.now().toISOString())
    expect(shop!.settings.returns).toBeTruthy()

    // Orders are read live: the next conversation answers from the reloaded, re-based data.
    const fresh = await c.conversations.startConversation({ shopId: DEMO_SHOP_ID, customerId: 'c001', channel: 'api' })
    expect((await say(c, fresh.id, '我的订单到哪了')).reason).toBe('order_found_shipped')
  })
})
