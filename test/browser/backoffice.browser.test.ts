/**
 * The back office in a real browser against the real server (Debian chromium + playwright-core, the console
 * built by Vite, a fresh data dir with the demo shop): FAQ review by two admins that the widget's next answer
 * uses, the dashboard after a widget conversation is rated, and role-aware navigation backed by 403s.
 * With KEFU_SCREENSHOTS=1 it also writes docs/screenshots/{console,knowledge-review,dashboard}.png.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { SKIP_BROWSER_TESTS } from '../helpers/chromium.js'
import { signInToConsole, UI_TIMEOUT } from '../helpers/console-pages.js'
import { useDemoConsole } from '../helpers/demo-console.js'
import { StaffClient, withServerStore } from '../helpers/staff-fixtures.js'

const ROOT = join(import.meta.dirname, '../..')
const SHOTS = process.env.KEFU_SCREENSHOTS === '1'
const QUESTION = '可以用数字人民币支付吗'
const ANSWER = '支持数字人民币：在收银台选择“数字人民币”，用数字钱包扫码即可，每周三还有满减。'

type Series = { labels: string[]; series: Array<{ label: string; data: number[] }> }

describe.skipIf(SKIP_BROWSER_TESTS)('back office in headless Chromium', () => {
  const app = useDemoConsole({
    prefix: 'backoffice',
    staff: [
      { username: 'alice', displayName: 'Alice 管理员', role: 'admin' },
      { username: 'bob', displayName: 'Bob 主管', role: 'admin' },
      { username: 'wang', displayName: '王客服', role: 'agent' },
      { username: 'ana', displayName: 'Ana Analyst', role: 'analyst' },
    ],
  })
  const newPage = (locale: string) => app.open(locale)

  const signIn = (page: Page, username: string, hash = '') => signInToConsole(page, app.server.url, username, { hash })

  /** The customer's widget on the demo storefront: asks, and answers the bot's new replies' text. */
  async function openWidget(page: Page) {
    await page.goto(app.server.url)
    await page.getByRole('button', { name: '打开在线客服' }).click()
    const bots = page.locator('#kefu-widget >> li[data-role="bot"]')
    return {
      async ask(text: string): Promise<string> {
        const before = await bots.count()
        const input = page.locator('#kefu-widget >> textarea')
        await input.fill(text)
        await input.press('Enter')
        await expect.poll(() => bots.count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(before)
        // Replies of one turn arrive together; read them once the count settles.
        const texts = await bots.allTextContents()
        return texts.slice(before).join('\n')
      },
      conversation: () =>
        page.evaluate(() => {
          for (let i = 0; i < localStorage.length; i++) {
            const key = localStorage.key(i)
            if (key?.startsWith('kefu:v1:') && !key.startsWith('kefu:v1:open:'))
              return JSON.parse(localStorage.getItem(key) ?? '{}') as { id: string; token: string }
          }
          return null
        }),
    }
  }

  const series = async (page: Page, id: string): Promise<Series> =>
    JSON.parse((await page.locator(`canvas[data-chart="${id}"]`).getAttribute('data-series')) ?? '{}') as Series

  it('an admin drafts a FAQ from a mined question and submits it; a second admin publishes; the widget answers with it', async () => {
    const customer = await newPage('zh-CN')
    const widget = await openWidget(customer.page)
    expect(await widget.ask(QUESTION)).not.toContain('每周三')

    // Alice: the mined question becomes a draft in one click; she writes the answer and submits it.
    const alice = await newPage('zh-CN')
    await signIn(alice.page, 'alice', '#/knowledge')
    const candidate = alice.page.locator('[data-testid=candidates] li', { hasText: QUESTION })
    await candidate.waitFor({ timeout: UI_TIMEOUT })
    await candidate.locator('[data-action=candidate-draft]').click()
    const editor = alice.page.locator('[data-testid=faq-editor]')
    expect(await editor.locator('input[name=faq-question]').inputValue()).toBe(QUESTION)
    const id = await editor.locator('input[name=faq-id]').inputValue()
    expect(id).toMatch(/^mined-/)
    await editor.locator('input[name=faq-category]').fill('payment')
    await editor.locator('textarea[name=faq-answer]').fill(ANSWER)
    await editor.locator('textarea[name=faq-similar]').fill('能用数字人民币吗\n数币支付可以吗')
    await editor.locator('[data-action=save]').click()
    await expect
      .poll(() => editor.locator('[data-testid=faq-status]').textContent(), { timeout: UI_TIMEOUT })
      .toBe('草稿')
    await editor.locator('[data-action=submit]').click()
    await expect
      .poll(() => editor.locator('[data-testid=faq-status]').textContent(), { timeout: UI_TIMEOUT })
      .toBe('待审核')
    // In review is not live: the bot preview and the widget still do not answer with it.
    expect(await editor.locator('[data-action=publish]').isEnabled()).toBe(true)
    expect(await widget.ask(QUESTION)).not.toContain('每周三')

    // Bob, in another browser: the entry waits in review; he approves and publishes it.
    const bob = await newPage('en-US')
    await signIn(bob.page, 'bob', '#/knowledge')
    await bob.page.locator('select[name=faq-status]').selectOption('in_review')
    await bob.page.locator(`[data-faq="${id}"]`).click()
    const bobEditor = bob.page.locator('[data-testid=faq-editor]')
    await expect
      .poll(() => bobEditor.locator('[data-testid=faq-status]').textContent(), { timeout: UI_TIMEOUT })
      .toBe('In review')
    if (SHOTS) await bob.page.screenshot({ path: join(ROOT, 'docs/screenshots/knowledge-review.png') })
    await bobEditor.locator('[data-action=publish]').click()
    await expect
      .poll(() => bobEditor.locator('[data-testid=faq-status]').textContent(), { timeout: UI_TIMEOUT })
      .toBe('Published')
    // The versions name who did what: Alice drafted and submitted, Bob published.
    const versions = bobEditor.locator('[data-testid=faq-versions] li')
    expect(await versions.count()).toBe(3)
    expect(await versions.nth(0).textContent()).toContain('bob')
    expect(await versions.nth(1).textContent()).toContain('alice')

    // The bot preview now answers with it, and so does the widget on the customer's next message.
    await bob.page.locator('input[name=preview-question]').fill(QUESTION)
    await bob.page.getByRole('button', { name: 'Preview' }).click()
    const preview = bob.page.locator('[data-testid=preview-result]')
    await expect.poll(() => preview.getAttribute('data-decision'), { timeout: UI_TIMEOUT }).toBe('answer')
    expect(await preview.textContent()).toContain('每周三')
    expect(await widget.ask(QUESTION)).toContain('每周三')
    expect([...customer.errors, ...alice.errors, ...bob.errors]).toEqual([])
  })

  it('the dashboard includes a widget conversation once it is rated 5, and exports CSV', async () => {
    const admin = await newPage('en-US')
    await signIn(admin.page, 'alice', '#/dashboard')
    const kpi = admin.page.locator('[data-kpi=conversations] .bo-kpi-value')
    await kpi.waitFor({ timeout: UI_TIMEOUT })
    const conversationsBefore = Number(await kpi.textContent())
    const fivesBefore = (await series(admin.page, 'csat')).series[0]!.data[4]!

    const customer = await newPage('zh-CN')
    const widget = await openWidget(customer.page)
    await widget.ask('你们的退货政策是什么')
    const conv = await widget.conversation()
    expect(conv?.id).toBeTruthy()
    const rated = await fetch(`${app.server.url}/api/v1/conversations/${conv!.id}/rating`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${conv!.token}` },
      body: JSON.stringify({ score: 5 }),
    })
    expect(rated.status).toBe(201)

    await admin.page.getByRole('button', { name: 'Refresh' }).click()
    await expect
      .poll(async () => (await series(admin.page, 'csat')).series[0]!.data[4], { timeout: UI_TIMEOUT })
      .toBe(fivesBefore + 1)
    expect(Number(await kpi.textContent())).toBe(conversationsBefore + 1)
    const trend = await series(admin.page, 'trend')
    const perDay = trend.series[0]!.data.reduce((a, b) => a + b, 0)
    expect(perDay).toBe(conversationsBefore + 1)
    expect(trend.series[2]!.data.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1)
    expect(await admin.page.locator('canvas[data-chart]').count()).toBeGreaterThanOrEqual(7)

    const download = admin.page.waitForEvent('download')
    await admin.page.locator('[data-action=csv]').click()
    const file = await download
    const csv = await (await file.createReadStream()).toArray()
    const text = Buffer.concat(csv as Buffer[]).toString('utf8')
    expect(text).toContain(`conversations.started,${conversationsBefore + 1}`)
    expect(text).toContain('csat.distribution.5,')
    if (SHOTS) await admin.page.screenshot({ path: join(ROOT, 'docs/screenshots/dashboard.png'), fullPage: true })
    expect(admin.errors).toEqual([])
  })

  it('an agent sees the desk and tickets only, and the API refuses it the admin routes (403)', async () => {
    // A customer waiting for a person, so the desk has something to show.
    const c = (await (
      await fetch(`${app.server.url}/api/v1/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ shopId: 'demo', customerId: 'c001' }),
      })
    ).json()) as { id: string; token: string }
    for (const text of ['我的订单到哪了', '我要人工'])
      await fetch(`${app.server.url}/api/v1/conversations/${c.id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
        body: JSON.stringify({ text }),
      })

    const agent = await newPage('zh-CN')
    await signIn(agent.page, 'wang', '#/settings')
    const nav = agent.page.locator('.bo-nav a')
    expect(await nav.evaluateAll((as) => as.map((a) => a.getAttribute('data-nav')))).toEqual(['desk', 'tickets'])
    // #/settings is not the agent's: the desk is shown instead.
    await agent.page.locator('[data-testid=presence]').waitFor({ timeout: UI_TIMEOUT })
    await agent.page.locator('[data-testid=queue-item]').first().waitFor({ timeout: UI_TIMEOUT })
    await agent.page.locator('[data-testid=queue-item] .row-main').first().click()
    await agent.page.locator('[data-testid=conversation-status]').waitFor({ timeout: UI_TIMEOUT })
    if (SHOTS) await agent.page.screenshot({ path: join(ROOT, 'docs/screenshots/console.png') })
    await agent.page.locator('[data-nav=tickets]').click()
    await agent.page.locator('[data-testid=ticket-list]').waitFor({ timeout: UI_TIMEOUT })
    // The "leave a message" ticket of that customer: the agent comments and takes it, recorded under the account.
    await agent.page.locator('[data-ticket]').first().click()
    await agent.page.locator('input[name=ticket-comment]').fill('已电话联系客户')
    await agent.page.getByRole('button', { name: '添加备注' }).click()
    const comment = agent.page.locator('.bo-comments li', { hasText: '已电话联系客户' })
    await comment.waitFor({ timeout: UI_TIMEOUT })
    expect(await comment.locator('strong').textContent()).toBe('wang')
    await agent.page.locator('select[name=ticket-set-status]').selectOption('in_progress')
    await expect
      .poll(() => agent.page.locator('[data-testid=ticket-list] tr.selected').textContent(), { timeout: UI_TIMEOUT })
      .toContain('处理中')

    const wang = await StaffClient.signIn(app.server.url, 'demo', 'wang')
    expect((await wang.call('GET', '/api/v1/admin/shop/widget')).status).toBe(403)
    expect((await wang.call('PATCH', '/api/v1/admin/shop/settings', { locale: 'en' })).status).toBe(403)
    expect((await wang.call('GET', '/api/v1/admin/analytics/summary')).status).toBe(403)
    expect((await wang.call('POST', '/api/v1/admin/faq/x/publish', {})).status).toBe(403)
    expect((await wang.call('GET', '/api/v1/admin/tickets')).status).toBe(200)

    // The analyst: dashboard and knowledge, read only; no widget secret.
    const ana = await newPage('en-US')
    await signIn(ana.page, 'ana', '#/knowledge')
    expect(await ana.page.locator('.bo-nav a').evaluateAll((as) => as.map((a) => a.getAttribute('data-nav')))).toEqual([
      'dashboard',
      'knowledge',
    ])
    expect(await ana.page.locator('[data-action=new-faq]').count()).toBe(0)
    const anaApi = await StaffClient.signIn(app.server.url, 'demo', 'ana')
    expect((await anaApi.call('GET', '/api/v1/admin/shop/widget')).status).toBe(403)
    expect((await anaApi.call('GET', '/api/v1/admin/faq')).status).toBe(200)

    // An admin has Settings: the widget secret is there, and a rule that breaks the schema is refused before saving.
    const admin = await newPage('en-US')
    await signIn(admin.page, 'alice', '#/settings')
    await admin.page.locator('[data-testid=widget-snippet]').waitFor({ timeout: UI_TIMEOUT })
    expect(await admin.page.locator('[data-testid=widget-snippet]').textContent()).toContain('data-kefu-shop="demo"')
    await admin.page.getByRole('button', { name: 'Show' }).click()
    const secret = await withServerStore(app.dataDir, async (s) => (await s.shops.get('demo'))!.widgetSecret)
    await expect.poll(() => admin.page.locator('[data-testid=widget-secret]').textContent()).toBe(secret)
    await admin.page.locator('[data-testid=staff-list] tr[data-username=wang]').waitFor()
    const routing = admin.page.locator('textarea[name=setting-routing]')
    await routing.fill('{"offerSeconds": 1}')
    expect(await admin.page.locator('[data-setting=routing] .form-error').textContent()).toContain('offerSeconds')
    await routing.fill('{"offerSeconds": 45, "businessHours": {"mon": ["09:00-18:00"]}}')
    await admin.page.locator('[data-setting=routing] button').click()
    await expect
      .poll(() => withServerStore(app.dataDir, async (s) => (await s.shops.get('demo'))!.settings.routing), {
        timeout: UI_TIMEOUT,
      })
      .toEqual({ offerSeconds: 45, businessHours: { mon: ['09:00-18:00'] } })
    // A key with no form (shipping) has its JSON editor, checked the same way.
    await admin.page.locator('[data-setting=shipping] summary').click()
    const shipping = admin.page.locator('textarea[name=setting-shipping]')
    await shipping.fill('{"sameDayCutoff": "25:00"}')
    expect(await admin.page.locator('[data-setting=shipping] .form-error').textContent()).toContain('sameDayCutoff')
    await shipping.fill('{"sameDayCutoff": "15:30", "shipWithinHours": 24}')
    await admin.page.locator('[data-setting=shipping] button').click()
    await expect
      .poll(() => withServerStore(app.dataDir, async (s) => (await s.shops.get('demo'))!.settings.shipping), {
        timeout: UI_TIMEOUT,
      })
      .toEqual({ sameDayCutoff: '15:30', shipWithinHours: 24 })
    expect([...agent.errors, ...ana.errors, ...admin.errors]).toEqual([])
  })
})
