/**
 * PubSub and KeyedLock over Redis, built to survive a Redis outage:
 *
 *  - no offline queue: while Redis is down a command fails at once instead of being queued and
 *    replayed later (a replayed `SET lock NX PX` resurrected stale lock keys after an outage and
 *    blocked conversations with 409s for ~30 s);
 *  - quick reconnects (every ≤ 1 s), so service recovers within a few seconds of Redis returning;
 *  - during an outage the lock degrades to an in-process lock and publish to in-process delivery
 *    (no fan-out to other instances), each reported once through `onDegraded` (a warning), instead of
 *    failing the chat with 500s;
 *  - a lock is a short lease renewed while its holder works: a crashed instance blocks its
 *    conversation for one lease (5 s by default), not 30 s.
 */
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { AppError } from '../../core/errors.js'
import type { KeyedLock, PubSub } from '../../core/ports/pub-sub.js'
import { createMemoryLock } from '../pubsub-memory/memory-pub-sub.js'

const CONNECT_TIMEOUT_MS = 3000
const COMMAND_TIMEOUT_MS = 2000
/** Default lease of a lock; renewed every third of it while the holder works. */
const LEASE_MS = 5000

export type RedisResilienceOptions = {
  /** Told once when an outage starts degrading a feature, and once when it recovers. */
  onDegraded?: (event: { feature: 'lock' | 'pubsub'; state: 'degraded' | 'recovered'; error?: unknown }) => void
}

function connect(url: string): Redis {
  return new Redis(url, {
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    lazyConnect: true,
    enableOfflineQueue: false,
    // Reconnect quickly and forever: recovery within a second or two of Redis coming back.
    retryStrategy: (times) => Math.min(100 * times, 1000),
  })
}

async function open(url: string): Promise<Redis> {
  const r = connect(url)
  // An unhandled 'error' event would crash the process during an outage; failures surface per command.
  r.on('error', () => undefined)
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

/** Reports a feature's outage once, and its recovery once. */
function degradation(feature: 'lock' | 'pubsub', opts: RedisResilienceOptions) {
  let degraded = false
  return {
    down(error: unknown) {
      if (degraded) return
      degraded = true
      opts.onDegraded?.({ feature, state: 'degraded', error })
    },
    up() {
      if (!degraded) return
      degraded = false
      opts.onDegraded?.({ feature, state: 'recovered' })
    },
  }
}

/** PubSub over Redis channels: every instance sees every conversation's messages. */
export async function createRedisPubSub(
  url: string,
  prefix = 'kefu:',
  opts: RedisResilienceOptions = {},
): Promise<PubSub> {
  const pub = await open(url)
  const sub = await open(url)
  const health = degradation('pubsub', opts)
  const handlers = new Map<string, Set<(p: unknown) => void>>()
  const deliver = (channel: string, payload: unknown) => {
    for (const h of handlers.get(channel) ?? []) {
      try {
        h(payload)
      } catch {
        /* a broken subscriber must not affect others */
      }
    }
  }
  sub.on('message', (channel: string, raw: string) => {
    let payload: unknown
    try {
      payload = JSON.parse(raw)
    } catch {
      return
    }
    deliver(channel, payload)
  })
  // Channels subscribed while Redis was down are subscribed when it is back.
  sub.on('ready', () => {
    const keys = [...handlers.keys()]
    if (keys.length > 0) sub.subscribe(...keys).catch(() => undefined)
  })
  return {
    specificationVersion: 'v1',
    async publish(channel, payload) {
      const key = prefix + channel
      try {
        await pub.publish(key, JSON.stringify(payload))
        health.up()
      } catch (e) {
        // Degraded: this instance's own subscribers still get it; other instances do not.
        health.down(e)
        deliver(key, payload)
      }
    },
    async subscribe(channel, handler) {
      const key = prefix + channel
      let set = handlers.get(key)
      if (!set) {
        set = new Set()
        handlers.set(key, set)
        await sub.subscribe(key).catch((e: unknown) => health.down(e))
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
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`

/**
 * Per-key lock across instances (SET NX PX lease, renewed while the work runs, token-checked
 * release). A holder that crashes blocks others for at most one lease (`ttlMs`, default 5 s); a
 * waiter gives up after `waitMs` with 409 conflict. While Redis is unreachable the lock falls back
 * to an in-process one (turns of a conversation stay serialised on this instance).
 */
export async function createRedisLock(
  url: string,
  prefix = 'kefu:',
  opts: RedisResilienceOptions = {},
): Promise<KeyedLock> {
  const r = await open(url)
  const local = createMemoryLock()
  const health = degradation('lock', opts)
  return {
    specificationVersion: 'v1',
    async withLock(key, fn, o = {}) {
      const lease = o.ttlMs ?? LEASE_MS
      const wait = o.waitMs ?? 15_000
      const k = `${prefix}lock:${key}`
      const token = randomUUID()
      const deadline = Date.now() + wait
      let delay = 5
      for (;;) {
        let ok: string | null
        try {
          ok = await r.set(k, token, 'PX', lease, 'NX')
        } catch (e) {
          health.down(e)
          return local.withLock(key, fn, o)
        }
        health.up()
        if (ok === 'OK') break
        if (Date.now() > deadline)
          throw new AppError('conflict', 'conversation is busy, try again', { retryable: true })
        await new Promise((res) => setTimeout(res, delay))
        delay = Math.min(delay * 2, 100)
      }
      const renew = setInterval(
        () => void r.eval(RENEW, 1, k, token, String(lease)).catch(() => undefined),
        Math.max(50, Math.floor(lease / 3)),
      )
      renew.unref()
      try {
        return await fn()
      } finally {
        clearInterval(renew)
        await r.eval(RELEASE, 1, k, token).catch(() => undefined)
      }
    },
    async close() {
      r.disconnect()
      await local.close()
    },
  }
}
