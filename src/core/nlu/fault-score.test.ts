import { describe, expect, it } from 'vitest'
import type { Fault } from '../domain/schemas.js'
import { faultScore, symptomConcepts } from './fault-score.js'

function makeFault(id: string, symptom: string, similar: string[], locale: 'zh' | 'en' = 'zh'): Fault {
  return {
    id,
    category: 'electronics/earbuds',
    symptom,
    similar,
    questions: [],
    solutions: ['try this'],
    escalate: { queue: 'repair', priority: 'normal' },
    locale,
  } as Fault
}

const oneSide = makeFault('one-side', '耳机一边没有声音', ['左耳没声音', '只有一只耳机有声'])
const mic = makeFault('mic', '用耳机打电话对方听不清', ['耳机麦克风没声音', '开会时别人听不清我说话'])
const charge = makeFault('charge', '耳机或充电盒充不进电', ['充电盒不充电', '耳机没电充不上'])
const oneSideEn = makeFault('one-side-en', 'No sound from one earbud', ['left earbud not working'], 'en')
const chargeEn = makeFault('charge-en', 'Earbuds or case won’t charge', ['charging case not charging'], 'en')

function best(text: string, faults: Fault[]): string {
  return faults.map((f) => ({ id: f.id, s: faultScore(text, f) })).sort((a, b) => b.s - a.s)[0]!.id
}

describe('faultScore', () => {
  it('matches other words for one side and silence that share no bigram with the fault', () => {
    for (const t of ['右耳无声', '耳机一只不响', '单边耳机没声了', '右边的耳机哑了']) {
      expect(best(t, [oneSide, mic, charge])).toBe('one-side')
      expect(faultScore(t, oneSide)).toBeGreaterThanOrEqual(0.4)
    }
  })

  it('matches English paraphrases', () => {
    expect(best('my right earbud is silent', [oneSideEn, chargeEn])).toBe('one-side-en')
    expect(best('the case will not charge', [oneSideEn, chargeEn])).toBe('charge-en')
  })

  it('lowers a fault whose phrasing needs a part the customer never mentioned', () => {
    expect(faultScore('耳机没声音', mic)).toBeLessThan(faultScore('耳机麦克风没声音', mic))
  })

  it('scores unrelated text at zero', () => {
    expect(faultScore('发票怎么开', oneSide)).toBe(0)
  })
})

describe('symptomConcepts', () => {
  it('reads side and silence in both languages', () => {
    expect([...symptomConcepts('左耳机不响')].sort()).toEqual(['no_sound', 'one_side'])
    expect([...symptomConcepts('no sound in the right earbud')].sort()).toEqual(['no_sound', 'one_side'])
  })

  it('does not read a phone number as a fault', () => {
    expect(symptomConcepts('我的电话号码是多少').size).toBe(0)
  })
})
