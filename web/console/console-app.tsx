/** The agent console: sign-in, then the desk (queue · conversation · customer). */
import { useEffect, useMemo, useState } from 'preact/hooks'
import { AgentClient, type AgentSession } from './agent-client.js'
import { initials } from './console-format.js'
import { type ConsoleLocale, consoleStrings } from './console-i18n.js'
import { ConversationPane } from './conversation-pane.js'
import { CustomerPanel } from './customer-panel.js'
import { DeskController, type DeskState } from './desk-controller.js'
import { DeskSidebar } from './desk-sidebar.js'
import { LoginView } from './login-view.js'

const SESSION_KEY = 'kefu-console:session'
const LOCALE_KEY = 'kefu-console:locale'

/** The signed-in session for this tab (sessionStorage: closing the tab signs out). */
export function loadSession(): AgentSession | null {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY)
    if (!raw) return null
    const s = JSON.parse(raw) as Partial<AgentSession>
    return s.apiKey && s.agentId && s.agentName && s.shopId ? (s as AgentSession) : null
  } catch {
    return null
  }
}

function saveSession(s: AgentSession | null): void {
  try {
    if (s) sessionStorage.setItem(SESSION_KEY, JSON.stringify(s))
    else sessionStorage.removeItem(SESSION_KEY)
  } catch {
    // storage unavailable: the session lives until the page reloads
  }
}

export function ConsoleApp(props: { initialLocale: ConsoleLocale }) {
  const [locale, setLocale] = useState<ConsoleLocale>(props.initialLocale)
  const [session, setSession] = useState<AgentSession | null>(loadSession)
  const [lastName, setLastName] = useState<string>(session?.agentName ?? '')
  const t = consoleStrings[locale]

  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en'
  }, [locale])

  const toggleLocale = () => {
    const next = locale === 'zh' ? 'en' : 'zh'
    setLocale(next)
    try {
      localStorage.setItem(LOCALE_KEY, next)
    } catch {
      // not persisted
    }
  }

  if (!session) {
    document.title = `${t.appName} · kefu`
    return (
      <LoginView
        t={t}
        initial={{ agentName: lastName }}
        onToggleLocale={toggleLocale}
        onSignedIn={(s) => {
          saveSession(s)
          setSession(s)
        }}
      />
    )
  }
  return (
    <Desk
      key={`${session.shopId}/${session.agentId}`}
      session={session}
      locale={locale}
      onToggleLocale={toggleLocale}
      onSignOut={() => {
        setLastName(session.agentName)
        saveSession(null)
        setSession(null)
      }}
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
  onSignOut: () => void
}) {
  const t = consoleStrings[props.locale]
  const controller = useMemo(() => new DeskController(new AgentClient(props.session), props.onSignOut), [props.session])
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
        <div class="topbar-right">
          <span class={`conn conn-${state.connection}`} role="status">
            <span class="dot" aria-hidden="true" />
            {state.connection === 'open' ? t.connected : t.reconnecting}
          </span>
          <span class="me" title={`${props.session.agentId} @ ${props.session.shopId}`}>
            <span class="avatar">{initials(props.session.agentName)}</span>
            <span class="me-name">{props.session.agentName}</span>
          </span>
          <button type="button" class="link-button" onClick={props.onToggleLocale}>
            {t.language}
          </button>
          <button type="button" class="link-button" onClick={props.onSignOut}>
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
