/**
 * Issue 12, point 5, in a real browser: with a model configured (the fake OpenAI-compatible server
 * streaming slowly), the widget shows the answer sentence by sentence while it arrives — each sentence
 * only after the server's answer guard passed it — and then the final message in its place.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { launchChromium, SKIP_BROWSER_TESTS } from '../helpers/chromium.js'
import { type FakeOpenAiServer, type RecordedRequest, startFakeOpenAiServer } from '../llm/fake-openai-server.js'

const ROOT = join(import.meta.dirname, '../..')
const QUESTION = '声屿 Pro 5 降噪蓝牙耳机和锐思 RayBook 14 轻薄本哪个更适合送给刚上大学的弟弟？说说理由'

function slowComparison(req: RecordedRequest) {
  const user = req.body.messages.find((m) => m.role === 'user' && m.content.includes('[F'))?.content ?? ''
  const fact = (name: string) =>
    new RegExp(`\\[F(\\d+)\\] 商品：(${name}[^，\\n（]*)[^\\n]*\\n\\s*当前售价 ¥([\\d.]+)`).exec(user)
  const buds = fact('声屿 Pro 5')
  const laptop = fact('锐思 RayBook 14')
  if (!buds || !laptop) return { content: 'NO_ANSWER' }
  return {
    chunks: [
      `锐思 RayBook 14 现价 ${Number(laptop[3])} 元 [F${laptop[1]}]。`,
      `声屿 Pro 5 现价 ${Number(buds[3])} 元 [F${buds[1]}]。`,
      `预算有限的话，耳机更合适 [F${buds[1]}]。`,
    ],
    chunkDelayMs: 1_200,
  }
}

describe.skipIf(SKIP_BROWSER_TESTS)('streamed model answers in the widget (Chromium)', () => {
  let server: RunningServer
  let fake: FakeOpenAiServer
  let browser: Browser
  let dataDir: string

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kefu-browser-llm-'))
    fake = await startFakeOpenAiServer()
    fake.setDefault(slowComparison)
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      env: {
        LOG_LEVEL: 'warn',
        KEFU_DEMO: 'true',
        KEFU_DEMO_DIR: join(ROOT, 'data/demo'),
        KEFU_LLM_BASE_URL: `${fake.url}/v1`,
        KEFU_LLM_MODEL: 'test',
      },
    })
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await fake?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('shows the first verified sentence before the answer is complete, then the final message', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(server.url)
    await page.getByRole('button', { name: '打开在线客服' }).click()
    await page.getByRole('dialog').waitFor()
    const input = page.locator('#kefu-widget >> textarea')
    await input.fill(QUESTION)
    await input.press('Enter')

    const streaming = page.locator('#kefu-widget >> .bubble.streaming')
    await streaming.waitFor({ timeout: 20_000 })
    const first = (await streaming.textContent()) ?? ''
    expect(first).toContain('3999')
    expect(first).not.toContain('耳机更合适')
    expect(first).not.toMatch(/\[F\d+\]/)

    // The final message replaces the stream and carries the whole verified answer.
    await streaming.waitFor({ state: 'detached', timeout: 20_000 })
    const bot = page.locator('#kefu-widget >> li[data-role="bot"] .bubble .text').last()
    const final = (await bot.textContent()) ?? ''
    expect(final).toContain('耳机更合适')
    expect(final.startsWith(first)).toBe(true)
    await context.close()
  })
})
