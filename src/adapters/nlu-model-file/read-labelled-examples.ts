/**
 * Reads labelled intent examples from JSONL (`{text, label}`) or CSV (`text,label` header) files,
 * detecting the field names the public datasets use (`text`/`instruction`/`utterance`,
 * `label`/`intent`/`category`) unless they are given.
 */
import { readFileSync } from 'node:fs'
import { AppError } from '../../core/errors.js'
import type { LabelledExample } from '../../core/nlu/train-intent-model.js'

const TEXT_FIELDS = ['text', 'instruction', 'utterance', 'query', 'sentence', 'message']
const LABEL_FIELDS = ['label', 'intent', 'category']

export type LabelledFileOptions = { textField?: string; labelField?: string }

/** A labelled example plus the extra columns of its row (e.g. `locale`). */
export type LabelledRow = LabelledExample & { locale?: string }

/**
 * Loads a labelled file. Throws `not_found` for a missing file and `invalid_input` (with the
 * line number) for rows without the text or label field.
 */
export function readLabelledExamples(file: string, opts: LabelledFileOptions = {}): LabelledRow[] {
  let raw: string
  try {
    raw = readFileSync(file, 'utf8')
  } catch (e) {
    throw new AppError('not_found', `cannot read ${file}: ${(e as Error).message}`, { cause: e })
  }
  const records = file.toLowerCase().endsWith('.csv') ? parseCsv(raw, file) : parseJsonl(raw, file)
  if (records.length === 0) throw new AppError('invalid_input', `${file} has no rows`)
  const first = records[0]!.row
  const textField = opts.textField ?? TEXT_FIELDS.find((f) => f in first)
  const labelField = opts.labelField ?? LABEL_FIELDS.find((f) => f in first)
  if (!textField || !(textField in first)) {
    throw new AppError('invalid_input', `${file}: no text field (tried ${TEXT_FIELDS.join(', ')}); use --text-field`)
  }
  if (!labelField || !(labelField in first)) {
    throw new AppError('invalid_input', `${file}: no label field (tried ${LABEL_FIELDS.join(', ')}); use --label-field`)
  }
  return records.map(({ row, line }) => {
    const text = row[textField]
    const label = row[labelField]
    if (typeof text !== 'string' || (typeof label !== 'string' && typeof label !== 'number')) {
      throw new AppError('invalid_input', `${file}:${line}: missing ${textField} or ${labelField}`)
    }
    const out: LabelledRow = { text, label: String(label) }
    if (typeof row.locale === 'string') out.locale = row.locale
    return out
  })
}

type Rec = { row: Record<string, unknown>; line: number }

function parseJsonl(raw: string, file: string): Rec[] {
  const out: Rec[] = []
  const lines = raw.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.trim()
    if (!l) continue
    try {
      const v = JSON.parse(l) as unknown
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object')
      out.push({ row: v as Record<string, unknown>, line: i + 1 })
    } catch (e) {
      throw new AppError('invalid_input', `${file}:${i + 1}: invalid JSON line (${(e as Error).message})`)
    }
  }
  return out
}

/** RFC 4180 CSV: quoted fields, doubled quotes, newlines inside quotes. */
function parseCsv(raw: string, file: string): Rec[] {
  const rows: { cells: string[]; line: number }[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let rowLine = 1
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!
    if (quoted) {
      if (ch === '"') {
        if (raw[i + 1] === '"') {
          cell += '"'
          i++
        } else quoted = false
      } else {
        if (ch === '\n') line++
        cell += ch
      }
    } else if (ch === '"' && cell === '') quoted = true
    else if (ch === ',') {
      cells.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && raw[i + 1] === '\n') i++
      cells.push(cell)
      if (cells.length > 1 || cells[0] !== '') rows.push({ cells, line: rowLine })
      cells = []
      cell = ''
      line++
      rowLine = line
    } else cell += ch
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell)
    rows.push({ cells, line: rowLine })
  }
  const header = rows.shift()
  if (!header) throw new AppError('invalid_input', `${file}: empty CSV`)
  return rows.map(({ cells: c, line: l }) => {
    if (c.length !== header.cells.length) {
      throw new AppError('invalid_input', `${file}:${l}: ${c.length} columns, header has ${header.cells.length}`)
    }
    return { row: Object.fromEntries(header.cells.map((h, i) => [h.trim(), c[i]])), line: l }
  })
}
