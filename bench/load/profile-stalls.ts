/**
 * Event-loop stalls in V8 CPU profiles (`node --cpu-prof`, e.g. `KEFU_BENCH_PROFILE_DIR=dir npx tsx
 * bench/catalog-scale.ts`): every stretch of consecutive busy samples (no `(idle)` sample between
 * them: the loop did not get back to I/O) longer than `--min` ms, longest first, with what ran in it
 * (total time per function, callees included, and the share of garbage collection). A stretch
 * can hold several tasks run back to back; a request arriving in it waits up to its length.
 *
 *   npx tsx bench/load/profile-stalls.ts /tmp/prof/*.cpuprofile [--min 50] [--top 10] [--frames 12]
 *
 * With `--windows FILE` (lines `startUs endUs` on the profile's clock, e.g. written by
 * bench/catalog-blocks.ts with KEFU_BLOCKS_WINDOWS=FILE) the stretches are those windows instead:
 * in a process that yields with setImmediate and has nothing else to do, V8 never samples
 * `(idle)`, so busy stretches cannot be told apart there.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

type Node = {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number }

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    min: { type: 'string', default: '50' },
    top: { type: 'string', default: '10' },
    frames: { type: 'string', default: '12' },
    windows: { type: 'string' },
  },
})
const minUs = Number(values.min) * 1000

for (const file of positionals) {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile
  const byId = new Map(p.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const label = (n: Node) => {
    const { functionName, url, lineNumber } = n.callFrame
    const short = url
      .replace(/^file:\/\//, '')
      .replace(/^.*\/node_modules\//, 'npm:')
      .replace(/^.*\/src\//, 'src/')
    return `${functionName || '(anonymous)'} ${short}${short ? `:${lineNumber + 1}` : ''}`
  }
  const stackKeys = new Map<number, string[]>()
  const keysOf = (id: number): string[] => {
    let keys = stackKeys.get(id)
    if (!keys) {
      const set = new Set<string>()
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) set.add(label(byId.get(at)!))
      keys = [...set]
      stackKeys.set(id, keys)
    }
    return keys
  }
  type Stall = { startUs: number; us: number; gcUs: number; fns: Map<string, number>; self: Map<string, number> }
  const stalls: Stall[] = []
  let cur: Stall | null = null
  let t = 0
  let busyUs = 0
  const windows = values.windows
    ? readFileSync(values.windows, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(' ').map(Number) as [number, number])
    : null
  const inWindow = (at: number) => windows?.some(([from, to]) => at >= from && at <= to) ?? true
  for (let i = 0; i < p.samples.length; i++) {
    const us = p.timeDeltas[i] ?? 0
    t += us
    const node = byId.get(p.samples[i]!)!
    if (node.callFrame.functionName === '(idle)' || !inWindow(p.startTime + t)) {
      if (cur && cur.us >= minUs) stalls.push(cur)
      cur = null
      continue
    }
    busyUs += us
    cur ??= { startUs: t, us: 0, gcUs: 0, fns: new Map(), self: new Map() }
    cur.us += us
    if (node.callFrame.functionName === '(garbage collector)') cur.gcUs += us
    for (const k of keysOf(node.id)) cur.fns.set(k, (cur.fns.get(k) ?? 0) + us)
    const own = label(node)
    cur.self.set(own, (cur.self.get(own) ?? 0) + us)
  }
  if (cur && cur.us >= minUs) stalls.push(cur)
  const ms = (us: number) => `${(us / 1000).toFixed(0)} ms`
  console.log(
    `\n${file}: ${(t / 1e6).toFixed(1)} s sampled, ${(busyUs / 1e6).toFixed(1)} s busy; ${stalls.length} stalls ≥ ${values.min} ms`,
  )
  const sorted = [...stalls].sort((a, b) => b.us - a.us)
  const hist = [50, 100, 250, 500, 1000].map((b) => `≥${b} ms: ${stalls.filter((s) => s.us >= b * 1000).length}`)
  console.log(hist.join(', '))
  for (const s of sorted.slice(0, Number(values.top))) {
    console.log(`-- ${ms(s.us)} at +${(s.startUs / 1e6).toFixed(1)} s (gc ${ms(s.gcUs)})`)
    const fns = [...s.fns]
      .filter(([k]) => !k.startsWith('(root)') && !k.startsWith('(program)') && !k.startsWith('(garbage'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(values.frames))
    for (const [k, us] of fns) console.log(`   ${ms(us).padStart(8)}  ${k}`)
    const self = [...s.self].sort((a, b) => b[1] - a[1]).slice(0, 6)
    console.log(`   self: ${self.map(([k, us]) => `${k} ${ms(us)}`).join('; ')}`)
  }
}
