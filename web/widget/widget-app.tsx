/** The widget's view: launcher bubble + chat panel. All state lives in the ChatController. */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import { CardView } from './card-view.js'
import { type ChatController, type ChatState, MAX_MESSAGE_LENGTH } from './chat-controller.js'
import { activeQuickReplies, type ChatMessage } from './chat-messages.js'
import { formatDateTime, formatTime, linkify } from './format.js'
import { type Locale, type Strings, stringsFor } from './i18n.js'

export type WidgetAppProps = {
  controller: ChatController
  locale: Locale
  title: string | null
  position: 'left' | 'right'
}

function useChatState(controller: ChatController): ChatState {
  const [state, setState] = useState(controller.state)
  useEffect(() => {
    setState(controller.state)
    const off = controller.subscribe(setState)
    return () => {
      off()
    }
  }, [controller])
  return state
}

const ChatIcon = () => (
  <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
    <path
      fill="currentColor"
      d="M12 3C6.5 3 2 6.9 2 11.7c0 2.6 1.3 4.9 3.4 6.5L4.6 21a.6.6 0 0 0 .8.7l3.6-1.6c.9.2 1.9.3 3 .3 5.5 0 10-3.9 10-8.7S17.5 3 12 3Zm-4.5 10a1.3 1.3 0 1 1 0-2.6 1.3 1.3 0 0 1 0 2.6Zm4.5 0a1.3 1.3 0 1 1 0-2.6 1.3 1.3 0 0 1 0 2.6Zm4.5 0a1.3 1.3 0 1 1 0-2.6 1.3 1.3 0 0 1 0 2.6Z"
    />
  </svg>
)

const CloseIcon = ({ size = 20 }: { size?: number }) => (
  <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true">
    <path d="M6 6l12 12M18 6 6 18" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" fill="none" />
  </svg>
)

const SendIcon = () => (
  <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
    <path fill="currentColor" d="M3.4 20.4 21 12 3.4 3.6 3.3 10l12.2 2-12.2 2z" />
  </svg>
)

const BotAvatar = () => (
  <span class="avatar avatar-bot" aria-hidden="true">
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
      <path
        fill="currentColor"
        d="M12 2a1.5 1.5 0 0 1 .8 2.8V6h4.7A2.5 2.5 0 0 1 20 8.5V17a3 3 0 0 1-3 3H7a3 3 0 0 1-3-3V8.5A2.5 2.5 0 0 1 6.5 6h4.7V4.8A1.5 1.5 0 0 1 12 2ZM9 11a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Zm6 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Zm-5.5 5a.75.75 0 0 0 0 1.5h5a.75.75 0 0 0 0-1.5h-5Z"
      />
    </svg>
  </span>
)

const AgentAvatar = () => (
  <span class="avatar avatar-agent" aria-hidden="true">
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
      <path
        fill="currentColor"
        d="M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9Zm0 2c-4.4 0-8 2.2-8 5v1a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-1c0-2.8-3.6-5-8-5Z"
      />
    </svg>
  </span>
)

function RichText({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((p, i) =>
        p.kind === 'link' ? (
          <a key={i} href={p.href} target="_blank" rel="noopener noreferrer">
            {p.text}
          </a>
        ) : (
          p.text
        ),
      )}
    </>
  )
}

/** A time divider before a message that comes 10+ minutes after the previous one. */
function needsDivider(prev: ChatMessage | undefined, m: ChatMessage): boolean {
  if (!prev) return true
  return new Date(m.createdAt).getTime() - new Date(prev.createdAt).getTime() > 10 * 60_000
}

function MessageRow(props: {
  m: ChatMessage
  prev: ChatMessage | undefined
  locale: Locale
  t: Strings
  onRetry: (key: string) => void
}) {
  const { m, prev, locale, t } = props
  const time = formatTime(m.createdAt, locale)
  if (m.role === 'system') {
    return (
      <li class="row row-system">
        <span class="system">{m.text}</span>
      </li>
    )
  }
  const grouped = prev !== undefined && prev.role === m.role && !needsDivider(prev, m)
  const cls = `row row-${m.role}${grouped ? ' grouped' : ''}${m.pending ? ' pending' : ''}${m.failed ? ' failed' : ''}`
  const who = m.role === 'customer' ? t.you : m.role === 'agent' ? t.agent : t.bot
  return (
    <li class={cls} data-role={m.role} data-seq={m.seq ?? undefined}>
      {m.role !== 'customer' &&
        (grouped ? <span class="avatar-gap" /> : m.role === 'agent' ? <AgentAvatar /> : <BotAvatar />)}
      <div class="stack">
        {m.role === 'agent' && !grouped && (
          <span class="agent-label">{m.agentName ? `${t.agent} · ${m.agentName}` : t.agent}</span>
        )}
        <div class="bubble" title={time}>
          <span class="sr-only">{who}: </span>
          <span class="text">
            {m.attachment && (
              <span class="attachment">{m.attachment.kind === 'audio' ? t.attachedAudio : t.attachedImage} </span>
            )}
            <RichText text={m.text} />
          </span>
        </div>
        {m.card && <CardView card={m.card} locale={locale} t={t} />}
        {m.failed && (
          <span class="failed-note">
            {t.sendFailed} ·{' '}
            <button type="button" class="link-btn" onClick={() => props.onRetry(m.key)}>
              {t.retry}
            </button>
          </span>
        )}
      </div>
    </li>
  )
}

function Composer(props: {
  t: Strings
  disabled: boolean
  onSend: (text: string) => boolean
  /** A picture or voice message picked with the attach button, with the text typed so far. */
  onFile: (file: File, text: string) => boolean
  inputRef: { current: HTMLTextAreaElement | null }
}) {
  const { t } = props
  const [text, setText] = useState('')
  const ta = props.inputRef

  // Grow with the text up to ~5 lines, then scroll.
  useLayoutEffect(() => {
    const el = ta.current
    if (!el) return
    el.style.height = 'auto'
    el.style.height = `${Math.min(el.scrollHeight, 120)}px`
  }, [text, ta])

  const submit = () => {
    if (text.trim() === '' || props.disabled) return
    if (props.onSend(text)) setText('')
  }
  const near = text.length >= MAX_MESSAGE_LENGTH * 0.9
  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <div class="field">
        <textarea
          ref={ta}
          rows={1}
          value={text}
          maxLength={MAX_MESSAGE_LENGTH}
          aria-label={t.input}
          aria-describedby="kefu-counter"
          placeholder={t.placeholderShort}
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
          onKeyDown={(e) => {
            // Enter sends; Shift+Enter is a newline; Enter that confirms an IME composition (Chinese input) is not a send.
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
              e.preventDefault()
              submit()
            }
          }}
        />
        <span id="kefu-counter" class={`counter${near ? ' near' : ''}${text.length === 0 ? ' idle' : ''}`}>
          {t.chars(text.length, MAX_MESSAGE_LENGTH)}
        </span>
      </div>
      <label class="attach" title={t.attach}>
        <span class="sr-only">{t.attach}</span>
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp,audio/*"
          disabled={props.disabled}
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement
            const file = input.files?.[0]
            input.value = ''
            if (file && props.onFile(file, text)) setText('')
          }}
        />
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path
            fill="currentColor"
            d="M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10z"
          />
        </svg>
      </label>
      <button type="submit" class="send" aria-label={t.send} disabled={text.trim() === '' || props.disabled}>
        <SendIcon />
      </button>
    </form>
  )
}

/** The launcher bubble and, when open, the chat panel. */
export function WidgetApp({ controller, locale, title, position }: WidgetAppProps) {
  const state = useChatState(controller)
  const t = stringsFor(locale)
  const listRef = useRef<HTMLDivElement>(null)
  const inputRef = useRef<HTMLTextAreaElement>(null)
  const launcherRef = useRef<HTMLButtonElement>(null)
  const stickToBottom = useRef(true)
  const wasOpen = useRef(state.open)

  // Focus moves into the panel when it opens and back to the launcher when it closes.
  useEffect(() => {
    if (state.open && !wasOpen.current) {
      // On touch screens focusing the field would pop up the keyboard over the conversation; focus the log.
      const touch = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches
      ;(touch ? listRef.current : inputRef.current)?.focus({ preventScroll: true })
    }
    if (!state.open && wasOpen.current) launcherRef.current?.focus({ preventScroll: true })
    wasOpen.current = state.open
  }, [state.open])

  // Keep the newest message in view unless the reader scrolled up to read older ones.
  useLayoutEffect(() => {
    const el = listRef.current
    if (el && stickToBottom.current) el.scrollTop = el.scrollHeight
  }, [state.messages, state.waiting, state.open])

  const send = (text: string, payload?: string) => {
    stickToBottom.current = true
    return controller.send(text, payload)
  }

  const quick = state.waiting ? [] : activeQuickReplies(state.messages)
  const showSuggestions = state.messages.length === 0 && !state.loading && !state.waiting
  const lost = state.connection === 'lost'
  const headerTitle = title ?? t.title

  return (
    <div class={`kefu pos-${position}${state.open ? ' is-open' : ''}`} lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      {state.open && (
        <section
          class="panel"
          role="dialog"
          aria-modal="false"
          aria-labelledby="kefu-title"
          id="kefu-panel"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation()
              controller.setOpen(false)
            }
          }}
        >
          <header class="header">
            <BotAvatar />
            <div class="header-text">
              <h2 id="kefu-title">{headerTitle}</h2>
              <p>
                <span class={`status-dot${lost || !state.online ? ' off' : ''}`} aria-hidden="true" />
                {state.handoff === 'joined' ? t.withAgent : t.subtitle}
              </p>
            </div>
            <button type="button" class="icon-btn" aria-label={t.close} onClick={() => controller.setOpen(false)}>
              <CloseIcon />
            </button>
          </header>

          {state.handoff && (
            <div class="banner banner-handoff" role="status">
              <AgentAvatar />
              <span>{state.handoff === 'joined' ? t.handoffJoined : t.handoffWaiting}</span>
            </div>
          )}
          {(!state.online || lost) && (
            <div class="banner banner-warn" role="alert">
              {state.online ? t.connectionLost : t.offline}
            </div>
          )}
          {state.closed && (
            <div class="banner" role="status" data-testid="closed-banner">
              {t.closed}
              {state.rated === null ? (
                <div class="rating">
                  <span>{t.rateAsk}</span>
                  {[1, 2, 3, 4, 5].map((n) => (
                    <button
                      key={n}
                      type="button"
                      class="rating-star"
                      data-score={n}
                      aria-label={t.rateStar(n)}
                      onClick={() => void controller.rate(n)}
                    >
                      ★
                    </button>
                  ))}
                </div>
              ) : (
                <div class="rating" data-testid="rated">
                  {t.rated(state.rated)}
                </div>
              )}
            </div>
          )}

          <div
            class="messages"
            ref={listRef}
            role="log"
            aria-live="polite"
            aria-label={t.messages}
            aria-busy={state.loading}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll by keyboard
            tabIndex={0}
            onScroll={(e) => {
              const el = e.currentTarget as HTMLDivElement
              stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48
            }}
          >
            <ol class="message-list">
              <li class="row row-bot welcome">
                <BotAvatar />
                <div class="stack">
                  <div class="bubble">{t.welcome}</div>
                </div>
              </li>
              {state.messages.map((m, i) => {
                const prev = state.messages[i - 1]
                return [
                  needsDivider(prev, m) && (
                    <li key={`d-${m.key}`} class="divider" aria-hidden="true">
                      {formatDateTime(m.createdAt, locale)}
                    </li>
                  ),
                  <MessageRow
                    key={m.key}
                    m={m}
                    prev={prev}
                    locale={locale}
                    t={t}
                    onRetry={(k) => controller.retry(k)}
                  />,
                ]
              })}
              {state.waiting && state.streaming && (
                <li class="row row-bot streaming-row" aria-live="polite">
                  <BotAvatar />
                  <div class="bubble streaming">{state.streaming}</div>
                </li>
              )}
              {state.waiting && !state.streaming && (
                <li class="row row-bot typing-row" role="status">
                  <BotAvatar />
                  <div class="bubble typing">
                    <span class="sr-only">{t.typing}</span>
                    <span class="dot" aria-hidden="true" />
                    <span class="dot" aria-hidden="true" />
                    <span class="dot" aria-hidden="true" />
                  </div>
                </li>
              )}
            </ol>
          </div>

          {(quick.length > 0 || showSuggestions) && (
            <fieldset class="quick">
              <legend class="sr-only">{t.quickReplies}</legend>
              {quick.length > 0
                ? quick.map((b) => (
                    <button type="button" key={`${b.payload}-${b.label}`} onClick={() => send(b.label, b.payload)}>
                      {b.label}
                    </button>
                  ))
                : t.suggestions.map((s) => (
                    <button type="button" key={s} onClick={() => send(s)}>
                      {s}
                    </button>
                  ))}
            </fieldset>
          )}

          {state.notice && (
            <div class="notice" role="alert">
              <span>{t[state.notice]}</span>
              <button
                type="button"
                class="icon-btn small"
                aria-label={t.close}
                onClick={() => controller.dismissNotice()}
              >
                <CloseIcon size={14} />
              </button>
            </div>
          )}

          <Composer
            t={t}
            disabled={false}
            onSend={(text) => send(text)}
            onFile={(file, text) => controller.sendFile(file, text)}
            inputRef={inputRef}
          />
          <p class="powered">{t.poweredBy}</p>
        </section>
      )}

      <button
        type="button"
        class="launcher"
        ref={launcherRef}
        aria-label={state.open ? t.close : state.unread > 0 ? `${t.open} (${t.unread(state.unread)})` : t.open}
        aria-expanded={state.open}
        aria-controls="kefu-panel"
        onClick={() => controller.setOpen(!state.open)}
      >
        {state.open ? <CloseIcon size={26} /> : <ChatIcon />}
        {!state.open && state.unread > 0 && (
          <span class="badge" aria-hidden="true">
            {state.unread > 99 ? '99+' : state.unread}
          </span>
        )}
      </button>
    </div>
  )
}
