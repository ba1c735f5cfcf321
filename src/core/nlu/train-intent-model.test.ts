import { describe, expect, it } from 'vitest'
import { AppError } from '../errors.js'
import { classifyIntent } from './classify-intent.js'
import { createNluEngine } from './create-nlu-engine.js'
import { evaluateIntentModel } from './evaluate-intent-model.js'
import { compileIntentModel } from './intent-model.js'
import { type LabelledExample, trainIntentModel } from './train-intent-model.js'

const seeds: Record<string, string[]> = {
  logistics: [
    'where is my parcel',
    'my package has not arrived',
    'tracking shows nothing',
    '快递到哪了',
    '包裹还没到',
    '物流怎么不动了',
  ],
  return_refund: [
    'I want to return this',
    'how do I get a refund',
    'refund my money please',
    '我要退货',
    '怎么退款',
    '申请退款',
  ],
  greeting: ['hello', 'hi there', 'thanks a lot', '你好', '在吗', '谢谢'],
  out_of_scope: [
    'what is the weather today',
    'tell me a joke',
    'who won the football match',
    '今天天气怎么样',
    '讲个笑话',
    '帮我写作业',
  ],
}
const fixture: LabelledExample[] = Object.entries(seeds).flatMap(([label, texts]) =>
  texts.flatMap((t) => [
    { text: t, label },
    { text: `${t}?`, label },
    { text: `${t} please`, label },
  ]),
)

describe('trainIntentModel', () => {
  // No held-out fold on a fixture this small: the threshold would be fitted on a handful of rows.
  const json = trainIntentModel(fixture, { seed: 7, holdout: 0 })
  const model = compileIntentModel(JSON.parse(JSON.stringify(json)))

  it('predicts the intents it was trained on, in both languages', () => {
    expect(classifyIntent(model, 'where is my parcel now').label).toBe('logistics')
    expect(classifyIntent(model, '我的包裹到哪了').label).toBe('logistics')
    expect(classifyIntent(model, 'I want a refund').label).toBe('return_refund')
    expect(classifyIntent(model, '我要退款').label).toBe('return_refund')
  })

  it('is deterministic for a seed', () => {
    expect(JSON.stringify(trainIntentModel(fixture, { seed: 7, holdout: 0 }))).toBe(JSON.stringify(json))
  })

  it('returns calibrated, ordered candidates between 0 and 1', () => {
    const p = classifyIntent(model, 'hello')
    expect(p.confidence).toBeGreaterThan(0)
    expect(p.confidence).toBeLessThanOrEqual(1)
    for (let i = 1; i < p.candidates.length; i++) {
      expect(p.candidates[i - 1]!.confidence).toBeGreaterThanOrEqual(p.candidates[i]!.confidence)
    }
  })

  it('rejects text with no known features as out of scope with confidence 0', () => {
    expect(classifyIntent(model, '😀😀')).toMatchObject({
      label: 'out_of_scope',
      confidence: 0,
      rejected: 'no_features',
    })
    expect(classifyIntent(model, '')).toMatchObject({ label: 'out_of_scope', rejected: 'no_features' })
  })

  it('evaluates with per-class metrics and out-of-scope figures', () => {
    const r = evaluateIntentModel(model, [
      { text: 'where is my package', label: 'logistics' },
      { text: 'tell me a joke please', label: 'oos' },
    ])
    expect(r.n).toBe(2)
    expect(r.perClass.logistics?.support).toBe(1)
    expect(r.inScopeAccuracy).toBeGreaterThanOrEqual(0)
    expect(r.oosRecall).toBeGreaterThanOrEqual(0)
    expect(r.confusion.logistics).toBeDefined()
  })

  it('fits a temperature and an out-of-scope threshold on the held-out fold', () => {
    const fitted = trainIntentModel(fixture, { seed: 7, holdout: 0.3 })
    expect(fitted.stats.holdout).toBeGreaterThan(0)
    expect(fitted.calibration.temperature).toBeGreaterThan(0)
    expect(fitted.calibration.threshold).toBeGreaterThan(0)
    expect(fitted.oosLabel).toBe('out_of_scope')
  })

  it('fails with invalid_input on unusable data', () => {
    const code = (f: () => unknown) => {
      try {
        f()
      } catch (e) {
        return AppError.isInstance(e) ? e.code : 'other'
      }
      return 'none'
    }
    expect(code(() => trainIntentModel([]))).toBe('invalid_input')
    expect(code(() => trainIntentModel([{ text: 'a', label: 'x' }]))).toBe('invalid_input')
    expect(code(() => compileIntentModel({ format: 'nope' }))).toBe('invalid_input')
  })

  it('powers the engine: intent, entities, emotion and locale in one result', () => {
    const nlu = createNluEngine({ model: json, referenceDate: '2024-12-02', orderPrefixes: ['KF'] })
    const r = nlu.analyze('我的包裹KF202411200001到哪了？？？昨天就该到了')
    expect(r.intent).toBe('logistics')
    expect(r.locale).toBe('zh')
    expect(r.entities.map((e) => e.type)).toEqual(['order_no', 'date'])
    expect(r.emotion.score).toBeGreaterThan(0)
    expect(r.candidates[0]?.intent).toBe(r.intent)
    expect(nlu.analyze('where is my parcel').locale).toBe('en')
  })
})
