/**
 * The customer side of bench/catalog-scale.ts, in its own process: a /healthz probe every
 * 50 ms and chat turns from two simulated customers (one turn each every ~150 ms). Prints one
 * JSON line per sample, `{"t": epochMs, "kind": "healthz" | "chat", "ms": latency}`, until killed.
 *
 *   npx tsx bench/catalog-load.ts --url http://127.0.0.1:3000
 */
import { parseArgs } from 'node:util'
import { CATALOG_LOAD_MESSAGES as MESSAGES } from './catalog-messages.js'

const { values } = parseArgs({ options: { url: { type: 'string' }, workers: { type: 'string', default: '2' } } })
const URL_ = values.url ?? 'http://127.0.0.1:3000'
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const emit = (kind: string, ms: number, extra: Record<string, unknown> = {}) =>
  process.stdout.write(`${JSON.stringify({ t: Date.now(), kind, ms: Math.round(ms * 10) / 10, ...extra })}\n`)

async function probe(): Promise<void> {
  for (;;) {
    const t0 = performance.now()
    try {
      await (await fetch(`${URL_}/healthz`)).text()
      emit('healthz', performance.now() - t0)
    } catch {
      emit('healthz', performance.now() - t0, { error: true })
    }
    await sleep(50)
  }
}

async function customer(n: number): Promise<void> {
  let conv: { id: string; token: string } | null = null
  for (let i = n; ; i++) {
    try {
      if (!conv || i % 20 === 0) {
        const r = await fetch(`${URL_}/api/v1/conversations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ customerId: `c00${1 + (i % 5)}` }),
        })
        conv = (await r.json()) as { id: string; token: string }
      }
      const t0 = performance.now()
      const r = await fetch(`${URL_}/api/v1/conversations/${conv.id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${conv.token}` },
        body: JSON.stringify({ text: MESSAGES[i % MESSAGES.length] }),
      })
      await r.text()
      emit('chat', performance.now() - t0, { msg: i % MESSAGES.length, ...(r.ok ? {} : { error: r.status }) })
    } catch {
      conv = null
    }
    await sleep(150)
  }
}

await Promise.all([probe(), ...Array.from({ length: Number(values.workers) }, (_, i) => customer(i * 7))])
