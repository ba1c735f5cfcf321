/**
 * A catalog imported by another process (`kefu import`, a connector sync) into a running server is
 * answered from, even when it lands after the server warmed the shop's indexes and before its first
 * customer: the warm-up notes the catalog version it built from.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { openStore } from '../../src/adapters/open-store.js'
import { importFiles } from '../../src/server/import/import-file.js'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { askOnce, replyText } from '../helpers/chat-client.js'
import { tempDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait-for.js'

let server: RunningServer
const dir = tempDir()

beforeAll(async () => {
  server = await startServer({ port: 0, dataDir: dir.path, env: { LOG_LEVEL: 'warn' } })
})
afterAll(async () => {
  await server?.close()
  dir.remove()
})

describe('an import by another process before the first customer', () => {
  it('answers about the imported product', async () => {
    const file = join(dir.path, 'products.jsonl')
    const product = {
      sku: 'KETTLE-9',
      title: '澜庭 K9 温控电热水壶',
      category: 'home/kettle',
      brand: '澜庭',
      price: 259,
      stock: 40,
      aliases: ['K9水壶'],
    }
    writeFileSync(file, `${JSON.stringify(product)}\n`)
    // Another process: its own store handle on the server's SQLite file.
    const store = await openStore(`sqlite://${join(dir.path, 'kefu.db')}`)
    try {
      await importFiles(store, [{ kind: 'products', path: file }], { shopId: 'demo' })
    } finally {
      await store.close()
    }
    // Other processes' imports are noticed within a couple of seconds (the version is polled).
    let last = ''
    await waitFor(
      async () => {
        last = replyText(await askOnce(server.url, '澜庭 K9 温控电热水壶多少钱'))
        return last.includes('259')
      },
      { intervalMs: 500, timeoutMs: 30_000, what: 'the imported product to be answered' },
    ).catch((e: Error) => {
      throw new Error(`${e.message}; last answer: ${last}`)
    })
  })
})
