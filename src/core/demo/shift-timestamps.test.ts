import { describe, expect, it } from 'vitest'
import { shiftIsoDateTime, shiftTimestamps } from './shift-timestamps.js'

const DAY = 86_400_000

describe('shiftTimestamps', () => {
  it('moves an offset date-time and keeps its offset and precision', () => {
    expect(shiftIsoDateTime('2026-11-26T12:00:00+08:00', 10 * DAY)).toBe('2026-12-06T12:00:00+08:00')
    expect(shiftIsoDateTime('2026-11-30T23:30:00+08:00', 3_600_000)).toBe('2026-12-01T00:30:00+08:00')
    expect(shiftIsoDateTime('2026-11-26T04:00:00.250Z', 1)).toBe('2026-11-26T04:00:00.251Z')
    expect(shiftIsoDateTime('2026-11-26T04:00Z', 60_000)).toBe('2026-11-26T04:01Z')
    expect(shiftIsoDateTime('2026-02-28T12:00:00-05:00', DAY)).toBe('2026-03-01T12:00:00-05:00')
  })

  it('crosses a leap day the same way the instant does', () => {
    const shifted = shiftIsoDateTime('2028-02-28T20:00:00+08:00', DAY)
    expect(shifted).toBe('2028-02-29T20:00:00+08:00')
    expect(Date.parse(shifted) - Date.parse('2028-02-28T20:00:00+08:00')).toBe(DAY)
  })

  it('leaves plain dates, text and numbers alone', () => {
    const row = {
      sku: 'A-1',
      note: '11月25日至12月12日',
      birthday: '1990-05-01',
      n: 3,
      at: '2026-11-26T12:00:00+08:00',
    }
    expect(shiftTimestamps(row, DAY)).toEqual({ ...row, at: '2026-11-27T12:00:00+08:00' })
  })

  it('walks nested objects and arrays without changing the input', () => {
    const order = { shipment: { eta: '2026-11-26T21:00:00+08:00', events: [{ time: '2026-11-25T09:00:00+08:00' }] } }
    const copy = structuredClone(order)
    const out = shiftTimestamps(order, -DAY)
    expect(out.shipment.events[0]!.time).toBe('2026-11-24T09:00:00+08:00')
    expect(out.shipment.eta).toBe('2026-11-25T21:00:00+08:00')
    expect(order).toEqual(copy)
  })
})
