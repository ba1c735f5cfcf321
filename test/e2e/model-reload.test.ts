/**
 * `kefu train` rewrites the model in the data dir; a running server picks the new model up on
 * the following turns without a restart.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { intentModelPath, writeIntentModel } from '../../src/adapters/nlu-model-file/intent-model-file.js'
import { trainIntentModel } from '../../src/core/nlu/train-intent-model.js'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { askOnce } from '../helpers/chat-client.js'
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

const intentOf = async (text: string) => (await askOnce(server.url, text)).nlu.intent

describe('model reload', () => {
  it('serves a retrained model without a restart', async () => {
    expect(await intentOf('开发票')).toBe('invoice_payment')
    // A deliberately odd model: everything about invoices is now a "complaint".
    const odd = trainIntentModel(
      [
        ...['开发票', '发票怎么开', '要发票', '开个发票', 'invoice please', 'need an invoice'].map((text) => ({
          text,
          label: 'complaint',
        })),
        ...['你好', '在吗', 'hello', 'hi there', '您好呀', '早上好'].map((text) => ({ text, label: 'greeting' })),
      ],
      { holdout: 0 },
    )
    writeIntentModel(intentModelPath(dir.path), odd)
    // The server re-checks the model file at most every 2 seconds: wait for the new model's answer.
    await waitFor(async () => (await intentOf('开发票')) === 'complaint', { intervalMs: 250, what: 'the new model' })
  })
})
