/**
 * PubSub and KeyedLock for the worker processes of one `kefu serve --workers N` (node:cluster),
 * without Redis: both go through the cluster's primary over the IPC channel
 * (src/server/cluster/cluster-primary.ts relays).
 *
 * - publish: delivered to this process's subscribers directly, and sent to the primary, which
 *   forwards it to the other workers that subscribe to the channel (a message posted to worker A
 *   reaches a widget socket held by worker B).
 * - withLock: the primary grants one key to one holder at a time, first come first served, across
 *   workers; a worker that exits releases its keys.
 */
import type { KeyedLock, PubSub } from '../../core/ports/pub-sub.js'
import { createMemoryPubSub } from '../pubsub-memory/memory-pub-sub.js'

/** Messages between a worker and the primary (JSON over the IPC channel). */
export type ClusterMessage =
  | { kefu: 'sub'; channel: string }
  | { kefu: 'unsub'; channel: string }
  | { kefu: 'pub'; channel: string; payload: unknown }
  | { kefu: 'lock'; key: string; id: number }
  | { kefu: 'granted'; id: number }
  | { kefu: 'unlock'; key: string; id: number }

export const isClusterMessage = (m: unknown): m is ClusterMessage =>
  typeof m === 'object' && m !== null && typeof (m as { kefu?: unknown }).kefu === 'string'

type Ipc = {
  send(m: ClusterMessage): void
  on(handler: (m: unknown) => void): () => void
}

/** The IPC channel of this worker process. */
export function processIpc(): Ipc {
  return {
    send(m) {
      if (process.connected) process.send?.(m)
    },
    on(handler) {
      process.on('message', handler)
      return () => process.off('message', handler)
    },
  }
}

export function createClusterPubSub(ipc: Ipc = processIpc()): PubSub {
  const local = createMemoryPubSub()
  const subscribers = new Map<string, number>()
  const off = ipc.on((m) => {
    if (isClusterMessage(m) && m.kefu === 'pub') void local.publish(m.channel, m.payload)
  })
  return {
    specificationVersion: 'v1',
    async publish(channel, payload) {
      await local.publish(channel, payload)
      ipc.send({ kefu: 'pub', channel, payload })
    },
    async subscribe(channel, handler) {
      const unsubscribe = await local.subscribe(channel, handler)
      const n = (subscribers.get(channel) ?? 0) + 1
      subscribers.set(channel, n)
      if (n === 1) ipc.send({ kefu: 'sub', channel })
      let done = false
      return async () => {
        if (done) return
        done = true
        await unsubscribe()
        const left = (subscribers.get(channel) ?? 1) - 1
        if (left > 0) subscribers.set(channel, left)
        else {
          subscribers.delete(channel)
          ipc.send({ kefu: 'unsub', channel })
        }
      }
    },
    async close() {
      off()
      subscribers.clear()
      await local.close()
    },
  }
}

export function createClusterLock(ipc: Ipc = processIpc()): KeyedLock {
  let next = 0
  const waiting = new Map<number, () => void>()
  const off = ipc.on((m) => {
    if (isClusterMessage(m) && m.kefu === 'granted') {
      const grant = waiting.get(m.id)
      waiting.delete(m.id)
      grant?.()
    }
  })
  return {
    specificationVersion: 'v1',
    async withLock(key, fn) {
      const id = ++next
      await new Promise<void>((resolve) => {
        waiting.set(id, resolve)
        ipc.send({ kefu: 'lock', key, id })
      })
      try {
        return await fn()
      } finally {
        ipc.send({ kefu: 'unlock', key, id })
      }
    },
    async close() {
      off()
      waiting.clear()
    },
  }
}
