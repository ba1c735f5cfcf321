/**
 * Event-loop blocks of a catalog index build, in-process, without the server around it: N
 * generated products (default 100,000; 20,000 in one category) in a fresh SQLite store, then the
 * knowledge service (with the server's setImmediate pause) builds the index, rebuilds it, applies
 * a FAQ change and a burst of product upserts, and (with --nlu) the shop's NLU engine is built.
 * A probe on setImmediate measures every gap of the event loop; each phase prints its longest
 * blocks (wall ms and the process's CPU ms in that gap, which a loaded machine inflates less),
 * the blocks with the most CPU in them (`mostCpu`: on a loaded machine the longest are the
 * neighbours') and the process's CPU time. Prints one JSON object.
 *
 * With --nlu the intent model is loaded (`nluModel`: a server does it before it listens), the NLU
 * engine is built (`nluEngine`, up to its first Chinese message), rebuilt while the previous engine answers (`nluRebuild`), and fed 1,000 product
 * changes (`nluDeltas`); `--nlu-only` skips the knowledge phases.
 *
 * `rebuildUnderUpdates` rebuilds while a simulated update stream keeps the loop busy (`--busy-rate`
 * requests a second, each a product upsert and `--busy-ms` of CPU): how long until the swap.
 *
 * Under `node --expose-gc --import tsx` each phase also reports the live heap, native memory and
 * RSS after a full garbage collection.
 *
 *   npx tsx bench/catalog-blocks.ts [--count 100000] [--hot 20000] [--phases firstBuild,rebuild,rebuildUnderUpdates,faqChange,productUpserts] [--nlu] [--nlu-only]
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import pino from 'pino'
import { systemClock } from '../src/adapters/clock/system-clock.js'
import { openSqliteStore } from '../src/adapters/store-sql/sqlite-store.js'
import { createKnowledgeService } from '../src/core/knowledge/knowledge-service.js'
import type { NluEngine } from '../src/core/nlu/types.js'
import { createNluProvider } from '../src/server/nlu-provider.js'
import { createShop } from '../src/server/shops/create-shop.js'
import { generateCatalog } from './generate-catalog.js'
import { ROOT } from './servers.js'

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    hot: { type: 'string', default: '20000' },
    phases: { type: 'string', default: 'firstBuild,rebuild,faqChange,productUpserts' },
    /** Requests per second of the simulated update stream of the `rebuildUnderUpdates` phase. */
    'busy-rate': { type: 'string', default: '100' },
    /** CPU milliseconds each simulated request spins (the admin API's own work). */
    'busy-ms': { type: 'string', default: '4' },
    nlu: { type: 'boolean', default: false },
    'nlu-only': { type: 'boolean', default: false },
  },
})
const dir = mkdtempSync(join(tmpdir(), 'kefu-blocks-'))
const store = await openSqliteStore(join(dir, 'kefu.db'))
await store.migrate()
const shop = await createShop(store, { id: 'big', name: 'Big' }, new Date())
const rows = generateCatalog(Number(values.count), Number(values.hot))
for (let i = 0; i < rows.length; i += 1000) await store.products.upsertMany(shop.id, rows.slice(i, i + 1000))
const pause = () => new Promise<void>((r) => setImmediate(r))
const logger = pino({ level: 'warn' })
const knowledge = createKnowledgeService({ store, pause, logger })

type Block = { wallMs: number; cpuMs: number }
let blocks: Block[] = []
let probing = true
let last = performance.now()
let lastCpu = process.cpuUsage()
function probe(): void {
  const now = performance.now()
  const cpu = process.cpuUsage()
  const wallMs = now - last
  if (wallMs > 20) blocks.push({ wallMs, cpuMs: (cpu.user + cpu.system - lastCpu.user - lastCpu.system) / 1000 })
  // With --cpu-prof, `bench/load/profile-stalls.ts --windows FILE` shows what ran in these gaps
  // (microseconds on the profile's clock).
  if (wallMs > 100 && process.env.KEFU_BLOCKS_WINDOWS) {
    const end = Number(process.hrtime.bigint() / 1000n)
    appendFileSync(process.env.KEFU_BLOCKS_WINDOWS, `${Math.round(end - wallMs * 1000)} ${end}\n`)
  }
  last = now
  lastCpu = cpu
  if (probing) setImmediate(probe)
}
setImmediate(probe)

const round = (x: number) => Math.round(x)
const out: Record<string, unknown> = { products: rows.length, loadavg: loadavg().map((x) => Math.round(x * 10) / 10) }
const wanted = new Set(values.phases.split(','))
async function phase(name: string, run: () => Promise<unknown>): Promise<void> {
  const nluPhase = name.startsWith('nlu')
  if (values['nlu-only'] && !nluPhase) return
  if (name !== 'firstBuild' && !nluPhase && !wanted.has(name)) return
  blocks = []
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  await run()
  // The gap in progress (a phase may end in a synchronous block) belongs to this phase.
  {
    const now = performance.now()
    const c = process.cpuUsage()
    if (now - last > 20)
      blocks.push({ wallMs: now - last, cpuMs: (c.user + c.system - lastCpu.user - lastCpu.system) / 1000 })
  }
  const cpu = process.cpuUsage(cpu0)
  const top = [...blocks].sort((a, b) => b.wallMs - a.wallMs).slice(0, 5)
  // On a loaded machine the longest waits are the neighbours' (the process was not running):
  // the blocks with the most CPU of this process in them are the code's own.
  const topCpu = [...blocks].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 5)
  // With `node --expose-gc`: what stays after the phase (live heap, native memory, RSS).
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  const mem = process.memoryUsage()
  // The forced collection is the bench's own block: the next phase's first gap starts after it.
  last = performance.now()
  lastCpu = process.cpuUsage()
  out[name] = {
    ...(gc
      ? {
          heapMb: round(mem.heapUsed / 2 ** 20),
          externalMb: round(mem.external / 2 ** 20),
          rssMb: round(mem.rss / 2 ** 20),
        }
      : {}),
    wallMs: round(performance.now() - t0),
    cpuMs: round((cpu.user + cpu.system) / 1000),
    blocksOver50Ms: blocks.filter((b) => b.wallMs > 50).length,
    longest: top.map((b) => `${round(b.wallMs)} ms (cpu ${round(b.cpuMs)})`),
    mostCpu: topCpu.map((b) => `cpu ${round(b.cpuMs)} ms (${round(b.wallMs)} ms)`),
  }
  process.stderr.write(`catalog-blocks: ${name} ${JSON.stringify(out[name])}\n`)
}

await phase('firstBuild', () => knowledge.forShop(shop.id))
await phase('rebuild', async () => {
  knowledge.invalidate(shop.id)
  await knowledge.settled(shop.id)
})
// A rebuild while an update stream keeps the loop busy (a product upsert and `busy-ms` of CPU per
// request, `busy-rate` a second, up to 16 waiting like the benchmark's client): how long until the
// new index is swapped in, and what share of the thread the build got.
await phase('rebuildUnderUpdates', async () => {
  const rate = Number(values['busy-rate'])
  const spin = Number(values['busy-ms'])
  let due = 0
  let served = 0
  let k = 0
  const started = performance.now()
  const tick = setInterval(async () => {
    const wanted = Math.floor(((performance.now() - started) / 1000) * rate)
    due = Math.min(wanted, served + 16)
    while (served < due) {
      served++
      const p = { ...rows[(k++ * 7919) % rows.length]!, price: 1 + k }
      await store.products.upsertMany(shop.id, [p])
      knowledge.invalidate(shop.id, { change: { scope: 'products', skus: [p.sku] } })
      const until = performance.now() + spin
      while (performance.now() < until) {}
      // One request per turn of the loop, like requests arriving on their own sockets.
      await new Promise((r) => setImmediate(r))
    }
  }, 5)
  const cpu0 = process.cpuUsage()
  knowledge.invalidate(shop.id)
  await knowledge.settled(shop.id)
  clearInterval(tick)
  const cpu = process.cpuUsage(cpu0)
  out.rebuildUnderUpdatesStream = {
    rate,
    spinMs: spin,
    requestsServed: served,
    requestsPerSecond: Math.round(served / ((performance.now() - started) / 1000)),
    processCpuMs: Math.round((cpu.user + cpu.system) / 1000),
  }
})
await phase('faqChange', async () => {
  knowledge.invalidate(shop.id, { change: { scope: 'text' } })
  await knowledge.forShop(shop.id)
})
await phase('productUpserts', async () => {
  for (let i = 0; i < 1000; i++) {
    const p = { ...rows[(i * 97) % rows.length]!, price: 1 + i }
    await store.products.upsertMany(shop.id, [p])
    knowledge.invalidate(shop.id, { change: { scope: 'products', skus: [p.sku] } })
    if (i % 10 === 0) await knowledge.forShop(shop.id)
    // One change per turn of the loop, like requests arriving on their own sockets (SQLite
    // answers synchronously: without this the 1,000 changes were one block).
    await pause()
  }
  await knowledge.forShop(shop.id)
})
if (values.nlu || values['nlu-only']) {
  const nlu = createNluProvider({ store, dataDir: dir, rootDir: ROOT, logger, clock: systemClock() })
  const ask = (e: NluEngine) => e.analyze('我想买轻暖羽绒服，有货吗')
  // The intent model is loaded once per process, by a server before it listens (`warmModel`).
  await phase('nluModel', async () => nlu.warmModel?.())
  await phase('nluEngine', async () => ask(await nlu.forShop(shop.id)))
  await phase('nluRebuild', async () => {
    const old = await nlu.forShop(shop.id)
    nlu.invalidate(shop.id)
    // Customers keep asking while the new engine builds; it answers once it is swapped in.
    let e = await nlu.forShop(shop.id)
    while (e === old) {
      ask(e)
      await new Promise((r) => setTimeout(r, 20))
      e = await nlu.forShop(shop.id)
    }
    ask(e)
  })
  await phase('nluDeltas', async () => {
    for (let i = 0; i < 1000; i++) {
      const p =
        i % 10 === 0
          ? { ...rows[i]!, sku: `NEW-${i}`, title: `新品${i}号羽绒服` }
          : { ...rows[(i * 97) % rows.length]!, price: 1 + i }
      await store.products.upsertMany(shop.id, [p])
      await nlu.applyProducts?.(shop.id, [p.sku])
      await pause()
    }
  })
  out.nluRssMb = round(process.memoryUsage().rss / 2 ** 20)
}
probing = false
out.rssMb = round(process.memoryUsage().rss / 2 ** 20)
out.index = knowledge.states()[shop.id]
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`)
await store.close()
rmSync(dir, { recursive: true, force: true })
