/**
 * A small streaming RFC 4180 CSV parser: comma separated, `"` quoted fields that may hold commas,
 * doubled quotes and line breaks. Fed text chunks of any size; each record carries the line it
 * started on, so errors can point at the right place in the file.
 */
import { AppError } from '../../core/errors.js'

export type CsvRecord = { line: number; fields: string[] }

/**
 * @example
 * const p = new CsvParser()
 * for await (const chunk of stream) for (const rec of p.push(chunk)) handle(rec)
 * for (const rec of p.end()) handle(rec)
 */
export class CsvParser {
  private field = ''
  private fields: string[] = []
  private inQuotes = false
  // Saw `"` inside a quoted field: either an escaped quote (next is `"`) or the closing quote.
  private quotePending = false
  private wasQuoted = false
  private pendingCr = false
  private line = 1
  private recordLine = 1

  /** Parses a chunk; returns the records it completed. */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = []
    for (const c of chunk) {
      if (this.pendingCr) {
        this.pendingCr = false
        if (c === '\n') continue
      }
      if (this.quotePending) {
        this.quotePending = false
        if (c === '"') {
          this.field += '"'
          continue
        }
        this.inQuotes = false
      }
      if (this.inQuotes) {
        if (c === '"') this.quotePending = true
        else {
          if (c === '\n') this.line++
          this.field += c
        }
        continue
      }
      if (c === ',') this.endField()
      else if (c === '\n' || c === '\r') {
        this.endRecord(out)
        this.line++
        this.recordLine = this.line
        if (c === '\r') this.pendingCr = true
      } else if (c === '"' && this.field === '' && !this.wasQuoted) {
        this.inQuotes = true
        this.wasQuoted = true
      } else this.field += c
    }
    return out
  }

  /** Flushes the last record; throws invalid_input when a quoted field never closes. */
  end(): CsvRecord[] {
    if (this.quotePending) {
      this.quotePending = false
      this.inQuotes = false
    }
    if (this.inQuotes) {
      throw new AppError('invalid_input', `unterminated quoted field starting on line ${this.recordLine}`, {
        details: { line: this.recordLine },
      })
    }
    const out: CsvRecord[] = []
    this.endRecord(out)
    return out
  }

  private endField(): void {
    // Quoted fields keep their line breaks; normalise Windows CRLF inside them to \n.
    this.fields.push(this.wasQuoted ? this.field.replace(/\r\n?/g, '\n') : this.field)
    this.field = ''
    this.wasQuoted = false
  }

  private endRecord(out: CsvRecord[]): void {
    const blank = this.fields.length === 0 && this.field === '' && !this.wasQuoted
    this.endField()
    if (!blank) out.push({ line: this.recordLine, fields: this.fields })
    this.fields = []
  }
}
