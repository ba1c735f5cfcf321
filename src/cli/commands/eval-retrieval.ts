/**
 * `kefu eval retrieval --kb FILE --queries FILE [--json]`: loads an FAQ file
 * (the import format) into a fresh temporary SQLite store, runs the queries
 * and reports top-1, recall@3, MRR, the false-answer rate on "don't know"
 * queries and latency.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { openStore } from '../../adapters/open-store.js'
import { localeSchema } from '../../core/domain/schemas.js'
import { AppError } from '../../core/errors.js'
import { evaluateRetrieval, type RetrievalQuery } from '../../core/knowledge/evaluate-retrieval.js'
import { DEFAULT_THRESHOLDS, type KnowledgeThresholds } from '../../core/knowledge/knowledge-base.js'
import { createKnowledgeService } from '../../core/knowledge/knowledge-service.js'
import { ensureShop } from '../../server/import/ensure-shop.js'
import { importFile } from '../../server/import/import-file.js'
import { parseCliArgs } from '../parse-cli-args.js'

const USAGE = `usage: kefu eval retrieval --kb FILE --queries FILE [--json] [--failures]

  --kb        FAQ file in the import format (JSONL or CSV)
  --queries   JSONL, one {"query": "...", "expected": "<faq id>" | null, "locale"?: "zh"|"en"} per line
  --json      print one JSON object (n, top1, recallAt3, mrr, falseAnswerRate, p50Ms, p99Ms, …)
  --failures  list the queries that were not answered correctly
  --answer, --clarify, --margin   override the decision thresholds (for tuning on a dev set)

top1, recallAt3 and mrr rank the hits (over answerable queries); answeredTop1 is stricter: the
bot answered directly (no clarification) with the expected entry. falseAnswerRate is the share
of "don't know" queries the bot answered with any entry.
`

const querySchema = z
  .object({ query: z.string().min(1), expected: z.string().min(1).nullable(), locale: localeSchema.optional() })
  .passthrough()

/** Reads and validates a queries JSONL file; every bad line is reported. */
export function readQueries(path: string): RetrievalQuery[] {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    throw new AppError('not_found', `cannot read queries file ${path}: ${(e as NodeJS.ErrnoException).code ?? e}`)
  }
  const out: RetrievalQuery[] = []
  const problems: string[] = []
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return
    let json: unknown
    try {
      json = JSON.parse(line)
    } catch {
      problems.push(`${path}:${i + 1}: not valid JSON`)
      return
    }
    const r = querySchema.safeParse(json)
    if (!r.success) {
      const issue = r.error.issues[0]!
      problems.push(`${path}:${i + 1}: ${issue.path.join('.') || 'line'}: ${issue.message}`)
      return
    }
    out.push({ query: r.data.query, expected: r.data.expected, ...(r.data.locale ? { locale: r.data.locale } : {}) })
  })
  if (problems.length > 0) {
    throw new AppError(
      'invalid_input',
      `${problems.length} bad line(s) in ${path}:\n${problems.slice(0, 20).join('\n')}`,
    )
  }
  if (out.length === 0) throw new AppError('invalid_input', `${path} has no queries`)
  return out
}

/** Runs the command; returns the exit code (0 ok, 1 failure, 2 usage). */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCliArgs(
    'eval retrieval',
    args,
    {
      kb: { type: 'string' },
      queries: { type: 'string' },
      json: { type: 'boolean', default: false },
      failures: { type: 'boolean', default: false },
      answer: { type: 'string' },
      clarify: { type: 'string' },
      margin: { type: 'string' },
    },
    USAGE,
  )
  if (typeof parsed === 'number') return parsed
  const { values } = parsed
  if (typeof values.kb !== 'string' || typeof values.queries !== 'string') {
    process.stderr.write(USAGE)
    return 2
  }
  const thresholds: Partial<KnowledgeThresholds> = {}
  for (const key of ['answer', 'clarify', 'margin'] as const) {
    const v = values[key]
    if (typeof v !== 'string') continue
    const n = Number(v)
    if (!Number.isFinite(n) || n < 0 || n > 1) {
      process.stderr.write(`kefu eval retrieval: --${key} must be a number between 0 and 1\n`)
      return 2
    }
    thresholds[key] = n
  }
  const dir = mkdtempSync(join(tmpdir(), 'kefu-eval-retrieval-'))
  const store = await openStore(`sqlite://${join(dir, 'kefu.db')}`)
  try {
    const queries = readQueries(values.queries)
    await ensureShop(store, 'eval')
    const imported = await importFile(store, 'faq', values.kb, { shopId: 'eval' })
    const knowledge = createKnowledgeService({ store, thresholds })
    const kb = await knowledge.forShop('eval')
    const tty = process.stderr.isTTY === true
    const report = await evaluateRetrieval(kb, queries, {
      onProgress: (done, total) => {
        if (tty && (done % 25 === 0 || done === total)) process.stderr.write(`\r${done}/${total} queries`)
      },
    })
    if (tty) process.stderr.write('\n')
    const { failures, ...metrics } = report
    if (values.json) {
      const out = {
        ...metrics,
        kb: values.kb,
        queries: values.queries,
        entries: imported.read,
        thresholds: { ...DEFAULT_THRESHOLDS, ...thresholds },
        ...(values.failures ? { failures } : {}),
      }
      process.stdout.write(`${JSON.stringify(out)}\n`)
      return 0
    }
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`
    const lines = [
      `FAQ entries      ${imported.read}`,
      `queries          ${metrics.n} (${metrics.answerable} answerable, ${metrics.unanswerable} "don't know")`,
      `top-1            ${pct(metrics.top1)}`,
      `answered top-1   ${pct(metrics.answeredTop1)} (answered directly, no clarification)`,
      `recall@3         ${pct(metrics.recallAt3)}`,
      `MRR              ${metrics.mrr.toFixed(3)}`,
      `answer / clarify ${pct(metrics.answerRate)} / ${pct(metrics.clarifyRate)} of answerable, wrong answers ${pct(metrics.wrongAnswerRate)}`,
      `false answers    ${pct(metrics.falseAnswerRate)} of "don't know" queries`,
      `latency          p50 ${metrics.p50Ms} ms, p99 ${metrics.p99Ms} ms`,
    ]
    if (values.failures) {
      lines.push('', 'failures:')
      for (const f of failures) {
        lines.push(
          `  ${f.decision.padEnd(7)} expected ${f.expected ?? 'none'} got ${f.got ?? '-'} (${f.score ?? '-'})  ${f.query}`,
        )
      }
    }
    process.stdout.write(`${lines.join('\n')}\n`)
    return 0
  } catch (e) {
    if (AppError.isInstance(e)) {
      process.stderr.write(`kefu eval retrieval: ${e.message}\n`)
      if (values.json) process.stdout.write(`${JSON.stringify({ error: { code: e.code, message: e.message } })}\n`)
      return 1
    }
    throw e
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
