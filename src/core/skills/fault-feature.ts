/**
 * "X1放无线充电板上没反应": a fault about a feature the customer's device does not have is not a fault.
 * The feature comes from the matched fault's own wording (shop data) through the product-attribute
 * concepts; the device's catalog attribute says `false` for it (`wirelessCharging: false`).
 */

import type { Fault, Product } from '../domain/schemas.js'
import { ATTRIBUTE_CONCEPTS, type AttributeConcept } from '../knowledge/product-attributes.js'

/** The feature the fault is about that the product's catalog attributes say it lacks, or null. */
export function missingFeature(fault: Pick<Fault, 'symptom' | 'similar'>, product: Product): AttributeConcept | null {
  const words = [fault.symptom, ...fault.similar].join(' ').toLowerCase()
  const attrs = Object.entries((product.attributes ?? {}) as Record<string, unknown>)
  for (const c of ATTRIBUTE_CONCEPTS) {
    if (![...c.zh, ...c.en].some((w) => words.includes(w.toLowerCase()))) continue
    if (attrs.some(([k, v]) => v === false && c.keys.test(k))) return c
  }
  return null
}
