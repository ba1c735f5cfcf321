/**
 * Loads and saves the intent model in the data directory (`<dataDir>/models/intent.json`), and
 * trains the default one from the shipped data (data/nlu/train.jsonl) when none is saved yet.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AppError } from '../../core/errors.js'
import type { IntentModelJson } from '../../core/nlu/intent-model.js'
import { type LabelledExample, type TrainIntentOptions, trainIntentModel } from '../../core/nlu/train-intent-model.js'
import { readLabelledExamples } from './read-labelled-examples.js'

/** The repository root (for the shipped data/nlu files). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

/** Where the model of a data directory lives. */
export function intentModelPath(dataDir: string): string {
  return join(dataDir, 'models', 'intent.json')
}

/** The shipped training and test files. */
export function shippedNluFiles(root = REPO_ROOT): { train: string; test: string } {
  return { train: join(root, 'data/nlu/train.jsonl'), test: join(root, 'data/nlu/test.jsonl') }
}

/** Reads a saved model; `not_found` when absent, `invalid_input` when unreadable. */
export function readIntentModel(file: string): IntentModelJson {
  if (!existsSync(file)) throw new AppError('not_found', `no intent model at ${file}`)
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as IntentModelJson
  } catch (e) {
    throw new AppError('invalid_input', `intent model ${file} is not valid JSON; run 'kefu train'`, { cause: e })
  }
}

/** Writes a model atomically (temp file + rename), so a crash never leaves half a model. */
export function writeIntentModel(file: string, model: IntentModelJson): void {
  mkdirSync(dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(model))
  renameSync(tmp, file)
}

/** Shop examples stored next to the model (`<dataDir>/nlu/examples.jsonl`), if any. */
export function shopExamplesPath(dataDir: string): string {
  return join(dataDir, 'nlu', 'examples.jsonl')
}

/** The training examples: shipped data plus the shop's own labelled examples. */
export function loadTrainingExamples(dataDir: string, root = REPO_ROOT): LabelledExample[] {
  const examples: LabelledExample[] = readLabelledExamples(shippedNluFiles(root).train)
  const shop = shopExamplesPath(dataDir)
  if (existsSync(shop)) examples.push(...readLabelledExamples(shop))
  return examples
}

/**
 * The model of a data directory: the saved one, or one trained from the shipped data (a few
 * seconds) and saved for next time.
 */
export function loadOrTrainIntentModel(
  dataDir: string,
  opts: { root?: string; train?: TrainIntentOptions; onTrained?: (ms: number) => void } = {},
): IntentModelJson {
  const file = intentModelPath(dataDir)
  if (existsSync(file)) return readIntentModel(file)
  const started = Date.now()
  const model = trainIntentModel(loadTrainingExamples(dataDir, opts.root), opts.train)
  opts.onTrained?.(Date.now() - started)
  writeIntentModel(file, model)
  return model
}
