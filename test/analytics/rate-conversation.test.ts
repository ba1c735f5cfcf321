import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore } from '../../src/adapters/open-store.js'
import { computeMetrics } from '../../src/core/analytics/compute-metrics.js'
import { CSAT_RATED_EVENT, rateConversation } from '../../src/core/analytics/rate-conversation.js'
import type { Shop } from '../../src/core/domain/records.js'
import { AppError } from '../../src/core/errors.js'
import type { Store } from '../../src/core/ports/store.js'
import { ensureShop } from '../../src/server/import/ensure-shop.js'
import { tempDir } from '../helpers/temp-dir.js'
import { writer } from './analytics-fixtures.js'

let store: Store
let shop: Shop
let dir: ReturnType<typeof tempDir>
let n = 0
const newId = (p: string) => `${p}_r${++n}`

beforeEach(async () => {
  dir = tempDir('kefu-csat-')
  store = await openStore(`sqlite://${dir.path}/k.db`)
  shop = await ensureShop(store, 'shop1')
  const w = writer(store, shop)
  await w.start('conv1', '2026-06-01T09:00:00.000Z')
  await w.turn('conv1', '2026-06-01T09:00:01.000Z', { intent: 'greeting', action: 'answer', latencyMs: 10 })
})
afterEach(async () => {
  await store.close()
  dir.remove()
})

async function errorCode(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p
  } catch (e) {
    return AppError.isInstance(e) ? e.code : 'not-an-app-error'
  }
  return undefined
}

const rate = (score: unknown, comment?: unknown, at = '2026-06-01T09:05:00.000Z', conversationId = 'conv1') =>
  rateConversation(store, {
    shopId: shop.id,
    conversationId,
    score,
    ...(comment !== undefined ? { comment } : {}),
    now: new Date(at),
    newId,
  })

describe('rateConversation', () => {
  it('stores a csat.rated event with the score and the trimmed comment', async () => {
    const r = await rate(5, '  很满意，谢谢  ')
    expect(r).toMatchObject({ conversationId: 'conv1', score: 5, comment: '很满意，谢谢', replaced: false })
    expect(r.ratedAt).toBe('2026-06-01T09:05:00.000Z')
    const events = await store.events.list(shop.id, { type: CSAT_RATED_EVENT })
    expect(events).toEqual([
      {
        id: r.id,
        shopId: 'shop1',
        type: 'csat.rated',
        conversationId: 'conv1',
        data: { score: 5, comment: '很满意，谢谢' },
        createdAt: '2026-06-01T09:05:00.000Z',
      },
    ])
  })

  it('stores no comment for an empty or absent one', async () => {
    expect((await rate(3)).comment).toBeNull()
    expect((await rate(3, '   ', '2026-06-01T09:06:00.000Z')).comment).toBeNull()
  })

  it('replaces an earlier rating: both are stored, analytics count only the latest', async () => {
    await rate(1, 'slow')
    const second = await rate(4, undefined, '2026-06-01T09:30:00.000Z')
    expect(second.replaced).toBe(true)
    expect(await store.events.list(shop.id, { type: CSAT_RATED_EVENT, conversationId: 'conv1' })).toHaveLength(2)
    const { summary } = await computeMetrics(store, {
      shopId: shop.id,
      from: new Date('2026-06-01T00:00:00.000Z'),
      to: new Date('2026-06-02T00:00:00.000Z'),
      now: new Date('2026-06-05T00:00:00.000Z'),
      tzOffsetMinutes: 0,
    })
    expect(summary.csat).toMatchObject({ count: 1, average: 4, distribution: { '1': 0, '4': 1 } })
  })

  it('rejects scores that are not integers from 1 to 5 with invalid_input, storing nothing', async () => {
    for (const bad of [0, 6, 3.5, '5', null, undefined, Number.NaN, -1]) {
      expect(await errorCode(rate(bad))).toBe('invalid_input')
    }
    expect(await store.events.list(shop.id, { type: CSAT_RATED_EVENT })).toEqual([])
  })

  it('rejects a non-string or over-long comment with invalid_input', async () => {
    expect(await errorCode(rate(4, 42))).toBe('invalid_input')
    expect(await errorCode(rate(4, 'x'.repeat(1001)))).toBe('invalid_input')
    expect((await rate(4, 'x'.repeat(1000))).comment).toHaveLength(1000)
  })

  it('answers not_found for an unknown conversation or another shop’s conversation', async () => {
    expect(await errorCode(rate(5, undefined, undefined, 'nope'))).toBe('not_found')
    await ensureShop(store, 'shop2')
    expect(
      await errorCode(
        rateConversation(store, { shopId: 'shop2', conversationId: 'conv1', score: 5, now: new Date(), newId }),
      ),
    ).toBe('not_found')
  })
})
