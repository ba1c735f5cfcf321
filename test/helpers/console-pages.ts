import type { Browser, BrowserContext, Page } from 'playwright-core'
import { TEST_PASSWORD } from './staff-fixtures.js'

/** How long a browser test waits for the console's UI. */
export const UI_TIMEOUT = 20_000

export type OpenedPage = { page: Page; errors: string[] }

/**
 * Pages for one browser test file: each in its own context (its own cookies, so two people can be
 * signed in at once), desktop-sized, with page errors collected. `closeAll` goes in `afterAll`.
 */
export function pagePool(browser: () => Browser): {
  open(locale?: string, viewport?: { width: number; height: number }): Promise<OpenedPage>
  closeAll(): Promise<void>
} {
  const contexts: BrowserContext[] = []
  return {
    async open(locale = 'en-US', viewport = { width: 1440, height: 900 }) {
      const context = await browser().newContext({ viewport, locale, reducedMotion: 'reduce' })
      contexts.push(context)
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      return { page, errors }
    },
    async closeAll() {
      for (const c of contexts.splice(0)) await c.close().catch(() => {})
    },
  }
}

/**
 * Signs a staff account in to the console at `baseUrl/console/{hash}`; waits until the signed-in view
 * shows, unless `wait` is false (a sign-in that is meant to fail).
 */
export async function signInToConsole(
  page: Page,
  baseUrl: string,
  username: string,
  opts: { hash?: string; password?: string; wait?: boolean } = {},
): Promise<void> {
  await page.goto(`${baseUrl}/console/${opts.hash ?? ''}`)
  await page.locator('input[name=username]').fill(username)
  await page.locator('input[name=password]').fill(opts.password ?? TEST_PASSWORD)
  await page.locator('button[type=submit]').click()
  if (opts.wait !== false) await page.locator('[data-testid=me-name]').waitFor({ timeout: UI_TIMEOUT })
}
