/** Role-aware navigation between the desk and the back office (hash routes: #/desk, #/tickets, …). */
import { useEffect, useState } from 'preact/hooks'
import type { StaffRole } from '../agent-client.js'
import type { BackofficeStrings } from './backoffice-i18n.js'

export type Section = 'desk' | 'tickets' | 'knowledge' | 'dashboard' | 'settings'

/** What each role sees (the server's role-policy.ts is the wall; this only hides what would answer 403). */
export function sectionsFor(role: StaffRole): Section[] {
  if (role === 'agent') return ['desk', 'tickets']
  if (role === 'analyst') return ['dashboard', 'knowledge']
  return ['desk', 'tickets', 'knowledge', 'dashboard', 'settings']
}

const fromHash = (): string => location.hash.replace(/^#\/?/, '').split('/')[0] ?? ''

/** The current section, kept in the URL hash; an unknown or forbidden one falls back to the first allowed. */
export function useSection(role: StaffRole): [Section, (s: Section) => void] {
  const allowed = sectionsFor(role)
  const pick = (): Section => {
    const h = fromHash() as Section
    return allowed.includes(h) ? h : allowed[0]!
  }
  const [section, setSection] = useState<Section>(pick)
  useEffect(() => {
    const on = () => setSection(pick())
    window.addEventListener('hashchange', on)
    return () => window.removeEventListener('hashchange', on)
  }, [role])
  return [
    section,
    (s: Section) => {
      location.hash = `#/${s}`
      setSection(s)
    },
  ]
}

export function NavBar(props: {
  t: BackofficeStrings
  role: StaffRole
  section: Section
  onSection: (s: Section) => void
}) {
  return (
    <nav class="bo-nav" aria-label="kefu">
      {sectionsFor(props.role).map((s) => (
        <a
          key={s}
          href={`#/${s}`}
          data-nav={s}
          class={s === props.section ? 'active' : ''}
          aria-current={s === props.section ? 'page' : undefined}
          onClick={(e) => {
            e.preventDefault()
            props.onSection(s)
          }}
        >
          {props.t.nav[s]}
        </a>
      ))}
    </nav>
  )
}
