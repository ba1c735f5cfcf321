/**
 * Reads a sheet — CSV (RFC 4180, UTF-8) or the first worksheet of an XLSX workbook (exceljs) — as a
 * header and rows of text cells with their line (CSV) or row number (XLSX), for table-to-rows.ts.
 */
import ExcelJS from 'exceljs'
import { AppError } from '../../core/errors.js'
import { CsvParser } from './csv-parser.js'
import type { TableRecord } from './table-to-rows.js'

export type Table = { header: TableRecord; records: TableRecord[] }

/** Reads CSV text; a broken quote is reported as `(csv)` on its line and ends the table there. */
export async function readCsvTable(
  stream: NodeJS.ReadableStream,
  problem: (p: { line: number; field: string; message: string }) => void,
  onRecord?: () => void,
): Promise<Table | null> {
  const parser = new CsvParser()
  const all: TableRecord[] = []
  const take = (recs: Array<{ line: number; fields: string[] }>) => {
    for (const r of recs) {
      all.push({ line: r.line, cells: r.fields })
      onRecord?.()
    }
  }
  try {
    for await (const chunk of stream) take(parser.push(String(chunk)))
    take(parser.end())
  } catch (e) {
    if (AppError.isInstance(e) && e.code === 'invalid_input') {
      const line = (e.options.details as { line?: number } | undefined)?.line ?? 0
      problem({ line, field: '(csv)', message: e.message })
      return null
    }
    throw e
  }
  const [header, ...records] = all
  return header ? { header, records } : null
}

/** Reads the first worksheet of an XLSX file; rows are numbered as Excel numbers them. */
export async function readXlsxTable(path: string): Promise<Table | null> {
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.readFile(path)
  } catch (e) {
    throw new AppError('invalid_input', `${path}: not a readable XLSX workbook: ${(e as Error).message}`, {
      cause: e,
    })
  }
  const sheet = wb.worksheets[0]
  if (!sheet) return null
  const rows: TableRecord[] = []
  sheet.eachRow((row, rowNumber) => {
    const cells: string[] = []
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value))
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop()
    if (cells.length > 0) rows.push({ line: rowNumber, cells })
  })
  const [header, ...records] = rows
  return header ? { header, records } : null
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A cell as text. Excel dates carry no time zone: exceljs gives the wall clock as UTC, written here
 * as `YYYY-MM-DD[ HH:mm:ss]` so the importer reads it in the shop's time zone like a typed date.
 */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (v instanceof Date) {
    const day = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`
    const h = v.getUTCHours()
    const m = v.getUTCMinutes()
    const s = v.getUTCSeconds()
    return h === 0 && m === 0 && s === 0 ? day : `${day} ${pad(h)}:${pad(m)}:${pad(s)}`
  }
  if ('richText' in v) return v.richText.map((t) => t.text).join('')
  if ('hyperlink' in v) return cellText(v.text as ExcelJS.CellValue)
  if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: ExcelJS.CellValue }).result)
  if ('error' in v) return String(v.error)
  return ''
}
