/**
 * `kefu serve --workers N` (or KEFU_WORKERS=N): the primary process of a node:cluster. It serves no
 * requests itself; it
 * - starts worker 1 and waits until it listens (it migrates the database, seeds the demo shop and
 *   trains the intent model on a first start), then the others, which find all of that done;
 * - shares the listening port (node:cluster hands connections to the workers in turn);
 * - relays pub/sub between the workers (only to workers subscribed to the channel) and grants the
 *   per-conversation locks (src/adapters/pubsub-cluster/cluster-pub-sub.ts), unless Redis does both;
 * - starts a worker again when one dies, and stops them all on SIGINT/SIGTERM.
 *
 * Workers share the SQLite file in WAL mode: writers take turns on SQLite's write lock (BEGIN
 * IMMEDIATE, waiting up to the busy timeout), readers never wait.
 */
import cluster, { type Worker } from 'node:cluster'
import { type ClusterMessage, isClusterMessage } from '../../adapters/pubsub-cluster/cluster-pub-sub.js'

/** Environment variable telling a worker its number (1…N); worker 1 runs the background jobs. */
export const WORKER_ID_ENV = 'KEFU_WORKER_ID'

export async function runClusterPrimary(opts: {
  workers: number
  /** Progress and problems, one line each. */
  log: (line: string) => void
}): Promise<number> {
  const subscribers = new Map<string, Set<Worker>>()
  const locks = new Map<
    string,
    { holder: { worker: Worker; id: number }; queue: Array<{ worker: Worker; id: number }> }
  >()
  const byId = new Map<number, Worker>()
  let stopping = false

  const send = (w: Worker, m: ClusterMessage) => {
    if (w.isConnected()) w.send(m)
  }

  function grantNext(key: string) {
    const entry = locks.get(key)
    if (!entry) return
    const next = entry.queue.shift()
    if (!next) {
      locks.delete(key)
      return
    }
    entry.holder = next
    send(next.worker, { kefu: 'granted', id: next.id })
  }

  function onMessage(worker: Worker, m: unknown) {
    if (!isClusterMessage(m)) return
    switch (m.kefu) {
      case 'sub': {
        const set = subscribers.get(m.channel) ?? new Set<Worker>()
        subscribers.set(m.channel, set)
        set.add(worker)
        return
      }
      case 'unsub': {
        const set = subscribers.get(m.channel)
        set?.delete(worker)
        if (set?.size === 0) subscribers.delete(m.channel)
        return
      }
      case 'pub': {
        for (const w of subscribers.get(m.channel) ?? []) if (w !== worker) send(w, m)
        return
      }
      case 'lock': {
        const entry = locks.get(m.key)
        if (entry) entry.queue.push({ worker, id: m.id })
        else {
          locks.set(m.key, { holder: { worker, id: m.id }, queue: [] })
          send(worker, { kefu: 'granted', id: m.id })
        }
        return
      }
      case 'unlock': {
        const entry = locks.get(m.key)
        if (entry && entry.holder.worker === worker && entry.holder.id === m.id) grantNext(m.key)
        return
      }
    }
  }

  /** A worker that exited holds nothing and hears nothing any more. */
  function forget(worker: Worker) {
    for (const [channel, set] of subscribers) {
      set.delete(worker)
      if (set.size === 0) subscribers.delete(channel)
    }
    for (const [key, entry] of locks) {
      entry.queue = entry.queue.filter((q) => q.worker !== worker)
      if (entry.holder.worker === worker) grantNext(key)
    }
  }

  function fork(n: number): Promise<Worker> {
    const w = cluster.fork({ [WORKER_ID_ENV]: String(n) })
    byId.set(n, w)
    w.on('message', (m) => onMessage(w, m))
    w.on('exit', (code, signal) => {
      forget(w)
      if (stopping) return
      opts.log(`kefu: worker ${n} exited (${signal ?? code}); starting it again`)
      setTimeout(() => void fork(n).catch(() => undefined), 1000).unref()
    })
    return new Promise((resolve, reject) => {
      w.once('listening', () => resolve(w))
      w.once('exit', (code) => reject(new Error(`worker ${n} exited with code ${code} before listening`)))
    })
  }

  try {
    await fork(1)
    await Promise.all(Array.from({ length: opts.workers - 1 }, (_, i) => fork(i + 2)))
  } catch (e) {
    stopping = true
    for (const w of byId.values()) w.process.kill('SIGTERM')
    opts.log(`kefu: ${(e as Error).message}`)
    return 1
  }
  opts.log(`kefu: ${opts.workers} worker processes serving`)
  await new Promise<void>((resolve) => {
    const stop = () => {
      if (stopping) return
      stopping = true
      const alive = [...byId.values()].filter((w) => !w.isDead())
      if (alive.length === 0) return resolve()
      let left = alive.length
      for (const w of alive) {
        w.once('exit', () => {
          if (--left === 0) resolve()
        })
        w.process.kill('SIGTERM')
      }
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  return 0
}
