/**
 * NUL (U+0000) removed from every string of a parsed value, keys included. PostgreSQL cannot store
 * NUL in text or jsonb (SQLite can), so a message carrying one used to fail with 500 and be lost on
 * PostgreSQL only. Stripping at the edge keeps the customer's message and makes every store behave
 * the same.
 */

/**
 * A copy of `v` without NUL characters in any string (the same object when there was none).
 *
 * @example
 * stripNul({ text: 'a\u0000b' }) // { text: 'ab' }
 */
export function stripNul<T>(v: T): T {
  return clean(v, 0) as T
}

function clean(v: unknown, depth: number): unknown {
  if (typeof v === 'string') return v.includes('\u0000') ? v.replaceAll('\u0000', '') : v
  if (depth > 64 || v === null || typeof v !== 'object') return v
  // Raw bodies (webhook routes keep the exact bytes for their signature) are not text.
  if (ArrayBuffer.isView(v)) return v
  if (Array.isArray(v)) {
    let changed = false
    const out = v.map((x) => {
      const y = clean(x, depth + 1)
      if (y !== x) changed = true
      return y
    })
    return changed ? out : v
  }
  let changed = false
  const out: Record<string, unknown> = {}
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const key = clean(k, depth + 1) as string
    const y = clean(x, depth + 1)
    if (key !== k || y !== x) changed = true
    out[key] = y
  }
  return changed ? out : v
}
