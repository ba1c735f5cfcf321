/**
 * Summarises V8 CPU profiles (`node --cpu-prof`, or `bench/load/index.ts --cpu-prof DIR`): self time
 * by function and by file, and total (inclusive) time by function, biggest first, as shares of the
 * busy (non-idle) time. Samples before the first one inside `--from` (default `handleMessage`, the
 * chat turn) are skipped, so start-up (model training, module loading) does not drown the turn.
 *
 *   npx tsx bench/load/profile-summary.ts /tmp/prof/*.cpuprofile [--top 30] [--from handleMessage]
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

type Node = {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] }

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '30' }, from: { type: 'string', default: 'handleMessage' } },
})
const top = Number(values.top)

for (const file of positionals) {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile
  const byId = new Map(p.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const stack = (id: number): Node[] => {
    const out: Node[] = []
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) out.push(byId.get(at)!)
    return out
  }
  const label = (n: Node) => {
    const { functionName, url, lineNumber } = n.callFrame
    const short = url
      .replace(/^file:\/\//, '')
      .replace(/^.*\/node_modules\//, 'npm:')
      .replace(/^.*\/src\//, 'src/')
    return { short, key: `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}` }
  }
  const selfUs = new Map<number, number>()
  const inclusive = new Map<string, number>()
  let started = !values.from
  for (let i = 0; i < p.samples.length; i++) {
    const id = p.samples[i]!
    if (!started) {
      if (!stack(id).some((n) => n.callFrame.functionName === values.from)) continue
      started = true
    }
    const us = p.timeDeltas[i] ?? 0
    selfUs.set(id, (selfUs.get(id) ?? 0) + us)
    if (byId.get(id)!.callFrame.functionName === '(idle)') continue
    for (const key of new Set(stack(id).map((n) => label(n).key))) inclusive.set(key, (inclusive.get(key) ?? 0) + us)
  }
  const fn = new Map<string, number>()
  const files = new Map<string, number>()
  let total = 0
  let idle = 0
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!
    const { functionName } = n.callFrame
    total += us
    if (functionName === '(idle)') {
      idle += us
      continue
    }
    const { short, key } = label(n)
    fn.set(key, (fn.get(key) ?? 0) + us)
    const f = short || `(${functionName})`
    files.set(f, (files.get(f) ?? 0) + us)
  }
  const busy = total - idle
  const pct = (us: number) => `${((us / busy) * 100).toFixed(1).padStart(5)} %`
  console.log(`\n${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (shares of busy)`)
  console.log('-- functions (self time)')
  for (const [k, us] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${k}`)
  console.log('-- functions (total time, callees included)')
  for (const [k, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${k}`)
  console.log('-- files (self time)')
  for (const [k, us] of [...files].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${k}`)
}
