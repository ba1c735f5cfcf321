import { afterEach, describe, expect, it } from 'vitest'
import type { WooRecord } from '../../../test/fakes/woocommerce/woo-fake-catalog.js'
import { startWooFake, type WooFake, type WooFakeOptions } from '../../../test/fakes/woocommerce/woo-fake-server.js'
import type { Order } from '../../core/domain/schemas.js'
import { orderSchema, productSchema } from '../../core/domain/schemas.js'
import type { SyncPage } from '../../core/ports/commerce.js'
import { wooWebhookSignature } from './woo-webhooks.js'
import { createWooCommerceConnector, type WooCommerceConnectorOptions } from './woocommerce-commerce-connector.js'

const NOW = '2026-11-20T08:00:00.000Z'
let fake: WooFake | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function setup(o: Partial<WooFakeOptions> = {}, c: Partial<WooCommerceConnectorOptions> = {}) {
  fake = await startWooFake({ now: NOW, products: 30, customers: 10, orders: 40, ...o })
  const woo = createWooCommerceConnector({
    storeUrl: fake.url,
    consumerKey: fake.consumerKey,
    consumerSecret: fake.consumerSecret,
    webhookSecret: 'whsec-test-secret',
    retryBaseMs: 1,
    sleep: async () => undefined,
    ...c,
  })
  return { fake, woo }
}

async function all<T>(read: (cursor: string | null) => Promise<SyncPage<T>>): Promise<T[]> {
  const out: T[] = []
  for (let cursor: string | null = null; ; ) {
    const page: SyncPage<T> = await read(cursor)
    out.push(...page.rows)
    if (page.next === null) return out
    cursor = page.next
  }
}

const wooOrders = (f: WooFake, pred: (o: WooRecord) => boolean) => [...f.data.orders.values()].filter(pred)
const hasTracking = (o: WooRecord) => (o.meta_data as unknown[]).length > 0
const kefuOrder = (w: WooRecord): Order => ({
  orderNo: String(w.number),
  customerId: String(w.customer_id),
  status: 'paid',
  items: [{ sku: 'x', qty: 1, price: 1 }],
  total: 1,
  currency: 'CNY',
  createdAt: NOW,
})

describe('WooCommerce connector: sync reads', () => {
  it('reads every product page by page, with variations as variants and the store currency', async () => {
    const { fake, woo } = await setup({ products: 230, variableEvery: 10 })
    const first = await woo.listProducts(null)
    expect(first).toMatchObject({ next: '2', total: 230 })
    const products = await all((c) => woo.listProducts(c))
    expect(products).toHaveLength(230)
    for (const p of products) expect(productSchema.safeParse(p).success).toBe(true)
    expect(new Set(products.map((p) => p.sku)).size).toBe(230)
    expect(products.every((p) => p.currency === 'CNY')).toBe(true)

    const variable = products.find((p) => p.attributes.wooType === 'variable')!
    const variants = variable.attributes.variants as Array<{ sku: string; size: string; stock: number; price: number }>
    expect(variants.map((v) => v.size)).toEqual(['S', 'M', 'L'])
    expect(variable.attributes.sizes).toEqual(['S', 'M', 'L'])
    expect(variable.stock).toBe(variants.reduce((n, v) => n + v.stock, 0))
    expect(variable.price).toBe(Math.min(...variants.map((v) => v.price)))
    // One variations read per variable product per page read (the first page was read twice).
    const wooProducts = [...fake.data.products.values()].sort((a, b) => a.id - b.id)
    const variableCount = (ps: WooRecord[]) => ps.filter((p) => p.type === 'variable').length
    const variationReads = fake.callsTo('GET', /^\/products\/\d+\/variations$/)
    expect(variationReads.length).toBe(variableCount(wooProducts) + variableCount(wooProducts.slice(0, 100)))

    const onSale = [...fake.data.products.values()].find((p) => p.on_sale === true)!
    const mapped = products.find((p) => p.attributes.wooId === onSale.id)!
    expect(mapped.price).toBe(Number(onSale.sale_price))
    expect(mapped.listPrice).toBe(Number(onSale.regular_price))
    const noSku = [...fake.data.products.values()].find((p) => p.sku === '')!
    expect(products.some((p) => p.sku === `woo-${noSku.id}`)).toBe(true)
    const untracked = [...fake.data.products.values()].find((p) => p.type === 'simple' && p.manage_stock === false)!
    expect(products.find((p) => p.attributes.wooId === untracked.id)!.stock).toBe(100)
    expect(fake.callsTo('GET', /^\/settings\/general\/woocommerce_currency$/)).toHaveLength(1)
  })

  it('skips customers without a usable phone and keeps the rest', async () => {
    const { woo } = await setup({ customers: 120 })
    const customers = await all((c) => woo.listCustomers(c))
    expect(customers).toHaveLength(118)
    const skipped = [
      ...((await woo.listCustomers(null)).skipped ?? []),
      ...((await woo.listCustomers('2')).skipped ?? []),
    ]
    expect(skipped).toEqual([
      { id: expect.any(String), reason: 'no usable phone number' },
      { id: expect.any(String), reason: 'no usable phone number' },
    ])
    expect(await woo.count?.('customers')).toBe(120)
    expect(customers[0]).toMatchObject({ name: 'Buyer1 Lee', tier: 'regular', email: 'customer1@example.com' })
    expect(customers[0]!.phone).toMatch(/^\+86 138/)
  })

  it('maps orders: statuses, titled line items with sizes, addresses and Shipment Tracking numbers', async () => {
    const { fake, woo } = await setup({ orders: 80 })
    const orders = await all((c) => woo.listOrders(c))
    expect(orders).toHaveLength(80)
    for (const o of orders) expect(orderSchema.safeParse(o).success).toBe(true)
    const byNo = new Map(orders.map((o) => [o.orderNo, o]))
    for (const w of fake.data.orders.values()) {
      const o = byNo.get(String(w.number))!
      const expected = {
        pending: 'pending_payment',
        'on-hold': 'pending_payment',
        processing: hasTracking(w) ? 'shipped' : 'paid',
        completed: 'completed',
        cancelled: 'cancelled',
        refunded: 'refunded',
      }[String(w.status)]
      expect(o.status).toBe(expected)
      expect(o.total).toBe(Number(w.total))
      expect(o.items.map((i) => i.title)).toEqual((w.line_items as Array<{ name: string }>).map((l) => l.name))
    }
    const shipped = orders.find((o) => o.status === 'shipped')!
    expect(shipped.shipment).toMatchObject({ carrier: 'sf-express', trackingNo: expect.stringMatching(/^SF\d{10}$/) })
    expect(shipped.shipment!.events[0]!.time).toMatch(/^2026-11-/)
    expect(shipped.address).toMatchObject({
      detail: expect.stringContaining('Market Street'),
      region: expect.stringContaining('Shanghai'),
    })
    const guest = orders.find((o) => o.customerId.startsWith('guest:'))
    expect(guest?.customerId).toMatch(/^guest:customer\d+@example\.com$/)
    const sized = orders.flatMap((o) => o.items).find((i) => i.size)
    expect(['S', 'M', 'L']).toContain(sized?.size)
  })

  it('reads only orders changed since a time for a reconciliation pass', async () => {
    const { fake, woo } = await setup({ orders: 40 })
    fake.setNow('2026-11-21T00:00:00.000Z')
    const target = [...fake.data.orders.values()][5]!
    fake.updateOrder(target.id, { status: 'completed' })
    const changed = await all((c) => woo.listOrders(c, { updatedSince: '2026-11-20T12:00:00.000Z' }))
    expect(changed.map((o) => o.orderNo)).toEqual([String(target.number)])
    expect(fake.calls.at(-1)!.query).toMatchObject({ modified_after: '2026-11-20T12:00:00', dates_are_gmt: 'true' })
  })
})

describe('WooCommerce connector: actions', () => {
  it('cancels an unfulfilled order with PUT status=cancelled and notes the reason', async () => {
    const { fake, woo } = await setup()
    const w = wooOrders(fake, (o) => o.status === 'processing' && !hasTracking(o))[0]!
    const r = await woo.cancelOrder(kefuOrder(w), { reason: 'changed_mind' })
    expect(r).toMatchObject({ ok: true, order: { orderNo: String(w.number), status: 'cancelled' } })
    expect(fake.callsTo('PUT', new RegExp(`^/orders/${w.id}$`)).map((c) => c.body)).toEqual([{ status: 'cancelled' }])
    expect(fake.data.orders.get(w.id)!.status).toBe('cancelled')
    expect(fake.data.notes.get(w.id)![0]!.note).toContain('changed_mind')
    // Cancelling moves no money in WooCommerce: the note tells the merchant what is owed.
    expect(fake.data.notes.get(w.id)![0]!.note).toContain(`Refund due: ${w.total} CNY`)
    expect(fake.callsTo('POST', /refunds$/)).toHaveLength(0)
  })

  it("with refunds: 'create', refunds a cancelled paid order through the gateway", async () => {
    const { fake, woo } = await setup({}, { refunds: 'create' })
    const w = wooOrders(fake, (o) => o.status === 'processing' && !hasTracking(o))[0]!
    const r = await woo.cancelOrder(kefuOrder(w), { reason: 'changed_mind' })
    expect(r).toMatchObject({ ok: true, order: { status: 'refunded' } })
    expect(fake.callsTo('POST', new RegExp(`^/orders/${w.id}/refunds$`))[0]!.body).toMatchObject({
      amount: w.total,
      api_refund: true,
    })
    expect(fake.data.notes.get(w.id)![0]!.note).toContain('Refunded through the payment gateway')
  })

  it('keeps an accepted cancellation when the refund fails, and tells the merchant to refund by hand', async () => {
    const { fake, woo } = await setup({}, { refunds: 'create' })
    const w = wooOrders(fake, (o) => o.status === 'processing' && !hasTracking(o))[0]!
    fake.refuse(
      'POST',
      /refunds$/,
      'woocommerce_rest_cannot_create_order_refund',
      'Payment gateway does not support refunds.',
      500,
      10,
    )
    const r = await woo.cancelOrder(kefuOrder(w), { reason: 'changed_mind' })
    expect(r).toMatchObject({ ok: true, order: { status: 'cancelled' } })
    expect(fake.data.notes.get(w.id)![0]!.note).toMatch(/Automatic refund FAILED .*by hand/)
  })

  it('refuses to cancel a shipped or completed order without calling PUT', async () => {
    const { fake, woo } = await setup()
    for (const w of [
      wooOrders(fake, (o) => o.status === 'completed')[0]!,
      wooOrders(fake, (o) => o.status === 'processing' && hasTracking(o))[0]!,
    ]) {
      const r = await woo.cancelOrder(kefuOrder(w), { reason: 'x' })
      expect(r).toMatchObject({ ok: false, kind: 'refused' })
    }
    expect(fake.callsTo('PUT', /^\/orders\//)).toHaveLength(0)
  })

  it('reports a WooCommerce refusal as refused and a 5xx as unavailable', async () => {
    const { fake, woo } = await setup()
    const [a, b] = wooOrders(fake, (o) => o.status === 'processing' && !hasTracking(o))
    fake.refuse(
      'PUT',
      new RegExp(`^/orders/${a!.id}$`),
      'woocommerce_rest_shop_order_invalid_status',
      'Order cannot be cancelled.',
    )
    const refused = await woo.cancelOrder(kefuOrder(a!), { reason: 'x' })
    expect(refused).toMatchObject({
      ok: false,
      kind: 'refused',
      detail: expect.stringContaining('woocommerce_rest_shop_order_invalid_status'),
    })
    expect(fake.data.orders.get(a!.id)!.status).toBe('processing')

    fake.inject({ method: 'PUT', path: new RegExp(`^/orders/${b!.id}$`), status: 502, body: 'bad gateway', times: 9 })
    const down = await woo.cancelOrder(kefuOrder(b!), { reason: 'x' })
    expect(down).toMatchObject({ ok: false, kind: 'unavailable' })
  })

  it('rides out a short 429 and cancels; a long Retry-After is reported as unavailable', async () => {
    const { fake, woo } = await setup({}, { maxRetryDelayMs: 5000 })
    const [a, b] = wooOrders(fake, (o) => o.status === 'processing' && !hasTracking(o))
    fake.rateLimit(new RegExp(`^/orders/${a!.id}$`), 1, 1, 'PUT')
    expect(await woo.cancelOrder(kefuOrder(a!), { reason: 'x' })).toMatchObject({ ok: true })
    fake.rateLimit(new RegExp(`^/orders/${b!.id}$`), 60, 1, 'PUT')
    expect(await woo.cancelOrder(kefuOrder(b!), { reason: 'x' })).toMatchObject({ ok: false, kind: 'unavailable' })
  })

  it('changes the shipping address before fulfilment and refuses after it', async () => {
    const { fake, woo } = await setup()
    const w = wooOrders(fake, (o) => o.status === 'on-hold')[0]!
    const address = { name: '王小明', phone: '13912345678', region: '上海市 浦东新区', detail: '世纪大道 100 号 5 楼' }
    const r = await woo.updateShippingAddress(kefuOrder(w), address)
    expect(r).toMatchObject({ ok: true, order: { address: { detail: '世纪大道 100 号 5 楼', phone: '13912345678' } } })
    expect(fake.data.orders.get(w.id)!.shipping).toMatchObject({
      address_1: '世纪大道 100 号 5 楼',
      city: '上海市 浦东新区',
      country: 'CN',
    })
    const done = wooOrders(fake, (o) => o.status === 'completed')[0]!
    expect(await woo.updateShippingAddress(kefuOrder(done), address)).toMatchObject({ ok: false, kind: 'refused' })
  })

  it('records a return request as a private order note by default', async () => {
    const { fake, woo } = await setup()
    const w = wooOrders(fake, (o) => o.status === 'completed')[0]!
    const sku = (w.line_items as Array<{ sku: string }>)[0]!.sku
    const r = await woo.requestReturn(kefuOrder(w), {
      items: [{ sku, quantity: 1 }],
      reason: 'size',
      kind: 'return',
      kefuReturnId: 'R-1001',
    })
    expect(r).toMatchObject({ ok: true, externalId: expect.stringMatching(/^note:\d+$/) })
    const note = fake.data.notes.get(w.id)![0]!
    expect(note).toMatchObject({ customer_note: false, note: expect.stringContaining('R-1001') })
    expect(fake.callsTo('POST', /refunds$/)).toHaveLength(0)
  })

  it("creates a gateway refund for a refund request when configured, and WooCommerce's refusal is refused", async () => {
    const { fake, woo } = await setup({}, { refunds: 'create' })
    const w = wooOrders(fake, (o) => o.status === 'completed' && (o.line_items as unknown[]).length === 1)[0]!
    const line = (w.line_items as Array<{ sku: string; quantity: number; total: string }>)[0]!
    const input = {
      items: [{ sku: line.sku, quantity: line.quantity }],
      reason: 'quality',
      kind: 'refund' as const,
      kefuReturnId: 'R-7',
    }
    const r = await woo.requestReturn(kefuOrder(w), input)
    expect(r).toMatchObject({
      ok: true,
      externalId: expect.stringMatching(/^refund:\d+$/),
      order: { status: 'refunded' },
    })
    const call = fake.callsTo('POST', new RegExp(`^/orders/${w.id}/refunds$`))[0]!
    expect(call.body).toMatchObject({ amount: line.total, api_refund: true, line_items: [{ quantity: line.quantity }] })
    // The same refund again exceeds what is left: WooCommerce answers 400.
    expect(await woo.requestReturn(kefuOrder(w), input)).toMatchObject({ ok: false, kind: 'refused' })
  })

  it('finds an order whose number differs from its id (sequential order number plugins)', async () => {
    const { fake, woo } = await setup()
    const w = wooOrders(fake, (o) => o.status === 'processing' && !hasTracking(o))[0]!
    w.number = `WC-${w.id}-2026`
    const r = await woo.cancelOrder(kefuOrder(w), { reason: 'x' })
    expect(r).toMatchObject({ ok: true, order: { orderNo: `WC-${w.id}-2026`, status: 'cancelled' } })
    expect(fake.calls.some((c) => c.path === '/orders' && c.query.search === `WC-${w.id}-2026`)).toBe(true)
  })

  it('tells an order WooCommerce does not know as refused', async () => {
    const { woo } = await setup()
    const r = await woo.cancelOrder({ ...kefuOrder({ id: 1, number: '987654' }) }, { reason: 'x' })
    expect(r).toMatchObject({ ok: false, kind: 'refused' })
  })
})

describe('WooCommerce connector: webhooks', () => {
  const signed = (topic: string, body: unknown) => {
    const rawBody = new TextEncoder().encode(JSON.stringify(body))
    return {
      headers: {
        'x-wc-webhook-topic': topic,
        'x-wc-webhook-signature': wooWebhookSignature('whsec-test-secret', rawBody),
      },
      rawBody,
    }
  }

  it('maps a variable product with its variations and the store currency, read from the store', async () => {
    const { fake, woo } = await setup({ products: 20, variableEvery: 10 })
    const parent = [...fake.data.products.values()].find((p) => p.type === 'variable')!
    const d = signed('product.updated', parent)
    expect(woo.verifyWebhook(d)).toBe(true)
    const [change] = await woo.parseWebhook(d)
    expect(change).toMatchObject({ kind: 'product', product: { sku: parent.sku, currency: 'CNY' } })
    const variants = (change as unknown as { product: { attributes: { variants: unknown[] } } }).product.attributes
      .variants
    expect(variants).toHaveLength(3)
    expect(fake.callsTo('GET', new RegExp(`^/products/${parent.id}/variations$`))).toHaveLength(1)
  })

  it("maps a variation's delivery to its parent product with the variation's new price", async () => {
    const { fake, woo } = await setup({ products: 20, variableEvery: 10 })
    const parent = [...fake.data.products.values()].find((p) => p.type === 'variable')!
    const variation = fake.data.variations.get(parent.id)![1]!
    Object.assign(variation, { price: '1.50', regular_price: '1.50' })
    const [change] = await woo.parseWebhook(
      signed('product.updated', { ...variation, type: 'variation', parent_id: parent.id, name: `${parent.name} - M` }),
    )
    expect(change).toMatchObject({ kind: 'product', product: { sku: parent.sku, price: 1.5 } })
    const variants = (
      change as unknown as { product: { attributes: { variants: Array<{ sku: string; price: number }> } } }
    ).product.attributes.variants
    expect(variants.find((v) => v.sku === variation.sku)).toMatchObject({ price: 1.5 })
  })

  it('falls back to the payload when the variations cannot be read', async () => {
    const { fake, woo } = await setup({ products: 20, variableEvery: 10 }, { currency: 'USD', maxRetries: 0 })
    const parent = [...fake.data.products.values()].find((p) => p.type === 'variable')!
    fake.inject({ path: /\/variations$/, status: 500, body: 'down', times: 5 })
    const [change] = await woo.parseWebhook(signed('product.updated', parent))
    expect(change).toMatchObject({
      kind: 'product',
      product: { sku: parent.sku, currency: 'USD', attributes: { sizes: ['S', 'M', 'L'] } },
    })
    expect(
      (change as unknown as { product: { attributes: Record<string, unknown> } }).product.attributes.variants,
    ).toBeUndefined()
  })
})
