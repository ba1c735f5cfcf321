/**
 * `kefu import <products|faq|customers|orders|faults> FILE [--shop ID] [--map …] [--dry-run] [--json]`:
 * normalises and validates a JSONL, CSV or XLSX file whole, then upserts it by id into an existing
 * shop (`kefu shop create` first), reporting every normalisation.
 */
import { parseArgs } from 'node:util'
import { openStore } from '../../adapters/open-store.js'
import { IMPORT_KINDS, type ImportKind } from '../../core/domain/schemas.js'
import { AppError } from '../../core/errors.js'
import { parseConfig } from '../../server/config/schema.js'
import { describeNormalisation } from '../../server/import/describe-normalisation.js'
import {
  type ImportErrorDetails,
  type ImportProgress,
  type ImportResult,
  importFile,
} from '../../server/import/import-file.js'
import { parseColumnMap } from '../../server/import/table-columns.js'

const USAGE = `usage: kefu import <${IMPORT_KINDS.join('|')}> FILE [--shop ID] [--map F=COL,…] [--ignore COL,…] [--dry-run] [--json]

  FILE       .jsonl (one object per line), .csv or .xlsx (first sheet; header row, one row per
             record; orders: one row per order line, grouped by orderNo) — see docs/imports.md
  --shop     shop id (default: demo); it must exist (kefu shop create ID --name …)
  --map      rename sheet columns: --map title=商品名称,price=售价 (field=column header)
  --ignore   sheet columns to leave out: --ignore 备注,图片
  --dry-run  validate and report what would change (new/updated/unchanged); write nothing
  --json     print the result as JSON

Database: KEFU_DATABASE_URL, default sqlite://<KEFU_DATA_DIR or ./.kefu>/kefu.db
`

/** Runs the command; returns the process exit code (0 ok, 1 rejected or failed, 2 usage). */
export async function run(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(args)
  } catch (e) {
    process.stderr.write(`kefu import: ${(e as Error).message}\n\n${USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help) {
    process.stdout.write(USAGE)
    return 0
  }
  const [kind, file, ...extra] = positionals
  if (!kind || !file || extra.length > 0) {
    process.stderr.write(USAGE)
    return 2
  }
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) {
    process.stderr.write(`kefu import: unknown kind '${kind}' (expected ${IMPORT_KINDS.join(', ')})\n`)
    return 2
  }
  const shopId = values.shop ?? 'demo'
  let map: Map<string, string>
  try {
    map = parseColumnMap(values.map)
  } catch (e) {
    process.stderr.write(`kefu import: ${(e as Error).message}\n\n${USAGE}`)
    return 2
  }
  const ignore = (values.ignore ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean)

  const config = parseConfig(process.env)
  const store = await openStore(config.databaseUrl)
  const progress = progressPrinter()
  try {
    const result = await importFile(store, kind as ImportKind, file, {
      shopId,
      onProgress: progress.update,
      progressEvery: progress.every,
      map,
      ignore,
      ...(values['dry-run'] ? { dryRun: true } : {}),
    })
    progress.done()
    for (const w of result.warnings) process.stderr.write(`${w.file}:${w.line}: ${w.field}: warning: ${w.message}\n`)
    if (result.warningCount > result.warnings.length) {
      process.stderr.write(`… and ${result.warningCount - result.warnings.length} more warnings\n`)
    }
    if (values.json) {
      const summary = result.normalisations.map(describeNormalisation)
      process.stdout.write(`${JSON.stringify({ ...result, shopId, summary })}\n`)
    } else process.stdout.write(humanSummary(result, shopId))
    return 0
  } catch (e) {
    progress.done()
    if (AppError.isInstance(e) && e.code === 'invalid_input' && isDetails(e.options.details)) {
      const { errors, total } = e.options.details
      for (const err of errors) process.stderr.write(`${err.file}:${err.line}: ${err.field}: ${err.message}\n`)
      if (total > errors.length) process.stderr.write(`… and ${total - errors.length} more\n`)
      process.stderr.write(
        `kefu import: ${file} rejected (${total} problem${total === 1 ? '' : 's'}); nothing was stored\n`,
      )
      if (values.json) {
        process.stdout.write(
          `${JSON.stringify({ error: { code: e.code, message: e.message, details: e.options.details } })}\n`,
        )
      }
      return 1
    }
    if (AppError.isInstance(e)) {
      process.stderr.write(`kefu import: ${e.message}\n`)
      if (values.json) process.stdout.write(`${JSON.stringify({ error: { code: e.code, message: e.message } })}\n`)
      return 1
    }
    throw e
  } finally {
    await store.close()
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      shop: { type: 'string' },
      map: { type: 'string' },
      ignore: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
}

function humanSummary(r: ImportResult, shopId: string): string {
  const head = r.dryRun
    ? `${r.kind} (dry run, nothing written): read ${r.read}: ${r.inserted} new, ${r.updated} updated, ${r.unchanged ?? 0} unchanged (shop ${shopId})`
    : `${r.kind}: read ${r.read}, inserted ${r.inserted}, updated ${r.updated} (shop ${shopId})`
  return `${[head, ...r.normalisations.map((n) => `  ${describeNormalisation(n)}`)].join('\n')}\n`
}

function isDetails(d: unknown): d is ImportErrorDetails {
  return typeof d === 'object' && d !== null && Array.isArray((d as ImportErrorDetails).errors)
}

/**
 * Progress on stderr: one line rewritten with \r on a terminal, periodic plain lines otherwise
 * (logs, CI), so large imports show they are alive without flooding a log file.
 */
function progressPrinter(): { every: number; update: (p: ImportProgress) => void; done: () => void } {
  const tty = process.stderr.isTTY === true
  let lastDraw = 0
  let drawn = false
  let lastLine = ''
  const line = (p: ImportProgress) => {
    const name = p.file.split(/[\\/]/).pop()
    if (p.phase === 'validate') {
      const pct = p.totalBytes > 0 ? Math.min(100, Math.floor((p.bytes / p.totalBytes) * 100)) : 100
      return `validating ${name}: ${p.rows.toLocaleString('en')} rows (${pct}%)`
    }
    return `writing ${name}: ${p.rows.toLocaleString('en')}/${(p.totalRows ?? p.rows).toLocaleString('en')} rows`
  }
  return {
    // A terminal can redraw often; a log gets a line every 10,000 rows.
    every: tty ? 200 : 10_000,
    update(p) {
      if (tty) {
        const now = Date.now()
        const final = p.phase === 'write' && p.rows === p.totalRows
        if (now - lastDraw < 100 && !final) return
        lastDraw = now
        process.stderr.write(`\r\x1b[K${line(p)}`)
        drawn = true
      } else if (
        p.rows > 0 &&
        (p.rows % 10_000 === 0 || (p.phase === 'write' && p.rows === p.totalRows && p.rows >= 10_000))
      ) {
        // The final event of a phase may repeat the last periodic one.
        const text = line(p)
        if (text !== lastLine) process.stderr.write(`${text}\n`)
        lastLine = text
      }
    },
    done() {
      if (drawn) process.stderr.write('\r\x1b[K')
      drawn = false
    },
  }
}
