/**
 * Fixed-window counters for limits the rate-limit plugin cannot express (it runs one limiter per
 * request): in memory for one instance, in Redis when instances share a deployment. A Redis error
 * lets the request through, as the plugin does, rather than failing the chat.
 */
import type { Redis } from 'ioredis'
import type { Clock } from '../../core/ports/clock.js'

export type WindowCounter = {
  /** Counts one hit for `key`; returns the hits in the current window and ms until it resets. */
  hit(key: string): Promise<{ count: number; resetMs: number }>
  /** The hits in the current window without counting one (0 when none, or when Redis fails). */
  peek(key: string): Promise<{ count: number; resetMs: number }>
}

/**
 * Creates a counter with windows of `windowMs`.
 *
 * @example
 * const c = createWindowCounter({ windowMs: 60_000, clock })
 * if ((await c.hit('client-msg:abc')).count > 240) throw new AppError('rate_limited', '…')
 */
export function createWindowCounter(opts: {
  windowMs: number
  clock: Clock
  redis?: Redis | null
  prefix?: string
}): WindowCounter {
  const { windowMs, clock, redis } = opts
  if (redis) {
    const prefix = opts.prefix ?? ''
    return {
      async hit(key) {
        try {
          const k = `${prefix}${key}`
          const [[, count], [, ttl]] = (await redis.multi().incr(k).pttl(k).exec()) as [
            [Error | null, number],
            [Error | null, number],
          ]
          if (ttl < 0) await redis.pexpire(k, windowMs)
          return { count, resetMs: ttl < 0 ? windowMs : ttl }
        } catch {
          return { count: 0, resetMs: 0 }
        }
      },
      async peek(key) {
        try {
          const k = `${prefix}${key}`
          const [[, raw], [, ttl]] = (await redis.multi().get(k).pttl(k).exec()) as [
            [Error | null, string | null],
            [Error | null, number],
          ]
          return { count: Number(raw ?? 0), resetMs: Math.max(0, ttl) }
        } catch {
          return { count: 0, resetMs: 0 }
        }
      },
    }
  }
  const windows = new Map<string, { count: number; resetAt: number }>()
  return {
    async hit(key) {
      const now = clock.now().getTime()
      if (windows.size > 100_000) for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k)
      let w = windows.get(key)
      if (!w || w.resetAt <= now) {
        w = { count: 0, resetAt: now + windowMs }
        windows.set(key, w)
      }
      w.count++
      return { count: w.count, resetMs: w.resetAt - now }
    },
    async peek(key) {
      const now = clock.now().getTime()
      const w = windows.get(key)
      return !w || w.resetAt <= now ? { count: 0, resetMs: 0 } : { count: w.count, resetMs: w.resetAt - now }
    },
  }
}
