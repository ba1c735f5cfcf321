/**
 * The widget in a real browser against the real server: Debian's chromium driven by playwright-core, the
 * server started on a random port with a fresh data dir (demo shop seeded), the page and widget built by Vite.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { startServer } from '../../src/server/start-server.js'
import { launchChromium, SKIP_BROWSER_TESTS } from '../helpers/chromium.js'

const ROOT = join(import.meta.dirname, '../..')
const REPLY_TIMEOUT = 30_000

type StoredSession = { id: string; token: string }
type ServerMessage = { seq: number; role: string; text: string }

/** The conversation the widget stored in localStorage. */
async function storedSession(page: Page): Promise<StoredSession> {
  const raw = await page.evaluate(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)
      if (key?.startsWith('kefu:v1:') && !key.startsWith('kefu:v1:open:')) return localStorage.getItem(key)
    }
    return null
  })
  expect(raw, 'the widget stores its conversation in localStorage').toBeTruthy()
  return JSON.parse(raw!) as StoredSession
}

/** The conversation as the server has it. */
async function serverMessages(baseUrl: string, s: StoredSession): Promise<ServerMessage[]> {
  const res = await fetch(`${baseUrl}/api/v1/conversations/${s.id}/messages?afterSeq=0`, {
    headers: { authorization: `Bearer ${s.token}` },
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { messages: ServerMessage[] }).messages
}

/** Messages the widget shows that come from the server (they carry data-seq), in display order. */
async function shownMessages(page: Page): Promise<Array<{ seq: number; role: string; text: string }>> {
  const rows = page.locator('#kefu-widget >> li[data-seq]')
  const out: Array<{ seq: number; role: string; text: string }> = []
  for (const row of await rows.all()) {
    out.push({
      seq: Number(await row.getAttribute('data-seq')),
      role: (await row.getAttribute('data-role')) ?? '',
      text: (await row.locator('.bubble .text').textContent()) ?? '',
    })
  }
  return out
}

/** Types into the widget and sends with Enter; resolves once the bot answered that message. */
async function ask(page: Page, text: string): Promise<void> {
  const before = await page.locator('#kefu-widget >> li[data-seq]').count()
  const input = page.locator('#kefu-widget >> textarea')
  await input.fill(text)
  await input.press('Enter')
  // The customer's message comes back from the server with a seq, then at least one bot message after it.
  // A message the widget marks as not sent (the API failed) ends the wait early with a clear failure.
  const outcome = await page.waitForFunction(
    ({ before, text }) => {
      const root = document.getElementById('kefu-widget')?.shadowRoot
      if (root?.querySelector('li.failed')) return 'not sent'
      const rows = [...(root?.querySelectorAll('li[data-seq]') ?? [])].slice(before)
      const mine = rows.findIndex((r) => r.getAttribute('data-role') === 'customer' && r.textContent?.includes(text))
      return mine >= 0 && rows.slice(mine + 1).some((r) => r.getAttribute('data-role') === 'bot') ? 'answered' : false
    },
    { before, text },
    { timeout: REPLY_TIMEOUT },
  )
  expect(await outcome.jsonValue(), `reply to ${JSON.stringify(text)}`).toBe('answered')
  await page.locator('#kefu-widget >> .typing').waitFor({ state: 'detached', timeout: REPLY_TIMEOUT })
}

describe.skipIf(SKIP_BROWSER_TESTS)('chat widget in headless Chromium', () => {
  let server: { url: string; close(): Promise<void> }
  let browser: Browser
  let dataDir: string
  const contexts: BrowserContext[] = []

  const boot = (port: number) =>
    startServer({
      port,
      host: '127.0.0.1',
      dataDir,
      env: { LOG_LEVEL: 'warn', KEFU_DEMO: 'true', KEFU_DEMO_DIR: join(ROOT, 'data/demo') },
    })

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kefu-browser-'))
    server = await boot(0)
    // playwright gives every launch a fresh temporary profile (user-data-dir) and deletes it on close.
    browser = await launchChromium()
  })

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {})
    await browser?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  async function newPage(options: Parameters<Browser['newContext']>[0]): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext(options)
    contexts.push(context)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    return { page, errors }
  }

  it('chats from the demo shop page: replies appear, match the server log, and survive a reload', async () => {
    const { page, errors } = await newPage({
      viewport: { width: 1280, height: 800 },
      locale: 'zh-CN',
      reducedMotion: 'reduce',
    })
    await page.goto(server.url)
    // The storefront renders the demo catalog from the products API.
    await page.locator('.product').first().waitFor({ timeout: REPLY_TIMEOUT })
    expect(await page.locator('.product').count()).toBeGreaterThan(0)

    const launcher = page.getByRole('button', { name: '打开在线客服' })
    await launcher.click()
    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    // Focus moves into the panel so the visitor can type right away.
    expect(await page.evaluate(() => document.getElementById('kefu-widget')?.shadowRoot?.activeElement?.tagName)).toBe(
      'TEXTAREA',
    )

    await ask(page, '你好')
    await ask(page, '我的订单到哪了')

    // The demo page chats as the selected demo customer, so the bot answers about that customer's orders
    // (in its text, or in the quick replies offering them).
    const persona = await page.locator('.persona select').inputValue()
    const orderNos = readFileSync(join(ROOT, 'data/demo/orders.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { orderNo: string; customerId: string })
      .filter((o) => o.customerId === persona)
      .map((o) => o.orderNo)
    expect(orderNos.length).toBeGreaterThan(0)
    const answer = [
      ...(await page.locator('#kefu-widget >> li[data-role="bot"]').last().allTextContents()),
      ...(await page.locator('#kefu-widget >> .quick button').allTextContents()),
    ].join('\n')
    expect(orderNos.some((no) => answer.includes(no))).toBe(true)

    // What the widget shows is exactly the server's conversation: same seqs, roles and texts, no duplicates.
    const session = await storedSession(page)
    const log = await serverMessages(server.url, session)
    const shown = await shownMessages(page)
    expect(shown.map((m) => m.seq)).toEqual(log.map((m) => m.seq))
    expect(shown.map((m) => m.role)).toEqual(log.map((m) => m.role))
    expect(shown.map((m) => m.text.trim())).toEqual(log.map((m) => m.text.trim()))
    expect(log.filter((m) => m.role === 'customer').map((m) => m.text)).toEqual(['你好', '我的订单到哪了'])
    expect(log.filter((m) => m.role === 'bot').length).toBeGreaterThanOrEqual(2)

    // A reload continues the same conversation with its history (the panel stays open in this tab).
    await page.reload()
    await page
      .locator('#kefu-widget >> li[data-seq]')
      .nth(log.length - 1)
      .waitFor({ timeout: REPLY_TIMEOUT })
    expect((await storedSession(page)).id).toBe(session.id)
    const afterReload = await shownMessages(page)
    expect(afterReload.map((m) => m.seq)).toEqual(log.map((m) => m.seq))
    expect(afterReload.map((m) => m.text.trim())).toEqual(log.map((m) => m.text.trim()))

    // Messages written elsewhere (another tab, an agent, a proactive notice) arrive over the WebSocket.
    const pushed = await fetch(`${server.url}/api/v1/conversations/${session.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ text: '谢谢' }),
    })
    expect(pushed.status).toBe(200)
    const logAfterPush = await serverMessages(server.url, session)
    await page
      .locator('#kefu-widget >> li[data-seq]')
      .nth(logAfterPush.length - 1)
      .waitFor({ timeout: REPLY_TIMEOUT })
    expect((await shownMessages(page)).map((m) => m.text.trim())).toEqual(logAfterPush.map((m) => m.text.trim()))

    // Escape closes the panel and gives focus back to the launcher.
    await page.locator('#kefu-widget >> textarea').press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await launcher.getAttribute('aria-expanded')).toBe('false')
    expect(errors).toEqual([])
  })

  it('fills a 375×667 phone screen and chats there', async () => {
    const { page, errors } = await newPage({
      viewport: { width: 375, height: 667 },
      isMobile: true,
      hasTouch: true,
      locale: 'en-US',
      // No open animation, so the panel's box is final as soon as it exists.
      reducedMotion: 'reduce',
    })
    await page.goto(server.url)
    const launcher = page.getByRole('button', { name: 'Open customer service chat' })
    const box = await launcher.boundingBox()
    expect(box).not.toBeNull()
    expect(box!.x + box!.width).toBeLessThanOrEqual(375)
    expect(box!.y + box!.height).toBeLessThanOrEqual(667)

    await launcher.tap()
    const panel = await page.getByRole('dialog').boundingBox()
    expect(panel).toEqual({ x: 0, y: 0, width: 375, height: 667 })

    await ask(page, 'Where is my order?')
    const input = await page.locator('#kefu-widget >> textarea').boundingBox()
    expect(input!.y + input!.height).toBeLessThanOrEqual(667)
    // Nothing of the page scrolls sideways on the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    const shown = await shownMessages(page)
    expect(shown.some((m) => m.role === 'bot' && m.text.trim() !== '')).toBe(true)
    expect(errors).toEqual([])
  })

  it('embeds in a foreign site with one script tag, unaffected by the site CSS', async () => {
    // The API must answer a cross-origin preflight, or no browser lets a merchant's page talk to it.
    const preflight = await fetch(`${server.url}/api/v1/conversations`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://merchant.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    })
    expect(preflight.headers.get('access-control-allow-origin'), 'CORS on /api/v1 for the embedded widget').toMatch(
      /^(\*|https:\/\/merchant\.example)$/,
    )

    const { page, errors } = await newPage({
      viewport: { width: 1024, height: 768 },
      locale: 'en-US',
      reducedMotion: 'reduce',
    })
    // A merchant page on another origin (its own little HTTP server: another port is another origin), with CSS
    // hostile to anything that does not isolate itself.
    const html = `<!doctype html><html><head><style>
      * { font-size: 40px !important; color: red !important; line-height: 3 !important }
      button, textarea { display: none !important } li { display: inline !important }
      </style></head><body><h1>Merchant</h1>
      <script src="${server.url}/widget.js" data-kefu-shop="demo" data-kefu-locale="en" async></script>
      </body></html>`
    const site = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
    )
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
    onTestFinished(() => new Promise<void>((resolve) => site.close(() => resolve())))
    const merchant = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`
    await page.goto(merchant)
    await page.getByRole('button', { name: 'Open customer service chat' }).click()
    const launcher = page.locator('#kefu-widget >> .launcher')
    expect(await launcher.getAttribute('aria-expanded')).toBe('true')
    expect(await launcher.evaluate((el) => getComputedStyle(el).display)).not.toBe('none')
    const input = page.locator('#kefu-widget >> textarea')
    expect(await input.evaluate((el) => getComputedStyle(el).fontSize)).toBe('14px')

    await ask(page, 'hello')
    const shown = await shownMessages(page)
    expect(shown.filter((m) => m.role === 'bot').length).toBeGreaterThan(0)
    expect(errors).toEqual([])
  })

  // Last, because it restarts the server the other tests share.
  it('shows that the connection was lost and catches up after reconnecting', async () => {
    const { page, errors } = await newPage({
      viewport: { width: 1280, height: 800 },
      locale: 'en-US',
      reducedMotion: 'reduce',
    })
    await page.goto(server.url)
    await page.getByRole('button', { name: 'Open customer service chat' }).click()
    await ask(page, 'hello')
    const session = await storedSession(page)

    const port = Number(new URL(server.url).port)
    await server.close()
    const lost = page.locator('#kefu-widget >> .banner-warn')
    await lost.waitFor({ timeout: REPLY_TIMEOUT })
    expect(await lost.getAttribute('role')).toBe('alert')

    // Same port and data dir: the stored conversation and its token are still valid after the restart.
    server = await boot(port)
    await lost.waitFor({ state: 'detached', timeout: 60_000 })
    // A message written while the widget was reconnecting shows up too (stream or catch-up, whichever wins).
    const res = await fetch(`${server.url}/api/v1/conversations/${session.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ text: 'thanks' }),
    })
    expect(res.status).toBe(200)
    const log = await serverMessages(server.url, session)
    await page
      .locator('#kefu-widget >> li[data-seq]')
      .nth(log.length - 1)
      .waitFor({ timeout: REPLY_TIMEOUT })
    expect((await shownMessages(page)).map((m) => m.seq)).toEqual(log.map((m) => m.seq))
    await ask(page, 'are you there?')
    expect(errors).toEqual([])
  })
})
