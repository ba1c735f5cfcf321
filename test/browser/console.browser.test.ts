/**
 * The agent console in a real browser against the real server: Debian's chromium driven by playwright-core,
 * the server on a random port with a fresh data dir (demo shop seeded), the console built by Vite. A customer
 * is driven to handoff over the chat API (or in the widget, in a second page); the agent signs in with a
 * real staff account, takes the conversation and replies; the customer's side is checked through the chat
 * API and in the widget.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openSqliteStore } from '../../src/adapters/store-sql/sqlite-store.js'
import { SKIP_BROWSER_TESTS } from '../helpers/chromium.js'
import { signInToConsole, UI_TIMEOUT } from '../helpers/console-pages.js'
import { useDemoConsole } from '../helpers/demo-console.js'

type Conv = { id: string; token: string }
type ServerMessage = { seq: number; role: string; text: string; meta: Record<string, unknown> }

describe.skipIf(SKIP_BROWSER_TESTS)('agent console in headless Chromium', () => {
  const app = useDemoConsole({
    prefix: 'console',
    staff: [
      { username: 'lina', displayName: '李娜' },
      { username: 'emma', displayName: 'Emma Stone' },
      { username: 'wang', displayName: '王客服' },
    ],
  })

  async function chat(path: string, token: string | null, body?: unknown) {
    const res = await fetch(app.server.url + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    expect(res.status, `${path}`).toBeLessThan(300)
    return (await res.json()) as Record<string, unknown>
  }

  /** A customer who asks about an order, then for a human: the bot hands off. */
  async function handedOffCustomer(customerId: string, texts: string[]): Promise<Conv> {
    const c = (await chat('/api/v1/conversations', null, { shopId: 'demo', customerId })) as Conv
    let handoff = false
    for (const text of texts)
      handoff = (await chat(`/api/v1/conversations/${c.id}/messages`, c.token, { text })).handoff === true
    expect(handoff, 'the bot handed the customer off').toBe(true)
    return c
  }

  async function customerMessages(c: Conv): Promise<ServerMessage[]> {
    return (await chat(`/api/v1/conversations/${c.id}/messages`, c.token)).messages as ServerMessage[]
  }

  const newPage = (locale: string) => app.open(locale, { width: 1280, height: 800 })

  const signIn = (page: Page, username: string, password?: string) =>
    signInToConsole(page, app.server.url, username, { ...(password ? { password } : {}), wait: false })

  it('refuses a wrong password on the sign-in screen (and the API key is no sign-in)', async () => {
    const { page, errors } = await newPage('en-US')
    await signIn(page, 'lina', 'not the password')
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: UI_TIMEOUT }).toContain('Wrong')
    await signIn(page, 'Mallory', app.server.demoApiKey)
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: UI_TIMEOUT }).toContain('Wrong')
    expect(await page.locator('[data-testid=queue-count]').count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('signs in, takes a waiting customer, replies, and the customer receives the reply', async () => {
    const customer = await handedOffCustomer('c001', ['我的订单到哪了', '我要人工'])
    const { page, errors } = await newPage('zh-CN')
    await signIn(page, 'lina')
    await expect.poll(() => page.locator('[data-testid=me-name]').textContent(), { timeout: UI_TIMEOUT }).toBe('李娜')

    const row = page.locator(`[data-testid=queue-item][data-conversation="${customer.id}"]`)
    await row.waitFor({ timeout: UI_TIMEOUT })
    expect(await row.textContent()).toContain('我要人工')

    // Open it first: the whole context is there before taking it (NLU per customer message, the order).
    await row.locator('.row-main').click()
    await page.locator('[data-testid=conversation-status]').waitFor({ timeout: UI_TIMEOUT })
    expect(await page.locator('.msg-customer [data-testid=nlu]').count()).toBeGreaterThanOrEqual(2)
    expect(await page.locator('.panel [data-order]').count()).toBeGreaterThan(0)

    await page.getByRole('button', { name: '接入', exact: true }).first().click()
    await expect
      .poll(() => page.locator('[data-testid=conversation-status]').textContent(), { timeout: UI_TIMEOUT })
      .toBe('人工服务中')

    const reply = '您好，我是李娜，正在为您查询物流，请稍等。'
    const input = page.getByRole('textbox', { name: '回复客户' })
    await input.fill(reply)
    await input.press('Enter')
    await page.locator('.msg-agent .bubble', { hasText: reply }).waitFor({ timeout: UI_TIMEOUT })

    // The customer side, through the chat API: the agent's reply with the agent's name; the bot stayed out.
    const log = await customerMessages(customer)
    const agentMsgs = log.filter((m) => m.role === 'agent')
    expect(agentMsgs.map((m) => m.text)).toEqual([reply])
    expect((agentMsgs[0]!.meta.agent as { name: string }).name).toBe('李娜')
    const state = await chat(`/api/v1/conversations/${customer.id}`, customer.token)
    expect(state.status).toBe('human')

    // The customer answers; the message appears in the console live, and the bot says nothing.
    const turn = await chat(`/api/v1/conversations/${customer.id}/messages`, customer.token, { text: '好的，谢谢' })
    expect(turn.replies).toEqual([])
    await page.locator('.msg-customer .bubble', { hasText: '好的，谢谢' }).waitFor({ timeout: UI_TIMEOUT })

    // An internal note stays with the agents.
    await page.getByRole('tab', { name: '内部备注' }).click()
    const note = page.getByRole('textbox', { name: '内部备注' })
    await note.fill('老客户，物流延误，考虑补偿优惠券')
    await note.press('Enter')
    await page.locator('.msg-note .bubble', { hasText: '老客户' }).waitFor({ timeout: UI_TIMEOUT })
    expect((await customerMessages(customer)).some((m) => m.text.includes('老客户'))).toBe(false)

    // Hand back to the bot: the customer is told in their language and the bot answers again.
    await page.getByRole('button', { name: '转回机器人' }).click()
    await expect
      .poll(() => page.locator('[data-testid=conversation-status]').textContent(), { timeout: UI_TIMEOUT })
      .toBe('机器人接待')
    expect((await customerMessages(customer)).some((m) => m.role === 'system' && m.text === '已转回智能客服')).toBe(
      true,
    )
    expect(errors).toEqual([])
  })

  it('shows a new handoff in the open queue without a reload, and switches language', async () => {
    const { page, errors } = await newPage('en-US')
    await signIn(page, 'emma')
    await page.locator('[data-testid=queue-count]').waitFor({ timeout: UI_TIMEOUT })
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')

    const customer = await handedOffCustomer('c003', ['I want to talk to a real person'])
    await page.locator(`[data-testid=queue-item][data-conversation="${customer.id}"]`).waitFor({ timeout: UI_TIMEOUT })

    await page.getByRole('button', { name: '中文' }).click()
    // The switch re-renders asynchronously: wait for the Chinese tab before reading the page language.
    await page.getByRole('tab', { name: /等待接入/ }).waitFor({ timeout: UI_TIMEOUT })
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN')
    expect(await page.getByRole('tab', { name: /等待接入/ }).count()).toBe(1)

    // Close the waiting conversation (two-step confirm); the customer's side sees it closed.
    await page.locator(`[data-testid=queue-item][data-conversation="${customer.id}"] .row-main`).click()
    await page.getByRole('button', { name: '结束会话' }).click()
    await page.getByRole('button', { name: '确认结束？' }).click()
    await expect
      .poll(async () => (await chat(`/api/v1/conversations/${customer.id}`, customer.token)).status, {
        timeout: UI_TIMEOUT,
      })
      .toBe('closed')
    expect(errors).toEqual([])
  })
  it('a signed-in agent accepts a customer handed off in the widget and replies; the widget shows it with their name', async () => {
    // The agent goes online from the console's status switch: the router then offers them the handoff.
    const agent = await newPage('zh-CN')
    await signIn(agent.page, 'wang')
    await expect
      .poll(() => agent.page.locator('[data-testid=me-name]').textContent(), { timeout: UI_TIMEOUT })
      .toBe('王客服')
    await agent.page.locator('[data-testid=presence]').selectOption('online')
    await expect
      .poll(
        async () => {
          const store = await openSqliteStore(join(app.dataDir, 'kefu.db'))
          try {
            return (await store.staff.getByUsername('demo', 'wang'))?.status
          } finally {
            await store.close()
          }
        },
        { timeout: UI_TIMEOUT },
      )
      .toBe('online')

    // The customer, in the widget on the demo storefront.
    const customer = await newPage('zh-CN')
    await customer.page.goto(app.server.url)
    await customer.page.getByRole('button', { name: '打开在线客服' }).click()
    const input = customer.page.locator('#kefu-widget >> textarea')
    await input.fill('我要人工')
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

    // The console: the conversation waits, offered to this agent; the panel has the handoff summary.
    const row = agent.page.locator(`[data-testid=queue-item][data-conversation="${conversationId}"]`)
    await row.waitFor({ timeout: UI_TIMEOUT })
    await row.locator('.row-main').click()
    await agent.page.locator('[data-testid=handoff-summary]').waitFor({ timeout: UI_TIMEOUT })
    expect(await agent.page.locator('[data-testid=handoff-summary]').textContent()).toContain('王客服')
    await agent.page.getByRole('button', { name: '接入', exact: true }).first().click()
    await expect
      .poll(() => agent.page.locator('[data-testid=conversation-status]').textContent(), { timeout: UI_TIMEOUT })
      .toBe('人工服务中')
    const reply = '您好，我是王客服，请问有什么可以帮您？'
    const box = agent.page.getByRole('textbox', { name: '回复客户' })
    await box.fill(reply)
    await box.press('Enter')

    // The widget shows the reply live, labelled with the account's display name.
    const shown = customer.page.locator('#kefu-widget >> li[data-role="agent"]', { hasText: reply })
    await shown.waitFor({ timeout: UI_TIMEOUT })
    expect(await shown.textContent()).toContain('人工客服 · 王客服')
    expect(agent.errors).toEqual([])
    expect(customer.errors).toEqual([])
  })
})
