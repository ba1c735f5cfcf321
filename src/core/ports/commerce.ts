/**
 * The commerce port: the shop's system of record for orders (and, for connected platforms, the
 * catalog and customers). Skills act on orders only through `CommerceActions`, and confirm an action
 * to the customer only after the system of record accepted it.
 *
 * Adapters:
 * - embedded (kefu's own store is the system of record; today's behaviour) — `src/adapters/commerce-embedded`
 * - Shopify (Admin API) — `src/adapters/commerce-shopify`
 * - WooCommerce (REST API v3) — `src/adapters/commerce-woocommerce`
 * All pass one conformance suite (`test/contract/commerce.contract.ts`) against their platform's fake.
 *
 * Reads during a turn come from kefu's store, which for a connected platform is a mirror kept current
 * by an initial sync, webhooks and a periodic reconciliation (the `CommerceConnector` methods below).
 * Prices and stock are read from that mirror, which webhooks update as they arrive.
 */
import type { Address, Customer, Order, Product } from '../domain/schemas.js'

export type CommercePlatform = 'embedded' | 'shopify' | 'woocommerce'

/**
 * What the system of record said to an action.
 * - `ok`: accepted; `order` is the order as the platform holds it afterwards when it returned one
 *   (the caller then writes it to kefu's mirror), `externalId` the platform's id of what was created
 *   (a return, a refund).
 * - `refused`: the platform understood and said no (already fulfilled, not cancellable, validation);
 *   `detail` is the platform's reason, for the ticket and the logs — never shown raw to a customer.
 * - `unavailable`: timeout, 5xx, rate limited past the retry budget, network error, bad credentials.
 */
export type CommerceActionResult =
  | { ok: true; order?: Order; externalId?: string }
  | { ok: false; kind: 'refused' | 'unavailable'; detail: string }

export type ReturnRequestInput = {
  items: Array<{ sku: string; quantity: number }>
  /** The customer's reason as kefu understood it (e.g. `size`, `quality`, `no_reason`) plus free text. */
  reason: string
  kind: 'return' | 'refund' | 'exchange'
  /** kefu's own return number, so the platform's record can be found from kefu and back. */
  kefuReturnId: string
}

/** Which action a result belongs to (tickets, events, logs). */
export type CommerceActionKind = 'cancel' | 'address' | 'return'

/** The actions skills take on an order. Every call has a timeout and never throws for platform errors. */
export type CommerceActions = {
  readonly specificationVersion: 'v1'
  readonly platform: CommercePlatform
  cancelOrder(order: Order, input: { reason: string }): Promise<CommerceActionResult>
  /** Only before fulfilment; the platform refuses it afterwards. */
  updateShippingAddress(order: Order, address: Address): Promise<CommerceActionResult>
  requestReturn(order: Order, input: ReturnRequestInput): Promise<CommerceActionResult>
}

/**
 * One page of a sync read; `next` is an opaque cursor, null on the last page. `total` is the
 * platform's count when it gives one cheaply (progress); `skipped` counts platform records the
 * adapter could not map (e.g. a customer without any phone number), with a short reason each.
 */
export type SyncPage<T> = {
  rows: T[]
  next: string | null
  total?: number
  skipped?: Array<{ id: string; reason: string }>
}

/** A change announced by a platform webhook, already mapped into kefu's records. */
export type CommerceChange =
  | { kind: 'product'; product: Product }
  | { kind: 'order'; order: Order }
  | { kind: 'customer'; customer: Customer }
  /** A topic kefu does not mirror (acknowledged, not processed). */
  | { kind: 'ignored'; topic: string }

/** Headers as received (lower-case names) and the exact raw body bytes, for signature checks. */
export type WebhookDelivery = {
  headers: Record<string, string | undefined>
  rawBody: Uint8Array
}

/**
 * A connector to an external platform: actions plus what sync, reconciliation and webhooks need.
 * One connector instance serves one shop (its store URL and credentials).
 */
export type CommerceConnector = CommerceActions & {
  /** Total counts for progress, when the platform answers them cheaply (null when unknown). */
  count?(kind: 'products' | 'customers' | 'orders'): Promise<number | null>
  listProducts(cursor: string | null): Promise<SyncPage<Product>>
  listCustomers(cursor: string | null): Promise<SyncPage<Customer>>
  /** `updatedSince` (ISO instant) limits a reconciliation pass to recent changes. */
  listOrders(cursor: string | null, opts?: { updatedSince?: string }): Promise<SyncPage<Order>>
  /** True when the delivery carries a valid signature (constant-time compare) for this shop's secret. */
  verifyWebhook(delivery: WebhookDelivery): boolean
  /**
   * Maps a verified delivery to kefu records; rejects with AppError('invalid_input') on a malformed
   * body. Async so an adapter may look up what the payload lacks (e.g. the shop's currency).
   */
  parseWebhook(delivery: WebhookDelivery): Promise<CommerceChange[]>
}
