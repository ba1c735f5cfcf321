import { describe, expect, it } from 'vitest'
import { linkify } from './format.js'

describe('linkify', () => {
  it('makes https links clickable and leaves http links and bidi tricks as text', () => {
    expect(linkify('看 https://shop.example/a 吧')).toEqual([
      { kind: 'text', text: '看 ' },
      { kind: 'link', text: 'https://shop.example/a', href: 'https://shop.example/a' },
      { kind: 'text', text: ' 吧' },
    ])
    expect(linkify('退款请点 http://evil.example/pay')).toEqual([
      { kind: 'text', text: '退款请点 http://evil.example/pay' },
    ])
    expect(linkify('https://evil.example/\u202elp.xe')).toEqual([
      { kind: 'text', text: 'https://evil.example/\u202elp.xe' },
    ])
  })
})
