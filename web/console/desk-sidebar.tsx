/** The left column: the live queue and the agent's own conversations. */
import type { ActiveItem, QueueItem } from './agent-client.js'
import { emotionLevel, formatDuration, formatTime } from './console-format.js'
import type { ConsoleLocale, ConsoleStrings } from './console-i18n.js'

export function DeskSidebar(props: {
  t: ConsoleStrings
  locale: ConsoleLocale
  tab: 'queue' | 'mine'
  onTab: (t: 'queue' | 'mine') => void
  queue: QueueItem[]
  mine: ActiveItem[]
  loaded: boolean
  now: number
  selectedId: string | null
  unread: Record<string, number>
  claimingId: string | null
  onSelect: (id: string) => void
  onClaim: (id: string) => void
}) {
  const { t } = props
  const mineUnread = props.mine.filter((m) => (props.unread[m.conversationId] ?? 0) > 0 || m.awaitingAgent).length
  return (
    <nav class="sidebar" aria-label={t.queue}>
      <div class="tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={props.tab === 'queue'}
          class={`tab${props.tab === 'queue' ? ' active' : ''}`}
          onClick={() => props.onTab('queue')}
        >
          {t.queue}
          <span class={`count${props.queue.length > 0 ? ' hot' : ''}`} data-testid="queue-count">
            {props.queue.length}
          </span>
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={props.tab === 'mine'}
          class={`tab${props.tab === 'mine' ? ' active' : ''}`}
          onClick={() => props.onTab('mine')}
        >
          {t.mine}
          <span class={`count${mineUnread > 0 ? ' hot' : ''}`}>{props.mine.length}</span>
        </button>
      </div>
      <div class="list" role="tabpanel">
        {props.tab === 'queue' ? (
          props.queue.length === 0 ? (
            <Empty title={props.loaded ? t.queueEmpty : t.loading} hint={props.loaded ? t.queueEmptyHint : ''} />
          ) : (
            <ul>
              {props.queue.map((q) => (
                <QueueRow key={q.conversationId} {...props} item={q} />
              ))}
            </ul>
          )
        ) : props.mine.length === 0 ? (
          <Empty title={props.loaded ? t.mineEmpty : t.loading} hint={props.loaded ? t.mineEmptyHint : ''} />
        ) : (
          <ul>
            {props.mine.map((m) => (
              <MineRow key={m.conversationId} {...props} item={m} />
            ))}
          </ul>
        )}
      </div>
    </nav>
  )
}

function Empty(props: { title: string; hint: string }) {
  return (
    <div class="empty">
      <div class="empty-title">{props.title}</div>
      {props.hint && <div class="empty-hint">{props.hint}</div>}
    </div>
  )
}

function QueueRow(props: {
  t: ConsoleStrings
  item: QueueItem
  now: number
  selectedId: string | null
  claimingId: string | null
  onSelect: (id: string) => void
  onClaim: (id: string) => void
}) {
  const { t, item } = props
  const wait = props.now - Date.parse(item.waitingSince)
  const level = emotionLevel(Math.max(item.peakEmotion, item.emotion?.score ?? 0))
  const name = item.customer?.name ?? t.visitor
  const selected = props.selectedId === item.conversationId
  return (
    <li class={`row${selected ? ' selected' : ''}`} data-conversation={item.conversationId} data-testid="queue-item">
      <button type="button" class="row-main" onClick={() => props.onSelect(item.conversationId)}>
        <span class="row-top">
          <span class={`mood mood-${level}`} title={t.emotions[level] ?? level} aria-hidden="true" />
          <span class="row-name">{name}</span>
          {item.customer && <span class="tier">{t.tier[item.customer.tier] ?? item.customer.tier}</span>}
          <span class={`wait${wait > 5 * 60_000 ? ' late' : wait > 60_000 ? ' warm' : ''}`}>
            {t.waiting(formatDuration(wait))}
          </span>
        </span>
        <span class="row-text">{item.lastCustomerMessage?.text ?? '—'}</span>
        <span class="row-tags">
          {item.reason && <span class={`tag reason-${item.reason}`}>{t.reasons[item.reason] ?? item.reason}</span>}
          {item.intent && item.intent !== 'human_agent' && (
            <span class="tag muted">{t.intents[item.intent] ?? item.intent}</span>
          )}
          <span class="tag muted">{item.locale === 'en' ? 'EN' : item.locale === 'zh' ? '中' : item.channel}</span>
        </span>
      </button>
      <button
        type="button"
        class="button primary small claim"
        disabled={props.claimingId !== null}
        onClick={() => props.onClaim(item.conversationId)}
      >
        {props.claimingId === item.conversationId ? t.claiming : t.claim}
      </button>
    </li>
  )
}

function MineRow(props: {
  t: ConsoleStrings
  locale: ConsoleLocale
  item: ActiveItem
  selectedId: string | null
  unread: Record<string, number>
  onSelect: (id: string) => void
}) {
  const { t, item } = props
  const unread = props.unread[item.conversationId] ?? 0
  const level = emotionLevel(item.emotion?.score)
  const selected = props.selectedId === item.conversationId
  const last = item.lastMessage
  return (
    <li class={`row${selected ? ' selected' : ''}`} data-conversation={item.conversationId} data-testid="mine-item">
      <button type="button" class="row-main" onClick={() => props.onSelect(item.conversationId)}>
        <span class="row-top">
          <span class={`mood mood-${level}`} title={t.emotions[level] ?? level} aria-hidden="true" />
          <span class="row-name">{item.customer?.name ?? t.visitor}</span>
          {last && <span class="time">{formatTime(last.createdAt, props.locale)}</span>}
          {(unread > 0 || item.awaitingAgent) && (
            <span class={`badge${unread > 0 ? '' : ' dot'}`} title={t.unread(unread)}>
              {unread > 0 ? unread : ''}
            </span>
          )}
        </span>
        <span class={`row-text${item.awaitingAgent ? ' strong' : ''}`}>
          {last ? `${last.role === 'customer' ? '' : `${t.roles[last.role]}: `}${last.text}` : '—'}
        </span>
      </button>
    </li>
  )
}
