/**
 * `npm run bench`: runs every benchmark in turn (each prints one JSON object) and prints
 * them as one JSON array. Each runs in its own process so one's heap does not skew another.
 */
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const benches: Array<[string, string[]]> = [
  ['nlu.ts', []],
  ['retrieval.ts', []],
  // Throughput (issue 16): the server in its own process, customers in another; a short default run.
  ['load/index.ts', ['--clients', '1,16,64', '--seconds', '10', '--sockets', '500']],
  // Real-shop scale (issue 11): 100,000 products imported into a running server, then 32,000 updates.
  ['catalog-scale.ts', []],
  // The time kefu adds to a model's time to first token (issue 12): server, fake provider and load in
  // three processes.
  ['llm-overhead.ts', []],
]
const results: unknown[] = []
for (const [file, args] of benches) {
  process.stderr.write(`bench: ${file}…\n`)
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, file), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  })
  if (r.status !== 0) {
    results.push({ bench: file, error: `exit ${r.status}` })
    continue
  }
  try {
    results.push(JSON.parse(r.stdout))
  } catch {
    results.push({ bench: file, output: r.stdout.trim() })
  }
}
console.log(JSON.stringify(results, null, 2))
