import { describe, expect, it } from 'vitest'
import type { MetricsSummary } from '../../../src/core/analytics/compute-metrics.js'
import { shopSettingsPatchSchema } from '../../../src/core/domain/shop-settings.js'
import { mayCall } from '../../../src/core/staff/role-policy.js'
import { backofficeStrings } from './backoffice-i18n.js'
import { intentTrend, money, rangeOfDays, slaCompliance, toCsv } from './dashboard-data.js'
import { sectionsFor } from './nav.js'
import { ADVANCED, checkSetting } from './settings-view.js'

describe('back office navigation', () => {
  it('shows each role only sections whose routes it may call', () => {
    expect(sectionsFor('agent')).toEqual(['desk', 'tickets'])
    expect(sectionsFor('analyst')).toEqual(['dashboard', 'knowledge'])
    expect(sectionsFor('admin')).toContain('settings')
    // What the nav hides, the server refuses.
    expect(mayCall('agent', 'GET', '/api/v1/admin/analytics/summary')).toBe(false)
    expect(mayCall('agent', 'PATCH', '/api/v1/admin/shop/settings')).toBe(false)
    expect(mayCall('analyst', 'GET', '/api/v1/admin/shop/widget')).toBe(false)
    expect(mayCall('analyst', 'GET', '/api/v1/admin/shop')).toBe(true)
    expect(mayCall('admin', 'GET', '/api/v1/admin/shop/widget')).toBe(true)
    expect(mayCall('analyst', 'POST', '/api/v1/admin/faq/:id/publish')).toBe(false)
  })
})

describe('dashboard data', () => {
  it('computes SLA compliance from the tickets, null without any', () => {
    expect(slaCompliance([])).toBeNull()
    expect(
      slaCompliance([{ slaBreached: false }, { slaBreached: true }, { slaBreached: false }, { slaBreached: false }]),
    ).toBe(0.75)
  })

  it('exports the summary and daily rows as CSV with quoting', () => {
    const summary = {
      conversations: { started: 3, engaged: 2, byChannel: { 'web,app': 3 } },
      csat: { distribution: { '5': 1 } },
      intents: [{ intent: 'greeting', count: 2, share: 1 }],
    } as unknown as MetricsSummary
    const csv = toCsv(
      summary,
      [
        {
          date: '2026-03-10',
          conversations: 3,
          engaged: 2,
          contained: 1,
          containmentRate: 0.5,
          handoffs: 1,
          csatCount: 1,
          csatAverage: 5,
          byChannel: { widget: 2, 'web,app': 1 },
          intents: { order_status: 2, greeting: 1 },
          bot: { conversations: 1, csatCount: 0, csatAverage: null },
          agent: { conversations: 1, csatCount: 1, csatAverage: 5 },
          unanswered: { conversations: 0, csatCount: 0, csatAverage: null },
          attributedRevenue: 899.5,
        },
      ],
      { 'tickets.slaCompliance': null },
    )
    const lines = csv.trim().split('\n')
    expect(lines[0]).toBe('metric,value')
    expect(lines).toContain('conversations.started,3')
    expect(lines).toContain('"conversations.byChannel.web,app",3')
    expect(lines).toContain('intents.0.intent,greeting')
    expect(lines).toContain('tickets.slaCompliance,')
    expect(lines.at(-2)).toBe(
      'date,conversations,engaged,contained,containmentRate,handoffs,csatCount,csatAverage,' +
        'bot.conversations,bot.csatCount,bot.csatAverage,agent.conversations,agent.csatCount,agent.csatAverage,' +
        'unanswered.conversations,unanswered.csatCount,unanswered.csatAverage,attributedRevenue,"channel.web,app",channel.widget,' +
        'intent.greeting,intent.order_status',
    )
    expect(lines.at(-1)).toBe('2026-03-10,3,2,1,0.5,1,1,5,1,0,,1,1,5,0,0,,899.5,1,2,1,2')
  })

  it('draws the intent trend as the top intents over the days, the rest as other', () => {
    const days: Array<{ date: string; intents: Record<string, number> }> = [
      { date: '2026-03-10', intents: { order_status: 3, greeting: 1, invoice_payment: 1 } },
      { date: '2026-03-11', intents: { order_status: 1, return_refund: 2 } },
      { date: '2026-03-12', intents: {} },
    ]
    expect(intentTrend(days, 2, '其他')).toEqual({
      labels: ['2026-03-10', '2026-03-11', '2026-03-12'],
      series: [
        { label: 'order_status', data: [3, 1, 0] },
        { label: 'return_refund', data: [0, 2, 0] },
        { label: '其他', data: [2, 0, 0] },
      ],
    })
    expect(intentTrend(days, 5).series.map((x) => x.label)).toEqual([
      'order_status',
      'return_refund',
      'greeting',
      'invoice_payment',
    ])
  })

  it('turns a daily series into the date inputs (to exclusive) and formats money', () => {
    expect(rangeOfDays([{ date: '2026-02-27' }, { date: '2026-02-28' }])).toEqual({
      from: '2026-02-27',
      to: '2026-03-01',
    })
    expect(rangeOfDays([])).toBeNull()
    expect(money(1898, 'CNY', 'en')).toContain('1,898.00')
    expect(money(12.5, 'USD', 'en')).toBe('$12.50')
  })
})

describe('settings editor', () => {
  it('checks a rule with the server schema and names the field', () => {
    expect(checkSetting('routing', '{"offerSeconds": 45}', 'bad json')).toEqual({ value: { offerSeconds: 45 } })
    expect(checkSetting('routing', '{"offerSeconds": 1}', 'bad json').error).toMatch(/^routing\.offerSeconds: /)
    expect(checkSetting('returns', '{', 'bad json').error).toBe('bad json')
    expect(checkSetting('llm', 'false', 'bad json')).toEqual({ value: false })
    expect(checkSetting('timezone', '"Mars/Base"', 'bad json').error).toMatch(/^timezone: /)
    expect(checkSetting('shipping', '{"nope": 1}', 'bad json').error).toMatch(/nope|Unrecognized/)
  })

  it('has an editor, labelled in both languages, for every key the server accepts', () => {
    expect([...ADVANCED].sort()).toEqual(Object.keys(shopSettingsPatchSchema.shape).sort())
    for (const lang of Object.values(backofficeStrings)) {
      for (const k of ADVANCED) expect(lang.settings.sections[k], `${k}`).toBeTruthy()
    }
  })
})
