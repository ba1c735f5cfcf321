/**
 * Proactive scans with two instances on one PostgreSQL schema and one Redis (job queue, pub/sub,
 * locks): scans started on both at once send each notice once; an import is picked up by whichever
 * instance's worker claims the queued scan, and the alert reaches a WebSocket held by the other.
 */

import { randomUUID } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { openStore } from '../../src/adapters/open-store.js'
import { importFile } from '../../src/server/import/import-file.js'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { tempDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait-for.js'

const dbUrl = process.env.KEFU_TEST_DATABASE_URL
const redisUrl = process.env.KEFU_TEST_REDIS_URL

describe.skipIf(!dbUrl || !redisUrl)('proactive scale-out: two instances on PostgreSQL + Redis', () => {
  const schema = `kefu_p_${randomUUID().replace(/-/g, '').slice(0, 12)}`
  const dbWithSchema = `${dbUrl}?schema=${schema}`
  const dirA = tempDir()
  const dirB = tempDir()
  let a: RunningServer
  let b: RunningServer

  beforeAll(async () => {
    const env = {
      LOG_LEVEL: 'warn',
      KEFU_DATABASE_URL: dbWithSchema,
      KEFU_REDIS_URL: redisUrl,
      KEFU_REDIS_PREFIX: `kefu-test-${schema}:`,
      KEFU_SECRET: 'a-shared-secret-for-both-instances',
      KEFU_PROACTIVE_WATCH_MS: '1000',
    }
    a = await startServer({ port: 0, dataDir: dirA.path, env })
    b = await startServer({ port: 0, dataDir: dirB.path, env })
  })

  afterAll(async () => {
    await a?.close()
    await b?.close()
    dirA.remove()
    dirB.remove()
    const c = new pg.Client({ connectionString: dbUrl })
    await c.connect()
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await c.end()
  })

  const admin = (s: RunningServer, method: string, path: string, body?: unknown) =>
    fetch(`${s.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${s.demoApiKey}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    })

  async function conversationOn(s: RunningServer, customerId: string) {
    const r = await fetch(`${s.url}/api/v1/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerId }),
    })
    return (await r.json()) as { id: string; token: string }
  }

  async function stream(s: RunningServer, c: { id: string; token: string }) {
    const ws = new WebSocket(`${s.url.replace('http', 'ws')}/api/v1/conversations/${c.id}/stream?token=${c.token}`)
    const got: Array<{ text: string; meta: Record<string, unknown> }> = []
    await new Promise<void>((resolve, reject) => {
      ws.on('message', (d) => {
        const f = JSON.parse(String(d))
        if (f.type === 'ready') resolve()
        if (f.type === 'message') got.push(f.message)
      })
      ws.on('error', reject)
    })
    return { ws, got }
  }

  it('scans run on both instances at once still send each delayed-parcel notice once', async () => {
    const c = await conversationOn(a, 'c004')
    const [ra, rb] = await Promise.all([
      admin(a, 'POST', '/api/v1/admin/proactive/run', { kinds: ['delayed_parcel'] }),
      admin(b, 'POST', '/api/v1/admin/proactive/run', { kinds: ['delayed_parcel'] }),
    ])
    expect(ra.status).toBe(200)
    expect(rb.status).toBe(200)
    const list = (await (
      await admin(a, 'GET', '/api/v1/admin/proactive/notices?kind=delayed_parcel&limit=500')
    ).json()) as {
      notices: Array<{ orderNo: string; kind: string; conversationId: string }>
    }
    const keys = list.notices.map((n) => `${n.orderNo}|${n.kind}`)
    expect(keys.length).toBeGreaterThan(0)
    expect(new Set(keys).size).toBe(keys.length)
    expect(list.notices.filter((n) => n.orderNo === 'KF202611200476')).toEqual([
      expect.objectContaining({ conversationId: c.id }),
    ])
  })

  it('an import is picked up through the Redis job queue and the alert reaches the other instance’s WebSocket', async () => {
    const c = await conversationOn(a, 'c003')
    const live = await stream(a, c)
    const sub = await admin(b, 'POST', '/api/v1/admin/alerts', { sku: 'EB-1002', customerId: 'c003' })
    expect(sub.status).toBe(201)
    const store = await openStore(dbWithSchema)
    try {
      const p = await store.products.get('demo', 'EB-1002')
      const file = join(dirB.path, 'price.jsonl')
      writeFileSync(file, `${JSON.stringify({ ...p, price: 349 })}\n`)
      await importFile(store, 'products', file, { shopId: 'demo' })
    } finally {
      await store.close()
    }
    await waitFor(() => live.got.some((m) => m.meta.proactive === 'price_drop'), { timeoutMs: 30_000 })
    const m = live.got.find((x) => x.meta.proactive === 'price_drop')!
    // c003 is an English-speaking customer.
    expect(m.text).toContain('349')
    expect(m.text).toMatch(/price drop/i)
    live.ws.close()
  })
})
