import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const bin = resolve(import.meta.dirname, '../../../bin/kefu')
const dir = mkdtempSync(join(tmpdir(), 'kefu-eval-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const rows: [string, string][] = [
  ['where is my parcel', 'logistics'],
  ['my package has not arrived', 'logistics'],
  ['tracking shows nothing', 'logistics'],
  ['when will my parcel come', 'logistics'],
  ['I want a refund', 'refund'],
  ['give me my money back', 'refund'],
  ['refund please', 'refund'],
  ['how do I get a refund', 'refund'],
  ['tell me a joke', 'oos'],
  ['what is the weather', 'oos'],
  ['who is the president', 'oos'],
  ['sing me a song', 'oos'],
]

function kefu(...args: string[]) {
  return spawnSync(process.execPath, [bin, 'eval', ...args], { encoding: 'utf8', timeout: 170_000 })
}

describe('kefu eval intents', () => {
  it('trains on a CSV with detected field names and reports JSON metrics with out-of-scope figures', () => {
    const train = join(dir, 'train.csv')
    writeFileSync(train, `instruction,category\n${rows.map(([t, l]) => `"${t}",${l}`).join('\n')}\n`)
    const test = join(dir, 'test.jsonl')
    writeFileSync(
      test,
      [
        '{"text":"where is my parcel now","intent":"logistics"}',
        '{"text":"tell me a joke please","intent":"oos"}',
      ].join('\n'),
    )
    const r = kefu('intents', '--train', train, '--test', test, '--json')
    expect(r.status).toBe(0)
    const out = JSON.parse(r.stdout) as Record<string, unknown>
    expect(out.n).toBe(2)
    for (const k of ['accuracy', 'macroF1', 'inScopeAccuracy', 'oosRecall']) {
      expect(out[k]).toBeGreaterThanOrEqual(0)
      expect(out[k]).toBeLessThanOrEqual(1)
    }
    expect(out.perClass).toHaveProperty('logistics')
    expect(out.confusion).toHaveProperty('logistics')
  })

  it('fails with a clear code for a missing file or field', () => {
    const r = kefu('intents', '--train', join(dir, 'nope.jsonl'), '--test', join(dir, 'nope.jsonl'))
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('[code: not_found]')
    const bad = join(dir, 'bad.jsonl')
    writeFileSync(bad, '{"body":"x","label":"a"}\n')
    expect(kefu('intents', '--train', bad, '--test', bad).stderr).toContain('[code: invalid_input]')
  })

  it('dispatches unknown evaluations to a loud not_implemented', () => {
    const r = kefu('nonexistent')
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('not_implemented')
  })
})
