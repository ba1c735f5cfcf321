import { describe, expect, it } from 'vitest'
import { day, shopTimeZone, when } from './text.js'

describe('times on the shop clock', () => {
  it('formats an instant in the shop time zone whatever the customer language', () => {
    expect(when('2026-11-24T10:14:00Z', 'Asia/Shanghai')).toBe('2026-11-24 18:14')
    expect(when('2026-11-24T10:14:00Z', 'Europe/London')).toBe('2026-11-24 10:14')
    expect(when('2026-11-24T10:14:00Z', 'America/New_York')).toBe('2026-11-24 05:14')
    expect(day('2026-11-24T17:30:00Z', 'Asia/Shanghai')).toBe('2026-11-25')
  })

  it('reads the zone from the shop settings, Asia/Shanghai when none is set', () => {
    expect(shopTimeZone({ settings: { timezone: 'Europe/Berlin' } })).toBe('Europe/Berlin')
    expect(shopTimeZone({ settings: {} })).toBe('Asia/Shanghai')
    expect(when('2026-11-24T16:00:00Z')).toBe('2026-11-25 00:00')
  })
})
