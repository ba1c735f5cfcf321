/**
 * Price-drop alerts, stored as events only (no table of their own):
 *   `alert.subscribed` {subscriptionId, sku, customerId, conversationId, targetPrice, priceAtSubscribe, currency, locale}
 *   `alert.sent`       {subscriptionId, sku, price, previousPrice, customerId, conversationId, messageId}
 *   `alert.cancelled`  {subscriptionId, sku, by}
 * A subscription fires when the live price is at or below its `targetPrice`, or (without a target)
 * below the price it was subscribed at; it fires once per price, so a further drop alerts again.
 */
import type { DomainEvent } from '../domain/records.js'
import type { Locale, Product } from '../domain/schemas.js'
import { AppError } from '../errors.js'
import type { Store } from '../ports/store.js'
import { localTitle } from '../recommend/recommend-products.js'
import { money } from '../skills/text.js'
import { allEvents, conversationFor, type ProactiveDeps } from './proactive-deps.js'

export const ALERT_SUBSCRIBED = 'alert.subscribed'
export const ALERT_SENT = 'alert.sent'
export const ALERT_CANCELLED = 'alert.cancelled'

export type AlertSubscription = {
  subscriptionId: string
  sku: string
  customerId: string | null
  conversationId: string | null
  targetPrice: number | null
  priceAtSubscribe: number
  currency: string
  locale: Locale
  createdAt: string
}

function toSubscription(e: DomainEvent): AlertSubscription | null {
  const d = e.data
  if (typeof d.subscriptionId !== 'string' || typeof d.sku !== 'string' || typeof d.priceAtSubscribe !== 'number')
    return null
  return {
    subscriptionId: d.subscriptionId,
    sku: d.sku,
    customerId: typeof d.customerId === 'string' ? d.customerId : null,
    conversationId: typeof d.conversationId === 'string' ? d.conversationId : (e.conversationId ?? null),
    targetPrice: typeof d.targetPrice === 'number' ? d.targetPrice : null,
    priceAtSubscribe: d.priceAtSubscribe,
    currency: typeof d.currency === 'string' ? d.currency : 'CNY',
    locale: d.locale === 'en' ? 'en' : 'zh',
    createdAt: e.createdAt,
  }
}

/** Every active (not cancelled) subscription of a shop, oldest first. */
export async function listSubscriptions(store: Store, shopId: string): Promise<AlertSubscription[]> {
  const cancelled = new Set((await allEvents(store, shopId, ALERT_CANCELLED)).map((e) => String(e.data.subscriptionId)))
  return (await allEvents(store, shopId, ALERT_SUBSCRIBED))
    .map(toSubscription)
    .filter((s) => s !== null && !cancelled.has(s.subscriptionId)) as AlertSubscription[]
}

/** The `alert.cancelled` event data for a subscription. */
export function cancellation(sub: AlertSubscription, by: string): Record<string, unknown> {
  return { subscriptionId: sub.subscriptionId, sku: sub.sku, customerId: sub.customerId, by }
}

/** Cancels one subscription by id (admin API). Throws not_found for an unknown or already cancelled id. */
export async function cancelAlert(
  deps: Pick<ProactiveDeps, 'store' | 'now' | 'newId'>,
  shopId: string,
  subscriptionId: string,
  by = 'admin',
): Promise<AlertSubscription> {
  const sub = (await listSubscriptions(deps.store, shopId)).find((s) => s.subscriptionId === subscriptionId)
  if (!sub) throw new AppError('not_found', `no active subscription '${subscriptionId}'`)
  await deps.store.events.append({
    id: deps.newId('evt'),
    shopId,
    type: ALERT_CANCELLED,
    conversationId: sub.conversationId,
    data: cancellation(sub, by),
    createdAt: deps.now().toISOString(),
  })
  return sub
}

/** The subscriber's existing subscription to this product, if any (one per customer or conversation). */
export function findSubscription(
  subs: AlertSubscription[],
  sku: string,
  who: { customerId: string | null; conversationId: string | null },
): AlertSubscription | null {
  return (
    subs.find(
      (s) =>
        s.sku === sku &&
        ((who.customerId !== null && s.customerId === who.customerId) ||
          (who.customerId === null && who.conversationId !== null && s.conversationId === who.conversationId)),
    ) ?? null
  )
}

/** The `alert.subscribed` event data for a new subscription (stored by the caller, e.g. with a chat turn). */
export function newSubscription(input: {
  subscriptionId: string
  product: Product
  customerId: string | null
  conversationId: string | null
  targetPrice?: number | null
  locale: Locale
}): Record<string, unknown> {
  if (input.targetPrice !== undefined && input.targetPrice !== null && !(input.targetPrice > 0))
    throw new AppError('invalid_input', 'targetPrice must be a positive number')
  if (!input.customerId && !input.conversationId)
    throw new AppError('invalid_input', 'a subscription needs a customerId or a conversationId')
  return {
    subscriptionId: input.subscriptionId,
    sku: input.product.sku,
    customerId: input.customerId,
    conversationId: input.conversationId,
    targetPrice: input.targetPrice ?? null,
    priceAtSubscribe: input.product.price,
    currency: input.product.currency,
    locale: input.locale,
  }
}

/**
 * Subscribes through the API: validates the product and customer, returns the existing subscription
 * instead of a second one.
 */
export async function subscribeAlert(
  deps: Pick<ProactiveDeps, 'store' | 'now' | 'newId'>,
  input: {
    shopId: string
    sku: string
    customerId: string | null
    conversationId: string | null
    targetPrice?: number | null
    locale?: Locale
  },
): Promise<{ subscription: AlertSubscription; created: boolean }> {
  const { store } = deps
  const product = await store.products.get(input.shopId, input.sku)
  if (!product) throw new AppError('not_found', `product '${input.sku}' does not exist`)
  let locale: Locale = input.locale ?? 'zh'
  if (input.customerId) {
    const c = await store.customers.get(input.shopId, input.customerId)
    if (!c) throw new AppError('not_found', `customer '${input.customerId}' does not exist`)
    locale = input.locale ?? c.locale ?? 'zh'
  }
  if (input.conversationId) {
    const conv = await store.conversations.get(input.shopId, input.conversationId)
    if (!conv) throw new AppError('not_found', `conversation '${input.conversationId}' does not exist`)
    if (input.customerId && conv.customerId && conv.customerId !== input.customerId)
      throw new AppError('invalid_input', 'the conversation belongs to another customer')
  }
  const existing = findSubscription(await listSubscriptions(store, input.shopId), input.sku, input)
  if (existing) return { subscription: existing, created: false }
  const data = newSubscription({
    subscriptionId: deps.newId('alrt'),
    product,
    customerId: input.customerId,
    conversationId: input.conversationId,
    targetPrice: input.targetPrice ?? null,
    locale,
  })
  const event: DomainEvent = {
    id: deps.newId('evt'),
    shopId: input.shopId,
    type: ALERT_SUBSCRIBED,
    conversationId: input.conversationId,
    data,
    createdAt: deps.now().toISOString(),
  }
  await store.events.append(event)
  return { subscription: toSubscription(event)!, created: true }
}

/** Does the live price trigger this subscription? */
export function priceTriggers(sub: AlertSubscription, price: number): boolean {
  return sub.targetPrice !== null ? price <= sub.targetPrice : price < sub.priceAtSubscribe
}

/** The alert text, in the subscriber's language. */
export function priceDropText(p: Product, sub: AlertSubscription, locale: Locale): string {
  const title = localTitle(p, locale)
  const now = money(p.price, p.currency)
  const was = money(sub.priceAtSubscribe, sub.currency)
  const saving = money(Math.max(0, sub.priceAtSubscribe - p.price), p.currency)
  return locale === 'zh'
    ? `降价提醒：您关注的「${title}」降价了！现价 ${now}（您订阅时 ${was}，便宜了 ${saving}），目前有货，喜欢的话尽快下单哦。`
    : `Price drop: the ${title} you're watching is now ${now} (it was ${was} when you subscribed, ${saving} less) and in stock.`
}

export type PriceScanResult = {
  subscriptions: number
  sent: Array<{ subscriptionId: string; sku: string; price: number; conversationId: string }>
}

/** Checks every subscription of a shop against live prices and sends the alerts that are due. */
export async function scanPriceDrops(deps: ProactiveDeps, shopId: string): Promise<PriceScanResult> {
  const { store } = deps
  const subs = await listSubscriptions(store, shopId)
  const sentEvents = await allEvents(store, shopId, ALERT_SENT)
  const sentKeys = new Set(sentEvents.map((e) => `${String(e.data.subscriptionId)}@${Number(e.data.price)}`))
  const lastPrice = new Map(sentEvents.map((e) => [String(e.data.subscriptionId), Number(e.data.price)]))
  const products = new Map<string, Product | null>()
  const result: PriceScanResult = { subscriptions: subs.length, sent: [] }
  for (const sub of subs) {
    if (!products.has(sub.sku)) products.set(sub.sku, await store.products.get(shopId, sub.sku))
    const p = products.get(sub.sku)
    // Out of stock: nothing to buy yet; the alert goes out when it is back at that price.
    if (!p || p.stock <= 0 || !priceTriggers(sub, p.price)) continue
    if (sentKeys.has(`${sub.subscriptionId}@${p.price}`)) continue
    const customer = sub.customerId ? await store.customers.get(shopId, sub.customerId) : null
    const locale: Locale = customer?.locale ?? sub.locale
    const conv = await conversationFor(deps, shopId, sub.customerId, sub.conversationId, locale)
    if (!conv) continue
    const previous = lastPrice.get(sub.subscriptionId)
    const m = await deps.postMessage({
      shopId,
      conversationId: conv.id,
      role: 'bot',
      text: priceDropText(p, sub, conv.locale ?? locale),
      meta: {
        proactive: 'price_drop',
        subscriptionId: sub.subscriptionId,
        card: {
          type: 'product',
          data: { sku: p.sku, title: localTitle(p, locale), price: p.price, currency: p.currency, stock: p.stock },
        },
      },
    })
    await store.events.append({
      id: deps.newId('evt'),
      shopId,
      type: ALERT_SENT,
      conversationId: conv.id,
      data: {
        subscriptionId: sub.subscriptionId,
        sku: p.sku,
        price: p.price,
        previousPrice: previous ?? sub.priceAtSubscribe,
        customerId: sub.customerId,
        conversationId: conv.id,
        messageId: m.id,
      },
      createdAt: deps.now().toISOString(),
    })
    sentKeys.add(`${sub.subscriptionId}@${p.price}`)
    lastPrice.set(sub.subscriptionId, p.price)
    result.sent.push({ subscriptionId: sub.subscriptionId, sku: p.sku, price: p.price, conversationId: conv.id })
  }
  return result
}
