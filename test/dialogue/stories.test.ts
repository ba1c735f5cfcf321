/**
 * Runs every shipped conversation story (data/stories) through the real pipeline — NLU, knowledge,
 * dialogue manager and conversation service on a fresh SQLite store — and fails on the first story
 * that does not behave as written.
 */
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadStoryFile, runStories, storyFiles } from '../../src/cli/commands/eval-dialogues.js'

const DIR = join(import.meta.dirname, '../../data/stories')

describe('conversation stories', () => {
  it('ships at least 80 stories in both languages', () => {
    const stories = storyFiles(DIR).flatMap((f) => loadStoryFile(f).stories)
    expect(stories.length).toBeGreaterThanOrEqual(80)
    expect(stories.some((s) => s.locale === 'en' || /[a-z]{3}/i.test(s.turns[0]!.user))).toBe(true)
    expect(stories.some((s) => /[\u4e00-\u9fff]/.test(s.turns[0]!.user))).toBe(true)
  })

  // One test per file: a failure names its file, and the time limit applies to one file's stories.
  for (const file of storyFiles(DIR)) {
    it(`every story of ${basename(file)} passes`, async () => {
      const report = await runStories([file])
      const failures = report.stories.filter((s) => !s.passed).map((s) => `${s.name}: ${s.difference}`)
      expect(failures).toEqual([])
      expect(report.passed).toBe(report.total)
    }, 300_000)
  }
})
