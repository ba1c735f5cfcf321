/** A merchant changes the dialogue policy through the admin API; the next message follows it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { askOnce } from '../helpers/chat-client.js'
import { tempDir } from '../helpers/temp-dir.js'

let server: RunningServer
const dir = tempDir()
beforeAll(async () => {
  server = await startServer({ port: 0, dataDir: dir.path, env: { LOG_LEVEL: 'warn' } })
})
afterAll(async () => {
  await server?.close()
  dir.remove()
})

const admin = async (method: string, path: string, body?: unknown, key = server.demoApiKey) => {
  const r = await fetch(server.url + path, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
  return { status: r.status, json: (await r.json()) as Record<string, unknown> }
}

const turn = (text: string) => askOnce(server.url, text, { customerId: 'c002' })

const ANGRY = '昨天买的X2 Pro还没发货！！！垃圾'

describe('shop settings', () => {
  it('needs the shop API key', async () => {
    expect((await admin('GET', '/api/v1/admin/shop', undefined, 'wrong')).status).toBe(401)
  })

  it('rejects unknown keys and out-of-range values with 400, changing nothing', async () => {
    const before = await admin('GET', '/api/v1/admin/shop')
    for (const body of [
      { polcy: {} },
      { policy: { emotionHandoffThreshold: 2 } },
      { timezone: 'Mars/Olympus' },
      { tickets: { slaHours: { urgent: -1 } } },
      // A promotion that ends before it starts, or takes off more than a step costs.
      {
        promotions: [
          {
            nameZh: '满减',
            nameEn: 'Deal',
            from: '2026-12-12T00:00:00+08:00',
            until: '2026-12-01T00:00:00+08:00',
            everyAmount: 300,
            off: 30,
          },
        ],
      },
      {
        promotions: [
          {
            nameZh: '满减',
            nameEn: 'Deal',
            from: '2026-12-01T00:00:00+08:00',
            until: '2026-12-12T00:00:00+08:00',
            everyAmount: 300,
            off: 300,
          },
        ],
      },
    ]) {
      const r = await admin('PATCH', '/api/v1/admin/shop/settings', body)
      expect(r.status, JSON.stringify(body)).toBe(400)
      expect((r.json.error as { code: string }).code).toBe('invalid_input')
    }
    expect((await admin('GET', '/api/v1/admin/shop')).json).toEqual(before.json)
  })

  it('a raised emotion threshold applies to the very next message, and null restores the default', async () => {
    const angry = await turn(ANGRY)
    expect(angry.nlu.emotion.score).toBeGreaterThanOrEqual(0.7)
    expect(angry.handoff).toBe(true)

    const r = await admin('PATCH', '/api/v1/admin/shop/settings', { policy: { emotionHandoffThreshold: 0.99 } })
    expect(r.status).toBe(200)
    expect((r.json.settings as { policy: unknown }).policy).toEqual({ emotionHandoffThreshold: 0.99 })
    expect((await turn(ANGRY)).handoff).toBe(false)

    await admin('PATCH', '/api/v1/admin/shop/settings', { policy: null })
    expect((await turn(ANGRY)).handoff).toBe(true)
  })
})
