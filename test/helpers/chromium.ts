import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

/** Debian's Chromium (never a downloaded browser); override with KEFU_CHROMIUM. */
export const CHROMIUM = process.env.KEFU_CHROMIUM ?? '/usr/bin/chromium'

/**
 * Browser tests run where Chromium is installed, and always in CI (where `.ci/run` installs it,
 * so a missing browser fails loudly instead of skipping).
 */
export const SKIP_BROWSER_TESTS = !existsSync(CHROMIUM) && !process.env.CI

/**
 * Launches headless Chromium with the flags this closed-network machine needs
 * (no background networking, no component updates). Each launch gets a fresh profile.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}
