/** A classifier result for unit tests of the understanding stage: one intent, no entities, calm. */
import type { NluResult } from './types.js'

export function nluResult(intent: NluResult['intent'], confidence = 0.66, locale: 'zh' | 'en' = 'zh'): NluResult {
  return {
    intent,
    confidence,
    candidates: [{ intent, confidence }],
    entities: [],
    emotion: { score: 0, label: 'calm' },
    locale,
  }
}
