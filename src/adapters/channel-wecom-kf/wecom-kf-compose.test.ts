import { describe, expect, it } from 'vitest'
import { composeKfMessages, splitByBytes } from './wecom-kf-compose.js'

const bytes = (s: string) => Buffer.byteLength(s, 'utf8')

describe('composeKfMessages', () => {
  it('splits a long Chinese text into send_msg texts of at most 2048 bytes, nothing lost', () => {
    const text = Array.from({ length: 120 }, (_, i) => `第${i + 1}行：这是一段比较长的说明文字。`).join('\n')
    const out = composeKfMessages([{ text }], 'zh')
    expect(out.length).toBeGreaterThan(1)
    for (const m of out) {
      expect(m.msgtype).toBe('text')
      if (m.msgtype === 'text') expect(bytes(m.text.content)).toBeLessThanOrEqual(2048)
    }
    const joined = out.map((m) => (m.msgtype === 'text' ? m.text.content : '')).join('\n')
    expect(joined).toBe(text)
  })

  it('never cuts inside a character', () => {
    for (const piece of splitByBytes('好'.repeat(1000), 2048)) expect(piece).toMatch(/^好+$/)
  })

  it('keeps a long lead text separate from the menu when the menu head would be over 1024 bytes', () => {
    const out = composeKfMessages(
      [{ text: '说明'.repeat(300) }, { text: '选一个', buttons: [{ label: 'A', payload: 'a' }] }],
      'zh',
    )
    expect(out.map((m) => m.msgtype)).toEqual(['text', 'msgmenu'])
  })

  it('numbers more than 10 buttons as text and joins it with the text before', () => {
    const buttons = Array.from({ length: 11 }, (_, i) => ({ label: `选项${i + 1}`, payload: `p${i + 1}` }))
    const out = composeKfMessages([{ text: '前面' }, { text: '请选择', buttons }], 'zh')
    expect(out).toHaveLength(1)
    expect(out[0]).toMatchObject({
      msgtype: 'text',
      text: { content: expect.stringContaining('前面\n\n请选择\n1. 选项1') },
    })
    expect(out[0]?.msgtype === 'text' && out[0].text.content).toContain('11. 选项11')
  })

  it('sends nothing for empty replies', () => {
    expect(composeKfMessages([{ text: '  ' }], 'en')).toEqual([])
  })
})
