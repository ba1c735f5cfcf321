/** The frame of a back-office section: the console's top bar with navigation, and the section below. */
import type { ComponentChildren } from 'preact'
import type { AgentSession } from '../agent-client.js'
import { initials } from '../console-format.js'
import type { ConsoleStrings } from '../console-i18n.js'
import type { BackofficeStrings } from './backoffice-i18n.js'
import { NavBar, type Section } from './nav.js'

export function BackofficeShell(props: {
  t: ConsoleStrings
  bo: BackofficeStrings
  session: AgentSession
  section: Section
  onSection: (s: Section) => void
  onToggleLocale: () => void
  onSignOut: () => void
  children: ComponentChildren
}) {
  const { t, bo, session } = props
  return (
    <div class="backoffice">
      <header class="topbar">
        <div class="brand">
          <span class="logo" aria-hidden="true">
            客
          </span>
          <span class="brand-name">{t.brand}</span>
        </div>
        <NavBar t={bo} role={session.account.role} section={props.section} onSection={props.onSection} />
        <div class="topbar-right">
          <span class="me" title={`${session.account.username} @ ${session.shopId}`}>
            <span class="avatar">{initials(session.account.displayName)}</span>
            <span class="me-name" data-testid="me-name">
              {session.account.displayName}
            </span>
            <span class="bo-role">{bo.roles[session.account.role]}</span>
          </span>
          <button type="button" class="link-button" onClick={props.onToggleLocale}>
            {t.language}
          </button>
          <button type="button" class="link-button" onClick={props.onSignOut}>
            {t.signOut}
          </button>
        </div>
      </header>
      <main class="bo-main">{props.children}</main>
    </div>
  )
}
