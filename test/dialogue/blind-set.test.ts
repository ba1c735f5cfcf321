/**
 * The blind evaluation set (data/eval/dialogues-blind): written by someone who had read only the demo
 * shop's data and docs/demo-shop.md, split into dev (tune on it) and test (report it, never tune on it).
 * These checks keep it well-formed and keep its test half out of everything we train or tune on.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadStoryFile, storyFiles } from '../../src/cli/commands/eval-dialogues.js'

const ROOT = join(import.meta.dirname, '../..')
const BLIND = join(ROOT, 'data/eval/dialogues-blind')
const half = (name: string) => storyFiles(join(BLIND, name)).flatMap((f) => loadStoryFile(f).stories)
const norm = (t: string) => t.toLowerCase().replace(/[\s\p{P}]+/gu, '')

describe('the blind conversation set', () => {
  it('has two halves of at least 110 conversations each, in both languages, every story parsing', () => {
    for (const name of ['dev', 'test']) {
      const stories = half(name)
      expect(stories.length).toBeGreaterThanOrEqual(110)
      expect(stories.filter((s) => s.locale === 'en').length).toBeGreaterThanOrEqual(30)
      expect(stories.filter((s) => s.locale === 'zh').length).toBeGreaterThanOrEqual(60)
    }
  })

  it('keeps the halves apart and the test half out of training data and shipped stories', () => {
    const dev = half('dev')
    const test = half('test')
    const devNames = new Set(dev.map((s) => s.name))
    expect(test.filter((s) => devNames.has(s.name)).map((s) => s.name)).toEqual([])

    // Every line we train or tune on: the NLU training/dev splits and the shipped stories.
    const tuned = new Set<string>()
    for (const f of ['train.jsonl', 'dev.jsonl']) {
      for (const line of readFileSync(join(ROOT, 'data/nlu', f), 'utf8').split('\n')) {
        if (line.trim()) tuned.add(norm((JSON.parse(line) as { text: string }).text))
      }
    }
    const storiesDir = join(ROOT, 'data/stories')
    for (const f of readdirSync(storiesDir).filter((n) => n.endsWith('.yaml'))) {
      for (const s of loadStoryFile(join(storiesDir, f)).stories) for (const t of s.turns) tuned.add(norm(t.user))
    }
    // Short phrases ("是的", "order status?") are everywhere; a longer test turn (16+ letters, or 8+
    // Chinese characters, which count double) must not appear in anything we train or tune on.
    const weight = (t: string) => [...norm(t)].reduce((n, c) => n + (/\p{Script=Han}/u.test(c) ? 2 : 1), 0)
    const copied = test.flatMap((s) => s.turns.map((t) => t.user)).filter((u) => weight(u) >= 16 && tuned.has(norm(u)))
    expect(copied).toEqual([])
  })
})
