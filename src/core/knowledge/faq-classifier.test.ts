import { describe, expect, it } from 'vitest'
import { characterNgrams } from '../text/character-ngrams.js'
import { trainFaqClassifier } from './faq-classifier.js'

const featurize = (t: string) => characterNgrams(t)

const EXAMPLES = [
  { text: 'how long does delivery take', entry: 0 },
  { text: 'when will my parcel arrive', entry: 0 },
  { text: 'days until it arrives', entry: 0 },
  { text: 'how do I get a refund', entry: 1 },
  { text: 'money back for my order', entry: 1 },
  { text: 'refund my payment please', entry: 1 },
  { text: 'can I get an invoice', entry: 2 },
  { text: 'send me a receipt', entry: 2 },
  { text: 'invoice for my company', entry: 2 },
]

function best(scores: Float64Array): number {
  let b = 0
  for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[b]!) b = i
  return b
}

describe('trainFaqClassifier', () => {
  it('ranks the entry whose phrasings a paraphrase resembles first', () => {
    const model = trainFaqClassifier(EXAMPLES, 3, featurize)
    expect(model).not.toBeNull()
    expect(best(model!.score(featurize('when does the parcel arrive')).scores)).toBe(0)
    expect(best(model!.score(featurize('I want my money refunded')).scores)).toBe(1)
    expect(best(model!.score(featurize('an invoice for the company please')).scores)).toBe(2)
  })

  it('gives a text with no known feature no margin over the bias', () => {
    const model = trainFaqClassifier(EXAMPLES, 3, featurize)!
    const { known } = model.score(featurize('zzzz qqqq'))
    expect(known).toBe(0)
  })

  it('declines to train for one entry or beyond the memory budget', () => {
    expect(trainFaqClassifier(EXAMPLES.slice(0, 3), 1, featurize)).toBeNull()
    expect(trainFaqClassifier(EXAMPLES, 3, featurize, { maxCells: 10 })).toBeNull()
  })

  it('is deterministic', () => {
    const a = trainFaqClassifier(EXAMPLES, 3, featurize)!.score(featurize('refund')).scores
    const b = trainFaqClassifier(EXAMPLES, 3, featurize)!.score(featurize('refund')).scores
    expect(Array.from(a)).toEqual(Array.from(b))
  })
})
