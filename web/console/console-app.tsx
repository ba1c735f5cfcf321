/** The agent console: sign-in, then the desk (queue · conversation · customer). */
import type { ComponentChildren } from 'preact'
import { useEffect, useMemo, useState } from 'preact/hooks'
import { AgentClient, type AgentSession, type StaffStatus } from './agent-client.js'
import { backofficeStrings } from './backoffice/backoffice-i18n.js'
import { BackofficeView } from './backoffice/backoffice-view.js'
import { NavBar, useSection } from './backoffice/nav.js'
import { initials } from './console-format.js'
import { type ConsoleLocale, consoleStrings } from './console-i18n.js'
import { ConversationPane } from './conversation-pane.js'
import { CustomerPanel } from './customer-panel.js'
import { DeskController, type DeskState } from './desk-controller.js'
import { DeskSidebar } from './desk-sidebar.js'
import { LoginView } from './login-view.js'

const LOCALE_KEY = 'kefu-console:locale'

export function ConsoleApp(props: { initialLocale: ConsoleLocale }) {
  const [locale, setLocale] = useState<ConsoleLocale>(props.initialLocale)
  // undefined: still asking the server whether the session cookie is good.
  const [session, setSession] = useState<AgentSession | null | undefined>(undefined)
  const [last, setLast] = useState<{ shopId?: string; username?: string }>({})
  const t = consoleStrings[locale]

  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en'
  }, [locale])

  useEffect(() => {
    AgentClient.restore()
      .then(setSession)
      .catch(() => setSession(null))
  }, [])

  const toggleLocale = () => {
    const next = locale === 'zh' ? 'en' : 'zh'
    setLocale(next)
    try {
      localStorage.setItem(LOCALE_KEY, next)
    } catch {
      // not persisted
    }
  }

  if (session === undefined) return <div class="login" aria-busy="true" />
  if (!session) {
    document.title = `${t.appName} · kefu`
    return <LoginView t={t} initial={last} onToggleLocale={toggleLocale} onSignedIn={setSession} />
  }
  return (
    <SignedIn
      key={`${session.shopId}/${session.account.id}`}
      session={session}
      locale={locale}
      onToggleLocale={toggleLocale}
      onSignOut={(client) => {
        setLast({ shopId: session.shopId, username: session.account.username })
        if (client) void client.logout().catch(() => undefined)
        setSession(null)
      }}
    />
  )
}

/** One sign-in for the desk and the back office: the section comes from the URL hash and the role. */
function SignedIn(props: {
  session: AgentSession
  locale: ConsoleLocale
  onToggleLocale: () => void
  onSignOut: (client?: AgentClient) => void
}) {
  const [section, setSection] = useSection(props.session.account.role)
  const bo = backofficeStrings[props.locale]
  const nav = <NavBar t={bo} role={props.session.account.role} section={section} onSection={setSection} />
  if (section === 'desk') return <Desk {...props} nav={nav} />
  return (
    <BackofficeView
      session={props.session}
      locale={props.locale}
      section={section}
      onSection={setSection}
      onToggleLocale={props.onToggleLocale}
      onSignOut={() => props.onSignOut(new AgentClient(props.session))}
    />
  )
}

function useNow(intervalMs: number, offsetMs: number): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs)
  useEffect(() => {
    setNow(Date.now() + offsetMs)
    const timer = setInterval(() => setNow(Date.now() + offsetMs), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs, offsetMs])
  return now
}

function Desk(props: {
  session: AgentSession
  locale: ConsoleLocale
  onToggleLocale: () => void
  /** With the client: sign out on the server too; without: the session is already gone (401). */
  onSignOut: (client?: AgentClient) => void
  nav?: ComponentChildren
}) {
  const t = consoleStrings[props.locale]
  const client = useMemo(() => new AgentClient(props.session), [props.session])
  const controller = useMemo(() => new DeskController(client, () => props.onSignOut()), [client])
  const [presence, setPresence] = useState<StaffStatus>(props.session.account.status)
  const changePresence = async (next: StaffStatus) => {
    const before = presence
    setPresence(next)
    try {
      await client.setStatus(next)
    } catch {
      setPresence(before)
    }
  }
  const [state, setState] = useState<DeskState>(controller.state)
  const [tab, setTab] = useState<'queue' | 'mine'>('queue')
  // Beside the conversation on a wide screen; over it (closed until asked for) on a tablet.
  const [panelOpen, setPanelOpen] = useState(() => window.innerWidth > 1180)

  useEffect(() => {
    const off = controller.subscribe(setState)
    controller.start()
    return () => {
      off()
      controller.stop()
    }
  }, [controller])

  const now = useNow(1000, state.clockOffsetMs)

  useEffect(() => {
    const n = state.queue.length
    document.title = `${n > 0 ? `(${n}) ` : ''}${t.appName} · kefu`
  }, [state.queue.length, t])

  // Auto-dismiss errors after a while; they are also dismissible by hand.
  useEffect(() => {
    if (!state.error) return
    const timer = setTimeout(() => controller.dismissError(), 6000)
    return () => clearTimeout(timer)
  }, [state.error, controller])

  const claim = async (id: string) => {
    await controller.claim(id)
    if (controller.state.selectedId === id && controller.state.view?.conversation.status === 'human') setTab('mine')
  }

  const errorText = state.error
    ? state.error.code === 'conflict' && state.error.assignee
      ? t.alreadyClaimed(state.error.assignee)
      : `${t.errors[state.error.code] ?? t.errors.generic}: ${state.error.message}`
    : null

  const view = state.view
  return (
    <div class={`desk${state.selectedId ? ' has-selection' : ''}${panelOpen ? ' panel-open' : ''}`}>
      <header class="topbar">
        <div class="brand">
          <span class="logo" aria-hidden="true">
            客
          </span>
          <span class="brand-name">{t.brand}</span>
          <span class="brand-app">{t.appName}</span>
        </div>
        {props.nav}
        <div class="topbar-right">
          <span class={`conn conn-${state.connection}`} role="status">
            <span class="dot" aria-hidden="true" />
            {state.connection === 'open' ? t.connected : t.reconnecting}
          </span>
          <span class="me" title={`${props.session.account.username} @ ${props.session.shopId}`}>
            <span class="avatar">{initials(props.session.account.displayName)}</span>
            <span class="me-name" data-testid="me-name">
              {props.session.account.displayName}
            </span>
          </span>
          {props.session.account.role !== 'analyst' && (
            <select
              class={`presence presence-${presence}`}
              aria-label={t.statusLabel}
              data-testid="presence"
              value={presence}
              onChange={(e) => void changePresence((e.target as HTMLSelectElement).value as StaffStatus)}
            >
              {(['online', 'away', 'offline'] as const).map((s) => (
                <option value={s} key={s}>
                  {t.presence[s]}
                </option>
              ))}
            </select>
          )}
          <button type="button" class="link-button" onClick={props.onToggleLocale}>
            {t.language}
          </button>
          <button type="button" class="link-button" onClick={() => props.onSignOut(client)}>
            {t.signOut}
          </button>
        </div>
      </header>

      {errorText && (
        <div class="toast" role="alert">
          <span>{errorText}</span>
          <button type="button" class="link-button" onClick={() => controller.dismissError()}>
            {t.dismiss}
          </button>
        </div>
      )}

      <DeskSidebar
        t={t}
        locale={props.locale}
        tab={tab}
        onTab={setTab}
        queue={state.queue}
        mine={state.mine}
        loaded={state.listsLoaded}
        now={now}
        selectedId={state.selectedId}
        unread={state.unread}
        claimingId={state.busy === 'claim' ? state.busyId : null}
        onSelect={(id) => void controller.select(id)}
        onClaim={(id) => void claim(id)}
      />

      <main class="main">
        {view && view.conversation.id === state.selectedId ? (
          <ConversationPane
            t={t}
            locale={props.locale}
            view={view}
            busy={state.busy}
            onClaim={() => void claim(view.conversation.id)}
            onSend={(mode, text) => controller.send(mode, text)}
            onRelease={() => void controller.release()}
            onClose={() => void controller.close()}
            onBack={() => void controller.select(null)}
            onTogglePanel={() => setPanelOpen(!panelOpen)}
            panelOpen={panelOpen}
          />
        ) : (
          <div class="placeholder">
            <svg class="placeholder-art" viewBox="0 0 48 48" aria-hidden="true">
              <path d="M8 10h32a4 4 0 0 1 4 4v16a4 4 0 0 1-4 4H22l-9 7v-7H8a4 4 0 0 1-4-4V14a4 4 0 0 1 4-4z" />
              <path d="M14 20h20M14 26h12" />
            </svg>
            <div class="empty-title">{state.selectedId ? t.loading : t.noSelection}</div>
            {!state.selectedId && <div class="empty-hint">{t.noSelectionHint}</div>}
          </div>
        )}
      </main>

      {view && view.conversation.id === state.selectedId && panelOpen && (
        <>
          {/* Only visible on a tablet, where the panel slides over the conversation: a tap outside hides it. */}
          <div class="panel-backdrop" aria-hidden="true" onClick={() => setPanelOpen(false)} />
          <CustomerPanel t={t} locale={props.locale} view={view} now={now} onHide={() => setPanelOpen(false)} />
        </>
      )}
    </div>
  )
}
