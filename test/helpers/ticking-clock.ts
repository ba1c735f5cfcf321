/** A `now()` for tests that moves one second per reading from a fixed instant (ordered, date-independent timestamps). */
export function tickingNow(start = '2026-06-10T08:00:00Z', stepMs = 1000): () => Date {
  let t = Date.parse(start)
  return () => {
    t += stepMs
    return new Date(t)
  }
}
