/**
 * The demo shop's content is data (data/demo), not product code: the recommender resolves category
 * words against each shop's own catalog, so no demo category path may be written into it.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../../scripts/read-source.js'

const demoCategories = [
  ...new Set(
    readFileSync(join(repoRoot, 'data/demo/products.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { category: string }).category),
  ),
]
const topLevels = [...new Set(demoCategories.map((c) => c.split('/')[0]!))]

describe('no demo content in the recommender', () => {
  it('knows the demo categories it guards against', () => {
    expect(demoCategories).toContain('electronics/earbuds')
    expect(demoCategories.length).toBeGreaterThan(10)
  })

  it('src/core/recommend names no demo category path outside its tests', () => {
    const dir = join(repoRoot, 'src/core/recommend')
    const found: string[] = []
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const text = readFileSync(join(dir, f), 'utf8')
      for (const c of demoCategories) {
        // As written, or escaped in a regular expression (`electronics\/earbuds`).
        if (text.includes(c) || text.includes(c.replace('/', '\\/'))) found.push(`${f}: ${c}`)
      }
      // A top-level demo category used as a path prefix (`startsWith('apparel')`, `'shoes/`, /^home\//).
      for (const t of topLevels) {
        if (new RegExp(String.raw`startsWith\(\s*['"\`]${t}|['"\`^]${t}\\?/`).test(text)) found.push(`${f}: ${t}/…`)
      }
    }
    expect(found, `demo category paths in product code:\n${found.join('\n')}`).toEqual([])
  })
})
