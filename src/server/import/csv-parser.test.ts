import { describe, expect, it } from 'vitest'
import { AppError } from '../../core/errors.js'
import { CsvParser, type CsvRecord } from './csv-parser.js'

function parseAll(text: string, chunkSize = text.length || 1): CsvRecord[] {
  const p = new CsvParser()
  const out: CsvRecord[] = []
  for (let i = 0; i < text.length; i += chunkSize) out.push(...p.push(text.slice(i, i + chunkSize)))
  out.push(...p.end())
  return out
}

const SAMPLE =
  'id,question,answer\r\n' +
  'f1,"Shipping, how long?","Two days.\r\nSay ""fast"" if in doubt."\r\n' +
  '\n' +
  'f2,多久发货,"48 小时"\n' +
  'f3,,last'

describe('CsvParser', () => {
  it('parses quoted commas, doubled quotes and line breaks, skipping blank lines, with start lines', () => {
    expect(parseAll(SAMPLE)).toEqual([
      { line: 1, fields: ['id', 'question', 'answer'] },
      { line: 2, fields: ['f1', 'Shipping, how long?', 'Two days.\nSay "fast" if in doubt.'] },
      { line: 5, fields: ['f2', '多久发货', '48 小时'] },
      { line: 6, fields: ['f3', '', 'last'] },
    ])
  })

  it('gives the same records whatever the chunk boundaries', () => {
    const whole = parseAll(SAMPLE)
    for (const size of [1, 2, 3, 7]) expect(parseAll(SAMPLE, size)).toEqual(whole)
  })

  it('keeps an empty quoted field and a trailing empty field', () => {
    expect(parseAll('a,"",\n')).toEqual([{ line: 1, fields: ['a', '', ''] }])
  })

  it('rejects a quoted field that never closes, naming the line it started on', () => {
    const p = new CsvParser()
    p.push('id,answer\nf1,"open\nstill open')
    let err: unknown
    try {
      p.end()
    } catch (e) {
      err = e
    }
    expect(AppError.isInstance(err) && err.code).toBe('invalid_input')
    expect(AppError.isInstance(err) && err.options.details).toEqual({ line: 2 })
  })
})
