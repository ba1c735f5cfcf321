import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../test/helpers/temp-dir.js'
import { type FaqFitInput, fitFaqWeights } from '../../core/knowledge/faq-classifier.js'
import { cachedFaqFitter } from './fit-cache.js'

/** A small real problem: 3 entries, 6 rows, 4 features. */
function problem(label2 = 2): FaqFitInput {
  return {
    entries: 3,
    x: {
      rows: 6,
      cols: 4,
      indptr: Int32Array.from([0, 2, 4, 5, 6, 8, 9]),
      indices: Int32Array.from([0, 1, 0, 1, 2, 2, 3, 0, 3]),
      values: Float32Array.from([1, 0.5, 0.8, 0.6, 1, 0.9, 1, 0.2, 1]),
    },
    y: Int32Array.from([0, 0, 1, 1, label2, 2]),
    C: 1,
    maxIter: 50,
    seed: 7,
  }
}

describe('FAQ matcher fit cache', () => {
  const dirs: Array<{ remove(): void }> = []
  afterEach(() => {
    for (const d of dirs.splice(0)) d.remove()
  })
  const dir = () => {
    const d = tempDir()
    dirs.push(d)
    return d.path
  }

  it('fits a problem once: another process (a new cache on the same directory) reads the same weights', async () => {
    const cacheDir = join(dir(), 'faq-fit')
    let calls = 0
    const counting = async (input: FaqFitInput) => {
      calls++
      return fitFaqWeights(input)
    }
    const first = cachedFaqFitter(counting, { dir: cacheDir })
    const a = await first.fit(problem())
    const second = cachedFaqFitter(counting, { dir: cacheDir })
    const b = await second.fit(problem())
    expect(calls).toBe(1)
    expect(second.stats()).toEqual({ hits: 1, misses: 0 })
    expect(Array.from(b.weight)).toEqual(Array.from(a.weight))
    expect(Array.from(b.bias)).toEqual(Array.from(a.bias))
    expect(Array.from(b.offsets)).toEqual(Array.from(a.offsets))
    expect(Array.from(b.classIdx)).toEqual(Array.from(a.classIdx))
  })

  it('fits again when the problem changed, and keeps only the newest fits', async () => {
    const cacheDir = join(dir(), 'faq-fit')
    let calls = 0
    const cache = cachedFaqFitter(
      async (input) => {
        calls++
        return fitFaqWeights(input)
      },
      { dir: cacheDir, keep: 1 },
    )
    await cache.fit(problem(2))
    await cache.fit(problem(1)) // one label differs: a different FAQ
    expect(calls).toBe(2)
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.fit'))).toHaveLength(1)
  })

  it('refits over a damaged file and still fits when the directory cannot be written', async () => {
    const cacheDir = join(dir(), 'faq-fit')
    const cache = cachedFaqFitter(async (input) => fitFaqWeights(input), { dir: cacheDir })
    const good = await cache.fit(problem())
    const [file] = readdirSync(cacheDir)
    writeFileSync(join(cacheDir, file!), 'not a fit')
    const again = cachedFaqFitter(async (input) => fitFaqWeights(input), { dir: cacheDir })
    expect(Array.from((await again.fit(problem())).weight)).toEqual(Array.from(good.weight))
    expect(again.stats()).toEqual({ hits: 0, misses: 1 })

    // A cache directory under a plain file cannot be created, not even by root.
    const blocker = join(dir(), 'a-file')
    writeFileSync(blocker, 'x')
    const ro = cachedFaqFitter(async (input) => fitFaqWeights(input), { dir: join(blocker, 'faq-fit') })
    expect(Array.from((await ro.fit(problem())).weight)).toEqual(Array.from(good.weight))
    expect(ro.stats()).toEqual({ hits: 0, misses: 1 })
  })
})
