/**
 * `kefu search TEXT [--shop ID] [--json]`: ranked knowledge hits (kind, id,
 * score) and the answer the bot would give, from the shop's published knowledge.
 */
import { parseArgs } from 'node:util'
import { openStore } from '../../adapters/open-store.js'
import { type Locale, localeSchema } from '../../core/domain/schemas.js'
import { AppError } from '../../core/errors.js'
import { createKnowledgeService } from '../../core/knowledge/knowledge-service.js'
import type { KnowledgeAnswer } from '../../core/knowledge/types.js'
import { detectLocale } from '../../core/text/detect-locale.js'
import { parseConfig } from '../../server/config/schema.js'
import { embedderFromConfig } from '../../server/embedder-from-config.js'

const USAGE = `usage: kefu search TEXT [--shop ID] [--locale zh|en] [--product SKU] [--limit N] [--json]

  TEXT       the customer's question
  --shop     shop id (default: demo)
  --locale   answer language (default: detected from TEXT)
  --product  SKU of the product being discussed ("这款…" refers to it)
  --limit    number of ranked hits (default 5)
  --json     print one JSON object

Database: KEFU_DATABASE_URL, default sqlite://<KEFU_DATA_DIR or ./.kefu>/kefu.db
`

/** Runs the command; returns the exit code (0 ok, 1 failure, 2 usage). */
export async function run(args: string[]): Promise<number> {
  let values: { shop?: string; locale?: string; product?: string; limit?: string; json?: boolean; help?: boolean }
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        shop: { type: 'string' },
        locale: { type: 'string' },
        product: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }))
  } catch (e) {
    process.stderr.write(`kefu search: ${(e as Error).message}\n\n${USAGE}`)
    return 2
  }
  if (values.help) {
    process.stdout.write(USAGE)
    return 0
  }
  const text = positionals.join(' ').trim()
  if (!text) {
    process.stderr.write(USAGE)
    return 2
  }
  let locale: Locale | undefined
  if (values.locale !== undefined) {
    const r = localeSchema.safeParse(values.locale)
    if (!r.success) {
      process.stderr.write(`kefu search: --locale must be zh or en\n`)
      return 2
    }
    locale = r.data
  }
  const limit = values.limit === undefined ? 5 : Number(values.limit)
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    process.stderr.write('kefu search: --limit must be an integer from 1 to 100\n')
    return 2
  }
  const shopId = values.shop ?? 'demo'
  const config = parseConfig(process.env)
  const store = await openStore(config.databaseUrl)
  try {
    const embedder = embedderFromConfig(config)
    const knowledge = createKnowledgeService({ store, ...(embedder ? { embedder } : {}) })
    const kb = await knowledge.forShop(shopId)
    const lang = locale ?? detectLocale(text)
    const hits = await kb.search(text, { locale: lang, limit })
    const answer = await kb.answer(text, { locale: lang, ...(values.product ? { productSku: values.product } : {}) })
    if (values.json) {
      process.stdout.write(
        `${JSON.stringify({ query: text, shopId, locale: lang, decision: answer.status, answer, hits })}\n`,
      )
      return 0
    }
    const out: string[] = []
    out.push(`decision: ${describe(answer)}`)
    out.push('')
    if (hits.length === 0) out.push('no hits')
    hits.forEach((h, i) => {
      out.push(`${String(i + 1).padStart(2)}. [${h.kind}] ${h.id}  score ${h.score.toFixed(3)}  ${h.title}`)
      out.push(`    → ${h.answer.replace(/\n/g, ' ')}`)
    })
    process.stdout.write(`${out.join('\n')}\n`)
    return 0
  } catch (e) {
    if (AppError.isInstance(e)) {
      process.stderr.write(`kefu search: ${e.message}\n`)
      if (values.json) process.stdout.write(`${JSON.stringify({ error: { code: e.code, message: e.message } })}\n`)
      return 1
    }
    throw e
  } finally {
    await store.close()
  }
}

function describe(a: KnowledgeAnswer): string {
  if (a.status === 'answer') return `answer with [${a.hit.kind}] ${a.hit.id}: ${a.hit.answer}`
  if (a.status === 'clarify') return `clarify between ${a.candidates.map((c) => `${c.kind}:${c.id}`).join(', ')}`
  return "none (don't know)"
}
