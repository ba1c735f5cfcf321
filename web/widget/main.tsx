/**
 * Entry of the embeddable widget bundle (web/dist/widget.js). A merchant adds one tag:
 *
 *   <script src="https://kefu.example/widget.js" data-kefu-shop="demo" async></script>
 *
 * The widget renders into a Shadow DOM on its own host element, so the shop's CSS cannot reach it and its CSS
 * cannot leak out. `window.kefu` offers a small API (open, close, toggle, send, setLocale) and a `kefu:ready`
 * event fires on window once it is available.
 */
import { render } from 'preact'
import { createApiClient } from './api-client.js'
import { ChatController } from './chat-controller.js'
import { type Locale, parseLocale } from './i18n.js'
import { findWidgetScript, readWidgetConfig } from './read-widget-config.js'
import { createSessionStore } from './session-storage.js'
import css from './widget.css?inline'
import { WidgetApp } from './widget-app.js'

/** The public API on `window.kefu`. */
export type KefuApi = {
  readonly version: string
  open(): void
  close(): void
  toggle(): void
  /** Opens the panel and sends `text` as the customer. */
  send(text: string): void
  setLocale(locale: Locale): void
  /**
   * Tells the widget who the visitor is after the page loaded (sign-in / sign-out in a single-page shop).
   * `signature` is the hex HMAC-SHA256 of the customer id with the shop's widget secret; pass null to sign out.
   */
  identify(customerId: string | null, signature?: string | null): void
}

declare global {
  interface Window {
    kefu?: KefuApi
  }
}

const VERSION = '0.1.0'

function boot(): void {
  if (window.kefu) return // loaded twice: keep the first instance
  // currentScript is only set while this file executes synchronously, so read the config before anything else.
  const config = readWidgetConfig(findWidgetScript(document), navigator.language, location.href)
  // Tokens expire: the client renews them silently and the controller stores the renewed one.
  const api = createApiClient(config.apiBase, undefined, { onSessionRenewed: (s) => controller.sessionRenewed(s) })
  const store = createSessionStore(config.apiBase, config.shopId, config.customerId)
  const controller: ChatController = new ChatController({
    api,
    store,
    shopId: config.shopId,
    locale: config.locale,
    customerId: config.customerId,
    signature: config.signature,
  })
  let locale = config.locale
  let container: HTMLElement | null = null

  const draw = () => {
    if (container)
      render(
        <WidgetApp controller={controller} locale={locale} title={config.title} position={config.position} />,
        container,
      )
  }

  const mount = () => {
    const host = document.createElement('div')
    host.id = 'kefu-widget'
    host.setAttribute('data-kefu-widget', VERSION)
    if (config.color) host.style.setProperty('--kefu-accent', config.color)
    const shadow = host.attachShadow({ mode: 'open' })
    const style = document.createElement('style')
    style.textContent = css
    container = document.createElement('div')
    shadow.append(style, container)
    document.body.appendChild(host)
    draw()
    if (config.open || store.loadOpen()) controller.setOpen(true)
    void controller.start()
  }

  window.kefu = {
    version: VERSION,
    open: () => controller.setOpen(true),
    close: () => controller.setOpen(false),
    toggle: () => controller.setOpen(!controller.state.open),
    send: (text) => {
      controller.setOpen(true)
      controller.send(String(text))
    },
    setLocale: (next) => {
      const parsed = parseLocale(next)
      if (!parsed || parsed === locale) return
      locale = parsed
      controller.setLocale(parsed)
      draw()
    },
    identify: (customerId, signature) => {
      const id = typeof customerId === 'string' && customerId.trim() !== '' ? customerId.trim() : null
      void controller.identify(
        id,
        id ? (signature ?? null) : null,
        createSessionStore(config.apiBase, config.shopId, id),
      )
    },
  }

  if (document.body) mount()
  else document.addEventListener('DOMContentLoaded', mount, { once: true })
  window.dispatchEvent(new CustomEvent('kefu:ready', { detail: window.kefu }))
}

boot()
