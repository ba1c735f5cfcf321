import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { intentModelPath, writeIntentModel } from '../../adapters/nlu-model-file/intent-model-file.js'
import { trainIntentModel } from '../../core/nlu/train-intent-model.js'

const bin = resolve(import.meta.dirname, '../../../bin/kefu')
const dir = mkdtempSync(join(tmpdir(), 'kefu-classify-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const texts: Record<string, string[]> = {
  logistics: ['where is my parcel', 'my package has not arrived', '快递到哪了', '包裹还没到'],
  greeting: ['hello', 'hi there', '你好', '在吗'],
  out_of_scope: ['what is the weather', 'tell me a joke', '今天天气怎么样', '讲个笑话'],
}
writeIntentModel(
  intentModelPath(dir),
  trainIntentModel(
    Object.entries(texts).flatMap(([label, ts]) =>
      ts.flatMap((t) => [
        { text: t, label },
        { text: `${t}?`, label },
      ]),
    ),
    { holdout: 0 },
  ),
)

function classify(input: string | Buffer) {
  const r = spawnSync(process.execPath, [bin, 'classify', '--json', '--date', '2024-12-02'], {
    input,
    env: { ...process.env, KEFU_DATA_DIR: dir },
    encoding: 'utf8',
    timeout: 170_000,
  })
  return {
    status: r.status,
    lines: r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>),
  }
}

describe('kefu classify', () => {
  it('prints one JSON object per line with intent, entities, emotion and locale', () => {
    const { status, lines } = classify('快递到哪了 订单KF202411200001\nhello!\n')
    expect(status).toBe(0)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatchObject({ intent: 'logistics', locale: 'zh', emotion: { label: 'calm' } })
    expect(lines[0]!.entities).toEqual([{ type: 'order_no', value: 'KF202411200001', start: 8, end: 22 }])
    expect(lines[1]).toMatchObject({ intent: 'greeting', locale: 'en' })
  })

  it('survives empty lines, 4,000+ character lines, binary junk and emoji', () => {
    const junk = Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x80, 0x0a])
    const input = Buffer.concat([Buffer.from(`\n${'x'.repeat(5000)}\n😀😀🎉\n`), junk, Buffer.from('hello\n')])
    const { status, lines } = classify(input)
    expect(status).toBe(0)
    expect(lines).toHaveLength(5)
    expect(lines[0]).toMatchObject({ error: { code: 'invalid_input' } })
    expect(lines[1]).toMatchObject({ error: { code: 'invalid_input' } })
    expect(lines[2]).toMatchObject({ intent: 'out_of_scope', confidence: 0 })
    expect(lines[3]).toHaveProperty('intent')
    expect(lines[4]).toMatchObject({ intent: 'greeting' })
  })
})
