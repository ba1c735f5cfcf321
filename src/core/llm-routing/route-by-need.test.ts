import { describe, expect, it } from 'vitest'
import { detectQuestionNeeds } from '../nlu/detect-question-needs.js'
import type { Intent } from '../nlu/types.js'
import { DEFAULT_LLM_SETTINGS } from './llm-settings.js'
import { type RouteInput, routeByNeed } from './route-by-need.js'

const route = (text: string, intent: Intent, over: Partial<RouteInput> = {}) =>
  routeByNeed({
    intent,
    confidence: 0.9,
    needs: detectQuestionNeeds(text),
    llmConfigured: true,
    settings: DEFAULT_LLM_SETTINGS,
    awaiting: null,
    ...over,
  })

const COMPARISON = '声屿 Pro 5 和 RayBook 14 哪个更适合送给刚上大学的弟弟？说说理由'

describe('routeByNeed', () => {
  it('sends a comparison with advice and reasons to the model, naming the needs', () => {
    expect(route(COMPARISON, 'recommendation')).toEqual({
      route: 'model',
      needs: ['comparison', 'advice', 'explanation'],
      reason: 'need:comparison+advice+explanation',
    })
  })

  it('keeps simple lookups offline', () => {
    expect(route('声屿 Pro 5 多少钱', 'price_promotion')).toMatchObject({ route: 'offline', reason: 'no_need' })
    expect(route('RayBook 14 有货吗', 'stock_availability')).toMatchObject({ route: 'offline', reason: 'no_need' })
  })

  it('keeps actions offline whatever the wording', () => {
    expect(route('为什么我的订单还没到？', 'logistics')).toMatchObject({ route: 'offline', reason: 'action_intent' })
    expect(route('我170适合穿什么码', 'size_advice')).toMatchObject({ route: 'offline', reason: 'action_intent' })
  })

  it('keeps everything offline without a provider or when the shop turned the model off', () => {
    expect(route(COMPARISON, 'recommendation', { llmConfigured: false })).toMatchObject({ reason: 'no_provider' })
    expect(
      route(COMPARISON, 'recommendation', { settings: { ...DEFAULT_LLM_SETTINGS, enabled: false } }),
    ).toMatchObject({ route: 'offline', reason: 'disabled' })
  })

  it('does not take the answer to a pending question away from the task', () => {
    expect(route(COMPARISON, 'recommendation', { awaiting: 'order_no' })).toMatchObject({
      route: 'offline',
      reason: 'awaiting_answer',
    })
  })

  it('sends opinions and several questions to the model', () => {
    expect(route('声屿 Pro 5 音质怎么样', 'product_inquiry')).toMatchObject({ route: 'model', reason: 'need:opinion' })
    expect(route('可以开专票吗？开票要几天？', 'invoice_payment')).toMatchObject({
      route: 'model',
      reason: 'need:several_questions',
    })
  })

  it('leaves a confident out-of-scope verdict offline', () => {
    expect(route('为什么天是蓝的', 'out_of_scope', { confidence: 0.95 })).toMatchObject({ reason: 'out_of_scope' })
    expect(route('为什么天是蓝的', 'out_of_scope', { confidence: 0.5 })).toMatchObject({ route: 'model' })
  })
})
