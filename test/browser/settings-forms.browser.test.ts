/**
 * Shop rules edited through forms in a real browser (Debian chromium + playwright-core, real server):
 * a value out of range and malformed business hours are named next to their field and keep Save
 * disabled; a skill queue is added; what is saved is what the server stores, other keys kept. Tickets:
 * an admin assigns a ticket to a colleague from the assignee select.
 */
import { describe, expect, it } from 'vitest'
import { SKIP_BROWSER_TESTS } from '../helpers/chromium.js'
import { UI_TIMEOUT } from '../helpers/console-pages.js'
import { useDemoConsole } from '../helpers/demo-console.js'
import { withServerStore } from '../helpers/staff-fixtures.js'

describe.skipIf(SKIP_BROWSER_TESTS)('settings forms and ticket assignment in headless Chromium', () => {
  const app = useDemoConsole({
    prefix: 'settings',
    staff: [
      { username: 'alice', displayName: 'Alice', role: 'admin' },
      { username: 'lina', displayName: 'Lina', role: 'agent' },
    ],
  })
  const signedIn = (username: string, hash: string) => app.signedIn(username, 'en-US', hash)

  const stored = () => withServerStore(app.dataDir, async (s) => (await s.shops.get('demo'))!.settings)

  it('edits business hours, queues and the offer timeout with field errors before saving', async () => {
    const { page, errors } = await signedIn('alice', '#/settings')
    const form = page.locator('[data-form=routing]')
    await form.waitFor({ timeout: UI_TIMEOUT })
    const save = form.getByRole('button', { name: 'Save' })

    await form.locator('input[name=offerSeconds]').fill('2')
    expect(await form.locator('[data-field=offerSeconds] .field-error').textContent()).toContain('offerSeconds')
    expect(await save.isDisabled()).toBe(true)
    await form.locator('input[name=offerSeconds]').fill('45')
    expect(await form.locator('[data-field=offerSeconds] .field-error').count()).toBe(0)

    await form.locator('input[name=hours-mon]').fill('09:00-12:00, 13:00-18:00')
    await form.locator('input[name=hours-tue]').fill('9-18')
    expect(await form.locator('[data-field="businessHours.tue"] .field-error').textContent()).toContain('HH:MM-HH:MM')
    expect(await save.isDisabled()).toBe(true)
    await form.locator('input[name=hours-tue]').fill('10:00-16:00')

    await form.locator('[data-action=add-queue]').click()
    await form.locator('input[name=queue-0-id]').fill('Pre Sales')
    expect(await form.locator('[data-queue-row="0"] .field-error').textContent()).toContain('queues.0.id')
    await form.locator('input[name=queue-0-id]').fill('pre-sales')
    await form.locator('input[name=queue-0-en]').fill('Pre-sales')
    await form.locator('input[name=queue-0-members]').fill('lina, alice')
    expect(await save.isDisabled()).toBe(false)
    await save.click()
    await expect
      .poll(async () => (await stored()).routing, { timeout: UI_TIMEOUT })
      .toEqual({
        offerSeconds: 45,
        businessHours: { mon: ['09:00-12:00', '13:00-18:00'], tue: ['10:00-16:00'] },
        queues: [{ id: 'pre-sales', name: { en: 'Pre-sales' }, members: ['lina', 'alice'] }],
      })

    // The returns form keeps the keys it does not show (nonReturnable…).
    const before = (await stored()).returns as Record<string, unknown>
    const returns = page.locator('[data-form=returns]')
    await returns.locator('input[name=noReasonDays]').fill('15')
    await returns.getByRole('button', { name: 'Save' }).click()
    await expect
      .poll(async () => (await stored()).returns, { timeout: UI_TIMEOUT })
      .toEqual({ ...before, noReasonDays: 15 })
    expect(errors).toEqual([])
  })

  it('assigns a ticket to a colleague from the select', async () => {
    const r = await fetch(`${app.server.url}/api/v1/admin/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${app.server.demoApiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ category: 'complaint', subject: 'Broken parcel', queue: 'complaints' }),
    })
    const id = ((await r.json()) as { id: string }).id
    const { page, errors } = await signedIn('alice', '#/tickets')
    await page.locator(`[data-ticket="${id}"]`).click()
    const select = page.locator('select[name=ticket-assignee]')
    await expect.poll(() => select.locator('option[value=lina]').count(), { timeout: UI_TIMEOUT }).toBe(1)
    await select.selectOption('lina')
    await expect
      .poll(() => withServerStore(app.dataDir, async (s) => (await s.tickets.get('demo', id))?.assignee), {
        timeout: UI_TIMEOUT,
      })
      .toBe('lina')
    const audit = await withServerStore(app.dataDir, (s) => s.audit.list('demo', { action: 'ticket.assign' }))
    expect(audit[0]).toMatchObject({ actorName: 'Alice', target: id, data: { assignee: 'lina' } })
    expect(errors).toEqual([])
  })
})
