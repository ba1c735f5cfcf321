import { describe, expect, it } from 'vitest'
import type { StaffAccount } from '../domain/staff-records.js'
import { describeHours, isWithinBusinessHours, localTime } from './business-hours.js'
import { chooseAgent, membersOf } from './choose-agent.js'
import { chooseQueue, GENERAL_QUEUE } from './choose-queue.js'
import { averageHandlingMinutes, estimateWaitMinutes } from './estimate-wait.js'

const week = {
  mon: ['09:00-18:00'],
  tue: ['09:00-18:00'],
  wed: ['09:00-18:00'],
  thu: ['09:00-18:00'],
  fri: ['09:00-12:00', '13:00-18:00'],
}

describe('business hours', () => {
  it('reads the weekday and time in the shop’s zone, not the server’s', () => {
    // 2026-03-06 is a Friday. 01:30 UTC is 09:30 in Shanghai and still Thursday 20:30 in New York.
    const at = new Date('2026-03-06T01:30:00Z')
    expect(localTime(at, 'Asia/Shanghai')).toEqual({ day: 'fri', minutes: 9 * 60 + 30 })
    expect(localTime(at, 'America/New_York')).toEqual({ day: 'thu', minutes: 20 * 60 + 30 })
    expect(isWithinBusinessHours(week, 'Asia/Shanghai', at)).toBe(true)
    expect(isWithinBusinessHours(week, 'America/New_York', at)).toBe(false)
  })

  it('honours split days, closed days, the end bound and no hours at all', () => {
    const friLunch = new Date('2026-03-06T04:30:00Z') // 12:30 Shanghai, Friday
    expect(isWithinBusinessHours(week, 'Asia/Shanghai', friLunch)).toBe(false)
    expect(isWithinBusinessHours(week, 'Asia/Shanghai', new Date('2026-03-06T05:00:00Z'))).toBe(true) // 13:00
    expect(isWithinBusinessHours(week, 'Asia/Shanghai', new Date('2026-03-06T10:00:00Z'))).toBe(false) // 18:00
    expect(isWithinBusinessHours(week, 'Asia/Shanghai', new Date('2026-03-07T03:00:00Z'))).toBe(false) // Saturday
    expect(isWithinBusinessHours(undefined, 'Asia/Shanghai', friLunch)).toBe(true)
    expect(describeHours(week, 'en')).toBe('Mon-Thu 09:00-18:00; Fri 09:00-12:00, 13:00-18:00')
    expect(describeHours(week, 'zh')).toBe('周一至周四 09:00-18:00；周五 09:00-12:00, 13:00-18:00')
  })
})

describe('queue and agent choice', () => {
  const queues = [
    { id: 'pre-sales', members: [] },
    { id: 'after-sales', members: ['a1'] },
    { id: 'complaints', members: ['boss'] },
    { id: 'vip', members: [] },
  ]
  const base = { reason: 'customer_requested_human', intent: null, peakEmotion: 0, tierRank: 0 }

  it('sends anger to complaints, VIPs to vip, topics to their skill queue, the rest to the default', () => {
    const s = { queues, defaultQueue: 'pre-sales' }
    expect(chooseQueue({ ...base, reason: 'emotion_above_threshold' }, s)).toBe('complaints')
    expect(chooseQueue({ ...base, intent: 'logistics', peakEmotion: 0.82 }, s)).toBe('complaints')
    expect(chooseQueue({ ...base, intent: 'logistics', tierRank: 4 }, s)).toBe('vip')
    expect(chooseQueue({ ...base, intent: 'return_refund' }, s)).toBe('after-sales')
    expect(chooseQueue({ ...base, intent: 'size_advice' }, s)).toBe('pre-sales')
    expect(
      chooseQueue({ ...base, intent: 'invoice_payment' }, { ...s, intentQueues: { invoice_payment: 'vip' } }),
    ).toBe('vip')
    expect(chooseQueue(base, s)).toBe('pre-sales')
    expect(chooseQueue({ ...base, reason: 'emotion_above_threshold' }, {})).toBe(GENERAL_QUEUE)
  })

  const acct = (username: string, o: Partial<StaffAccount> = {}): StaffAccount => ({
    id: `id-${username}`,
    shopId: 's',
    username,
    displayName: username,
    role: 'agent',
    passwordHash: '',
    status: 'online',
    maxChats: 2,
    createdAt: '',
    updatedAt: '',
    ...o,
  })

  it('offers to the sticky agent, else the least busy online member with room', () => {
    const staff = [
      acct('a1'),
      acct('a2'),
      acct('a3', { status: 'away' }),
      acct('an', { role: 'analyst' }),
      acct('boss', { role: 'owner' }),
    ]
    expect(membersOf('after-sales', queues, staff).map((a) => a.username)).toEqual(['a1'])
    expect(membersOf('pre-sales', queues, staff).map((a) => a.username)).toEqual(['a1', 'a2', 'a3', 'boss'])
    const members = membersOf('pre-sales', queues, staff)
    const load = new Map([
      ['id-a1', { active: 1, lastAssignedAt: '2026-01-01T00:00:00Z' }],
      ['id-boss', { active: 2, lastAssignedAt: null }],
    ])
    expect(chooseAgent({ members, load })?.username).toBe('a2')
    expect(chooseAgent({ members, load, stickyId: 'id-a1' })?.username).toBe('a1')
    expect(chooseAgent({ members, load, stickyId: 'id-boss' })?.username).toBe('a2') // sticky but full
    expect(chooseAgent({ members, load, stickyId: 'id-a3' })?.username).toBe('a2') // sticky but away
    expect(chooseAgent({ members, load, exclude: new Set(['id-a2']) })?.username).toBe('a1')
    expect(
      chooseAgent({
        members,
        load: new Map([['id-a1', { active: 2, lastAssignedAt: null }]]),
        exclude: new Set(['id-a2', 'id-boss']),
      }),
    ).toBeNull()
  })

  it('estimates the wait from the queue position and recent handling time', () => {
    expect(estimateWaitMinutes({ ahead: 0, servingAgents: 2, averageHandlingMinutes: 5 })).toBe(3)
    expect(estimateWaitMinutes({ ahead: 3, servingAgents: 2, averageHandlingMinutes: 5 })).toBe(10)
    expect(estimateWaitMinutes({ ahead: 3, servingAgents: 0, averageHandlingMinutes: 5 })).toBe(20)
    expect(averageHandlingMinutes([120_000, 360_000], 5)).toBe(4)
    expect(averageHandlingMinutes([], 5)).toBe(5)
  })
})
