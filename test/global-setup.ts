/**
 * Runs once before all test files: builds web/dist when it is missing or older than the web
 * sources, so browser tests never see a stale widget and never build concurrently; trains the
 * shipped intent model once so test files do not each train it.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..')

function newest(dir: string): number {
  let n = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'dist' || e.name === 'node_modules') continue
    const p = join(dir, e.name)
    n = Math.max(n, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return n
}

export default async function setup(): Promise<void> {
  // One intent model for every test server (trained once from data/nlu, cached by its hash).
  const { ensureShippedModel } = await import('../src/server/nlu-provider.js')
  ensureShippedModel(ROOT)

  const outputs = ['web/dist/index.html', 'web/dist/widget.js', 'web/dist/console/index.html'].map((f) => join(ROOT, f))
  const sources = Math.max(newest(join(ROOT, 'web')), statSync(join(ROOT, 'vite.config.ts')).mtimeMs)
  const stale = outputs.some((f) => !existsSync(f) || statSync(f).mtimeMs < sources)
  if (stale) {
    execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' })
  }
}
