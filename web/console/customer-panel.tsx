/** The right column: who the customer is, what the bot understood, their orders, tickets and returns. */
import { type ComponentChildren, Fragment } from 'preact'
import type { ConversationView } from './agent-client.js'
import { formatDate, formatDuration, formatMoney, formatTime, formatValue } from './console-format.js'
import type { ConsoleLocale, ConsoleStrings } from './console-i18n.js'

export function CustomerPanel(props: {
  t: ConsoleStrings
  locale: ConsoleLocale
  view: ConversationView
  now: number
  onHide: () => void
}) {
  const { t, view, locale } = props
  const cu = view.customer
  const d = view.dialogue
  const slots = Object.entries(d.slots).filter(([, v]) => v !== null && v !== undefined && v !== '')
  return (
    <aside class="panel" aria-label={t.customerPanel}>
      <div class="panel-head">
        <strong>{t.customerPanel}</strong>
        <button type="button" class="link-button panel-hide" onClick={props.onHide}>
          {t.hidePanel}
        </button>
      </div>

      {view.handoffSummary && (
        <Section title={t.handoffSummary}>
          <div class="handoff-summary" data-testid="handoff-summary" data-source={view.handoffSummary.source}>
            <span class="tag">{t.summarySource[view.handoffSummary.source] ?? view.handoffSummary.source}</span>
            {view.routing && (
              <span class="tag">
                {t.routingQueue}: {view.routing.queue}
              </span>
            )}
            <p class="summary-text">{view.handoffSummary.text}</p>
            {view.routing?.offer && view.conversation.status === 'waiting_human' && (
              <p class="muted small">{t.offeredTo(view.routing.offer.agentName)}</p>
            )}
          </div>
        </Section>
      )}

      <Section title={t.profile}>
        {cu ? (
          <div class="profile">
            <div class="profile-name">
              {cu.name}
              <span class={`tier tier-${cu.tier}`}>{t.tier[cu.tier] ?? cu.tier}</span>
            </div>
            <dl class="kv">
              <dt>ID</dt>
              <dd>{cu.id}</dd>
              <dt>{t.phone}</dt>
              <dd>{cu.phone}</dd>
              {cu.email && (
                <>
                  <dt>{t.email}</dt>
                  <dd>{cu.email}</dd>
                </>
              )}
              {(cu.profile?.heightCm || cu.profile?.weightKg) && (
                <>
                  <dt>{t.bodyProfile}</dt>
                  <dd>
                    {cu.profile?.heightCm ? `${cu.profile.heightCm} cm` : '—'} /{' '}
                    {cu.profile?.weightKg ? `${cu.profile.weightKg} kg` : '—'}
                  </dd>
                </>
              )}
              <dt>{t.locale}</dt>
              <dd>{view.conversation.locale ?? cu.locale ?? '—'}</dd>
              <dt>{t.channel}</dt>
              <dd>{view.conversation.channel}</dd>
            </dl>
            {view.customerTags.length > 0 && (
              <ul class="customer-tags" aria-label={t.customerTags} data-testid="customer-tags">
                {view.customerTags.map((tag) => (
                  <li class="tag" key={tag}>
                    {tag}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : (
          <p class="muted">{t.anonymous}</p>
        )}
      </Section>

      {view.handoff && (
        <Section title={t.handoff}>
          <div class="handoff">
            <span class={`tag reason-${view.handoff.reason ?? 'other'}`}>
              {(view.handoff.reason && t.reasons[view.handoff.reason]) ?? view.handoff.reason ?? '—'}
            </span>
            {view.handoff.reasonDetail && <span class="muted small">{view.handoff.reasonDetail}</span>}
            <div class="muted small">
              {t.requestedAt}: {formatTime(view.handoff.requestedAt, locale)}
              {view.conversation.status === 'waiting_human' &&
                ` · ${t.waiting(formatDuration(props.now - Date.parse(view.handoff.requestedAt)))}`}
            </div>
          </div>
        </Section>
      )}

      <Section title={t.botState}>
        <dl class="kv">
          <dt>{t.activeIntent}</dt>
          <dd>{d.activeIntent ? (t.intents[d.activeIntent] ?? d.activeIntent) : t.none}</dd>
          {d.awaiting && (
            <>
              <dt>{t.awaiting}</dt>
              <dd>{d.awaiting}</dd>
            </>
          )}
          {d.topics.length > 0 && (
            <>
              <dt>{t.topics}</dt>
              <dd>{d.topics.map((x) => t.intents[x] ?? x).join(' → ')}</dd>
            </>
          )}
        </dl>
        {slots.length > 0 && (
          <>
            <div class="sub-title">{t.slots}</div>
            <dl class="kv slots">
              {slots.map(([k, v]) => (
                <Fragment key={k}>
                  <dt>{k}</dt>
                  <dd>{formatValue(v)}</dd>
                </Fragment>
              ))}
            </dl>
          </>
        )}
      </Section>

      <Section title={t.orders} count={view.orders.length}>
        {view.orders.length === 0 ? (
          <p class="muted">{t.noOrders}</p>
        ) : (
          <ul class="cards">
            {view.orders.map((o) => {
              const last = o.shipment?.events[o.shipment.events.length - 1]
              return (
                <li class="card" key={o.orderNo} data-order={o.orderNo}>
                  <div class="card-top">
                    <span class="mono">{o.orderNo}</span>
                    <span class={`pill order-${o.status}`}>{t.orderStatus[o.status] ?? o.status}</span>
                  </div>
                  <div class="card-line">
                    {formatDate(o.createdAt, locale)} · {formatMoney(o.total, o.currency, locale)}
                  </div>
                  <ul class="items">
                    {o.items.map((i) => (
                      <li key={`${i.sku}-${i.size ?? ''}-${i.color ?? ''}`}>
                        {i.title ?? i.sku}
                        {(i.size || i.color) && (
                          <span class="muted"> ({[i.size, i.color].filter(Boolean).join(' / ')})</span>
                        )}
                        <span class="muted"> ×{i.qty}</span>
                      </li>
                    ))}
                  </ul>
                  {o.shipment && (
                    <div class="shipment">
                      <div>
                        <b>{t.tracking}</b> {o.shipment.carrier} <span class="mono">{o.shipment.trackingNo}</span>{' '}
                        <span class={`pill ship-${o.shipment.status}`}>
                          {t.shipmentStatus[o.shipment.status] ?? o.shipment.status}
                        </span>
                      </div>
                      {o.shipment.eta && (
                        <div class="muted small">
                          {t.eta}: {formatDate(o.shipment.eta, locale)}
                        </div>
                      )}
                      {last && (
                        <div class="small">
                          {formatTime(last.time, locale)} {last.location} {last.description}
                        </div>
                      )}
                    </div>
                  )}
                  {o.address && (
                    <div class="muted small">
                      {t.address}: {o.address.name} {o.address.region} {o.address.detail}
                    </div>
                  )}
                </li>
              )
            })}
          </ul>
        )}
      </Section>

      <Section title={`${t.tickets} · ${t.openTickets} ${view.openTickets.length}`} count={view.tickets.length}>
        {view.tickets.length === 0 ? (
          <p class="muted">{t.noTickets}</p>
        ) : (
          <ul class="cards">
            {view.tickets.map((k) => (
              <li class="card" key={k.id}>
                <div class="card-top">
                  <span class="mono">{k.id}</span>
                  <span class={`pill ticket-${k.status}`}>{t.ticketStatus[k.status] ?? k.status}</span>
                </div>
                <div class="card-line">{k.subject}</div>
                <div class="muted small">
                  {k.queue} · {t.priority[k.priority] ?? k.priority} · {t.sla} {formatTime(k.slaDueAt, locale)}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Section>

      {view.returns.length > 0 && (
        <Section title={t.returns} count={view.returns.length}>
          <ul class="cards">
            {view.returns.map((r) => (
              <li class="card" key={r.id}>
                <div class="card-top">
                  <span class="mono">{r.id}</span>
                  <span class="pill">{t.returnStatus[r.status] ?? r.status}</span>
                </div>
                <div class="card-line">
                  {t.returnKind[r.kind] ?? r.kind} · <span class="mono">{r.orderNo}</span> ·{' '}
                  {formatMoney(r.refundAmount, 'CNY', locale)}
                </div>
                <div class="muted small">{r.reason}</div>
              </li>
            ))}
          </ul>
        </Section>
      )}

      {view.timeline.length > 0 && (
        <Section title={t.timeline}>
          <ol class="timeline">
            {view.timeline.map((e) => (
              <li key={`${e.type}-${e.at}`}>
                <time>{formatTime(e.at, locale)}</time> {t.timelineEvents[e.type] ?? e.type}
                {e.agentName ? ` · ${e.agentName}` : ''}
              </li>
            ))}
          </ol>
        </Section>
      )}
    </aside>
  )
}

function Section(props: { title: string; count?: number; children: ComponentChildren }) {
  return (
    <section class="panel-section">
      <h2>
        {props.title}
        {props.count !== undefined && <span class="count">{props.count}</span>}
      </h2>
      {props.children}
    </section>
  )
}
