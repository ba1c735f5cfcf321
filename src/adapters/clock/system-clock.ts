/**
 * The production clock: the machine's wall clock. Created once in the composition root;
 * everything else gets time from the `Clock` it is handed.
 *
 * `startAt` (KEFU_CLOCK_START) starts the clock at another instant, from where it runs at
 * normal speed: to rehearse a future day, demo a date, or pin a test server's day.
 */
import type { Clock } from '../../core/ports/clock.js'

export function systemClock(startAt?: Date): Clock {
  const offset = startAt ? startAt.getTime() - Date.now() : 0
  return { specificationVersion: 'v1', now: () => new Date(Date.now() + offset) }
}
