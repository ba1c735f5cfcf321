/**
 * The commerce conformance suite: every adapter of the commerce port passes it — the embedded
 * store, Shopify against its fake, WooCommerce against its fake. An adapter's harness says what its
 * platform can be made to do (refuse, go down, throttle); the embedded store, which has no platform,
 * runs only the tests that apply to it (none are skipped at run time).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Order } from '../../src/core/domain/schemas.js'
import type { CommerceActions, CommerceConnector, WebhookDelivery } from '../../src/core/ports/commerce.js'

export type CommerceContractHarness = {
  actions: CommerceActions
  /** Set for connected platforms (sync and webhooks). */
  connector?: CommerceConnector
  /** An unfulfilled, uncancelled order the platform lets be cancelled or re-addressed; a fresh one per call. */
  openOrder(): Promise<Order>
  /** A delivered order (return requests). */
  deliveredOrder(): Promise<Order>
  /** A fulfilled order: the platform itself refuses its cancellation. */
  fulfilledOrder?(): Promise<Order>
  /** Whether the platform recorded a cancellation of this order. */
  platformCancelled?(order: Order): Promise<boolean>
  /** Until `restore`, the platform refuses this action (its validation error). */
  refuse?(action: 'cancel' | 'address' | 'return'): void
  /** Until `restore`, every call fails as the platform being down (5xx). */
  goDown?(): void
  /** The next call answers 429 with a short Retry-After. */
  throttleOnce?(): void
  restore?(): void
  /** Rows the platform holds (customers and orders: stored + skipped). */
  totals?: { products: number; customers: number; orders: number }
  /** A correctly signed product-change delivery and what it should map to. */
  productWebhook?(): { delivery: WebhookDelivery; sku: string; price: number }
  close(): Promise<void>
}

/**
 * `platform: true` for connected platforms: the tests of refusals, outages, 429s, paging and webhooks
 * run too, and the harness must provide what they need. The embedded store has none of those.
 */
export function commerceContract(
  name: string,
  setup: () => Promise<CommerceContractHarness>,
  caps: { platform: boolean },
): void {
  /** Defined only for connected platforms (never reported as skipped for the embedded store). */
  const platformIt: typeof it = caps.platform ? it : ((() => undefined) as unknown as typeof it)
  describe(`commerce port: ${name}`, () => {
    let h: CommerceContractHarness
    beforeAll(async () => {
      h = await setup()
    })
    afterAll(async () => {
      await h?.close()
    })
    const address = { name: 'Ava Smith', phone: '+1 555 0100', region: 'Portland', detail: '12 New Street, Apt 4' }

    it('declares version v1 and its platform', () => {
      expect(h.actions.specificationVersion).toBe('v1')
      expect(typeof h.actions.platform).toBe('string')
    })

    it('accepts a cancellation of an open order (and the platform records it)', async () => {
      const order = await h.openOrder()
      const r = await h.actions.cancelOrder(order, { reason: 'customer_request' })
      expect(r).toMatchObject({ ok: true })
      if (r.ok && r.order) expect(['cancelled', 'refunding', 'refunded']).toContain(r.order.status)
      if (h.platformCancelled) expect(await h.platformCancelled(order)).toBe(true)
    })

    it('accepts a shipping address change before fulfilment', async () => {
      const order = await h.openOrder()
      const r = await h.actions.updateShippingAddress(order, address)
      expect(r).toMatchObject({ ok: true })
      if (r.ok && r.order?.address) expect(r.order.address.detail).toContain('12 New Street')
    })

    it('accepts a return request for a delivered item', async () => {
      const order = await h.deliveredOrder()
      const item = order.items[0]!
      const r = await h.actions.requestReturn(order, {
        items: [{ sku: item.sku, quantity: item.qty }],
        reason: 'size',
        kind: 'return',
        kefuReturnId: 'RR_contract_1',
      })
      expect(r).toMatchObject({ ok: true })
    })

    platformIt('maps the platform refusing an action to `refused` with its detail', async () => {
      if (!h.refuse || !h.restore) throw new Error('the platform harness must provide this')
      try {
        h.refuse('cancel')
        const r = await h.actions.cancelOrder(await h.openOrder(), { reason: 'customer_request' })
        expect(r).toMatchObject({ ok: false, kind: 'refused' })
        if (!r.ok) expect(r.detail.length).toBeGreaterThan(0)
        h.refuse('address')
        expect(await h.actions.updateShippingAddress(await h.openOrder(), address)).toMatchObject({
          ok: false,
          kind: 'refused',
        })
        h.refuse('return')
        const d = await h.deliveredOrder()
        const rr = await h.actions.requestReturn(d, {
          items: [{ sku: d.items[0]!.sku, quantity: 1 }],
          reason: 'size',
          kind: 'return',
          kefuReturnId: 'RR_contract_2',
        })
        expect(rr).toMatchObject({ ok: false, kind: 'refused' })
      } finally {
        h.restore()
      }
    })

    platformIt("refuses what the platform's own rules forbid (cancelling a fulfilled order)", async () => {
      if (!h.fulfilledOrder) throw new Error('the platform harness must provide this')
      const r = await h.actions.cancelOrder(await h.fulfilledOrder(), { reason: 'customer_request' })
      expect(r).toMatchObject({ ok: false, kind: 'refused' })
    })

    platformIt('maps a platform that is down to `unavailable`, without throwing', async () => {
      if (!h.goDown || !h.restore) throw new Error('the platform harness must provide this')
      const order = await h.openOrder()
      try {
        h.goDown()
        const r = await h.actions.cancelOrder(order, { reason: 'customer_request' })
        expect(r).toMatchObject({ ok: false, kind: 'unavailable' })
      } finally {
        h.restore()
      }
    })

    platformIt('waits out a 429 and succeeds', async () => {
      if (!h.throttleOnce) throw new Error('the platform harness must provide this')
      h.throttleOnce()
      expect(await h.actions.updateShippingAddress(await h.openOrder(), address)).toMatchObject({ ok: true })
    })

    platformIt('pages products, customers and orders to the end, each row once', async () => {
      const c = h.connector
      if (!c || !h.totals) throw new Error('the platform harness must provide this')
      const seen = { products: new Set<string>(), customers: new Set<string>(), orders: new Set<string>() }
      let skipped = { customers: 0, orders: 0 }
      let cursor: string | null = null
      let pages = 0
      do {
        const p = await c.listProducts(cursor)
        for (const r of p.rows) {
          expect(seen.products.has(r.sku)).toBe(false)
          seen.products.add(r.sku)
        }
        cursor = p.next
        pages++
      } while (cursor && pages < 10_000)
      do {
        const p = await c.listCustomers(cursor)
        for (const r of p.rows) seen.customers.add(r.id)
        skipped = { ...skipped, customers: skipped.customers + (p.skipped?.length ?? 0) }
        cursor = p.next
      } while (cursor)
      do {
        const p = await c.listOrders(cursor)
        for (const r of p.rows) seen.orders.add(r.orderNo)
        skipped = { ...skipped, orders: skipped.orders + (p.skipped?.length ?? 0) }
        cursor = p.next
      } while (cursor)
      expect(pages).toBeGreaterThan(1)
      expect(seen.products.size).toBe(h.totals.products)
      expect(seen.customers.size + skipped.customers).toBe(h.totals.customers)
      expect(seen.orders.size + skipped.orders).toBe(h.totals.orders)
    })

    platformIt('limits an order read to recent changes with updatedSince', async () => {
      const c = h.connector
      if (!c || !h.totals) throw new Error('the platform harness must provide this')
      const future = new Date(Date.parse('2999-01-01T00:00:00Z')).toISOString()
      const p = await c.listOrders(null, { updatedSince: future })
      expect(p.rows).toHaveLength(0)
      expect(p.next).toBeNull()
    })

    platformIt('verifies a signed webhook and rejects a forged or unsigned one', async () => {
      const c = h.connector
      if (!c || !h.productWebhook) throw new Error('the platform harness must provide this')
      const { delivery, sku, price } = h.productWebhook()
      expect(c.verifyWebhook(delivery)).toBe(true)
      const tampered = new Uint8Array(delivery.rawBody)
      tampered[tampered.length - 2] = tampered[tampered.length - 2]! ^ 1
      expect(c.verifyWebhook({ ...delivery, rawBody: tampered })).toBe(false)
      const unsigned = Object.fromEntries(Object.entries(delivery.headers).filter(([k]) => !/signature|hmac/i.test(k)))
      expect(c.verifyWebhook({ headers: unsigned, rawBody: delivery.rawBody })).toBe(false)
      const changes = await c.parseWebhook(delivery)
      const product = changes.find((x) => x.kind === 'product' && x.product.sku === sku)
      expect(product).toMatchObject({ kind: 'product', product: { sku, price } })
    })
  })
}
