/**
 * Catalog importers: JSONL, CSV and XLSX for every kind (sheets: table-columns.ts). Every row is
 * normalised (locales, dates in the shop's time zone, numbers as text, tiers: core/domain/normalise)
 * and validated (zod schemas of src/core/domain/schemas.ts, duplicate ids, referential checks)
 * before anything is written; then all rows are upserted by id — products in short transactions
 * of one batch each (with an undo journal), the rest and the catalog stamp in one final one. A file
 * with a bad row is rejected whole and nothing of it is stored; a write that fails undoes the
 * import. A dry run stops before writing and says what would change.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { extname } from 'node:path'
import type { ZodType } from 'zod'
import {
  type Normalisation,
  NormalisationLog,
  type NormaliseContext,
  normaliseRow,
  shopNormaliseContext,
} from '../../core/domain/normalise/normalise-row.js'
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
import { checkReferences, checkSkus } from './check-references.js'
import { planImport } from './plan-import.js'
import { readJsonl } from './read-jsonl.js'
import { readCsvTable, readXlsxTable } from './read-table.js'
import { strictUtf8Lines } from './strict-utf8-lines.js'
import { tableToRows } from './table-to-rows.js'

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
  /** Validate and compare with the stored records, write nothing. */
  dryRun?: boolean
  /** Sheet header (or JSONL key) → field, from `--map field=header,…`. */
  map?: ReadonlyMap<string, string>
  /** Sheet headers to leave out. */
  ignore?: readonly string[]
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
  /** Values rewritten into kefu's form (locales, dates, numbers, currency, tiers), counted by kind of change. */
  normalisations: Normalisation[]
  /** Set on a dry run: nothing was written; `inserted`/`updated` are what would be, plus `unchanged`. */
  dryRun?: true
  unchanged?: number
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
 * Imports one file of one kind into a shop: validates every row, then upserts all of them
 * (all-or-nothing, see importFiles). Throws AppError('invalid_input', …, {details: {errors, total}}) and stores nothing
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
 * same set), then all are written, so either every file is stored or none: products batch by batch
 * (SQLite's write lock is held one batch at a time, so the server's own writes never wait for the
 * whole import), the other kinds and the `catalogVersion` stamp running servers watch in one final
 * transaction; a failed write plays the products' undo journal back.
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
  if (!shop) {
    throw new AppError(
      'not_found',
      `shop '${opts.shopId}' does not exist; create it first: kefu shop create ${opts.shopId} --name "…" [--timezone Asia/Shanghai] [--currency CNY]`,
    )
  }
  const norm: NormaliseContext = shopNormaliseContext(shop.settings)

  const bag = new ErrorBag()
  const parsed: ParsedFile[] = []
  const logs = new Map<ParsedFile, NormalisationLog>()
  for (const f of files) {
    const log = new NormalisationLog()
    const p = await readAndValidate(f.kind, f.path, bag, opts, norm, log)
    parsed.push(p)
    logs.set(p, log)
  }
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

  if (opts.dryRun) {
    const out: ImportResult[] = []
    for (const f of parsed) {
      const values = f.rows.map((r) => r.value)
      const plan = await planImport(store, opts.shopId, f.kind, KEY[f.kind], values)
      out.push({
        kind: f.kind,
        file: f.path,
        read: values.length,
        ...plan,
        warnings: warnings.get(f)?.errors ?? [],
        warningCount: warnings.get(f)?.total ?? 0,
        normalisations: logs.get(f)?.list() ?? [],
        dryRun: true,
      })
    }
    return out
  }

  const every = Math.max(1, opts.progressEvery ?? 1000)
  const batchSize = Math.max(1, opts.batchSize ?? 500)
  const ordered = [...parsed].sort((a, b) => WRITE_ORDER.indexOf(a.kind) - WRITE_ORDER.indexOf(b.kind))
  const results = new Map<ParsedFile, ImportResult>()
  const resultOf = (file: ParsedFile, inserted: number): ImportResult => ({
    kind: file.kind,
    file: file.path,
    read: file.rows.length,
    inserted,
    updated: file.rows.length - inserted,
    warnings: warnings.get(file)?.errors ?? [],
    warningCount: warnings.get(file)?.total ?? 0,
    normalisations: logs.get(file)?.list() ?? [],
  })
  const progress = (file: ParsedFile, written: number) =>
    opts.onProgress?.({
      kind: file.kind,
      file: file.path,
      phase: 'write',
      rows: written,
      totalRows: file.rows.length,
      bytes: file.totalBytes,
      totalBytes: file.totalBytes,
    })
  // Products (the large kind: 100,000 rows) are written in short transactions, one per batch, so
  // that SQLite's single write lock is never held for long and the customers' turns that write
  // wait at most one batch; what they replace is kept in an undo journal.
  const journal = new ProductUndoJournal()
  try {
    for (const file of ordered.filter((f) => f.kind === 'products')) {
      const values = file.rows.map((r) => r.value as Product)
      let inserted = 0
      let lastReported = 0
      for (let i = 0; i < values.length; i += batchSize) {
        const batch = values.slice(i, i + batchSize)
        const started = performance.now()
        await store.transaction(async (tx) => {
          const before = await tx.products.getMany(
            opts.shopId,
            batch.map((p) => p.sku),
          )
          inserted += journal.record(batch, before)
          await tx.products.upsertMany(opts.shopId, batch)
        })
        const written = Math.min(values.length, i + batchSize)
        if (written - lastReported >= every || written === values.length) {
          lastReported = written
          progress(file, written)
        }
        // SQLite has one writer: leave its lock free for about as long as this batch held it.
        // (PostgreSQL locks rows, so other writers never wait for the import there.)
        if (store.dialect === 'sqlite' && written < values.length)
          await sleep(Math.min(50, Math.max(5, performance.now() - started)))
      }
      results.set(file, resultOf(file, inserted))
    }
    // Everything else, and the stamp that makes running servers switch to the new catalog, in one
    // transaction: customers see the products of the import all at once (docs/imports.md).
    await store.transaction(async (tx) => {
      for (const file of ordered.filter((f) => f.kind !== 'products')) {
        const repo = repoFor(tx, file.kind)
        // Ids are unique within the file, so the growth of the row count is the number of new ids.
        const before = await repo.count(opts.shopId)
        const values = file.rows.map((r) => r.value)
        let written = 0
        let lastReported = 0
        for (let i = 0; i < values.length; i += batchSize) {
          const batch = values.slice(i, i + batchSize)
          await repo.upsertMany(opts.shopId, batch)
          written += batch.length
          if (written - lastReported >= every || written === values.length) {
            lastReported = written
            progress(file, written)
          }
        }
        results.set(file, resultOf(file, (await repo.count(opts.shopId)) - before))
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
  } catch (e) {
    await journal.undo(store, opts.shopId, batchSize)
    throw e
  }
  return parsed.map((f) => results.get(f)!)
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * What the batches of a product import replaced: the stored row of each SKU before its first
 * write (null = the SKU was new). A failed import puts these back, so it stores nothing.
 */
class ProductUndoJournal {
  readonly #before = new Map<string, Product | null>()

  /** Records a batch about to be written; returns how many of its SKUs are new. */
  record(batch: readonly Product[], stored: readonly Product[]): number {
    const found = new Map(stored.map((p) => [p.sku, p]))
    let inserted = 0
    for (const p of batch) {
      const prior = found.get(p.sku) ?? null
      if (!prior) inserted++
      if (!this.#before.has(p.sku)) this.#before.set(p.sku, prior)
    }
    return inserted
  }

  /** Restores every recorded row (deletes the new ones), in batches. */
  async undo(store: Store, shopId: string, batchSize: number): Promise<void> {
    const entries = [...this.#before]
    for (let i = 0; i < entries.length; i += batchSize) {
      const batch = entries.slice(i, i + batchSize)
      await store.transaction(async (tx) => {
        await tx.products.deleteMany(
          shopId,
          batch.filter(([, p]) => !p).map(([sku]) => sku),
        )
        await tx.products.upsertMany(
          shopId,
          batch.flatMap(([, p]) => (p ? [p] : [])),
        )
      })
    }
  }
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
  norm: NormaliseContext,
  log: NormalisationLog,
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
  const format = formatOf(path)
  const schema: ZodType = importSchemas[kind]
  const key = KEY[kind]
  const seen = new Map<string, number>()
  const rows: Row[] = []
  const every = Math.max(1, opts.progressEvery ?? 1000)
  const map = opts.map ?? new Map<string, string>()
  let bytesRead = () => totalBytes
  const progress = (force = false) => {
    if (opts.onProgress && (force || rows.length % every === 0)) {
      opts.onProgress({ kind, file: path, phase: 'validate', rows: rows.length, bytes: bytesRead(), totalBytes })
    }
  }
  const problem = (p: { line: number; field: string; message: string }) => bag.add({ file: name, ...p })

  const accept = (line: number, input: Record<string, unknown>, itemLines?: number[]) => {
    let raw = input
    if (format === 'jsonl' && map.size > 0) raw = renameKeys(raw, map)
    if (opts.transform) raw = opts.transform(kind, raw) as Record<string, unknown>
    const n = normaliseRow(kind, raw, norm, log)
    for (const p of n.problems) bag.add({ file: name, line, ...p })
    if (n.problems.length > 0) return
    const r = schema.safeParse(n.row)
    if (!r.success) {
      for (const issue of r.error.issues) {
        // An order line of a sheet is its own row: point at it.
        const at =
          issue.path[0] === 'items' && typeof issue.path[1] === 'number' ? itemLines?.[issue.path[1]] : undefined
        bag.add({
          file: name,
          line: at ?? line,
          field: issue.path.map(String).join('.') || '(row)',
          message: issue.message,
        })
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
    if (format === 'xlsx') {
      const table = await readXlsxTable(path)
      if (!table) throw new AppError('invalid_input', `${path}: the first worksheet is empty`)
      for (const t of tableToRows(kind, table.header, table.records, tableOpts(opts), problem)) {
        accept(t.line, t.raw, t.itemLines)
      }
    } else {
      const stream = createReadStream(path)
      bytesRead = () => stream.bytesRead
      // Bad bytes are reported with their line, never stored as replacement characters.
      const text = stream.pipe(
        strictUtf8Lines((p) => bag.add({ file: name, line: p.line, field: '(encoding)', message: p.message })),
      )
      text.setEncoding('utf8')
      stream.on('error', (e) => text.destroy(e))
      try {
        if (format === 'csv') {
          const table = await readCsvTable(text, problem)
          if (table) {
            for (const t of tableToRows(kind, table.header, table.records, tableOpts(opts), problem)) {
              accept(t.line, t.raw, t.itemLines)
            }
          }
        } else await readJsonl(text, problem, accept)
      } finally {
        stream.destroy()
        text.destroy()
      }
    }
  } catch (e) {
    if (AppError.isInstance(e)) throw e
    throw unreadable(path, e)
  }
  progress(true)
  return { kind, path, name, rows, totalBytes }
}

function formatOf(path: string): 'jsonl' | 'csv' | 'xlsx' {
  const ext = extname(path).toLowerCase()
  return ext === '.csv' ? 'csv' : ext === '.xlsx' ? 'xlsx' : 'jsonl'
}

function tableOpts(opts: ImportOptions) {
  return { map: opts.map ?? new Map<string, string>(), ignore: new Set(opts.ignore ?? []) }
}

/** `--map` on a JSONL file renames its top-level keys. */
function renameKeys(raw: Record<string, unknown>, map: ReadonlyMap<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(raw)) out[map.get(k) ?? k] = v
  return out
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
