/**
 * One real kefu server (demo shop, fresh data directory, random port) for the test file that calls
 * this at top level: started before its tests, closed and removed after them. `env` adds settings
 * (limits, timeouts) on top of `LOG_LEVEL=warn`.
 */
import { afterAll, beforeAll } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { tempDir } from './temp-dir.js'

export function serveForFile(env: Record<string, string> = {}): { readonly url: string; readonly port: number } {
  const dir = tempDir()
  let running: RunningServer | undefined
  beforeAll(async () => {
    running = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir: dir.path,
      env: { LOG_LEVEL: 'warn', ...env },
    })
  })
  afterAll(async () => {
    await running?.close()
    dir.remove()
  })
  const started = (): RunningServer => {
    if (!running) throw new Error('serveForFile: the server is not running (use it inside a test)')
    return running
  }
  return {
    get url() {
      return started().url
    },
    get port() {
      return started().port
    },
  }
}
