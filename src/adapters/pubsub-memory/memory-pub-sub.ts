import { EventEmitter } from 'node:events'
import type { KeyedLock, PubSub } from '../../core/ports/pub-sub.js'

/** Single-process PubSub: the embedded default. */
export function createMemoryPubSub(): PubSub {
  const ee = new EventEmitter()
  ee.setMaxListeners(0)
  return {
    specificationVersion: 'v1',
    async publish(channel, payload) {
      // Deliver asynchronously, like a network broker would, and never let a handler break the publisher.
      queueMicrotask(() => {
        for (const l of ee.listeners(channel)) {
          try {
            ;(l as (p: unknown) => void)(payload)
          } catch {
            /* a broken subscriber must not affect others */
          }
        }
      })
    },
    async subscribe(channel, handler) {
      ee.on(channel, handler)
      return async () => {
        ee.off(channel, handler)
      }
    },
    async close() {
      ee.removeAllListeners()
    },
  }
}

/** Single-process per-key mutex: a promise chain per key. */
export function createMemoryLock(): KeyedLock {
  const tails = new Map<string, Promise<unknown>>()
  return {
    specificationVersion: 'v1',
    async withLock(key, fn) {
      const prev = tails.get(key) ?? Promise.resolve()
      let release!: () => void
      const mine = new Promise<void>((r) => {
        release = r
      })
      const tail = prev.then(() => mine)
      tails.set(key, tail)
      await prev.catch(() => undefined)
      try {
        return await fn()
      } finally {
        release()
        if (tails.get(key) === tail) tails.delete(key)
      }
    },
    async close() {
      tails.clear()
    },
  }
}
