/**
 * "X1放无线充电板上没反应": a fault about a feature the customer's device does not have is not a fault.
 * The feature comes from the matched fault's own wording (shop data) through the product-attribute
 * concepts; the device's catalog attribute says `false` for it (`wirelessCharging: false`).
 */

import type { Fault, Locale, Product } from '../domain/schemas.js'
import { ATTRIBUTE_CONCEPTS, type AttributeConcept } from '../knowledge/product-attributes.js'
import type { FaultCues } from '../nlu/types.js'
import { say } from './text.js'

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

/**
 * "只显示4G 从来没有5G" on a phone whose catalog `network` attribute says 4G: the network the customer
 * misses and the one the model has, or null when the model has it (or the catalog does not say).
 */
export function missingNetwork(cues: FaultCues, product: Product): { missing: string; has: string } | null {
  if (!cues.missingNetwork) return null
  const attrs = (product.attributes ?? {}) as Record<string, unknown>
  const net = Object.entries(attrs).find(
    ([k, v]) => k.toLowerCase().startsWith('network') && typeof v === 'string',
  )?.[1] as string | undefined
  if (!net || net.toUpperCase().includes(cues.missingNetwork)) return null
  return { missing: cues.missingNetwork, has: net }
}

/** The reply: the model is a 4G phone, so no 5G is expected. */
export function networkAnswer(L: Locale, name: string, n: { missing: string; has: string }): string {
  return say(
    L,
    `${name} 是 ${n.has} 手机，不支持 ${n.missing} 网络，所以一直显示 ${n.has} 是正常的，不是故障，手机本身没有问题。如果 ${n.has} 信号也有异常，随时告诉我。`,
    `The ${name} is a ${n.has} phone and doesn't support ${n.missing}, so showing ${n.has} is normal — it isn't a fault. If the ${n.has} signal itself has problems, just tell me.`,
  )
}
