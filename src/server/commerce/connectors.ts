/**
 * The connector platforms this build ships (see connector-registry.ts). Adding a platform is one
 * entry here plus its adapter in src/adapters/commerce-<platform>.
 */
import { createShopifyConnector } from '../../adapters/commerce-shopify/shopify-connector.js'
import type { ConnectorRegistry } from './connector-registry.js'
import { woocommerceConnector } from './woocommerce-connector.js'

export const CONNECTORS: ConnectorRegistry = {
  shopify: {
    platform: 'shopify',
    credentials: ['accessToken', 'webhookSecret'],
    options: ['apiVersion'],
    create: (input, transport) =>
      createShopifyConnector({
        storeUrl: input.storeUrl,
        accessToken: input.credentials.accessToken ?? '',
        webhookSecret: input.credentials.webhookSecret ?? '',
        ...(input.options.apiVersion ? { apiVersion: input.options.apiVersion } : {}),
        ...transport,
      }),
  },
  woocommerce: woocommerceConnector,
}
