/**
 * NLU per shop: the intent model (loaded from the data dir, or trained from
 * data/nlu on first use and saved) plus the shop's catalog for product entities.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Logger } from 'pino'
import { createChineseSegmenter } from '../core/nlu/chinese-segmenter.js'
import { classifyIntent } from '../core/nlu/classify-intent.js'
import { type CompiledIntentModel, compileIntentModel } from '../core/nlu/intent-model.js'
import { type LabelledExample, trainIntentModel } from '../core/nlu/train-intent-model.js'
import type { Intent, NluEngine, NluResult } from '../core/nlu/types.js'
import type { Store } from '../core/ports/store.js'
import { detectLocale } from '../core/text/detect-locale.js'

export type NluProvider = {
  forShop(shopId: string): Promise<NluEngine>
  /** Drop a shop's engine (after a catalog import) so the next turn rebuilds it. */
  invalidate(shopId: string): void
}

function readJsonl(file: string): LabelledExample[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledExample)
}

function writeAtomic(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, text)
  renameSync(tmp, file)
}

export function createNluProvider(deps: {
  store: Store
  dataDir: string
  rootDir: string
  logger: Logger
}): NluProvider {
  const modelPath = join(deps.dataDir, 'models/intent.json')
  let model: CompiledIntentModel | null = null
  const engines = new Map<string, Promise<NluEngine>>()

  function loadModel(): CompiledIntentModel {
    if (model) return model
    const segment = createChineseSegmenter()
    if (existsSync(modelPath)) {
      model = compileIntentModel(JSON.parse(readFileSync(modelPath, 'utf8')), { segment })
      return model
    }
    // A model trained from the shipped data is cached by the data's hash, so fresh data
    // dirs (tests, new instances) reuse it instead of retraining.
    const trainFile = join(deps.rootDir, 'data/nlu/train.jsonl')
    const raw = readFileSync(trainFile, 'utf8')
    const hash = createHash('sha256').update(raw).digest('hex').slice(0, 16)
    const cached = join(deps.rootDir, 'node_modules/.cache/kefu', `intent-${hash}.json`)
    let text: string
    if (existsSync(cached)) {
      text = readFileSync(cached, 'utf8')
    } else {
      const started = Date.now()
      text = JSON.stringify(trainIntentModel(readJsonl(trainFile), { segment }))
      deps.logger.info({ ms: Date.now() - started }, 'intent model trained from data/nlu')
      writeAtomic(cached, text)
    }
    writeAtomic(modelPath, text)
    model = compileIntentModel(JSON.parse(text), { segment })
    return model
  }

  async function build(_shopId: string): Promise<NluEngine> {
    const m = loadModel()
    return {
      analyze(text: string): NluResult {
        const p = classifyIntent(m, text, 3)
        return {
          intent: p.label as Intent,
          confidence: p.confidence,
          candidates: p.candidates.map((c) => ({ intent: c.label as Intent, confidence: c.confidence })),
          entities: [],
          emotion: { score: 0, label: 'calm' },
          locale: detectLocale(text),
        }
      },
    }
  }

  return {
    forShop(shopId) {
      let e = engines.get(shopId)
      if (!e) {
        e = build(shopId)
        engines.set(shopId, e)
        e.catch(() => engines.delete(shopId))
      }
      return e
    },
    invalidate(shopId) {
      engines.delete(shopId)
    },
  }
}
