/**
 * Moves every timestamp in a row by the same amount, so a shop written for one
 * reference moment (the demo's `asOf`) reads the same on any later day: an order
 * placed two days before `asOf` is placed two days before today.
 *
 * Only ISO 8601 date-times with a time and an explicit offset are moved (`…T…Z`,
 * `…T…+08:00`); each keeps its own offset and precision. Plain dates, numbers and
 * free text are left alone.
 */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/** Shifts one ISO date-time string by `deltaMs`; anything else comes back unchanged. */
export function shiftIsoDateTime(value: string, deltaMs: number): string {
  const m = ISO_DATE_TIME.exec(value)
  if (!m) return value
  const ms = Date.parse(value)
  if (Number.isNaN(ms)) return value
  const zone = m[8]!
  const offsetMin =
    zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)))
  // The wall time in the value's own offset, computed in UTC arithmetic.
  const local = new Date(ms + deltaMs + offsetMin * 60_000)
  const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`
  let time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`
  if (m[6] !== undefined) time += `:${pad(local.getUTCSeconds())}`
  if (m[7] !== undefined) time += `.${pad(local.getUTCMilliseconds(), 3)}`
  return `${date}T${time}${zone}`
}

/** A deep copy of `value` with every ISO date-time string shifted by `deltaMs`. */
export function shiftTimestamps<T>(value: T, deltaMs: number): T {
  if (deltaMs === 0) return value
  return walk(value, deltaMs) as T
}

function walk(value: unknown, deltaMs: number): unknown {
  if (typeof value === 'string') return shiftIsoDateTime(value, deltaMs)
  if (Array.isArray(value)) return value.map((v) => walk(v, deltaMs))
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = walk(v, deltaMs)
    return out
  }
  return value
}
