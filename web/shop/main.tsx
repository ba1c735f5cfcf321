/** Entry of the demo shop page (web/index.html). */
import { render } from 'preact'
import './shop.css'
import { ShopApp } from './shop-app.js'
import type { ShopLocale } from './shop-i18n.js'

function initialLocale(): ShopLocale {
  const fromUrl = new URLSearchParams(location.search).get('lang')
  if (fromUrl === 'zh' || fromUrl === 'en') return fromUrl
  try {
    const stored = localStorage.getItem('kefu-demo-locale')
    if (stored === 'zh' || stored === 'en') return stored
  } catch {
    // storage unavailable
  }
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en'
}

const root = document.getElementById('shop')
if (root) render(<ShopApp initialLocale={initialLocale()} />, root)
