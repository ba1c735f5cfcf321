// Worker-thread entry (plain JavaScript: no TypeScript loader needed in the thread): checkpoints a
// SQLite WAL database on its own connection, so the copy into the main file and its fsync never
// run on the serving thread (src/adapters/store-sql/wal-checkpointer.ts).
import { statSync } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import SqliteDatabase from 'better-sqlite3'

const { path, everyMs, truncateBytes } = workerData
const db = new SqliteDatabase(path)
// Never wait for a lock here: a busy database is checkpointed on the next tick instead.
db.pragma('busy_timeout = 0')
db.pragma('synchronous = NORMAL')

function walBytes() {
  try {
    return statSync(`${path}-wal`).size
  } catch {
    return 0
  }
}

function tick() {
  try {
    // PASSIVE copies what it can without taking any lock writers or readers wait for.
    db.pragma('wal_checkpoint(PASSIVE)')
    // Under steady writes a passive checkpoint never catches up with the log's end, so the log
    // would only grow: past `truncateBytes` it is restarted from zero, which takes the write lock
    // for the few frames left (writers retry meanwhile, src/adapters/store-sql/sqlite-store.ts).
    if (walBytes() > truncateBytes) db.pragma('wal_checkpoint(TRUNCATE)')
  } catch {
    // SQLITE_BUSY (another checkpoint or a long writer): the next tick tries again.
  }
}

const timer = setInterval(tick, everyMs)
parentPort.on('message', (m) => {
  if (m !== 'stop') return
  clearInterval(timer)
  db.close()
  parentPort.postMessage('stopped')
  parentPort.close()
})
parentPort.postMessage('ready')
