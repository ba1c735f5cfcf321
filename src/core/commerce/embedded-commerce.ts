/**
 * The embedded commerce adapter: kefu's own store is the system of record, so every action is
 * accepted and the skill writes it to the store itself (today's behaviour). Pure: no I/O here.
 */
import type { CommerceActions } from '../ports/commerce.js'

/** Accepts every action; the caller writes the change to kefu's store. */
export function createEmbeddedCommerce(): CommerceActions {
  return {
    specificationVersion: 'v1',
    platform: 'embedded',
    async cancelOrder() {
      return { ok: true }
    },
    async updateShippingAddress() {
      return { ok: true }
    },
    async requestReturn() {
      return { ok: true }
    },
  }
}

/** The shared instance used when a turn has no connector (`TurnContext.commerce` absent). */
export const embeddedCommerce: CommerceActions = createEmbeddedCommerce()
