/**
 * The connector hub's guards: a connector whose credentials cannot be opened (the server secret
 * changed) never lets kefu act on its own copy alone — every action is `unavailable` and webhooks
 * answer unauthorized; one shop syncs once at a time in a process; unknown credentials are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../src/core/errors.js'
import { createCommerceHub } from '../../src/server/commerce/commerce-hub.js'
import { CONNECTORS } from '../../src/server/commerce/connectors.js'
import { type ShopifyFake, startShopifyFake } from '../fakes/shopify/shopify-fake.js'
import { makeOrder, makeShop, type OpenedStore, openTestSqliteStore } from '../helpers/store-fixtures.js'

let fake: ShopifyFake
let opened: OpenedStore
const now = () => new Date('2026-06-10T08:00:00Z')

beforeAll(async () => {
  fake = await startShopifyFake({ products: 600, customers: 5, orders: 5 })
  opened = await openTestSqliteStore()
  await opened.store.shops.upsert(makeShop({ id: 'acme' }))
})
afterAll(async () => {
  await opened?.cleanup()
  await fake?.close()
})

const hubWith = (secret: string) => createCommerceHub({ store: opened.store, secret, registry: CONNECTORS, now })

describe('commerce hub', () => {
  it('refuses unknown platforms and missing credentials, naming them', async () => {
    const hub = hubWith('secret-one-0123456789')
    await expect(
      hub.configure('acme', { platform: 'shopify', storeUrl: fake.url, credentials: { accessToken: 'x' } }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('credentials.webhookSecret') })
    await expect(
      hub.configure('acme', {
        platform: 'shopify',
        storeUrl: 'ftp://x',
        credentials: { accessToken: 'x', webhookSecret: 'y' },
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' })
  })

  it('syncs one shop once at a time', async () => {
    const hub = hubWith('secret-one-0123456789')
    await hub.configure('acme', {
      platform: 'shopify',
      storeUrl: fake.url,
      credentials: { accessToken: fake.accessToken, webhookSecret: fake.webhookSecret },
    })
    const first = hub.sync('acme')
    const second = await hub.sync('acme').catch((e: unknown) => e)
    expect(AppError.isInstance(second) && second.code).toBe('conflict')
    await expect(first).resolves.toMatchObject({ kinds: { products: { stored: 600 } } })
  })

  it('with unreadable credentials every action is unavailable and webhooks are unauthorized', async () => {
    const other = hubWith('a-different-secret-0123456789')
    const shop = (await opened.store.shops.get('acme'))!
    const actions = other.actionsFor(shop)
    expect(actions).toBeDefined()
    const r = await actions!.cancelOrder(makeOrder({ orderNo: '1001' }), { reason: 'customer_request' })
    expect(r).toMatchObject({ ok: false, kind: 'unavailable' })
    expect(fake.callsTo('POST', '/cancel.json')).toHaveLength(0)
    const e = await other
      .webhook('shopify', 'acme', { headers: { 'x-shopify-topic': 'products/update' }, rawBody: new Uint8Array() })
      .catch((x: unknown) => x)
    expect(AppError.isInstance(e) && e.code).toBe('unauthorized')
  })

  it('a shop without a connector acts embedded (no actions object)', async () => {
    const hub = hubWith('secret-one-0123456789')
    expect(await hub.remove('acme')).toBe(true)
    expect(hub.actionsFor((await opened.store.shops.get('acme'))!)).toBeUndefined()
  })
})
