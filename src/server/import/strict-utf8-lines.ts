/**
 * Strict decoding of an import file: the bytes are split at newlines (a 0x0A byte never occurs
 * inside a multi-byte UTF-8 sequence, so line numbers are exact) and each line is decoded with a
 * fatal UTF-8 decoder. A line that is not valid UTF-8, or that carries a NUL character (which
 * PostgreSQL cannot store), is reported with its number instead of silently becoming U+FFFD.
 */
import { Transform, type TransformCallback } from 'node:stream'

export type LineProblem = { line: number; message: string }

/**
 * A transform from raw bytes to checked UTF-8 text; `onProblem` hears about every bad line (the
 * text passed on for it has the bad bytes replaced, so parsing can go on and report more).
 *
 * @example
 * createReadStream(path).pipe(strictUtf8Lines((p) => bag.add({ file, line: p.line, field: '(encoding)', message: p.message })))
 */
export function strictUtf8Lines(onProblem: (p: LineProblem) => void): Transform {
  const fatal = new TextDecoder('utf-8', { fatal: true })
  const lenient = new TextDecoder('utf-8')
  let rest: Buffer = Buffer.alloc(0)
  let line = 0
  const decodeLine = (bytes: Buffer): string => {
    line++
    let text: string
    try {
      text = fatal.decode(bytes)
    } catch {
      onProblem({ line, message: 'not valid UTF-8 (save the file as UTF-8)' })
      return lenient.decode(bytes)
    }
    if (text.includes('\u0000')) {
      onProblem({ line, message: 'contains a NUL character (U+0000)' })
      return text.replaceAll('\u0000', '')
    }
    return text
  }
  return new Transform({
    decodeStrings: true,
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      let buf = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk
      let out = ''
      for (let nl = buf.indexOf(0x0a); nl >= 0; nl = buf.indexOf(0x0a)) {
        out += `${decodeLine(buf.subarray(0, nl + 1))}`
        buf = buf.subarray(nl + 1)
      }
      rest = Buffer.from(buf)
      done(null, out)
    },
    flush(done: TransformCallback) {
      done(null, rest.length > 0 ? decodeLine(rest) : '')
    },
  })
}
