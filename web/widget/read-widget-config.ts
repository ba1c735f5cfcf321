import { type Locale, parseLocale } from './i18n.js'

/** Everything the widget needs to know about where it is embedded. */
export type WidgetConfig = {
  /** Origin (plus optional path prefix) of the kefu server, without a trailing slash. */
  apiBase: string
  shopId: string
  locale: Locale
  /** The merchant's own customer id, when the visitor is signed in on the shop. */
  customerId: string | null
  /** Hex HMAC-SHA256 of customerId with the shop's widget secret. */
  signature: string | null
  /** Accent colour (any CSS colour). */
  color: string | null
  position: 'right' | 'left'
  /** Header title override. */
  title: string | null
  /** Open the panel right away. */
  open: boolean
}

const SHOP_ID = /^[A-Za-z0-9_-]{1,64}$/

/**
 * Reads the widget settings from the `data-kefu-*` attributes of its `<script>` tag.
 * The API base defaults to the origin the script itself was loaded from, so one tag works on any site.
 *
 * @example
 * readWidgetConfig(document.currentScript, navigator.language, location.href)
 */
export function readWidgetConfig(
  script: HTMLOrSVGScriptElement | Element | null,
  browserLanguage: string | undefined,
  pageUrl: string,
): WidgetConfig {
  const attr = (name: string): string | null => {
    const value = script?.getAttribute(`data-kefu-${name}`)
    return value && value.trim() !== '' ? value.trim() : null
  }
  const src = script?.getAttribute('src')
  const scriptOrigin = src ? new URL(src, pageUrl).origin : new URL(pageUrl).origin
  const apiAttr = attr('api')
  const apiBase = (apiAttr ? new URL(apiAttr, pageUrl).href : scriptOrigin).replace(/\/+$/, '')
  const shopAttr = attr('shop')
  const position = attr('position')
  return {
    apiBase,
    shopId: shopAttr && SHOP_ID.test(shopAttr) ? shopAttr : 'demo',
    locale: parseLocale(attr('locale')) ?? parseLocale(browserLanguage) ?? 'en',
    customerId: attr('customer'),
    signature: attr('signature'),
    color: attr('color'),
    position: position === 'left' ? 'left' : 'right',
    title: attr('title'),
    open: attr('open') === 'true',
  }
}

/**
 * Finds the widget's own `<script>` tag. `document.currentScript` is set while a classic (even async) script
 * runs; the fallbacks cover loaders that inject the bundle differently.
 */
export function findWidgetScript(doc: Document): Element | null {
  return (
    doc.currentScript ??
    doc.querySelector('script[data-kefu-shop]') ??
    doc.querySelector('script[src$="/widget.js"], script[src*="/widget.js?"]')
  )
}
