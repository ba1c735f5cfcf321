/** Reads a JSONL stream: one JSON object per line; blank lines skipped, bad lines reported. */
import { createInterface } from 'node:readline'
import { stripNul } from '../http/strip-nul.js'

export type LineProblem = { line: number; field: string; message: string }

export async function readJsonl(
  stream: NodeJS.ReadableStream,
  problem: (p: LineProblem) => void,
  accept: (line: number, raw: Record<string, unknown>) => void,
): Promise<void> {
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })
  let n = 0
  for await (const text of lines) {
    n++
    const t = (n === 1 ? text.replace(/^\uFEFF/, '') : text).trim()
    if (t === '') continue
    let raw: unknown
    try {
      raw = JSON.parse(t)
    } catch (e) {
      problem({ line: n, field: '(json)', message: `not valid JSON: ${(e as Error).message}` })
      continue
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problem({ line: n, field: '(row)', message: 'each line must be one JSON object' })
      continue
    }
    if (stripNul(raw) !== raw) {
      problem({ line: n, field: '(json)', message: 'contains a NUL character (\\u0000)' })
      continue
    }
    accept(n, raw as Record<string, unknown>)
  }
}
