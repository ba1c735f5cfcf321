/**
 * Channel state over Redis (several instances): one claim per key across clients, expiry, and the
 * fall-back to the store while Redis is unreachable. Runs when KEFU_TEST_REDIS_URL is set.
 */
import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRedisChannelState } from '../../src/adapters/redis/redis-channel-state.js'
import { makeShop, type OpenedStore, openTestSqliteStore } from '../helpers/store-fixtures.js'
import { waitFor } from '../helpers/wait-for.js'

const redisUrl = process.env.KEFU_TEST_REDIS_URL

describe.skipIf(!redisUrl)('Redis channel state', () => {
  let opened: OpenedStore
  const clients: Redis[] = []
  const prefix = `kefu-test-${randomBytes(4).toString('hex')}:`
  const client = (url = redisUrl!) => {
    const c = new Redis(url, {
      lazyConnect: false,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      connectTimeout: 500,
    })
    c.on('error', () => undefined)
    clients.push(c)
    return c
  }
  beforeAll(async () => {
    opened = await openTestSqliteStore()
  })
  afterAll(async () => {
    const keys = await clients[0]!.keys(`${prefix}*`)
    if (keys.length > 0) await clients[0]!.del(...keys)
    for (const c of clients) c.disconnect()
    await opened.cleanup()
  })

  it('lets exactly one of several instances claim a platform message id', async () => {
    const instances = [client(), client(), client()].map((r) =>
      createRedisChannelState(r, { prefix, fallback: opened.store.channelState }),
    )
    for (const c of clients) await waitFor(() => c.status === 'ready', { what: 'redis' })
    const claims = await Promise.all(
      Array.from({ length: 30 }, (_, i) => instances[i % 3]!.claimOnce('shop-a', 'in:chatwoot:msg:1', 60)),
    )
    expect(claims.filter(Boolean)).toHaveLength(1)
    expect(await instances[0]!.claimOnce('shop-b', 'in:chatwoot:msg:1', 60)).toBe(true)
    await instances[0]!.set('shop-a', 'token', 'abc', 60)
    expect(await instances[2]!.get('shop-a', 'token')).toBe('abc')
    expect(await clients[0]!.ttl(`${prefix}chan:shop-a:token`)).toBeGreaterThan(50)
    await instances[1]!.set('shop-a', 'cursor', 'c9')
    expect(await clients[0]!.ttl(`${prefix}chan:shop-a:cursor`)).toBe(-1)
  })

  it('falls back to the store while Redis is unreachable', async () => {
    const shop = makeShop()
    await opened.store.shops.upsert(shop)
    const down = client('redis://127.0.0.1:1')
    const changes: boolean[] = []
    const s = createRedisChannelState(down, {
      prefix,
      fallback: opened.store.channelState,
      onDegraded: (d) => changes.push(d),
    })
    expect(await s.claimOnce(shop.id, 'k', 60)).toBe(true)
    expect(await s.claimOnce(shop.id, 'k', 60)).toBe(false)
    await s.set(shop.id, 'cursor', 'x')
    expect(await opened.store.channelState.get(shop.id, 'cursor')).toBe('x')
    expect(changes).toEqual([true])
  })
})
