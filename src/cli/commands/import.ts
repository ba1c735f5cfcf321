/**
 * `kefu import <products|faq|customers|orders|faults> FILE [--shop ID] [--json]`: validates a
 * JSONL (or FAQ CSV) file whole, then upserts it by id into the shop, creating the shop if needed.
 */
import { parseArgs } from 'node:util'
import { openStore } from '../../adapters/open-store.js'
import { IMPORT_KINDS, type ImportKind } from '../../core/domain/schemas.js'
import { AppError } from '../../core/errors.js'
import { parseConfig } from '../../server/config/schema.js'
import { ensureShop } from '../../server/import/ensure-shop.js'
import { type ImportErrorDetails, type ImportProgress, importFile } from '../../server/import/import-file.js'

const USAGE = `usage: kefu import <${IMPORT_KINDS.join('|')}> FILE [--shop ID] [--json]

  FILE     JSONL, one object per line (faq also accepts .csv with header
           id,question,answer,similar,category,locale; similar separated by |)
  --shop   shop id (default: demo); created when it does not exist
  --json   print the result as JSON

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

  const config = parseConfig(process.env)
  const store = await openStore(config.databaseUrl)
  const progress = progressPrinter()
  try {
    await ensureShop(store, shopId)
    const result = await importFile(store, kind as ImportKind, file, {
      shopId,
      onProgress: progress.update,
      progressEvery: progress.every,
    })
    progress.done()
    for (const w of result.warnings) process.stderr.write(`${w.file}:${w.line}: ${w.field}: warning: ${w.message}\n`)
    if (result.warningCount > result.warnings.length) {
      process.stderr.write(`… and ${result.warningCount - result.warnings.length} more warnings\n`)
    }
    if (values.json) process.stdout.write(`${JSON.stringify({ ...result, shopId })}\n`)
    else {
      process.stdout.write(
        `${result.kind}: read ${result.read}, inserted ${result.inserted}, updated ${result.updated} (shop ${shopId})\n`,
      )
    }
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
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
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
