/**
 * `ChannelStateStore` over Redis, for several instances: `claimOnce` is `SET key 1 NX EX ttl` (one
 * atomic command, so exactly one instance wins a platform message id), tokens and cursors are plain
 * keys with an expiry. While Redis cannot answer, calls fall back to the store's implementation (the
 * database is shared by the instances too, so they still agree, only slower).
 */
import type { Redis } from 'ioredis'
import type { ChannelStateStore } from '../../core/ports/channel.js'

export type RedisChannelStateOptions = {
  /** Key prefix (KEFU_REDIS_PREFIX); keys are `<prefix>chan:<shopId>:<key>`. */
  prefix: string
  /** Used when a Redis command fails. */
  fallback: ChannelStateStore
  /** Told once per outage and once per recovery. */
  onDegraded?: (degraded: boolean, error?: unknown) => void
}

export function createRedisChannelState(redis: Redis, opts: RedisChannelStateOptions): ChannelStateStore {
  const k = (shopId: string, key: string) => `${opts.prefix}chan:${shopId}:${key}`
  let degraded = false
  async function attempt<T>(viaRedis: () => Promise<T>, viaStore: () => Promise<T>): Promise<T> {
    try {
      const out = await viaRedis()
      if (degraded) {
        degraded = false
        opts.onDegraded?.(false)
      }
      return out
    } catch (e) {
      if (!degraded) {
        degraded = true
        opts.onDegraded?.(true, e)
      }
      return viaStore()
    }
  }
  return {
    get: (shopId, key) =>
      attempt(
        () => redis.get(k(shopId, key)),
        () => opts.fallback.get(shopId, key),
      ),
    set: (shopId, key, value, ttlSeconds) =>
      attempt(
        async () => {
          if (ttlSeconds === undefined) await redis.set(k(shopId, key), value)
          else await redis.set(k(shopId, key), value, 'EX', Math.max(1, Math.ceil(ttlSeconds)))
        },
        () => opts.fallback.set(shopId, key, value, ttlSeconds),
      ),
    claimOnce: (shopId, key, ttlSeconds) =>
      attempt(
        async () => (await redis.set(k(shopId, key), '1', 'EX', Math.max(1, Math.ceil(ttlSeconds)), 'NX')) === 'OK',
        () => opts.fallback.claimOnce(shopId, key, ttlSeconds),
      ),
  }
}
