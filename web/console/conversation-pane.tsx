/** The middle column: the whole conversation with NLU per customer turn, suggestions and the composer. */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import type { AgentNote, ChatMessage, ConversationView } from './agent-client.js'
import { emotionLevel, formatTime, formatValue } from './console-format.js'
import type { ConsoleLocale, ConsoleStrings } from './console-i18n.js'
import type { DeskState } from './desk-controller.js'

type Entry = { kind: 'message'; at: string; m: ChatMessage } | { kind: 'note'; at: string; n: AgentNote }

type Nlu = {
  intent?: string
  confidence?: number
  emotion?: { score?: number; label?: string }
  entities?: Array<{ type: string; text: string; value?: unknown }>
}

export function ConversationPane(props: {
  t: ConsoleStrings
  locale: ConsoleLocale
  view: ConversationView
  busy: DeskState['busy']
  onClaim: () => void
  onSend: (mode: 'reply' | 'note', text: string) => Promise<boolean>
  onRelease: () => void
  onClose: () => void
  onBack: () => void
  onTogglePanel: () => void
  panelOpen: boolean
}) {
  const { t, view } = props
  const c = view.conversation
  const [mode, setMode] = useState<'reply' | 'note'>('reply')
  const [draft, setDraft] = useState('')
  const [confirmClose, setConfirmClose] = useState(false)
  const listRef = useRef<HTMLDivElement>(null)
  const inputRef = useRef<HTMLTextAreaElement>(null)
  const canReply = c.status === 'human' && view.viewer.isAssignee

  // A different conversation starts with an empty composer in reply mode.
  useEffect(() => {
    setDraft('')
    setMode('reply')
    setConfirmClose(false)
  }, [c.id])

  useEffect(() => {
    if (!confirmClose) return
    const timer = setTimeout(() => setConfirmClose(false), 4000)
    return () => clearTimeout(timer)
  }, [confirmClose])

  const entries: Entry[] = [
    ...view.messages.map((m): Entry => ({ kind: 'message', at: m.createdAt, m })),
    ...view.notes.map((n): Entry => ({ kind: 'note', at: n.createdAt, n })),
  ].sort((a, b) => a.at.localeCompare(b.at))

  // Keep the newest message in sight as messages arrive.
  useLayoutEffect(() => {
    const el = listRef.current
    if (el) el.scrollTop = el.scrollHeight
  }, [entries.length, c.id])

  async function submit() {
    const text = draft.trim()
    if (!text) return
    if (mode === 'reply' && !canReply) return
    if (await props.onSend(mode, text)) setDraft('')
  }

  function onKeyDown(e: KeyboardEvent) {
    // isComposing: Enter also confirms a Chinese IME candidate; that must not send.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault()
      void submit()
    }
  }

  function applySuggestion(answer: string) {
    setMode('reply')
    setDraft(answer)
    requestAnimationFrame(() => inputRef.current?.focus())
  }

  const customerName = view.customer?.name ?? t.visitor
  const assignee = c.agent
  const replyBlocked = mode === 'reply' && !canReply
  return (
    <section class="conversation" aria-label={customerName}>
      <header class="conv-head">
        <button type="button" class="icon-button back" onClick={props.onBack} aria-label={t.back}>
          ‹
        </button>
        <div class="conv-title">
          <div class="conv-name">
            {customerName}
            <span class={`status status-${c.status}`} data-testid="conversation-status">
              {t.status[c.status] ?? c.status}
            </span>
          </div>
          <div class="conv-sub">
            {c.id} · {c.channel}
            {assignee ? ` · ${t.assignedTo(assignee.name)}` : ''}
          </div>
        </div>
        <div class="conv-actions">
          {c.status === 'waiting_human' && (
            <button type="button" class="button primary" disabled={props.busy !== null} onClick={props.onClaim}>
              {props.busy === 'claim' ? t.claiming : t.claim}
            </button>
          )}
          {canReply && (
            <button type="button" class="button" disabled={props.busy !== null} onClick={props.onRelease}>
              {t.handBack}
            </button>
          )}
          {c.status !== 'closed' && (c.status !== 'human' || canReply) && (
            <button
              type="button"
              class={`button${confirmClose ? ' danger' : ''}`}
              disabled={props.busy !== null}
              onClick={() => {
                if (confirmClose) {
                  setConfirmClose(false)
                  props.onClose()
                } else setConfirmClose(true)
              }}
            >
              {confirmClose ? t.confirmClose : t.close}
            </button>
          )}
          <button
            type="button"
            class={`button ghost panel-toggle${props.panelOpen ? ' on' : ''}`}
            onClick={props.onTogglePanel}
          >
            {t.customerPanel}
          </button>
        </div>
      </header>

      <div class="messages" ref={listRef} aria-live="polite">
        {view.truncated && <div class="notice">{t.truncated}</div>}
        <ol>
          {entries.map((e) =>
            e.kind === 'note' ? (
              <NoteRow key={`n-${e.n.id}`} t={t} locale={props.locale} note={e.n} />
            ) : (
              <MessageRow key={`m-${e.m.seq}`} t={t} locale={props.locale} m={e.m} />
            ),
          )}
        </ol>
      </div>

      {c.status !== 'closed' && view.suggestions.length > 0 && (
        <section class="suggestions" aria-label={t.suggestions}>
          <div class="suggestions-head">
            <strong>{t.suggestions}</strong>
            {view.suggestionsFor && <span class="muted">{t.suggestionsFor(view.suggestionsFor)}</span>}
          </div>
          <div class="suggestion-list">
            {view.suggestions.map((s) => (
              <button
                type="button"
                key={`${s.kind}-${s.id}`}
                class="suggestion"
                title={t.useSuggestion}
                onClick={() => applySuggestion(s.answer)}
              >
                <span class="suggestion-title">
                  {s.title}
                  <span class="score">{Math.round(s.score * 100)}%</span>
                </span>
                <span class="suggestion-answer">{s.answer}</span>
              </button>
            ))}
          </div>
        </section>
      )}

      <div class={`composer${mode === 'note' ? ' note-mode' : ''}`}>
        <div class="composer-tabs" role="tablist">
          <button
            type="button"
            role="tab"
            aria-selected={mode === 'reply'}
            class={mode === 'reply' ? 'active' : ''}
            onClick={() => setMode('reply')}
          >
            {t.reply}
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={mode === 'note'}
            class={mode === 'note' ? 'active' : ''}
            onClick={() => setMode('note')}
          >
            {t.note}
          </button>
        </div>
        {replyBlocked ? (
          <div class="composer-blocked">
            <span>
              {c.status === 'waiting_human'
                ? t.claimToReply
                : c.status === 'human' && assignee
                  ? t.assignedTo(assignee.name)
                  : t.readOnly(t.status[c.status] ?? c.status)}
            </span>
            {c.status === 'waiting_human' && (
              <button type="button" class="button primary small" disabled={props.busy !== null} onClick={props.onClaim}>
                {t.claim}
              </button>
            )}
          </div>
        ) : (
          <div class="composer-body">
            <textarea
              ref={inputRef}
              rows={3}
              maxLength={mode === 'reply' ? 4000 : 2000}
              placeholder={mode === 'reply' ? t.replyPlaceholder : t.notePlaceholder}
              aria-label={mode === 'reply' ? t.reply : t.note}
              value={draft}
              onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
              onKeyDown={onKeyDown}
            />
            <button
              type="button"
              class={`button ${mode === 'reply' ? 'primary' : 'note'}`}
              disabled={!draft.trim() || props.busy !== null}
              onClick={() => void submit()}
            >
              {mode === 'reply' ? t.send : t.addNote}
            </button>
          </div>
        )}
      </div>
    </section>
  )
}

function MessageRow(props: { t: ConsoleStrings; locale: ConsoleLocale; m: ChatMessage }) {
  const { t, m } = props
  if (m.role === 'system') {
    return (
      <li class="msg msg-system" data-seq={m.seq} data-role="system">
        <span>{m.text}</span>
        <time>{formatTime(m.createdAt, props.locale)}</time>
      </li>
    )
  }
  const nlu = (m.meta.nlu ?? null) as Nlu | null
  const agent = (m.meta.agent ?? null) as { name?: string } | null
  const who = m.role === 'agent' ? (agent?.name ?? t.roles.agent) : t.roles[m.role]
  const level = emotionLevel(nlu?.emotion?.score)
  return (
    <li class={`msg msg-${m.role}`} data-seq={m.seq} data-role={m.role}>
      <div class="msg-meta">
        <span class="who">{who}</span>
        <time>{formatTime(m.createdAt, props.locale)}</time>
        {m.role === 'bot' && typeof m.meta.action === 'string' && <span class="action">{m.meta.action}</span>}
      </div>
      <div class="bubble">{m.text}</div>
      {m.role === 'customer' && nlu && (
        <div class="nlu" data-testid="nlu">
          {nlu.intent && (
            <span class="intent" title={nlu.intent}>
              {t.intents[nlu.intent] ?? nlu.intent}
              {typeof nlu.confidence === 'number' && (
                <span class="confidence">{Math.round(nlu.confidence * 100)}%</span>
              )}
            </span>
          )}
          {nlu.emotion && (
            <span class={`emotion emotion-${level}`}>
              <span class={`mood mood-${level}`} aria-hidden="true" />
              {t.emotions[nlu.emotion.label ?? level] ?? nlu.emotion.label}
              {typeof nlu.emotion.score === 'number' && ` ${nlu.emotion.score.toFixed(2)}`}
            </span>
          )}
          {(nlu.entities ?? []).map((e) => (
            <span class="entity" key={`${e.type}-${e.text}`} title={formatValue(e.value)}>
              <b>{t.entities[e.type] ?? e.type}</b> {e.text}
            </span>
          ))}
        </div>
      )}
    </li>
  )
}

function NoteRow(props: { t: ConsoleStrings; locale: ConsoleLocale; note: AgentNote }) {
  const { t, note } = props
  return (
    <li class="msg msg-note" data-role="note">
      <div class="msg-meta">
        <span class="who">
          {t.internalNote} · {note.agentName}
        </span>
        <time>{formatTime(note.createdAt, props.locale)}</time>
      </div>
      <div class="bubble">{note.text}</div>
    </li>
  )
}
