/**
 * Checkpoints of a SQLite WAL database moved off the serving thread. By default SQLite checkpoints
 * inside the commit that grows the log past 1,000 pages: that commit copies the log into the
 * database file and fsyncs it, on the event loop, every few hundred chat turns — 76 ms at p99 and
 * up to 135 ms per stall on the shared 2-core machine, 3.3 ms per turn on average (issue 16).
 *
 * Here a worker thread with its own connection checkpoints every `everyMs` (PASSIVE: it takes no
 * lock anyone waits for) and restarts the log when it grew past `truncateBytes`. The serving
 * connection keeps a far automatic checkpoint (SAFETY_PAGES) in case the thread falls behind, and
 * goes back to SQLite's default if the thread fails.
 */
import { Worker } from 'node:worker_threads'
import type SqliteDatabase from 'better-sqlite3'

/** The serving connection's own checkpoint, only if the thread falls far behind (~40 MB of log). */
const SAFETY_PAGES = 10_000
const SQLITE_DEFAULT_PAGES = 1000

export type WalCheckpointOptions = {
  /** How often the thread checkpoints; default 500 ms. */
  everyMs?: number
  /** Restart the log from zero once it is larger than this; default 16 MiB. */
  truncateBytes?: number
}

export type WalCheckpointer = { close(): Promise<void> }

export function startWalCheckpointer(
  sqlite: SqliteDatabase.Database,
  path: string,
  opts: WalCheckpointOptions = {},
): WalCheckpointer {
  sqlite.pragma(`wal_autocheckpoint = ${SAFETY_PAGES}`)
  const worker = new Worker(new URL('./wal-checkpoint-worker.mjs', import.meta.url), {
    workerData: { path, everyMs: opts.everyMs ?? 500, truncateBytes: opts.truncateBytes ?? 16 * 2 ** 20 },
  })
  // The thread never keeps the process alive on its own.
  worker.unref()
  let closing = false
  const fallBack = () => {
    if (closing || !sqlite.open) return
    sqlite.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_PAGES}`)
  }
  worker.on('error', fallBack)
  worker.on('exit', fallBack)
  return {
    async close() {
      if (closing) return
      closing = true
      const stopped = new Promise<void>((resolve) => {
        worker.on('message', (m) => m === 'stopped' && resolve())
        worker.once('exit', () => resolve())
      })
      worker.postMessage('stop')
      await Promise.race([stopped, new Promise((r) => setTimeout(r, 1000).unref())])
      await worker.terminate()
    },
  }
}
