/** A back-office section inside its shell (tickets, knowledge, dashboard, settings). */
import { useEffect, useMemo, useState } from 'preact/hooks'
import type { AgentSession } from '../agent-client.js'
import { type ConsoleLocale, consoleStrings } from '../console-i18n.js'
import { BackofficeApi } from './backoffice-api.js'
import { backofficeStrings } from './backoffice-i18n.js'
import { BackofficeShell } from './backoffice-shell.js'
import { KnowledgeSection } from './knowledge-section.js'
import type { Section } from './nav.js'
import { SettingsView } from './settings-view.js'
import { TicketsView } from './tickets-view.js'

type DashboardComponent = typeof import('./dashboard-view.js').DashboardView

/** The dashboard (with Chart.js) is a separate chunk: agents never download it. */
function useDashboard(wanted: boolean): DashboardComponent | null {
  const [view, setView] = useState<DashboardComponent | null>(null)
  useEffect(() => {
    if (wanted && !view) void import('./dashboard-view.js').then((m) => setView(() => m.DashboardView))
  }, [wanted])
  return view
}

export function BackofficeView(props: {
  session: AgentSession
  locale: ConsoleLocale
  section: Exclude<Section, 'desk'>
  onSection: (s: Section) => void
  onToggleLocale: () => void
  onSignOut: () => void
}) {
  const t = consoleStrings[props.locale]
  const bo = backofficeStrings[props.locale]
  const api = useMemo(() => new BackofficeApi(props.session.csrfToken), [props.session])
  const role = props.session.account.role
  const canWrite = role === 'owner' || role === 'admin'
  const DashboardView = useDashboard(props.section === 'dashboard')
  useMemo(() => {
    document.title = `${bo.nav[props.section]} · kefu`
  }, [props.section, bo])
  return (
    <BackofficeShell
      t={t}
      bo={bo}
      session={props.session}
      section={props.section}
      onSection={props.onSection}
      onToggleLocale={props.onToggleLocale}
      onSignOut={props.onSignOut}
    >
      {props.section === 'tickets' && <TicketsView api={api} bo={bo} session={props.session} />}
      {props.section === 'knowledge' && <KnowledgeSection api={api} bo={bo} canWrite={canWrite} />}
      {props.section === 'dashboard' && DashboardView && <DashboardView api={api} bo={bo} locale={props.locale} />}
      {props.section === 'settings' && <SettingsView api={api} bo={bo} session={props.session} />}
    </BackofficeShell>
  )
}
