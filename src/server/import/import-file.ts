/**
 * Catalog importers: JSONL for every kind, CSV also for FAQ. Every row of every file is validated
 * (zod schemas of src/core/domain/schemas.ts, duplicate ids, referential checks) before anything
 * is written; then all rows are upserted by id in one transaction. A file with a bad row is
 * rejected whole and nothing of it is stored.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { createInterface } from 'node:readline'
import type { ZodType } from 'zod'
import {
  type Customer,
  type FaqEntry,
  type Fault,
  IMPORT_KINDS,
  type ImportKind,
  importSchemas,
  type Order,
  type Product,
} from '../../core/domain/schemas.js'
import { AppError } from '../../core/errors.js'
import type { Store } from '../../core/ports/store.js'
import { stripNul } from '../http/strip-nul.js'
import { CsvParser } from './csv-parser.js'
import { strictUtf8Lines } from './strict-utf8-lines.js'

/** One problem in an input file. `line` is 1-based; `field` is a dotted path such as `items.0.qty`. */
export type ImportError = { file: string; line: number; field: string; message: string }

export type ImportProgress = {
  kind: ImportKind
  file: string
  phase: 'validate' | 'write'
  /** Rows validated (validate phase) or written (write phase) so far. */
  rows: number
  /** Known in the write phase: rows to write. */
  totalRows?: number
  /** Bytes of the file read so far (validate phase). */
  bytes: number
  totalBytes: number
}

export type ImportOptions = {
  shopId: string
  onProgress?: (p: ImportProgress) => void
  /** Report progress every this many rows; default 1000. */
  progressEvery?: number
  /** Rows per upsertMany call in the write phase; default 500. */
  batchSize?: number
  /** Rewrites each raw row before validation (the demo loader moves timestamps to today). */
  transform?: (kind: ImportKind, row: Record<string, unknown>) => unknown
}

export type ImportResult = {
  kind: ImportKind
  file: string
  read: number
  inserted: number
  updated: number
  /**
   * Problems that do not block the import (the first MAX_REPORTED_ERRORS), e.g. an order item
   * whose SKU is not in the catalog: order status still works, product details do not.
   */
  warnings: ImportError[]
  warningCount: number
}

/** The validation report carried as `details` of the invalid_input AppError. */
export type ImportErrorDetails = { errors: ImportError[]; total: number }

/** At most this many errors are kept; `total` still counts all of them. */
export const MAX_REPORTED_ERRORS = 20

// The field that identifies a record of each kind (upsert key, duplicate check).
const KEY: Record<ImportKind, string> = {
  products: 'sku',
  faq: 'id',
  customers: 'id',
  orders: 'orderNo',
  faults: 'id',
}

// Written in this order so that, within one import set, customers exist before their orders.
const WRITE_ORDER: readonly ImportKind[] = ['products', 'faq', 'customers', 'orders', 'faults']

const FAQ_CSV_COLUMNS = ['id', 'question', 'answer', 'similar', 'category', 'locale', 'status'] as const
const FAQ_CSV_REQUIRED = ['id', 'question', 'answer', 'category', 'locale'] as const

type Row = { line: number; value: Record<string, unknown> }
type ParsedFile = { kind: ImportKind; path: string; name: string; rows: Row[]; totalBytes: number }

/** Collects errors: keeps the first MAX_REPORTED_ERRORS, counts all. */
class ErrorBag {
  readonly errors: ImportError[] = []
  total = 0
  add(e: ImportError): void {
    this.total++
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push(e)
  }
}

/**
 * Imports one file of one kind into a shop: validates every row, then upserts all of them in one
 * transaction. Throws AppError('invalid_input', …, {details: {errors, total}}) and stores nothing
 * when any row is bad.
 *
 * @example
 * const r = await importFile(store, 'products', 'data/demo/products.jsonl', { shopId: 'demo' })
 * // → { kind: 'products', file: 'data/demo/products.jsonl', read: 210, inserted: 210, updated: 0 }
 */
export async function importFile(
  store: Store,
  kind: ImportKind,
  filePath: string,
  opts: ImportOptions,
): Promise<ImportResult> {
  const [result] = await importFiles(store, [{ kind, path: filePath }], opts)
  return result!
}

/**
 * Imports several files as one set: all are validated first (orders may refer to customers of the
 * same set), then all are written in one transaction, so either every file is stored or none.
 */
export async function importFiles(
  store: Store,
  files: Array<{ kind: ImportKind; path: string }>,
  opts: ImportOptions,
): Promise<ImportResult[]> {
  for (const f of files) {
    if (!(IMPORT_KINDS as readonly string[]).includes(f.kind)) {
      throw new AppError('invalid_input', `unknown import kind '${f.kind}' (expected ${IMPORT_KINDS.join(', ')})`)
    }
  }
  const shop = await store.shops.get(opts.shopId)
  if (!shop) throw new AppError('not_found', `shop '${opts.shopId}' does not exist`)

  const bag = new ErrorBag()
  const parsed: ParsedFile[] = []
  for (const f of files) parsed.push(await readAndValidate(f.kind, f.path, bag, opts))
  // Runs on the rows that passed the schema, so one pass reports every kind of problem.
  await checkReferences(store, opts.shopId, parsed, bag)
  const warnings = new Map<ParsedFile, ErrorBag>()
  if (bag.total === 0) for (const f of parsed) warnings.set(f, new ErrorBag())
  if (bag.total === 0) await checkSkus(store, opts.shopId, parsed, warnings)
  if (bag.total > 0) {
    const first = bag.errors[0]!
    const details: ImportErrorDetails = { errors: bag.errors, total: bag.total }
    throw new AppError(
      'invalid_input',
      `import rejected, nothing stored: ${bag.total} problem${bag.total === 1 ? '' : 's'} ` +
        `(first: ${first.file}:${first.line}: ${first.field}: ${first.message})`,
      { details },
    )
  }

  const every = Math.max(1, opts.progressEvery ?? 1000)
  const batchSize = Math.max(1, opts.batchSize ?? 500)
  const ordered = [...parsed].sort((a, b) => WRITE_ORDER.indexOf(a.kind) - WRITE_ORDER.indexOf(b.kind))
  const results = new Map<ParsedFile, ImportResult>()
  await store.transaction(async (tx) => {
    for (const file of ordered) {
      const repo = repoFor(tx, file.kind)
      // Ids are unique within the file, so the growth of the row count is the number of new ids.
      const before = await repo.count(opts.shopId)
      const values = file.rows.map((r) => r.value)
      const { totalBytes } = file
      let written = 0
      let lastReported = 0
      for (let i = 0; i < values.length; i += batchSize) {
        const batch = values.slice(i, i + batchSize)
        await repo.upsertMany(opts.shopId, batch)
        written += batch.length
        if (opts.onProgress && (written - lastReported >= every || written === values.length)) {
          lastReported = written
          opts.onProgress({
            kind: file.kind,
            file: file.path,
            phase: 'write',
            rows: written,
            totalRows: values.length,
            bytes: totalBytes,
            totalBytes,
          })
        }
      }
      const after = await repo.count(opts.shopId)
      const inserted = after - before
      results.set(file, {
        kind: file.kind,
        file: file.path,
        read: values.length,
        inserted,
        updated: values.length - inserted,
        warnings: warnings.get(file)?.errors ?? [],
        warningCount: warnings.get(file)?.total ?? 0,
      })
    }
    // Running servers compare this stamp to drop their cached indexes (knowledge, NLU catalog),
    // so `kefu import` next to a live server takes effect without a restart.
    const current = await tx.shops.get(opts.shopId)
    if (current) {
      await tx.shops.upsert({
        ...current,
        settings: { ...current.settings, catalogVersion: Number(current.settings.catalogVersion ?? 0) + 1 },
      })
    }
  })
  return parsed.map((f) => results.get(f)!)
}

type Repo = {
  upsertMany(shopId: string, rows: Array<Record<string, unknown>>): Promise<void>
  count(shopId: string): Promise<number>
}

function repoFor(store: Store, kind: ImportKind): Repo {
  // The rows were produced by importSchemas[kind], so they have exactly the record type of `kind`.
  switch (kind) {
    case 'products':
      return {
        upsertMany: (s, r) => store.products.upsertMany(s, r as Product[]),
        count: (s) => store.products.count(s),
      }
    case 'faq':
      return { upsertMany: (s, r) => store.faq.upsertMany(s, r as FaqEntry[]), count: (s) => store.faq.count(s) }
    case 'customers':
      return {
        upsertMany: (s, r) => store.customers.upsertMany(s, r as Customer[]),
        count: (s) => store.customers.count(s),
      }
    case 'orders':
      return { upsertMany: (s, r) => store.orders.upsertMany(s, r as Order[]), count: (s) => store.orders.count(s) }
    case 'faults':
      return { upsertMany: (s, r) => store.faults.upsertMany(s, r as Fault[]), count: (s) => store.faults.count(s) }
  }
}

async function readAndValidate(
  kind: ImportKind,
  path: string,
  bag: ErrorBag,
  opts: ImportOptions,
): Promise<ParsedFile> {
  const name = path
  let totalBytes: number
  try {
    const st = await stat(path)
    if (!st.isFile()) throw new AppError('invalid_input', `${path} is not a file`)
    totalBytes = st.size
  } catch (e) {
    if (AppError.isInstance(e)) throw e
    throw unreadable(path, e)
  }
  const csv = extname(path).toLowerCase() === '.csv'
  if (csv && kind !== 'faq') {
    throw new AppError('invalid_input', `${basename(path)}: CSV is accepted for faq only; use JSONL for ${kind}`)
  }
  const schema: ZodType = importSchemas[kind]
  const key = KEY[kind]
  const seen = new Map<string, number>()
  const rows: Row[] = []
  const every = Math.max(1, opts.progressEvery ?? 1000)
  const stream = createReadStream(path)
  // Bad bytes are reported with their line, never stored as replacement characters.
  const text = stream.pipe(
    strictUtf8Lines((p) => bag.add({ file: name, line: p.line, field: '(encoding)', message: p.message })),
  )
  text.setEncoding('utf8')
  stream.on('error', (e) => text.destroy(e))
  const progress = (force = false) => {
    if (opts.onProgress && (force || rows.length % every === 0)) {
      opts.onProgress({ kind, file: path, phase: 'validate', rows: rows.length, bytes: stream.bytesRead, totalBytes })
    }
  }

  const accept = (line: number, raw: unknown) => {
    const r = schema.safeParse(
      opts.transform && typeof raw === 'object' && raw !== null
        ? opts.transform(kind, raw as Record<string, unknown>)
        : raw,
    )
    if (!r.success) {
      for (const issue of r.error.issues) {
        bag.add({ file: name, line, field: issue.path.map(String).join('.') || '(row)', message: issue.message })
      }
      return
    }
    const value = r.data as Record<string, unknown>
    const id = String(value[key])
    const firstLine = seen.get(id)
    if (firstLine !== undefined) {
      bag.add({ file: name, line, field: key, message: `duplicate ${key} '${id}' (first on line ${firstLine})` })
      return
    }
    seen.set(id, line)
    rows.push({ line, value })
    progress()
  }

  try {
    if (csv) await readFaqCsv(text, name, bag, accept)
    else await readJsonl(text, name, bag, accept)
  } catch (e) {
    if (AppError.isInstance(e)) throw e
    throw unreadable(path, e)
  } finally {
    stream.destroy()
    text.destroy()
  }
  progress(true)
  return { kind, path, name, rows, totalBytes }
}

async function readJsonl(
  stream: NodeJS.ReadableStream,
  file: string,
  bag: ErrorBag,
  accept: (line: number, raw: unknown) => void,
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
      bag.add({ file, line: n, field: '(json)', message: `not valid JSON: ${(e as Error).message}` })
      continue
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      bag.add({ file, line: n, field: '(row)', message: 'each line must be one JSON object' })
      continue
    }
    if (stripNul(raw) !== raw) {
      bag.add({ file, line: n, field: '(json)', message: 'contains a NUL character (\\u0000)' })
      continue
    }
    accept(n, raw)
  }
}

async function readFaqCsv(
  stream: NodeJS.ReadableStream,
  file: string,
  bag: ErrorBag,
  accept: (line: number, raw: unknown) => void,
): Promise<void> {
  const parser = new CsvParser()
  let header: string[] | null = null
  let headerOk = true
  const handle = (rec: { line: number; fields: string[] }) => {
    if (!header) {
      header = rec.fields.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim())
      const unknown = header.filter((h) => !(FAQ_CSV_COLUMNS as readonly string[]).includes(h))
      const missing = FAQ_CSV_REQUIRED.filter((c) => !header!.includes(c))
      for (const u of unknown) {
        bag.add({
          file,
          line: rec.line,
          field: u || '(empty)',
          message: `unknown column (expected ${FAQ_CSV_COLUMNS.join(',')})`,
        })
      }
      for (const m of missing) bag.add({ file, line: rec.line, field: m, message: 'required column is missing' })
      headerOk = unknown.length === 0 && missing.length === 0
      return
    }
    if (!headerOk) return
    if (rec.fields.length !== header.length) {
      bag.add({
        file,
        line: rec.line,
        field: '(row)',
        message: `expected ${header.length} columns, found ${rec.fields.length}`,
      })
      return
    }
    const raw: Record<string, unknown> = {}
    header.forEach((h, i) => {
      const v = rec.fields[i] ?? ''
      if (h === 'similar') {
        raw.similar = v
          .split('|')
          .map((s) => s.trim())
          .filter(Boolean)
      } else if (h === 'status') {
        // An empty status cell means "use the default" (published).
        if (v.trim() !== '') raw.status = v.trim()
      } else raw[h] = h === 'id' || h === 'locale' || h === 'category' ? v.trim() : v
    })
    accept(rec.line, raw)
  }
  try {
    for await (const chunk of stream) for (const rec of parser.push(String(chunk))) handle(rec)
    for (const rec of parser.end()) handle(rec)
  } catch (e) {
    if (AppError.isInstance(e) && e.code === 'invalid_input') {
      const line = (e.options.details as { line?: number } | undefined)?.line ?? 0
      bag.add({ file, line, field: '(csv)', message: e.message })
      return
    }
    throw e
  }
}

/**
 * Referential checks across the set and the store: every order's customer must exist in the same
 * import set or already in the shop.
 */
async function checkReferences(store: Store, shopId: string, files: ParsedFile[], bag: ErrorBag): Promise<void> {
  const inSet = new Set<string>()
  for (const f of files) if (f.kind === 'customers') for (const r of f.rows) inSet.add(String(r.value.id))
  const known = new Map<string, boolean>()
  for (const f of files) {
    if (f.kind !== 'orders') continue
    for (const r of f.rows) {
      const customerId = String(r.value.customerId)
      if (inSet.has(customerId)) continue
      let ok = known.get(customerId)
      if (ok === undefined) {
        ok = (await store.customers.get(shopId, customerId)) !== null
        known.set(customerId, ok)
      }
      if (!ok) {
        bag.add({
          file: f.name,
          line: r.line,
          field: 'customerId',
          message: `unknown customer '${customerId}' (import the customer first or in the same set)`,
        })
      }
    }
  }
}

/** Order items whose SKU is neither in the shop's catalog nor in a products file of the set. */
async function checkSkus(
  store: Store,
  shopId: string,
  files: ParsedFile[],
  warnings: Map<ParsedFile, ErrorBag>,
): Promise<void> {
  const inSet = new Set<string>()
  for (const f of files) if (f.kind === 'products') for (const r of f.rows) inSet.add(String(r.value.sku))
  const known = new Map<string, boolean>()
  for (const f of files) {
    if (f.kind !== 'orders') continue
    const bag = warnings.get(f)!
    for (const r of f.rows) {
      const items = (r.value.items ?? []) as Array<{ sku: string }>
      for (const [i, item] of items.entries()) {
        if (inSet.has(item.sku)) continue
        let ok = known.get(item.sku)
        if (ok === undefined) {
          ok = (await store.products.get(shopId, item.sku)) !== null
          known.set(item.sku, ok)
        }
        if (!ok) bag.add({ file: f.name, line: r.line, field: `items.${i}.sku`, message: `unknown sku '${item.sku}'` })
      }
    }
  }
}

function unreadable(path: string, e: unknown): AppError {
  const code = (e as NodeJS.ErrnoException).code
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'is a directory'
          : String(code ?? e)
  return new AppError('invalid_input', `cannot read ${path}: ${why}`, { cause: e })
}
