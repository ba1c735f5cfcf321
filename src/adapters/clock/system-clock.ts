/**
 * The production clock: the machine's wall clock. Created once in the composition
 * root; everything else gets time from the `Clock` it is handed.
 */
import type { Clock } from '../../core/ports/clock.js'

export function systemClock(): Clock {
  return { specificationVersion: 'v1', now: () => new Date() }
}
