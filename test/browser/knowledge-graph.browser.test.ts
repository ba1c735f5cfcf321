/**
 * The product and fault graphs in the back office, in a real browser against the real server (Debian
 * chromium + playwright-core, the console built by Vite, the demo shop): an analyst (read only) searches
 * the catalog, opens a product, follows an alternative, pages a category, and goes from a phone's fault
 * to its checks and solution steps; an admin sees the same screen in Chinese.
 * With KEFU_SCREENSHOTS=1 it also writes docs/screenshots/knowledge-graph.png.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SKIP_BROWSER_TESTS } from '../helpers/chromium.js'
import { UI_TIMEOUT } from '../helpers/console-pages.js'
import { useDemoConsole } from '../helpers/demo-console.js'

const ROOT = join(import.meta.dirname, '../..')
const SHOTS = process.env.KEFU_SCREENSHOTS === '1'

describe.skipIf(SKIP_BROWSER_TESTS)('knowledge graphs in headless Chromium', () => {
  const app = useDemoConsole({
    prefix: 'graph',
    staff: [
      { username: 'ana', displayName: 'Ana Analyst', role: 'analyst' },
      { username: 'alice', displayName: 'Alice 管理员', role: 'admin' },
    ],
  })

  const api = async (path: string) =>
    (await (
      await fetch(app.server.url + path, { headers: { authorization: `Bearer ${app.server.demoApiKey}` } })
    ).json()) as Record<string, unknown>

  it('an analyst searches, opens a product with its variants, follows an alternative and pages a category', async () => {
    const { page, errors } = await app.signedIn('ana', 'en-US', '#/knowledge/products')
    await page.locator('[data-tab=products][aria-selected=true]').waitFor({ timeout: UI_TIMEOUT })
    const rows = page.locator('[data-testid=product-list] [data-product]')
    await expect.poll(() => rows.count(), { timeout: UI_TIMEOUT }).toBe(25)

    await page.locator('input[name=product-search]').fill('DJ-1001')
    await expect.poll(() => rows.first().textContent(), { timeout: UI_TIMEOUT }).toBe('DJ-1001')
    await rows.first().click()
    const node = page.locator('[data-testid=product-node]')
    await expect.poll(() => node.locator('h2').textContent(), { timeout: UI_TIMEOUT }).toContain('DJ-1001')
    const variants = (await node.locator('[data-testid=product-variants]').textContent()) ?? ''
    expect(variants).toContain('黑色 / Black')
    expect(variants).toContain('XL')

    const alternative = node.locator('[data-testid=product-alternatives] [data-product-link]').first()
    const altSku = (await alternative.textContent()) ?? ''
    expect(altSku).not.toBe('DJ-1001')
    await alternative.click()
    await expect.poll(() => node.locator('h2').textContent(), { timeout: UI_TIMEOUT }).toContain(altSku)

    // Every product of a category, 25 per page: "load more" until the server says there is no more.
    await page.locator('input[name=product-search]').fill('')
    await page.locator('select[name=product-category]').selectOption('apparel')
    const cats = (await api('/api/v1/admin/catalog/categories')).categories as Array<{
      category: string
      products: number
    }>
    const total = cats.find((c) => c.category === 'apparel')!.products
    await expect
      .poll(() => page.locator('[data-testid=product-total]').textContent(), { timeout: UI_TIMEOUT })
      .toBe(`${total} products`)
    expect(total).toBeGreaterThan(25)
    const more = page.locator('[data-action=more-products]')
    await expect.poll(() => rows.count(), { timeout: UI_TIMEOUT }).toBe(25)
    while ((await more.count()) > 0) {
      const before = await rows.count()
      await more.click()
      await expect.poll(() => rows.count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(before)
    }
    expect(await rows.count()).toBe(total)
    const skus = await rows.allTextContents()
    expect(new Set(skus).size).toBe(total)
    expect(errors).toEqual([])
  })

  it('goes from a phone to its fault: checks, solution steps and escalation (Chinese UI)', async () => {
    const { page, errors } = await app.signedIn('alice', 'zh-CN', '#/knowledge/products')
    const phones = (await api('/api/v1/admin/catalog/products?category=electronics/phone&limit=1')).items as Array<{
      sku: string
    }>
    await page.locator('select[name=product-category]').selectOption('electronics/phone')
    const first = page.locator(`[data-testid=product-list] [data-product="${phones[0]!.sku}"]`)
    await first.waitFor({ timeout: UI_TIMEOUT })
    await first.click()
    const faultLink = page.locator('[data-testid=product-faults] [data-fault-link]', { hasText: '手机充不进电' })
    await faultLink.waitFor({ timeout: UI_TIMEOUT })
    if (SHOTS) await page.screenshot({ path: join(ROOT, 'docs/screenshots/knowledge-graph.png') })
    await faultLink.click()

    await page.locator('[data-tab=faults][aria-selected=true]').waitFor({ timeout: UI_TIMEOUT })
    const fault = page.locator('[data-testid=fault-graph] details[data-fault=fault-zh-phone-no-charge]')
    await fault.waitFor({ timeout: UI_TIMEOUT })
    expect(await fault.getAttribute('open')).not.toBeNull()
    const text = (await fault.textContent()) ?? ''
    expect(text).toContain('排查问题')
    expect(text).toContain('原装充电器')
    expect(await fault.locator('.fault-steps li').count()).toBeGreaterThan(1)
    expect(text).toMatch(/转 \S+ 队列建工单/)
    expect(page.url()).toContain('#/knowledge/faults')
    expect(errors).toEqual([])
  })
})
