/**
 * What one catalog change costs the server, in-process (issue 11): the real app (routes, auth,
 * store, knowledge and NLU providers) on a fresh SQLite store with the demo shop plus N generated
 * products, then `--updates` PATCHes (price/stock), PUTs (a new product each) and chat turns
 * (each turn after an update, so work a change leaves for the next message is counted), through
 * `app.inject` (no sockets). Prints the process CPU time per request kind (median and p90 of the
 * CPU used between the request and the moment the knowledge chain settled), so a cost that grows
 * with the catalog shows when --count changes and the load of the machine matters less.
 *
 *   npx tsx bench/catalog-updates.ts [--count 100000] [--hot 20000] [--updates 300] [--faq 0]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/catalog-updates.ts --count 100000
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createAppContext } from '../src/server/app-context.js'
import { buildApp } from '../src/server/build-app.js'
import { parseConfig } from '../src/server/config/schema.js'
import { defaultRouteModules } from '../src/server/route-modules.js'
import { CATALOG_LOAD_MESSAGES } from './catalog-messages.js'
import { demoProducts, generatedProduct } from './generate-catalog.js'

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    hot: { type: 'string', default: '20000' },
    updates: { type: 'string', default: '300' },
    /** FAQ publishes (create, submit, publish), each followed by a chat turn that waits for it. */
    faq: { type: 'string', default: '0' },
    /** Rounds of bench/catalog-load.ts's messages, each timed on its own (CPU per message, no updates). */
    turns: { type: 'string', default: '0' },
  },
})
const COUNT = Number(values.count)
const HOT = Number(values.hot)
const UPDATES = Number(values.updates)
const dir = mkdtempSync(join(tmpdir(), 'kefu-updates-'))
const config = parseConfig(
  {
    ...process.env,
    LOG_LEVEL: 'warn',
    KEFU_RATE_LIMIT_MESSAGES: '0',
    KEFU_RATE_LIMIT_CLIENT_MESSAGES: '0',
  },
  { KEFU_DATA_DIR: dir },
)
const ctx = await createAppContext(config)
const app = await buildApp(ctx, defaultRouteModules())
const shop = (await ctx.store.shops.get('demo'))!
const templates = demoProducts()
for (let i = 0; i < COUNT; i += 1000) {
  const rows = []
  for (let j = i; j < Math.min(COUNT, i + 1000); j++) rows.push(generatedProduct(templates, j, { hot: HOT }))
  await ctx.store.products.upsertMany(shop.id, rows)
}
const t0 = performance.now()
const cpu0 = process.cpuUsage()
await ctx.warmShop(shop.id)
await ctx.knowledge.service.settled(shop.id)
const build = process.cpuUsage(cpu0)
process.stderr.write(
  `catalog-updates: ${COUNT} products indexed in ${Math.round(performance.now() - t0)} ms (cpu ${Math.round((build.user + build.system) / 1000)} ms)\n`,
)

const auth = { authorization: `Bearer ${shop.apiKey}` }
const conv = (await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: {} })).json() as {
  id: string
  token: string
}
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000
const samples: Record<string, number[]> = { patch: [], put: [], turn: [], turnWithoutUpdates: [] }
const statuses: Record<string, number> = {}
async function measure(kind: string, run: () => Promise<{ statusCode: number }>): Promise<void> {
  const c = process.cpuUsage()
  const r = await run()
  statuses[`${kind} ${r.statusCode}`] = (statuses[`${kind} ${r.statusCode}`] ?? 0) + 1
  await ctx.knowledge.service.settled(shop.id)
  await ctx.nlu.forShop(shop.id)
  samples[kind]!.push(cpuMs(process.cpuUsage(c)))
}
const questions = [
  '羽绒服多少钱',
  '有没有推荐的耳机',
  '包邮吗',
  `${generatedProduct(templates, 7, { hot: HOT }).aliases![0]} 有货吗`,
]
for (let k = 0; k < UPDATES; k++) {
  const sku = `G${String((k * 7919) % Math.max(1, COUNT)).padStart(6, '0')}`
  if (COUNT > 0)
    await measure('patch', () =>
      app.inject({ method: 'PATCH', url: `/api/v1/admin/products/${sku}`, headers: auth, payload: { price: 10 + k } }),
    )
  const p = generatedProduct(templates, COUNT + k, { hot: 0, seed: 3 })
  await measure('put', () =>
    app.inject({ method: 'PUT', url: `/api/v1/admin/products/${p.sku}`, headers: auth, payload: p }),
  )
  await measure('turn', () =>
    app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${conv.id}/messages`,
      headers: { authorization: `Bearer ${conv.token}` },
      payload: { text: questions[k % questions.length] },
    }),
  )
}
// The same questions with no catalog change in between: what a change leaves for the next turn.
for (let k = 0; k < UPDATES; k++)
  await measure('turnWithoutUpdates', () =>
    app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${conv.id}/messages`,
      headers: { authorization: `Bearer ${conv.token}` },
      payload: { text: questions[k % questions.length] },
    }),
  )
// FAQ publishes: the turn after each waits for the FAQ/fault indexes (and the matcher fit) to be rebuilt.
// Wall time of that turn, the serving thread's CPU in it, and the longest gap of a setImmediate probe.
const faqTurn = { wallMs: [] as number[], cpuMs: [] as number[], longestGapMs: [] as number[] }
for (let k = 0; k < Number(values.faq); k++) {
  const id = `bench-faq-${k}`
  const body = {
    id,
    question: `第${k}号活动什么时候开始`,
    answer: `第${k}号活动下周一开始。`,
    similar: [`${k}号活动哪天开始`],
    category: 'promotion',
    locale: 'zh',
    author: 'bench',
  }
  await app.inject({ method: 'POST', url: '/api/v1/admin/faq', headers: auth, payload: body })
  await app.inject({ method: 'POST', url: `/api/v1/admin/faq/${id}/submit`, headers: auth, payload: {} })
  // As in the update stream, products changed since the last publish.
  if (COUNT > 0) {
    const sku = `G${String((k * 7919) % COUNT).padStart(6, '0')}`
    await app.inject({ method: 'PATCH', url: `/api/v1/admin/products/${sku}`, headers: auth, payload: { stock: k } })
    await ctx.knowledge.service.settled(shop.id)
  }
  let longest = 0
  let last = performance.now()
  let probing = true
  const probe = () => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
    if (probing) setImmediate(probe)
  }
  setImmediate(probe)
  const c = process.cpuUsage()
  const t = performance.now()
  await app.inject({ method: 'POST', url: `/api/v1/admin/faq/${id}/publish`, headers: auth, payload: {} })
  const r = await app.inject({
    method: 'POST',
    url: `/api/v1/conversations/${conv.id}/messages`,
    headers: { authorization: `Bearer ${conv.token}` },
    payload: { text: questions[k % questions.length] },
  })
  faqTurn.wallMs.push(performance.now() - t)
  faqTurn.cpuMs.push(cpuMs(process.cpuUsage(c)))
  probing = false
  faqTurn.longestGapMs.push(longest)
  statuses[`faqTurn ${r.statusCode}`] = (statuses[`faqTurn ${r.statusCode}`] ?? 0) + 1
}
// The load process's messages one by one, on the big catalog with no change in between.
const perMessage = new Map<string, number[]>()
for (let round = 0; round < Number(values.turns); round++) {
  for (const text of CATALOG_LOAD_MESSAGES) {
    const c = process.cpuUsage()
    await app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${conv.id}/messages`,
      headers: { authorization: `Bearer ${conv.token}` },
      payload: { text },
    })
    perMessage.set(text, [...(perMessage.get(text) ?? []), cpuMs(process.cpuUsage(c))])
  }
}
const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) * 100) / 100
}
const mem = process.memoryUsage()
process.stdout.write(
  `${JSON.stringify(
    {
      bench: 'catalog-updates',
      products: COUNT,
      loadavg: loadavg().map((x) => Math.round(x * 10) / 10),
      buildCpuMs: Math.round(cpuMs(build)),
      cpuMsPerRequest: Object.fromEntries(
        Object.entries(samples).map(([k, xs]) => [k, { n: xs.length, p50: q(xs, 0.5), p90: q(xs, 0.9) }]),
      ),
      ...(faqTurn.wallMs.length
        ? {
            publishThenTurn: Object.fromEntries(
              Object.entries(faqTurn).map(([k, xs]) => [k, { p50: q(xs, 0.5), p90: q(xs, 0.9), max: q(xs, 1) }]),
            ),
          }
        : {}),
      ...(perMessage.size
        ? {
            cpuMsPerMessage: Object.fromEntries(
              [...perMessage].map(([k, xs]) => [k, { p50: q(xs, 0.5), p90: q(xs, 0.9), max: q(xs, 1) }]),
            ),
          }
        : {}),
      statuses,
      heapMb: Math.round(mem.heapUsed / 2 ** 20),
      rssMb: Math.round(mem.rss / 2 ** 20),
    },
    null,
    2,
  )}\n`,
)
await app.close()
await ctx.close()
rmSync(dir, { recursive: true, force: true })
