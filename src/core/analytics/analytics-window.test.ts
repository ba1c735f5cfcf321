import { describe, expect, it } from 'vitest'
import { AppError } from '../errors.js'
import { dayIn, daysOf, parseTzOffset, resolveAnalyticsWindow } from './analytics-window.js'

const NOW = new Date('2026-06-10T15:30:00.000Z')

function code(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (e) {
    return AppError.isInstance(e) ? e.code : 'not-an-app-error'
  }
  return undefined
}

describe('resolveAnalyticsWindow', () => {
  it('defaults to the last 7 calendar days including today', () => {
    const w = resolveAnalyticsWindow({}, NOW)
    expect(w.from.toISOString()).toBe('2026-06-04T00:00:00.000Z')
    expect(w.to.toISOString()).toBe('2026-06-11T00:00:00.000Z')
    expect(daysOf(w)).toEqual([
      '2026-06-04',
      '2026-06-05',
      '2026-06-06',
      '2026-06-07',
      '2026-06-08',
      '2026-06-09',
      '2026-06-10',
    ])
  })

  it('reads date-only bounds as local midnights of the time zone', () => {
    const w = resolveAnalyticsWindow({ from: '2026-06-01', to: '2026-06-02', tz: '+08:00' }, NOW)
    expect(w.from.toISOString()).toBe('2026-05-31T16:00:00.000Z')
    expect(w.to.toISOString()).toBe('2026-06-01T16:00:00.000Z')
    expect(w.tzOffsetMinutes).toBe(480)
    expect(daysOf(w)).toEqual(['2026-06-01'])
  })

  it('accepts date-times with and without a zone', () => {
    const a = resolveAnalyticsWindow({ from: '2026-06-01T08:00:00Z', to: '2026-06-01T12:30:00.250+02:00' }, NOW)
    expect(a.from.toISOString()).toBe('2026-06-01T08:00:00.000Z')
    expect(a.to.toISOString()).toBe('2026-06-01T10:30:00.250Z')
    const b = resolveAnalyticsWindow({ from: '2026-06-01T08:00', to: '2026-06-02', tz: '-05:00' }, NOW)
    expect(b.from.toISOString()).toBe('2026-06-01T13:00:00.000Z')
  })

  it('defaults a missing from to 7 days before to', () => {
    const w = resolveAnalyticsWindow({ to: '2026-03-10' }, NOW)
    expect(w.from.toISOString()).toBe('2026-03-03T00:00:00.000Z')
  })

  it('rejects bad dates, impossible days, from ≥ to and windows over 366 days', () => {
    expect(code(() => resolveAnalyticsWindow({ from: 'yesterday' }, NOW))).toBe('invalid_input')
    expect(code(() => resolveAnalyticsWindow({ from: '2026-02-30', to: '2026-03-05' }, NOW))).toBe('invalid_input')
    expect(code(() => resolveAnalyticsWindow({ from: '2026-06-01T25:00:00Z', to: '2026-06-05' }, NOW))).toBe(
      'invalid_input',
    )
    expect(code(() => resolveAnalyticsWindow({ from: '2026-06-05', to: '2026-06-05' }, NOW))).toBe('invalid_input')
    expect(code(() => resolveAnalyticsWindow({ from: '2026-06-06', to: '2026-06-05' }, NOW))).toBe('invalid_input')
    expect(code(() => resolveAnalyticsWindow({ from: '2025-01-01', to: '2026-01-03' }, NOW))).toBe('invalid_input')
    expect(code(() => resolveAnalyticsWindow({ from: '2025-01-01', to: '2026-01-02' }, NOW))).toBeUndefined()
  })
})

describe('parseTzOffset', () => {
  it('parses fixed offsets and rejects names and out-of-range values', () => {
    expect(parseTzOffset('Z')).toBe(0)
    expect(parseTzOffset('UTC')).toBe(0)
    expect(parseTzOffset('+0800')).toBe(480)
    expect(parseTzOffset('-05:30')).toBe(-330)
    expect(code(() => parseTzOffset('Asia/Shanghai'))).toBe('invalid_input')
    expect(code(() => parseTzOffset('+15:00'))).toBe('invalid_input')
    expect(code(() => parseTzOffset('+08:75'))).toBe('invalid_input')
  })
})

describe('named time zones', () => {
  it('uses local midnights of the zone, across a daylight-saving change', () => {
    // New York moves to summer time on 2026-03-08: that day has 23 hours.
    const w = resolveAnalyticsWindow({ from: '2026-03-07', to: '2026-03-10', tz: 'America/New_York' }, NOW)
    expect(w.from.toISOString()).toBe('2026-03-07T05:00:00.000Z')
    expect(w.to.toISOString()).toBe('2026-03-10T04:00:00.000Z')
    expect(w.timeZone).toBe('America/New_York')
    expect(daysOf(w)).toEqual(['2026-03-07', '2026-03-08', '2026-03-09'])
    expect(dayIn(Date.parse('2026-03-09T03:59:00Z'), w)).toBe('2026-03-08')
    expect(dayIn(Date.parse('2026-03-09T04:00:00Z'), w)).toBe('2026-03-09')
  })

  it('defaults to the given zone (the shop) and ends with its today', () => {
    // 01:00 on June 11 in Shanghai: the window is June 5–11 there.
    const w = resolveAnalyticsWindow({}, new Date('2026-06-10T17:00:00.000Z'), 'Asia/Shanghai')
    expect(w.to.toISOString()).toBe('2026-06-11T16:00:00.000Z')
    expect(w.from.toISOString()).toBe('2026-06-04T16:00:00.000Z')
    const local = resolveAnalyticsWindow({ from: '2026-06-01T08:00', to: '2026-06-02' }, NOW, 'Asia/Shanghai')
    expect(local.from.toISOString()).toBe('2026-06-01T00:00:00.000Z')
    expect(code(() => resolveAnalyticsWindow({ tz: 'Mars/Olympus' }, NOW))).toBe('invalid_input')
  })
})
