import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { AppError } from '../../core/errors.js'
import type { KeyedLock, PubSub } from '../../core/ports/pub-sub.js'

const CONNECT_TIMEOUT_MS = 3000
const COMMAND_TIMEOUT_MS = 2000

function connect(url: string): Redis {
  return new Redis(url, {
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 2,
    lazyConnect: true,
    enableOfflineQueue: true,
  })
}

async function open(url: string): Promise<Redis> {
  const r = connect(url)
  try {
    await r.connect()
    return r
  } catch (e) {
    r.disconnect()
    throw new AppError('unavailable', `cannot connect to Redis at ${url.replace(/\/\/[^@]*@/, '//***@')}`, {
      cause: e,
      retryable: true,
    })
  }
}

/** PubSub over Redis channels: every instance sees every conversation's messages. */
export async function createRedisPubSub(url: string, prefix = 'kefu:'): Promise<PubSub> {
  const pub = await open(url)
  const sub = await open(url)
  const handlers = new Map<string, Set<(p: unknown) => void>>()
  sub.on('message', (channel: string, raw: string) => {
    const set = handlers.get(channel)
    if (!set) return
    let payload: unknown
    try {
      payload = JSON.parse(raw)
    } catch {
      return
    }
    for (const h of set) {
      try {
        h(payload)
      } catch {
        /* a broken subscriber must not affect others */
      }
    }
  })
  return {
    specificationVersion: 'v1',
    async publish(channel, payload) {
      try {
        await pub.publish(prefix + channel, JSON.stringify(payload))
      } catch (e) {
        throw new AppError('unavailable', 'Redis publish failed', { cause: e, retryable: true })
      }
    },
    async subscribe(channel, handler) {
      const key = prefix + channel
      let set = handlers.get(key)
      if (!set) {
        set = new Set()
        handlers.set(key, set)
        await sub.subscribe(key)
      }
      set.add(handler)
      return async () => {
        const s = handlers.get(key)
        if (!s) return
        s.delete(handler)
        if (s.size === 0) {
          handlers.delete(key)
          await sub.unsubscribe(key).catch(() => undefined)
        }
      }
    },
    async close() {
      handlers.clear()
      pub.disconnect()
      sub.disconnect()
    },
  }
}

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`

/**
 * Per-key lock across instances (SET NX PX + token-checked release). A holder that
 * crashes blocks others for at most `ttlMs`; a waiter gives up after `waitMs`.
 */
export async function createRedisLock(url: string, prefix = 'kefu:'): Promise<KeyedLock> {
  const r = await open(url)
  return {
    specificationVersion: 'v1',
    async withLock(key, fn, opts = {}) {
      const ttl = opts.ttlMs ?? 30_000
      const wait = opts.waitMs ?? 15_000
      const k = `${prefix}lock:${key}`
      const token = randomUUID()
      const deadline = Date.now() + wait
      let delay = 5
      for (;;) {
        const ok = await r.set(k, token, 'PX', ttl, 'NX')
        if (ok === 'OK') break
        if (Date.now() > deadline)
          throw new AppError('conflict', 'conversation is busy, try again', { retryable: true })
        await new Promise((res) => setTimeout(res, delay))
        delay = Math.min(delay * 2, 100)
      }
      try {
        return await fn()
      } finally {
        await r.eval(RELEASE, 1, k, token).catch(() => undefined)
      }
    },
    async close() {
      r.disconnect()
    },
  }
}
