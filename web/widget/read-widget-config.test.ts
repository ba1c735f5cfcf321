import { describe, expect, it } from 'vitest'
import { readWidgetConfig } from './read-widget-config.js'

const tag = (attrs: Record<string, string>) =>
  ({ getAttribute: (name: string) => attrs[name] ?? null }) as unknown as Element

describe('readWidgetConfig', () => {
  it('takes the API base from the script origin, not the page', () => {
    const c = readWidgetConfig(
      tag({ src: 'https://kefu.example/widget.js', 'data-kefu-shop': 'acme' }),
      'en-US',
      'https://shop.example/p/1',
    )
    expect(c).toMatchObject({ apiBase: 'https://kefu.example', shopId: 'acme', locale: 'en', customerId: null })
  })

  it('prefers data-kefu-api, resolved against the page and without trailing slash', () => {
    const c = readWidgetConfig(tag({ src: '/widget.js', 'data-kefu-api': '/support/' }), 'en', 'https://shop.example/x')
    expect(c.apiBase).toBe('https://shop.example/support')
  })

  it('uses the locale attribute first, then the browser language', () => {
    expect(readWidgetConfig(tag({ 'data-kefu-locale': 'en' }), 'zh-CN', 'https://a.example/').locale).toBe('en')
    expect(readWidgetConfig(tag({}), 'zh-TW', 'https://a.example/').locale).toBe('zh')
    expect(readWidgetConfig(tag({ 'data-kefu-locale': 'fr' }), 'de-DE', 'https://a.example/').locale).toBe('en')
  })

  it('falls back to the demo shop for a missing or malformed shop id and reads the signed customer', () => {
    const c = readWidgetConfig(
      tag({ 'data-kefu-shop': 'bad id!', 'data-kefu-customer': 'C001', 'data-kefu-signature': 'ab12' }),
      'en',
      'https://a.example/',
    )
    expect(c).toMatchObject({ shopId: 'demo', customerId: 'C001', signature: 'ab12', position: 'right' })
  })
})
