/** Entry of the agent console (web/console/index.html, served at /console/). */
import { render } from 'preact'
import './console.css'
import './backoffice/backoffice.css'
import { ConsoleApp } from './console-app.js'
import { pickLocale } from './console-i18n.js'

function savedLocale(): string | null {
  try {
    return new URLSearchParams(location.search).get('lang') ?? localStorage.getItem('kefu-console:locale')
  } catch {
    return null
  }
}

const root = document.getElementById('console')
if (root) render(<ConsoleApp initialLocale={pickLocale(savedLocale(), navigator.language)} />, root)
