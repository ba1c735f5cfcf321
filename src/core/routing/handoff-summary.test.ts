import { describe, expect, it } from 'vitest'
import type { Message } from '../domain/records.js'
import type { LanguageModel } from '../ports/language-model.js'
import { summarizeHandoff } from './handoff-summary.js'

const msg = (seq: number, role: Message['role'], text: string, nlu?: Record<string, unknown>): Message => ({
  id: `m${seq}`,
  shopId: 's',
  conversationId: 'c',
  seq,
  role,
  text,
  meta: nlu ? { nlu } : {},
  createdAt: '2026-01-01T00:00:00.000Z',
})

const messages = [
  msg(1, 'customer', '我的订单 KF2026 到哪了', {
    intent: 'order_status',
    emotion: { score: 0.2 },
    entities: [{ type: 'order_no', value: 'KF2026' }],
  }),
  msg(2, 'bot', '您的订单正在配送中'),
  msg(3, 'customer', '太慢了！我要人工', { intent: 'human_agent', emotion: { score: 0.8 } }),
]

const model = (generate: LanguageModel['generate']): LanguageModel => ({
  specificationVersion: 'v1',
  provider: 'test',
  modelId: 'test',
  generate,
})

describe('handoff summary', () => {
  it('extracts topics, facts, mood, reason and last words without a model', async () => {
    const s = await summarizeHandoff({ messages, reason: 'customer_requested_human', locale: 'zh' })
    expect(s.source).toBe('extractive')
    expect(s.text.split('\n')).toEqual([
      '诉求：订单状态',
      '信息：order_no: KF2026',
      '情绪：情绪激动（0.80）',
      '转人工原因：customer_requested_human',
      '顾客最近说：「我的订单 KF2026 到哪了」 「太慢了！我要人工」',
    ])
  })

  it('uses the model’s text, and falls back when it fails or takes too long', async () => {
    const ok = await summarizeHandoff({
      messages,
      reason: null,
      locale: 'zh',
      llm: model(async (req) => ({
        text: `  ${req.messages.at(-1)!.content.includes('customer: 太慢了！我要人工') ? '催单，情绪激动' : '?'}  `,
        finishReason: 'stop',
        modelId: 'test',
        attempts: 1,
      })),
    })
    expect(ok).toEqual({ text: '催单，情绪激动', source: 'llm' })
    const failing = await summarizeHandoff({
      messages,
      reason: null,
      locale: 'en',
      llm: model(async () => {
        throw new Error('boom')
      }),
    })
    expect(failing.source).toBe('extractive')
    const hanging = await summarizeHandoff({
      messages,
      reason: null,
      locale: 'en',
      timeoutMs: 20,
      llm: model(
        (_req, signal) =>
          new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted')))),
      ),
    })
    expect(hanging.source).toBe('extractive')
  })
})
