/**
 * `kefu classify [--json]`: one message per stdin line → one result per line
 * (`{text, intent, confidence, entities, emotion, locale}` with --json). Bad lines (empty,
 * longer than 4,000 characters) get an error object with a machine-readable code; junk and
 * emoji get a low-confidence `out_of_scope`. The model is the data directory's (trained from
 * data/nlu on first use).
 */

import { createInterface } from 'node:readline'
import { loadOrTrainIntentModel } from '../../adapters/nlu-model-file/intent-model-file.js'
import { readLabelledCatalog } from '../../adapters/nlu-model-file/read-catalog.js'
import { MAX_MESSAGE_CHARS } from '../../core/conversation/conversation-service.js'
import { AppError } from '../../core/errors.js'
import { createNluEngine } from '../../core/nlu/create-nlu-engine.js'
import type { NluResult } from '../../core/nlu/types.js'
import { cliClock } from '../cli-clock.js'
import { parseCliArgs } from '../parse-cli-args.js'

const USAGE = `usage: kefu classify [--json] [--catalog FILE] [--date YYYY-MM-DD] < messages.txt

Reads one message per line from stdin and prints its intent, confidence, entities, emotion
and locale. Model: <KEFU_DATA_DIR or ./.kefu>/models/intent.json (trained from data/nlu
and saved on first use).

options:
  --json            one JSON object per line
  --catalog FILE    products (JSONL with sku, title, brand, aliases) for product entities
  --date DATE       reference date for relative dates (default: today)
`

/** Entry point of `kefu classify`. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCliArgs(
    'classify',
    args,
    {
      json: { type: 'boolean', default: false },
      catalog: { type: 'string' },
      date: { type: 'string' },
    },
    USAGE,
  )
  if (typeof parsed === 'number') return parsed
  const { values } = parsed
  const date = typeof values.date === 'string' ? values.date : localToday()
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    process.stderr.write('kefu classify: --date must be YYYY-MM-DD [code: invalid_input]\n')
    return 2
  }
  const dataDir = process.env.KEFU_DATA_DIR ?? './.kefu'
  let engine: ReturnType<typeof createNluEngine>
  try {
    const model = loadOrTrainIntentModel(dataDir, {
      onTrained: (ms) => process.stderr.write(`kefu classify: trained the intent model from data/nlu in ${ms} ms\n`),
    })
    const catalog = typeof values.catalog === 'string' ? readLabelledCatalog(values.catalog) : []
    engine = createNluEngine({ model, catalog, referenceDate: date })
  } catch (e) {
    if (AppError.isInstance(e)) {
      process.stderr.write(`kefu classify: ${e.message} [code: ${e.code}]\n`)
      return 1
    }
    throw e
  }
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })
  for await (const raw of rl) {
    const line = classifyLine(engine, raw)
    process.stdout.write(values.json ? `${JSON.stringify(line)}\n` : `${formatLine(line)}\n`)
  }
  return 0
}

type LineResult =
  | ({ text: string } & Omit<NluResult, 'entities'> & { entities: Omit<NluResult['entities'][number], 'text'>[] })
  | { text: string; error: { code: 'invalid_input'; message: string } }

/** Classifies one input line; never throws for any string. */
export function classifyLine(engine: { analyze(t: string): NluResult }, raw: string): LineResult {
  // Control characters (binary junk, NUL) carry nothing and would break terminals.
  const text = stripControl(raw).trim()
  if (text === '') return { text: '', error: { code: 'invalid_input', message: 'empty message' } }
  if (text.length > MAX_MESSAGE_CHARS) {
    return {
      text: `${text.slice(0, 80)}…`,
      error: { code: 'invalid_input', message: `message longer than ${MAX_MESSAGE_CHARS} characters (${text.length})` },
    }
  }
  const r = engine.analyze(text)
  return {
    text,
    intent: r.intent,
    confidence: r.confidence,
    candidates: r.candidates,
    entities: r.entities.map(({ type, value, start, end }) => ({ type, value, start, end })),
    emotion: r.emotion,
    locale: r.locale,
  }
}

function stripControl(s: string): string {
  let out = ''
  for (const ch of s) {
    const c = ch.charCodeAt(0)
    out += (c < 0x20 && c !== 0x09) || c === 0x7f ? ' ' : ch
  }
  return out
}

function formatLine(r: LineResult): string {
  if ('error' in r) return `error (${r.error.code}): ${r.error.message}`
  const ents = r.entities.map((e) => `${e.type}=${JSON.stringify(e.value)}`).join(' ')
  return `${r.intent.padEnd(18)} ${r.confidence.toFixed(2)}  ${r.locale}  emotion ${r.emotion.score.toFixed(2)} ${r.emotion.label.padEnd(10)} ${ents ? `${ents}  ` : ''}| ${r.text}`
}

function localToday(): string {
  const d = cliClock().now()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}
