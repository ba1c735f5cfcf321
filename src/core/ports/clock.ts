/**
 * The only way core code learns the time. The composition root creates one clock
 * (the system clock in production) and passes it to everything that needs "now":
 * dialogue and skills (return windows, warranty, SLA, ETA lateness), NLU date
 * resolution, proactive scans, analytics windows, tokens, rate limits, jobs.
 * Tests and story runs set it; nothing in core reads the wall clock.
 */
export type Clock = {
  readonly specificationVersion: 'v1'
  now(): Date
}

/** A clock that always answers the same instant (stories, unit tests). */
export function fixedClock(at: Date | string): Clock {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime()
  if (Number.isNaN(ms)) throw new Error(`fixedClock: not a date: ${String(at)}`)
  return { specificationVersion: 'v1', now: () => new Date(ms) }
}

/** A clock a test moves by hand: `set` jumps, `advance` moves forward by milliseconds. */
export type ManualClock = Clock & { set(at: Date | string): void; advance(ms: number): void }

export function manualClock(start: Date | string): ManualClock {
  let ms = typeof start === 'string' ? Date.parse(start) : start.getTime()
  if (Number.isNaN(ms)) throw new Error(`manualClock: not a date: ${String(start)}`)
  return {
    specificationVersion: 'v1',
    now: () => new Date(ms),
    set(at) {
      const next = typeof at === 'string' ? Date.parse(at) : at.getTime()
      if (Number.isNaN(next)) throw new Error(`manualClock.set: not a date: ${String(at)}`)
      ms = next
    },
    advance(delta) {
      ms += delta
    },
  }
}
