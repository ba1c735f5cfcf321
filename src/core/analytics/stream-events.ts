/**
 * Reads a shop's events in time order, one page at a time, so a report over 100k+ events never
 * holds more than a page of raw rows.
 */
import type { DomainEvent } from '../domain/records.js'
import type { Store } from '../ports/store.js'

/** Events fetched per store query. */
export const EVENT_PAGE_SIZE = 5000

/**
 * Yields every event of `shopId` with `since ≤ createdAt < until`, ordered by (createdAt, id).
 *
 * Pages by keyset (`since` = the last timestamp seen, `offset` = how many events of that exact
 * timestamp were already yielded) rather than by a growing offset, so each query skips at most
 * the events sharing one timestamp instead of everything read so far.
 *
 * @example
 * for await (const e of streamEvents(store, 'demo', from, to)) count++
 */
export async function* streamEvents(
  store: Store,
  shopId: string,
  since: Date,
  until: Date,
  opts: { pageSize?: number; onPage?: (rows: number) => void } = {},
): AsyncGenerator<DomainEvent> {
  const pageSize = opts.pageSize ?? EVENT_PAGE_SIZE
  const untilMs = until.getTime()
  let cursor = since.toISOString()
  // Ids already yielded whose createdAt equals `cursor`: they are the first rows of the next page.
  let atCursor = new Set<string>()
  for (;;) {
    const page = await store.events.list(shopId, { since: cursor, limit: pageSize, offset: atCursor.size })
    opts.onPage?.(page.length)
    for (const e of page) {
      if (Date.parse(e.createdAt) >= untilMs) return
      if (e.createdAt === cursor) {
        // An event written concurrently at the cursor's timestamp can shift the page by one.
        if (atCursor.has(e.id)) continue
        atCursor.add(e.id)
      } else {
        cursor = e.createdAt
        atCursor = new Set([e.id])
      }
      yield e
    }
    if (page.length < pageSize) return
  }
}
