/**
 * WooCommerce in the connector registry: `kefu connector add woocommerce --store-url …
 * --consumer-key ck_… --consumer-secret cs_… --webhook-secret …` (docs/woocommerce.md).
 * Options (admin API `options`): `currency` (else read from the store), `refunds` (`note` | `create`),
 * `untrackedStock` (stock shown for in-stock products whose quantity is not tracked).
 */
import { createWooCommerceConnector } from '../../adapters/commerce-woocommerce/woocommerce-commerce-connector.js'
import { AppError } from '../../core/errors.js'
import type { ConnectorDefinition } from './connector-registry.js'

export const woocommerceConnector: ConnectorDefinition = {
  platform: 'woocommerce',
  credentials: ['consumerKey', 'consumerSecret', 'webhookSecret'],
  options: ['currency', 'refunds', 'untrackedStock'],
  create(input, transport) {
    const { consumerKey, consumerSecret, webhookSecret } = input.credentials
    if (!consumerKey || !consumerSecret || !webhookSecret)
      throw new AppError('invalid_input', 'WooCommerce needs consumerKey, consumerSecret and webhookSecret')
    const refunds = input.options.refunds
    if (refunds !== undefined && refunds !== 'note' && refunds !== 'create')
      throw new AppError('invalid_input', "options.refunds: must be 'note' or 'create'")
    const untracked = input.options.untrackedStock === undefined ? undefined : Number(input.options.untrackedStock)
    if (untracked !== undefined && !(Number.isInteger(untracked) && untracked >= 0))
      throw new AppError('invalid_input', 'options.untrackedStock: must be a whole number ≥ 0')
    return createWooCommerceConnector({
      storeUrl: input.storeUrl,
      consumerKey,
      consumerSecret,
      webhookSecret,
      ...(input.options.currency ? { currency: input.options.currency } : {}),
      ...(refunds ? { refunds } : {}),
      ...(untracked !== undefined ? { untrackedStock: untracked } : {}),
      ...(transport.fetch ? { fetch: transport.fetch } : {}),
      ...(transport.sleep ? { sleep: transport.sleep } : {}),
      ...(transport.timeoutMs ? { timeoutMs: transport.timeoutMs } : {}),
      ...(transport.maxRetries !== undefined ? { maxRetries: transport.maxRetries } : {}),
    })
  },
}
