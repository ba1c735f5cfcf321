/**
 * One browser-test setup for the console: the real server on a random port with the demo shop in a fresh
 * data directory, the shop's staff, headless Chromium and a page pool — registered as the calling
 * `describe`'s beforeAll/afterAll, torn down (pages, browser, server, data dir) after it.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { launchChromium } from './chromium.js'
import { type OpenedPage, pagePool, signInToConsole } from './console-pages.js'
import { addStaff, type NewTestStaff, withServerStore } from './staff-fixtures.js'

const ROOT = join(import.meta.dirname, '../..')

export type DemoConsole = {
  /** The running server (valid inside tests and hooks that run after the fixture's beforeAll). */
  readonly server: RunningServer
  readonly browser: Browser
  readonly dataDir: string
  /** A new page in its own context (own cookies), desktop-sized unless `viewport` says otherwise. */
  open(locale?: string, viewport?: { width: number; height: number }): Promise<OpenedPage>
  /** A new page signed in to the console as `username`, at `hash` (e.g. `#/settings`). */
  signedIn(username: string, locale?: string, hash?: string): Promise<OpenedPage>
}

export type DemoConsoleOptions = {
  /** Prefix of the temporary data directory. */
  prefix: string
  /** Accounts created in the shop `demo` before the browser starts. */
  staff?: NewTestStaff[]
  /** More setup once the server runs (accounts through the CLI or API, settings…). */
  setup?: (ctx: { server: RunningServer; dataDir: string }) => Promise<void>
}

export function useDemoConsole(options: DemoConsoleOptions): DemoConsole {
  let server: RunningServer | undefined
  let browser: Browser | undefined
  let dataDir: string | undefined
  const pages = pagePool(() => ready(browser, 'browser'))

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `kefu-${options.prefix}-`))
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      env: { LOG_LEVEL: 'warn', KEFU_DEMO: 'true', KEFU_DEMO_DIR: join(ROOT, 'data/demo') },
    })
    const staff = options.staff ?? []
    if (staff.length > 0) await withServerStore(dataDir, (store) => addStaff(store, 'demo', staff))
    await options.setup?.({ server, dataDir })
    browser = await launchChromium()
  })

  afterAll(async () => {
    await pages.closeAll()
    await browser?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  return {
    get server() {
      return ready(server, 'server')
    },
    get browser() {
      return ready(browser, 'browser')
    },
    get dataDir() {
      return ready(dataDir, 'dataDir')
    },
    open: (locale, viewport) => pages.open(locale, viewport),
    async signedIn(username, locale = 'en-US', hash = '') {
      const opened = await pages.open(locale)
      await signInToConsole(opened.page, ready(server, 'server').url, username, { hash })
      return opened
    },
  }
}

function ready<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`useDemoConsole: ${what} is not ready outside the describe's tests`)
  return value
}
