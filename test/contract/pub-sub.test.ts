import { randomUUID } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { createMemoryLock, createMemoryPubSub } from '../../src/adapters/pubsub-memory/memory-pub-sub.js'
import { createRedisLock, createRedisPubSub } from '../../src/adapters/redis/redis-pub-sub.js'
import type { KeyedLock, PubSub } from '../../src/core/ports/pub-sub.js'
import { waitFor } from '../helpers/wait-for.js'

const redisUrl = process.env.KEFU_TEST_REDIS_URL
type Backend = { name: string; pubsub: () => Promise<PubSub>; lock: () => Promise<KeyedLock> }
const backends: Backend[] = [
  { name: 'memory', pubsub: async () => createMemoryPubSub(), lock: async () => createMemoryLock() },
]
if (redisUrl) {
  // Each run uses its own key prefix so parallel runs never see each other's channels or locks.
  const prefix = `kefu-test-${randomUUID()}:`
  backends.push({
    name: 'redis',
    pubsub: () => createRedisPubSub(redisUrl, prefix),
    lock: () => createRedisLock(redisUrl, prefix),
  })
}

for (const b of backends) {
  describe(`${b.name}: PubSub`, () => {
    const open: Array<{ close(): Promise<void> }> = []
    afterAll(async () => {
      for (const o of open) await o.close()
    })

    it('delivers a published payload to every subscriber of the channel, and only that channel', async () => {
      const ps = await b.pubsub()
      open.push(ps)
      const a: unknown[] = []
      const c: unknown[] = []
      const other: unknown[] = []
      await ps.subscribe('conv:s:1', (p) => a.push(p))
      await ps.subscribe('conv:s:1', (p) => c.push(p))
      await ps.subscribe('conv:s:2', (p) => other.push(p))
      await ps.publish('conv:s:1', { type: 'message', n: 1 })
      await waitFor(() => a.length === 1 && c.length === 1)
      expect(a[0]).toEqual({ type: 'message', n: 1 })
      expect(other).toHaveLength(0)
    })

    it('stops delivering after unsubscribe', async () => {
      const ps = await b.pubsub()
      open.push(ps)
      const got: unknown[] = []
      const un = await ps.subscribe('ch', (p) => got.push(p))
      await ps.publish('ch', 1)
      await waitFor(() => got.length === 1)
      await un()
      await ps.publish('ch', 2)
      await new Promise((r) => setTimeout(r, 50))
      expect(got).toEqual([1])
    })

    it('a throwing subscriber does not stop the others', async () => {
      const ps = await b.pubsub()
      open.push(ps)
      const got: unknown[] = []
      await ps.subscribe('x', () => {
        throw new Error('boom')
      })
      await ps.subscribe('x', (p) => got.push(p))
      await ps.publish('x', 'hi')
      await waitFor(() => got.length === 1)
    })
  })

  describe(`${b.name}: KeyedLock`, () => {
    it('runs work for one key strictly one at a time, other keys in parallel', async () => {
      const lock = await b.lock()
      let inside = 0
      let maxInside = 0
      const order: number[] = []
      const job = (i: number) =>
        lock.withLock('k1', async () => {
          inside++
          maxInside = Math.max(maxInside, inside)
          await new Promise((r) => setTimeout(r, 5))
          order.push(i)
          inside--
          return i
        })
      const results = await Promise.all([job(1), job(2), job(3), job(4)])
      expect(results).toEqual([1, 2, 3, 4])
      expect(maxInside).toBe(1)
      expect(order.sort()).toEqual([1, 2, 3, 4])
      await lock.close()
    })

    it('releases the lock when the work throws', async () => {
      const lock = await b.lock()
      await expect(
        lock.withLock('k2', async () => {
          throw new Error('fail')
        }),
      ).rejects.toThrow('fail')
      await expect(lock.withLock('k2', async () => 'ok')).resolves.toBe('ok')
      await lock.close()
    })
  })
}
