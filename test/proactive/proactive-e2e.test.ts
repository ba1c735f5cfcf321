/**
 * Proactive messages through the real server: a customer subscribes to a price-drop alert in chat,
 * an import lowers the price, the scan pushes the alert over the customer's WebSocket (once); the
 * delayed-parcel scan apologises to the demo customer with a delayed order (once); the admin API.
 */

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { openStore } from '../../src/adapters/open-store.js'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { tempDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait-for.js'

type Msg = { role: string; text: string; seq: number; meta: Record<string, unknown> }
type Turn = {
  replies: Array<{ text: string; card?: { type: string; data: Record<string, unknown> } }>
  action: string
  reason: string
  nlu: { intent: string }
}

let server: RunningServer
const dir = tempDir()

beforeAll(async () => {
  server = await startServer({
    port: 0,
    dataDir: dir.path,
    env: { LOG_LEVEL: 'warn', KEFU_PROACTIVE_WATCH_MS: '1000' },
  })
})
afterAll(async () => {
  await server?.close()
  dir.remove()
})

async function call(method: string, path: string, opts: { token?: string; body?: unknown; admin?: boolean } = {}) {
  const headers: Record<string, string> = {}
  if (opts.body !== undefined) headers['content-type'] = 'application/json'
  if (opts.token) headers.authorization = `Bearer ${opts.token}`
  if (opts.admin) headers.authorization = `Bearer ${server.demoApiKey}`
  const r = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  })
  return { status: r.status, json: (await r.json()) as Record<string, unknown> }
}

async function startConversation(customerId?: string) {
  const r = await call('POST', '/api/v1/conversations', { body: customerId ? { customerId } : {} })
  expect(r.status).toBe(201)
  return r.json as { id: string; token: string }
}

async function say(c: { id: string; token: string }, text: string): Promise<Turn> {
  const r = await call('POST', `/api/v1/conversations/${c.id}/messages`, { token: c.token, body: { text } })
  expect(r.status).toBe(200)
  return r.json as unknown as Turn
}

async function openStream(c: { id: string; token: string }) {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/conversations/${c.id}/stream?token=${c.token}`)
  const messages: Msg[] = []
  await new Promise<void>((resolve, reject) => {
    ws.on('message', (d) => {
      const f = JSON.parse(String(d)) as { type: string; message?: Msg }
      if (f.type === 'ready') resolve()
      if (f.type === 'message' && f.message) messages.push(f.message)
    })
    ws.on('error', reject)
  })
  return { ws, messages }
}

async function history(c: { id: string; token: string }): Promise<Msg[]> {
  const r = await call('GET', `/api/v1/conversations/${c.id}/messages`, { token: c.token })
  return (r.json as { messages: Msg[] }).messages
}

/** Writes a new price for a product the way `kefu import` does, from another store connection. */
async function importPrice(sku: string, price: number) {
  const store = await openStore(`sqlite://${dir.path}/kefu.db`)
  try {
    const p = await store.products.get('demo', sku)
    expect(p).toBeTruthy()
    const file = join(dir.path, `price-${sku}-${price}.jsonl`)
    writeFileSync(file, `${JSON.stringify({ ...p, price })}\n`)
    const { importFile } = await import('../../src/server/import/import-file.js')
    await importFile(store, 'products', file, { shopId: 'demo' })
  } finally {
    await store.close()
  }
}

describe('recommendations in chat', () => {
  it('"给我推荐一款降噪耳机，1000以内" returns in-stock noise-cancelling earbuds under ¥1000 as product cards', async () => {
    const c = await startConversation()
    const t = await say(c, '给我推荐一款降噪耳机，1000以内')
    expect(t.nlu.intent).toBe('recommendation')
    expect(t.action).toBe('answer')
    const cards = t.replies.filter((r) => r.card?.type === 'product').map((r) => r.card!.data)
    expect(cards.length).toBeGreaterThanOrEqual(1)
    expect(cards.length).toBeLessThanOrEqual(3)
    for (const card of cards) {
      const r = await fetch(`${server.url}/api/v1/shops/demo/products?category=electronics/earbuds&limit=200`)
      const earbuds = ((await r.json()) as { products: Array<Record<string, unknown>> }).products
      const h = await fetch(`${server.url}/api/v1/shops/demo/products?category=electronics/headphones&limit=200`)
      const headphones = ((await h.json()) as { products: Array<Record<string, unknown>> }).products
      const live = [...earbuds, ...headphones].find((p) => p.sku === card.sku)
      expect(live, `${String(card.sku)} is an earbud/headphone`).toBeTruthy()
      expect(live!.price).toBe(card.price)
      expect(live!.price as number).toBeLessThanOrEqual(1000)
      expect(live!.stock as number).toBeGreaterThan(0)
      expect((live!.attributes as Record<string, unknown>).anc).toBe(true)
      expect(typeof card.reason).toBe('string')
    }
    expect(t.replies.some((r) => r.text.includes('降噪'))).toBe(true)
  })

  it('"换一批" shows other products than the first answer', async () => {
    const c = await startConversation()
    const first = await say(c, 'recommend me some earbuds')
    const skus = first.replies.flatMap((r) => (r.card ? [r.card.data.sku] : []))
    expect(skus.length).toBeGreaterThan(0)
    const more = await say(c, 'show me others')
    const again = more.replies.flatMap((r) => (r.card ? [r.card.data.sku] : []))
    for (const s of again) expect(skus).not.toContain(s)
  })

  it('"换一批" right after a recommendation refines it (it is not an exchange request)', async () => {
    const c = await startConversation()
    const first = await say(c, '推荐几款耳机')
    const skus = first.replies.flatMap((r) => (r.card ? [r.card.data.sku] : []))
    const more = await say(c, '换一批')
    expect(more.action).toBe('answer')
    expect(more.reason).toBe('recommend_products')
    const again = more.replies.flatMap((r) => (r.card ? [r.card.data.sku] : []))
    expect(again.length).toBeGreaterThan(0)
    for (const s of again) expect(skus).not.toContain(s)
  })
})

describe('price-drop alert, end to end', () => {
  it('subscribes in chat, alerts over the WebSocket after an import lowers the price, and only once', async () => {
    const c = await startConversation('c002')
    const stream = await openStream(c)
    const price = await say(c, '声屿 Pro 5 降噪蓝牙耳机多少钱')
    expect(price.replies[0]?.card?.data.sku).toBe('EB-1004')
    const sub = await say(c, '降价了提醒我')
    expect(sub.action).toBe('execute')
    expect(sub.reason).toBe('price_alert_subscribed')
    const again = await say(c, '降价提醒我')
    expect(again.reason).toBe('price_alert_exists')

    // Nothing to send while the price has not moved.
    const idle = await call('POST', '/api/v1/admin/proactive/run', { admin: true, body: { kinds: ['price_drop'] } })
    expect(idle.status).toBe(200)
    expect((idle.json.priceDrop as { sent: unknown[] }).sent).toEqual([])

    await importPrice('EB-1004', 599)
    const run = await call('POST', '/api/v1/admin/proactive/run', { admin: true, body: { kinds: ['price_drop'] } })
    expect(run.status).toBe(200)
    // The server also notices the import by itself (catalog watch); whichever scan ran first sent it.
    const notices = await call('GET', '/api/v1/admin/proactive/notices?kind=price_drop&customerId=c002', {
      admin: true,
    })
    expect(notices.json.notices).toEqual([
      expect.objectContaining({ sku: 'EB-1004', price: 599, previousPrice: 699, conversationId: c.id }),
    ])

    await waitFor(() => stream.messages.some((m) => m.meta.proactive === 'price_drop'))
    const pushed = stream.messages.find((m) => m.meta.proactive === 'price_drop')!
    expect(pushed.role).toBe('bot')
    expect(pushed.text).toContain('599')

    const rerun = await call('POST', '/api/v1/admin/proactive/run', { admin: true, body: { kinds: ['price_drop'] } })
    expect((rerun.json.priceDrop as { sent: unknown[] }).sent).toEqual([])
    const alerts = (await history(c)).filter((m) => m.meta.proactive === 'price_drop')
    expect(alerts).toHaveLength(1)

    const cancel = await say(c, '取消降价提醒')
    expect(cancel.reason).toBe('price_alert_cancelled')
    const left = await call('GET', '/api/v1/admin/alerts?customerId=c002', { admin: true })
    expect(left.json.subscriptions).toEqual([])
    expect((await say(c, '取消降价提醒')).reason).toBe('price_alert_none_to_cancel')
    stream.ws.close()
  })

  it('an import alone triggers the scan (no admin call) and alerts a subscriber made through the API', async () => {
    const c = await startConversation('c005')
    const stream = await openStream(c)
    const r = await call('POST', '/api/v1/admin/alerts', { admin: true, body: { sku: 'EB-1003', customerId: 'c005' } })
    expect(r.status).toBe(201)
    const dup = await call('POST', '/api/v1/admin/alerts', {
      admin: true,
      body: { sku: 'EB-1003', customerId: 'c005' },
    })
    expect(dup.status).toBe(200)
    expect((dup.json as { created: boolean }).created).toBe(false)
    await importPrice('EB-1003', 249)
    await waitFor(() => stream.messages.some((m) => m.meta.proactive === 'price_drop'))
    expect(stream.messages.find((m) => m.meta.proactive === 'price_drop')!.text).toContain('249')
    stream.ws.close()

    const id = (r.json as { subscription: { subscriptionId: string } }).subscription.subscriptionId
    expect((await call('DELETE', `/api/v1/admin/alerts/${id}`, { admin: true })).status).toBe(200)
    const gone = await call('DELETE', `/api/v1/admin/alerts/${id}`, { admin: true })
    expect(gone.status).toBe(404)
    expect((gone.json.error as { code: string }).code).toBe('not_found')
  })
})

describe('delayed-parcel notice, end to end', () => {
  it('apologises to c004 for the delayed order in their latest conversation, once', async () => {
    const c = await startConversation('c004')
    const stream = await openStream(c)
    const run = await call('POST', '/api/v1/admin/proactive/run', { admin: true, body: { kinds: ['delayed_parcel'] } })
    expect(run.status).toBe(200)
    const sent = (
      run.json.delayedParcel as { sent: Array<{ orderNo: string; customerId: string; conversationId: string }> }
    ).sent
    const mine = sent.filter((s) => s.customerId === 'c004')
    expect(mine.map((s) => s.orderNo)).toContain('KF202611200476')
    expect(mine.every((s) => s.conversationId === c.id)).toBe(true)
    // Customers with no conversation get one on the `proactive` channel.
    expect(new Set(sent.map((s) => s.customerId)).size).toBeGreaterThan(1)

    await waitFor(() => stream.messages.some((m) => m.meta.orderNo === 'KF202611200476'))
    const notice = stream.messages.find((m) => m.meta.orderNo === 'KF202611200476')!
    expect(notice.meta.proactive).toBe('delayed_parcel')
    expect(notice.text).toContain('抱歉')
    expect(notice.text).toContain('KF202611200476')

    const rerun = await call('POST', '/api/v1/admin/proactive/run', {
      admin: true,
      body: { kinds: ['delayed_parcel'] },
    })
    expect((rerun.json.delayedParcel as { sent: unknown[] }).sent).toEqual([])
    const notices = (await history(c)).filter((m) => m.meta.orderNo === 'KF202611200476')
    expect(notices).toHaveLength(1)

    const list = await call('GET', '/api/v1/admin/proactive/notices?kind=delayed_parcel&customerId=c004', {
      admin: true,
    })
    expect(list.status).toBe(200)
    expect((list.json.notices as Array<{ orderNo: string }>).map((n) => n.orderNo)).toContain('KF202611200476')
    stream.ws.close()
  })

  it('writes to an English-speaking customer in English', async () => {
    const list = await call('GET', '/api/v1/admin/proactive/notices?kind=delayed_parcel&limit=500', { admin: true })
    const notices = list.json.notices as Array<{ customerId: string; conversationId: string; messageId: string }>
    const store = await openStore(`sqlite://${dir.path}/kefu.db`)
    try {
      let checked = 0
      for (const n of notices) {
        const cust = await store.customers.get('demo', n.customerId)
        if (cust?.locale !== 'en') continue
        const msgs = await store.messages.list('demo', n.conversationId)
        const m = msgs.find((x) => x.id === n.messageId)
        expect(m?.text).toMatch(/sorry/i)
        checked++
      }
      expect(checked).toBeGreaterThan(0)
    } finally {
      await store.close()
    }
  })
})

describe('proactive admin API', () => {
  it('needs the shop API key', async () => {
    expect((await call('POST', '/api/v1/admin/proactive/run', { body: {} })).status).toBe(401)
    const r = await call('GET', '/api/v1/admin/recommendations?customerId=c001')
    expect(r.status).toBe(401)
    expect((r.json.error as { code: string }).code).toBe('unauthorized')
  })

  it('rejects bad input with invalid_input and unknown ids with not_found', async () => {
    const bad = await call('POST', '/api/v1/admin/proactive/run', { admin: true, body: { kinds: ['weather'] } })
    expect(bad.status).toBe(400)
    expect((bad.json.error as { code: string }).code).toBe('invalid_input')
    const noWho = await call('POST', '/api/v1/admin/alerts', { admin: true, body: { sku: 'EB-1004' } })
    expect(noWho.status).toBe(400)
    const noSku = await call('POST', '/api/v1/admin/alerts', { admin: true, body: { sku: 'NOPE', customerId: 'c001' } })
    expect(noSku.status).toBe(404)
    expect((noSku.json.error as { code: string }).code).toBe('not_found')
    const noCustomer = await call('GET', '/api/v1/admin/recommendations?customerId=nobody', { admin: true })
    expect(noCustomer.status).toBe(404)
  })

  it('previews a customer’s recommendations with reasons, in stock only', async () => {
    const r = await call('GET', '/api/v1/admin/recommendations?customerId=c001&limit=5', { admin: true })
    expect(r.status).toBe(200)
    const items = r.json.items as Array<{ sku: string; stock: number; reason: string }>
    expect(items.length).toBeGreaterThan(0)
    expect(items.length).toBeLessThanOrEqual(5)
    for (const i of items) {
      expect(i.stock).toBeGreaterThan(0)
      expect(i.reason.length).toBeGreaterThan(0)
    }
  })

  it('documents its paths in the OpenAPI document', async () => {
    const r = await call('GET', '/api/v1/openapi.json')
    const paths = Object.keys(r.json.paths as Record<string, unknown>)
    for (const p of [
      '/api/v1/admin/proactive/run',
      '/api/v1/admin/proactive/notices',
      '/api/v1/admin/alerts',
      '/api/v1/admin/recommendations',
    ])
      expect(paths).toContain(p)
  })
})
