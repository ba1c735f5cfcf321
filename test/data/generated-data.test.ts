/**
 * The committed generated data must be what the generators build from the hand-written sources
 * (data/nlu/sources/, data/demo/sources/). Editing a source without regenerating, or editing a
 * generated file by hand, fails here. Both builds run in memory; nothing is written.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildDemoData } from '../../scripts/demo/generate.js'
import { buildNluData } from '../../scripts/nlu-data/generate.js'
import { repoRoot } from '../../scripts/read-source.js'

/** Line number and both versions of the first differing line, so a failure says where without dumping MBs. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n')
  const b = actual.split('\n')
  const n = Math.max(a.length, b.length)
  const cap = (line: string | undefined) =>
    line === undefined ? '<none>' : line.length > 240 ? `${line.slice(0, 240)}…` : line
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i])
      return `first difference at line ${i + 1} (${a.length} lines generated, ${b.length} committed):\n  generated: ${cap(a[i])}\n  committed: ${cap(b[i])}`
  }
  return 'the files differ'
}

function expectCommitted(dir: string, files: Record<string, string>, command: string): void {
  const stale: string[] = []
  for (const [name, generated] of Object.entries(files)) {
    const path = `data/${dir}/${name}`
    const committed = readFileSync(join(repoRoot, path), 'utf8')
    if (committed !== generated)
      stale.push(
        `${path} is not what its sources generate; run \`${command}\` and commit the result. ${firstDifference(generated, committed)}`,
      )
  }
  expect(stale.length, stale.join('\n\n')).toBe(0)
}

describe('generated data is up to date with its sources', () => {
  it('data/nlu/{train,dev,test}.jsonl', () => {
    const { files } = buildNluData()
    expect(Object.keys(files).sort()).toEqual(['dev.jsonl', 'test.jsonl', 'train.jsonl'])
    expectCommitted('nlu', files, 'npx tsx scripts/nlu-data/generate.ts')
  })

  it('data/demo/*.jsonl and faq.csv', () => {
    const { files } = buildDemoData()
    expect(Object.keys(files).sort()).toEqual([
      'customers.jsonl',
      'faq.csv',
      'faq.jsonl',
      'faults.jsonl',
      'orders.jsonl',
      'products.jsonl',
    ])
    expectCommitted('demo', files, 'npx tsx scripts/demo/generate.ts')
  })
})
