import { describe, expect, it } from 'vitest'
import type { Fact } from './collect-facts.js'
import { createSentenceGate } from './sentence-gate.js'
import { verifyGroundedAnswer } from './verify-grounded-answer.js'

const phone: Fact = {
  id: 'product:PH-X2',
  kind: 'product',
  text: '商品：星耀 X2 Pro 手机，SKU PH-X2\n当前售价 ¥5499.00\n当前库存 12 件',
  amounts: [5499],
  sku: 'PH-X2',
  names: ['星耀 X2 Pro 手机', 'PH-X2'],
}

function run(chunks: string[]) {
  const gate = createSentenceGate([phone], {})
  const out = chunks.map((c) => gate.push(c))
  out.push(gate.end())
  return { out: out.filter(Boolean), blocked: gate.blocked }
}

describe('sentence gate', () => {
  it('releases each sentence once it is complete and verified, markers removed', () => {
    const { out, blocked } = run(['星耀 X2 Pro 现价 54', '99 元 [F1]。库存', '还有 12 件 [F1]。'])
    expect(out).toEqual(['星耀 X2 Pro 现价 5499 元。', '库存还有 12 件。'])
    expect(blocked).toBe(false)
  })

  it('keeps a marker that arrives after the full stop with its sentence', () => {
    const { out } = run(['现价 5499 元。', '[F1]', '很适合送人。'])
    expect(out.join('')).toBe('现价 5499 元。很适合送人。')
  })

  it('never releases a sentence that fails the guard, nor anything after it', () => {
    const { out, blocked } = run(['现价 5499 元 [F1]。', '今天只要 99 元 [F1]！', '库存 12 件 [F1]。'])
    expect(out).toEqual(['现价 5499 元。'])
    expect(blocked).toBe(true)
  })

  it('runs over a verification function: each cleared prefix is what it was asked about', () => {
    const asked: string[] = []
    const gate = createSentenceGate((text) => {
      asked.push(text)
      return verifyGroundedAnswer(text, [phone])
    })
    const out = [gate.push('现价 5499 元 [F1]。库'), gate.push('存 12 件 [F1]。'), gate.end()]
    expect(out.join('')).toBe('现价 5499 元。库存 12 件。')
    expect(asked).toEqual(['现价 5499 元 [F1]。', '现价 5499 元 [F1]。库存 12 件 [F1]。'])
  })
})
