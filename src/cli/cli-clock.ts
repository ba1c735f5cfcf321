/**
 * The clock of a one-shot CLI command: the system clock, started at KEFU_CLOCK_START when set — the
 * same clock the server would use.
 */
import { systemClock } from '../adapters/clock/system-clock.js'
import type { Clock } from '../core/ports/clock.js'

export function cliClock(env: Record<string, string | undefined> = process.env): Clock {
  const start = env.KEFU_CLOCK_START
  if (start && !Number.isNaN(Date.parse(start))) return systemClock(new Date(start))
  return systemClock()
}
