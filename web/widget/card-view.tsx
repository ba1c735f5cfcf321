/** Rich cards under a bot reply: order, product, ticket, return; anything else as a key/value list. */
import type { ReplyCard } from './api-client.js'
import { formatDateTime, formatPrice } from './format.js'
import type { Locale, Strings } from './i18n.js'

type Props = { card: ReplyCard; locale: Locale; t: Strings }

const str = (v: unknown): string | null =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const obj = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null

function OrderCard({ data, locale, t }: { data: Record<string, unknown>; locale: Locale; t: Strings }) {
  const status = str(data.status)
  const currency = str(data.currency) ?? 'CNY'
  const total = num(data.total)
  const items = Array.isArray(data.items) ? data.items.map(obj).filter((i) => i !== null) : []
  // Tracking comes either nested (`shipment: {carrier, trackingNo, eta, events}`) or flat on the order.
  const shipment =
    obj(data.shipment) ??
    (str(data.carrier) || str(data.trackingNo)
      ? { carrier: data.carrier, trackingNo: data.trackingNo, eta: data.eta }
      : null)
  const events = shipment && Array.isArray(shipment.events) ? shipment.events.map(obj).filter((e) => e !== null) : []
  const latest = [...events].sort((a, b) => String(b.time ?? '').localeCompare(String(a.time ?? '')))[0]
  const eta = shipment ? str(shipment.eta) : null
  return (
    <div class="card">
      <div class="card-head">
        <span class="card-title">
          {t.order} {str(data.orderNo) ?? ''}
        </span>
        {status && <span class={`pill pill-${status}`}>{t.orderStatus[status] ?? status}</span>}
      </div>
      {items.length > 0 && (
        <ul class="card-items">
          {items.slice(0, 4).map((item, i) => (
            <li key={i}>
              <span class="card-item-title">{str(item.title) ?? str(item.sku) ?? ''}</span>
              <span class="card-muted">×{num(item.qty) ?? 1}</span>
            </li>
          ))}
        </ul>
      )}
      {total !== null && (
        <div class="card-row">
          <span class="card-muted">{t.total}</span>
          <strong>{formatPrice(total, currency, locale)}</strong>
        </div>
      )}
      {shipment && (
        <div class="card-track">
          <div class="card-row">
            <span class="card-muted">{t.tracking}</span>
            <span>
              {str(shipment.carrier) ?? ''} {str(shipment.trackingNo) ?? ''}
            </span>
          </div>
          {latest && (
            <div class="card-event">
              <span class="dot" aria-hidden="true" />
              <div>
                <div>
                  {str(latest.location) ? `【${str(latest.location)}】` : ''}
                  {str(latest.description) ?? ''}
                </div>
                {str(latest.time) && <div class="card-muted">{formatDateTime(String(latest.time), locale)}</div>}
              </div>
            </div>
          )}
          {eta && (
            <div class="card-row">
              <span class="card-muted">{t.eta}</span>
              <span>{formatDateTime(eta, locale)}</span>
            </div>
          )}
        </div>
      )}
    </div>
  )
}

function ProductCard({ data, locale, t }: { data: Record<string, unknown>; locale: Locale; t: Strings }) {
  const price = num(data.price)
  const stock = num(data.stock)
  const image = Array.isArray(data.images) ? str(data.images[0]) : null
  return (
    <div class="card card-product">
      {image && <img class="card-img" src={image} alt="" loading="lazy" />}
      <div class="card-body">
        <div class="card-title">{str(data.title) ?? str(data.sku) ?? ''}</div>
        {str(data.brand) && <div class="card-muted">{str(data.brand)}</div>}
        <div class="card-row">
          {price !== null && <strong class="price">{formatPrice(price, str(data.currency) ?? 'CNY', locale)}</strong>}
          {stock !== null && (
            <span class={`pill ${stock > 0 ? 'pill-ok' : 'pill-bad'}`}>{stock > 0 ? t.inStock : t.outOfStock}</span>
          )}
        </div>
      </div>
    </div>
  )
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

function FieldsCard({
  title,
  data,
  locale,
  t,
}: {
  title: string
  data: Record<string, unknown>
  locale: Locale
  t: Strings
}) {
  const status = str(data.status)
  const currency = str(data.currency) ?? 'CNY'
  const fields = Object.entries(data)
    .filter(([k, v]) => k !== 'status' && k !== 'currency' && str(v) !== null)
    .slice(0, 6)
  const show = (k: string, v: unknown): string => {
    const text = str(v) ?? ''
    if (typeof v === 'number' && /amount|total|price/i.test(k)) return formatPrice(v, currency, locale)
    if (ISO_TIME.test(text)) return formatDateTime(text, locale)
    return t.values[text] ?? text
  }
  return (
    <div class="card">
      <div class="card-head">
        <span class="card-title">{title}</span>
        {status && <span class="pill">{t.values[status] ?? status}</span>}
      </div>
      <dl class="card-fields">
        {fields.map(([k, v]) => (
          <div class="card-row" key={k}>
            <dt class="card-muted">{t.fields[k] ?? k}</dt>
            <dd>{show(k, v)}</dd>
          </div>
        ))}
      </dl>
    </div>
  )
}

/** Renders one reply card. */
export function CardView({ card, locale, t }: Props) {
  const data = obj(card.data) ?? {}
  if (card.type === 'order') return <OrderCard data={data} locale={locale} t={t} />
  if (card.type === 'product') return <ProductCard data={data} locale={locale} t={t} />
  if (card.type === 'ticket') return <FieldsCard title={t.ticket} data={data} locale={locale} t={t} />
  if (card.type === 'return') return <FieldsCard title={t.returnRequest} data={data} locale={locale} t={t} />
  return <FieldsCard title={card.type} data={data} locale={locale} t={t} />
}
