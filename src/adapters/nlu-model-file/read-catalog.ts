/** Reads a products JSONL file into catalog items for product entities. */
import { readFileSync } from 'node:fs'
import { AppError } from '../../core/errors.js'
import type { CatalogItem } from '../../core/nlu/extract-entities.js'

/** Loads `{sku, title, brand?, aliases?}` rows; other fields are ignored. */
export function readLabelledCatalog(file: string): CatalogItem[] {
  let raw: string
  try {
    raw = readFileSync(file, 'utf8')
  } catch (e) {
    throw new AppError('not_found', `cannot read ${file}: ${(e as Error).message}`, { cause: e })
  }
  const out: CatalogItem[] = []
  raw.split('\n').forEach((l, i) => {
    if (!l.trim()) return
    let row: Record<string, unknown>
    try {
      row = JSON.parse(l) as Record<string, unknown>
    } catch {
      throw new AppError('invalid_input', `${file}:${i + 1}: invalid JSON line`)
    }
    if (typeof row.sku !== 'string' || typeof row.title !== 'string') {
      throw new AppError('invalid_input', `${file}:${i + 1}: sku and title are required`)
    }
    out.push({
      sku: row.sku,
      title: row.title,
      ...(typeof row.brand === 'string' ? { brand: row.brand } : {}),
      ...(Array.isArray(row.aliases) ? { aliases: row.aliases.filter((a): a is string => typeof a === 'string') } : {}),
    })
  })
  return out
}
