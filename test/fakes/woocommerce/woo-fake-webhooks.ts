/**
 * The fake store's webhooks, as WooCommerce sends them: a POST of the resource's REST JSON with
 * `X-WC-Webhook-Source`, `-Topic`, `-Resource`, `-Event`, `-ID`, `-Delivery-ID` and
 * `X-WC-Webhook-Signature` = base64(HMAC-SHA256(secret, raw body)); and the ping WooCommerce sends
 * when a webhook is saved (form body `webhook_id=N`, no signature).
 */
import { createHmac } from 'node:crypto'
import type { WooRecord } from './woo-fake-catalog.js'

export type Subscription = { topic: string; url: string; secret: string; id?: number }

export type WebhookDelivery = {
  url: string
  topic: string
  resource: unknown
  secret: string
  /** Sent instead of the real signature (a forgery). */
  signature?: string
  webhookId?: number
}

export type DeliveryLog = { topic: string; url: string; status: number; resourceId: number | null }

export class WooFakeWebhooks {
  private readonly subs: Subscription[] = []
  private readonly pending = new Set<Promise<unknown>>()
  readonly log: DeliveryLog[] = []
  private deliveryId = 1

  constructor(private readonly source: () => string) {}

  subscribe(s: Subscription): void {
    this.subs.push({ ...s, id: s.id ?? this.subs.length + 1 })
  }

  /** Stops every subscription (changes then go unannounced, as when a webhook is disabled). */
  unsubscribeAll(): void {
    this.subs.length = 0
  }

  /** Queues deliveries of `topic` to every subscriber (asynchronously, as WooCommerce's scheduler does). */
  emit(topic: string, resource: WooRecord): void {
    const snapshot = structuredClone(resource)
    for (const s of this.subs.filter((x) => x.topic === topic)) {
      const p = this.deliver({ url: s.url, topic, resource: snapshot, secret: s.secret, webhookId: s.id ?? 1 }).catch(
        () => undefined,
      )
      this.pending.add(p)
      void p.finally(() => this.pending.delete(p))
    }
  }

  /** Waits for queued deliveries. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending])
  }

  async deliver(d: WebhookDelivery): Promise<{ status: number; body: string }> {
    const body = JSON.stringify(d.resource)
    const [resource, event] = d.topic.split('.')
    const res = await fetch(d.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'WooCommerce/9.4.0 Hookshot (WordPress/6.7)',
        'x-wc-webhook-source': `${this.source()}/`,
        'x-wc-webhook-topic': d.topic,
        'x-wc-webhook-resource': resource ?? '',
        'x-wc-webhook-event': event ?? '',
        'x-wc-webhook-signature': d.signature ?? createHmac('sha256', d.secret).update(body).digest('base64'),
        'x-wc-webhook-id': String(d.webhookId ?? 1),
        'x-wc-webhook-delivery-id': String(this.deliveryId++),
      },
      body,
      signal: AbortSignal.timeout(10_000),
    })
    const text = await res.text()
    const id = typeof (d.resource as { id?: unknown })?.id === 'number' ? (d.resource as { id: number }).id : null
    this.log.push({ topic: d.topic, url: d.url, status: res.status, resourceId: id })
    return { status: res.status, body: text }
  }

  /** The ping WooCommerce sends when a webhook is created. */
  async ping(url: string, webhookId = 1): Promise<{ status: number; body: string }> {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'WooCommerce/9.4.0 Hookshot' },
      body: `webhook_id=${webhookId}`,
      signal: AbortSignal.timeout(10_000),
    })
    return { status: res.status, body: await res.text() }
  }
}
