/** Fault graph (placeholder until the hand-written list lands). */
import type { Fault } from '../../src/core/domain/schemas.js'

/** All fault entries. */
export function buildFaults(): Fault[] {
  return []
}
