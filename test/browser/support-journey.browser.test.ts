/**
 * One customer-service journey across the product in a real browser against the real server (Debian
 * chromium + playwright-core, the console and widget built by Vite, a fresh data dir with the demo shop):
 * the owner is created with `kefu staff add`, the agent and the analyst through the staff API; an angry
 * customer in the widget is routed to the complaints queue; the signed-in agent accepts and replies; the
 * customer sees the reply live with the agent's name; the agent closes; the customer rates 5 in the
 * widget; the analyst's dashboard then shows that conversation in its charts (canvas `data-series`).
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { SKIP_BROWSER_TESTS } from '../helpers/chromium.js'
import { signInToConsole, UI_TIMEOUT } from '../helpers/console-pages.js'
import { useDemoConsole } from '../helpers/demo-console.js'
import { StaffClient, TEST_PASSWORD, withServerStore } from '../helpers/staff-fixtures.js'

const ROOT = join(import.meta.dirname, '../..')
const ANGRY = '你们这是什么垃圾服务！气死我了，我要投诉！！'
const REPLY = '非常抱歉给您带来不好的体验，我是李娜，马上为您处理。'

type Series = { labels: string[]; series: Array<{ label: string; data: number[] }> }
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

/** `kefu staff …` against the server's data directory, the password on stdin. */
function kefuStaff(dataDir: string, args: string[], stdin: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      join(ROOT, 'bin/kefu'),
      ['staff', ...args],
      { cwd: ROOT, env: { ...process.env, KEFU_DATA_DIR: dataDir, LOG_LEVEL: 'warn' } },
      (err, _stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stderr }),
    )
    child.stdin?.end(stdin)
  })
}

describe.skipIf(SKIP_BROWSER_TESTS)('a complaint from the widget to the dashboard in headless Chromium', () => {
  let owner: StaffClient
  const app = useDemoConsole({
    prefix: 'journey',
    setup: async ({ server, dataDir }) => {
      // The owner, as a shop would create the first account: the CLI, password on stdin.
      const add = await kefuStaff(
        dataDir,
        ['add', '--shop', 'demo', '--username', 'boss', '--name', '店长 Boss', '--role', 'owner', '--password-stdin'],
        `${TEST_PASSWORD}\n`,
      )
      expect(add, add.stderr).toMatchObject({ code: 0 })
      owner = await StaffClient.signIn(server.url, 'demo', 'boss')
      // The owner adds the agent and the analyst in the back office's API, and a complaints queue.
      for (const a of [
        { username: 'lina', displayName: '李娜', role: 'agent' },
        { username: 'ana', displayName: 'Ana Analyst', role: 'analyst' },
      ]) {
        const r = await owner.call('POST', '/api/v1/admin/staff', { ...a, password: TEST_PASSWORD })
        expect(r.status, JSON.stringify(r.json)).toBe(201)
      }
      const routing = await owner.call('PATCH', '/api/v1/admin/shop/settings', {
        routing: {
          queues: [
            { id: 'general', members: ['boss'] },
            { id: 'complaints', members: ['lina'] },
          ],
          defaultQueue: 'general',
        },
      })
      expect(routing.status, JSON.stringify(routing.json)).toBe(200)
    },
  })

  const newPage = (locale: string) => app.open(locale)

  const signIn = (page: Page, username: string, hash = '') => signInToConsole(page, app.server.url, username, { hash })

  const series = async (page: Page, id: string): Promise<Series> =>
    JSON.parse((await page.locator(`canvas[data-chart="${id}"]`).getAttribute('data-series')) ?? '{}') as Series

  it('routes an angry widget customer to the complaints agent, who replies and closes; the rating reaches the dashboard', async () => {
    // The analyst's dashboard before: the shop's default range (its time zone), all channels.
    const analyst = await newPage('en-US')
    await signIn(analyst.page, 'ana', '#/dashboard')
    await analyst.page.locator('canvas[data-chart="handled"]').waitFor({ timeout: UI_TIMEOUT })
    const before = {
      handled: await series(analyst.page, 'handled'),
      fives: (await series(analyst.page, 'csat')).series[0]!.data[4]!,
      agentCsat: await series(analyst.page, 'handled-csat'),
    }

    // The agent signs in and goes online.
    const agent = await newPage('zh-CN')
    await signIn(agent.page, 'lina')
    expect(await agent.page.locator('[data-testid=me-name]').textContent()).toBe('李娜')
    await agent.page.locator('[data-testid=presence]').selectOption('online')
    await expect
      .poll(() => withServerStore(app.dataDir, async (s) => (await s.staff.getByUsername('demo', 'lina'))?.status), {
        timeout: UI_TIMEOUT,
      })
      .toBe('online')

    // The customer, angry, in the widget on the demo storefront.
    const customer = await newPage('zh-CN')
    await customer.page.goto(app.server.url)
    await customer.page.getByRole('button', { name: '打开在线客服' }).click()
    const input = customer.page.locator('#kefu-widget >> textarea')
    await input.fill(ANGRY)
    await input.press('Enter')
    await customer.page.locator('#kefu-widget >> li[data-role="bot"]').first().waitFor({ timeout: UI_TIMEOUT })
    const conversationId = await customer.page.evaluate(() => {
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i)
        if (key?.startsWith('kefu:v1:') && !key.startsWith('kefu:v1:open:'))
          return (JSON.parse(localStorage.getItem(key) ?? '{}') as { id?: string }).id ?? null
      }
      return null
    })
    expect(conversationId).toBeTruthy()

    // Routed to complaints and offered to its member, lina.
    await expect
      .poll(
        async () => {
          const q = await owner.call('GET', '/api/v1/admin/agent/queue')
          const item = (q.json.queue as Array<Record<string, unknown>>).find((i) => i.conversationId === conversationId)
          return [item?.routingQueue, (item?.offer as { agentId?: string } | undefined)?.agentId !== undefined]
        },
        { timeout: UI_TIMEOUT },
      )
      .toEqual(['complaints', true])

    // The agent accepts and replies.
    const row = agent.page.locator(`[data-testid=queue-item][data-conversation="${conversationId}"]`)
    await row.waitFor({ timeout: UI_TIMEOUT })
    await row.locator('.row-main').click()
    await agent.page.getByRole('button', { name: '接入', exact: true }).first().click()
    await expect
      .poll(() => agent.page.locator('[data-testid=conversation-status]').textContent(), { timeout: UI_TIMEOUT })
      .toBe('人工服务中')
    const box = agent.page.getByRole('textbox', { name: '回复客户' })
    await box.fill(REPLY)
    await box.press('Enter')

    // The customer sees it live, with the agent's display name.
    const shown = customer.page.locator('#kefu-widget >> li[data-role="agent"]', { hasText: REPLY })
    await shown.waitFor({ timeout: UI_TIMEOUT })
    expect(await shown.textContent()).toContain('人工客服 · 李娜')

    // The agent closes the conversation (two clicks: close, confirm).
    await agent.page.getByRole('button', { name: '结束会话' }).click()
    await agent.page.getByRole('button', { name: '确认结束？' }).click()
    await expect
      .poll(() => agent.page.locator('[data-testid=conversation-status]').textContent(), { timeout: UI_TIMEOUT })
      .toBe('已结束')

    // The widget says so and asks for a rating; the customer gives 5.
    const banner = customer.page.locator('#kefu-widget >> [data-testid=closed-banner]')
    await banner.waitFor({ timeout: UI_TIMEOUT })
    await banner.getByRole('button', { name: '5 分' }).click()
    await expect
      .poll(() => customer.page.locator('#kefu-widget >> [data-testid=rated]').textContent(), { timeout: UI_TIMEOUT })
      .toContain('5')
    const stored = await withServerStore(app.dataDir, (s) =>
      s.events.list('demo', { type: 'csat.rated', conversationId: conversationId!, limit: 10 }),
    )
    expect(stored.map((e) => e.data.score)).toEqual([5])

    // The dashboard, refreshed: one more agent-handled conversation, rated 5, on the widget channel.
    await analyst.page.getByRole('button', { name: 'Refresh' }).click()
    await expect
      .poll(async () => (await series(analyst.page, 'csat')).series[0]!.data[4], { timeout: UI_TIMEOUT })
      .toBe(before.fives + 1)
    const handled = await series(analyst.page, 'handled')
    const agentConversations = (s: Series) => sum(s.series[1]!.data)
    const agentRatings = (s: Series) => sum(s.series[4]!.data)
    expect(agentConversations(handled)).toBe(agentConversations(before.handled) + 1)
    expect(agentRatings(handled)).toBe(agentRatings(before.handled) + 1)
    // Bot-only conversations did not change.
    expect(sum(handled.series[0]!.data)).toBe(sum(before.handled.series[0]!.data))
    const agentCsat = await series(analyst.page, 'handled-csat')
    expect(agentCsat.series[1]!.data[1]).toBe(before.agentCsat.series[1]!.data[1]! + 1)

    // Only the widget channel: the conversation is there too.
    await analyst.page.locator('select[name=channel]').selectOption('widget')
    await expect
      .poll(async () => (await series(analyst.page, 'channels')).labels, { timeout: UI_TIMEOUT })
      .toEqual(['widget'])
    await expect
      .poll(async () => sum((await series(analyst.page, 'handled')).series[1]!.data), { timeout: UI_TIMEOUT })
      .toBe(agentConversations(handled))
    expect(await analyst.page.locator('[data-kpi=revenue] .bo-kpi-value').textContent()).toMatch(/\d/)
    expect([...analyst.errors, ...agent.errors, ...customer.errors]).toEqual([])
  }, 240_000)
})
