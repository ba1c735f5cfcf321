/** The per-client message budget's counter, in memory and in Redis (when KEFU_TEST_REDIS_URL is set). */
import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, describe, expect, it } from 'vitest'
import { manualClock } from '../../src/core/ports/clock.js'
import { createWindowCounter } from '../../src/server/http/window-counter.js'

const REDIS_URL = process.env.KEFU_TEST_REDIS_URL
const clients: Redis[] = []
afterAll(async () => {
  for (const c of clients) await c.quit()
})

describe('window counter', () => {
  it('memory: counts within a window and starts again after it (clock-driven)', async () => {
    const clock = manualClock('2026-12-01T00:00:00Z')
    const c = createWindowCounter({ windowMs: 60_000, clock })
    expect((await c.hit('a')).count).toBe(1)
    expect((await c.hit('a')).count).toBe(2)
    expect((await c.hit('b')).count).toBe(1)
    clock.advance(60_000)
    expect((await c.hit('a')).count).toBe(1)
  })

  it.runIf(REDIS_URL)('redis: counts across counters sharing a Redis, with an expiry', async () => {
    const redis = new Redis(REDIS_URL!)
    clients.push(redis)
    const prefix = `kefu-test-${randomBytes(4).toString('hex')}:`
    const clock = manualClock('2026-12-01T00:00:00Z')
    const a = createWindowCounter({ windowMs: 60_000, clock, redis, prefix })
    const b = createWindowCounter({ windowMs: 60_000, clock, redis, prefix })
    expect((await a.hit('k')).count).toBe(1)
    const second = await b.hit('k')
    expect(second.count).toBe(2)
    expect(second.resetMs).toBeGreaterThan(0)
    expect(await redis.pttl(`${prefix}k`)).toBeGreaterThan(0)
    await redis.del(`${prefix}k`)
  })
})
