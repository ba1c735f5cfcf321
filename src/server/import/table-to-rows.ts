/**
 * Turns a sheet (CSV or XLSX: a header and rows of text cells) into the same raw objects a JSONL
 * line holds, so both go through the same normalisation and validation. Headers are renamed with
 * the `--map` mapping first. Orders come one row per order line: rows with the same `orderNo`
 * are one order, its fields from the first row (later rows may repeat them or leave them empty).
 */
import type { ImportKind } from '../../core/domain/schemas.js'
import { ATTRIBUTE_PREFIX, columnType, ORDER_LINE_COLUMNS, TABLE_COLUMNS } from './table-columns.js'

export type TableRecord = { line: number; cells: string[] }
export type TableProblem = { line: number; field: string; message: string }
/** One raw row; `itemLines[i]` is the sheet line of order line `i` (errors on `items.i.*` point there). */
export type TableRow = { line: number; raw: Record<string, unknown>; itemLines?: number[] }

export type TableOptions = {
  /** Header → field (`--map`). */
  map: ReadonlyMap<string, string>
  /** Headers left out on purpose (`--ignore`). */
  ignore: ReadonlySet<string>
}

/**
 * Converts a sheet of `kind`. Header problems (unknown or missing columns, a mapped column that is
 * not there) stop the conversion; cell problems (bad JSON) are reported per line and the row skipped.
 */
export function tableToRows(
  kind: ImportKind,
  header: { line: number; cells: string[] },
  records: TableRecord[],
  opts: TableOptions,
  problem: (p: TableProblem) => void,
): TableRow[] {
  const names = header.cells.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim())
  let ok = true
  for (const source of opts.map.keys()) {
    if (!names.includes(source)) {
      problem({ line: header.line, field: source, message: `mapped column '${source}' is not in the header` })
      ok = false
    }
  }
  const fields = names.map((n) => (opts.ignore.has(n) ? null : (opts.map.get(n) ?? n)))
  const expected = Object.keys(TABLE_COLUMNS[kind]).join(',')
  const seen = new Set<string>()
  for (const [i, f] of fields.entries()) {
    if (f === null) continue
    if (f === '' && records.every((r) => (r.cells[i] ?? '').trim() === '')) {
      fields[i] = null // an unnamed, empty column (a trailing comma, a spacer column)
      continue
    }
    if (!columnType(kind, f)) {
      const hint = /^[\x20-\x7e]*$/.test(f) ? '' : ` (map it with --map FIELD=${f} or leave it out with --ignore ${f})`
      problem({ line: header.line, field: f || '(empty)', message: `unknown column (expected ${expected})${hint}` })
      ok = false
    } else if (seen.has(f)) {
      problem({ line: header.line, field: f, message: 'column appears twice' })
      ok = false
    }
    seen.add(f)
  }
  for (const req of REQUIRED[kind]) {
    if (!seen.has(req) && !(kind === 'orders' && req === 'items' && seen.has('items.sku'))) {
      problem({ line: header.line, field: req, message: 'required column is missing' })
      ok = false
    }
  }
  if (!ok) return []

  const rows: TableRow[] = []
  const byOrder = new Map<string, TableRow>()
  for (const rec of records) {
    if (rec.cells.length > names.length && rec.cells.slice(names.length).some((c) => c.trim() !== '')) {
      problem({
        line: rec.line,
        field: '(row)',
        message: `expected ${names.length} columns, found ${rec.cells.length}`,
      })
      continue
    }
    if (rec.cells.length < names.length && kind === 'faq') {
      // Kept from the FAQ CSV format: a short row is a broken row (a stray line break), not empty cells.
      problem({
        line: rec.line,
        field: '(row)',
        message: `expected ${names.length} columns, found ${rec.cells.length}`,
      })
      continue
    }
    const raw: Record<string, unknown> = {}
    const line: Record<string, unknown> = {}
    let bad = false
    for (const [i, f] of fields.entries()) {
      if (f === null) continue
      const cell = rec.cells[i] ?? ''
      if (cell.trim() === '') continue
      const type = columnType(kind, f)!
      let value: unknown
      if (type === 'json') {
        try {
          value = JSON.parse(cell)
        } catch (e) {
          problem({ line: rec.line, field: f, message: `not valid JSON: ${(e as Error).message}` })
          bad = true
          continue
        }
      } else if (type === 'list') {
        const parts = cell
          .split('|')
          .map((s) => s.trim())
          .filter(Boolean)
        value = f.startsWith(ATTRIBUTE_PREFIX) && parts.length === 1 ? parts[0] : parts
      } else value = TRIMMED.has(f) ? cell.trim() : cell
      if (kind === 'orders' && ORDER_LINE_COLUMNS.includes(f)) line[f.slice('items.'.length)] = value
      else setPath(raw, f, value)
    }
    if (bad) continue
    if (kind !== 'orders') {
      rows.push({ line: rec.line, raw })
      continue
    }
    const orderNo = typeof raw.orderNo === 'string' ? raw.orderNo : ''
    const existing = orderNo ? byOrder.get(orderNo) : undefined
    if (!existing) {
      const row: TableRow = { line: rec.line, raw, itemLines: [] }
      if (Object.keys(line).length > 0) {
        row.raw.items = [...((row.raw.items as unknown[] | undefined) ?? []), line]
        row.itemLines!.push(rec.line)
      }
      rows.push(row)
      if (orderNo) byOrder.set(orderNo, row)
      continue
    }
    const clash = firstClash(existing.raw, raw)
    if (clash) {
      problem({
        line: rec.line,
        field: clash,
        message: `differs from line ${existing.line} of the same order ${orderNo} (an order's fields go on its first row; later rows hold only order lines)`,
      })
      continue
    }
    if (Object.keys(line).length > 0) {
      existing.raw.items = [...((existing.raw.items as unknown[] | undefined) ?? []), line]
      existing.itemLines!.push(rec.line)
    }
  }
  return rows
}

const REQUIRED: Record<ImportKind, string[]> = {
  products: ['sku', 'title', 'category', 'brand', 'price', 'stock'],
  faq: ['id', 'question', 'answer', 'category', 'locale'],
  customers: ['id', 'name', 'phone'],
  orders: ['orderNo', 'customerId', 'status', 'items', 'total', 'createdAt'],
  faults: ['id', 'category', 'symptom', 'solutions'],
}

// Identifiers and codes lose surrounding spaces; free text (titles, answers) is kept as written.
const TRIMMED = new Set(['id', 'sku', 'orderNo', 'customerId', 'locale', 'localeTag', 'category', 'status', 'tier'])

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.')
  let node = target
  for (const p of parts.slice(0, -1)) {
    const next = node[p]
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[p] = {}
    node = node[p] as Record<string, unknown>
  }
  node[parts[parts.length - 1]!] = value
}

/** The first order-level field a continuation row sets to something other than the first row's. */
function firstClash(first: Record<string, unknown>, later: Record<string, unknown>, prefix = ''): string | null {
  for (const [k, v] of Object.entries(later)) {
    const a = first[k]
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && typeof a === 'object' && a !== null) {
      const inner = firstClash(a as Record<string, unknown>, v as Record<string, unknown>, `${prefix}${k}.`)
      if (inner) return inner
    } else if (JSON.stringify(a) !== JSON.stringify(v)) return `${prefix}${k}`
  }
  return null
}
