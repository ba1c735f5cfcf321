/**
 * Issue 12, point 6, in a real browser: the widget's attach button uploads a picture to the
 * conversation and sends it; without a vision model the customer is told an agent will look at it.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { launchChromium, SKIP_BROWSER_TESTS } from '../helpers/chromium.js'

const ROOT = join(import.meta.dirname, '../..')
/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

describe.skipIf(SKIP_BROWSER_TESTS)('sending a picture from the widget (Chromium)', () => {
  let server: RunningServer
  let browser: Browser
  let dataDir: string

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kefu-browser-attach-'))
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      env: { LOG_LEVEL: 'warn', KEFU_DEMO: 'true', KEFU_DEMO_DIR: join(ROOT, 'data/demo') },
    })
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('uploads the picture with the typed text and shows the answer', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(server.url)
    await page.getByRole('button', { name: '打开在线客服' }).click()
    await page.getByRole('dialog').waitFor()
    await page.locator('#kefu-widget >> textarea').fill('是这个吗')
    await page.locator('#kefu-widget >> input[type="file"]').setInputFiles({
      name: 'photo.png',
      mimeType: 'image/png',
      buffer: PNG,
    })
    const mine = page.locator('#kefu-widget >> li[data-role="customer"] .bubble .text').last()
    await expect.poll(async () => (await mine.textContent()) ?? '').toContain('[图片]')
    expect(await mine.textContent()).toContain('是这个吗')
    const bot = page.locator('#kefu-widget >> li[data-role="bot"] .bubble .text').last()
    await bot.waitFor({ timeout: 20_000 })
    await expect.poll(async () => (await bot.textContent()) ?? '', { timeout: 20_000 }).toContain('人工客服查看')
    await context.close()
  })
})
