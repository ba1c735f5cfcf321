/**
 * The catalog change feed through the real server: a product pushed by an ERP answers on the
 * very next message, a price change is read live, a batch is validated like the importer and
 * applied all or nothing, and repeating a request changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { askOnce, replyText } from '../helpers/chat-client.js'
import { tempDir } from '../helpers/temp-dir.js'

let server: RunningServer
let key: string
const dir = tempDir()

beforeAll(async () => {
  server = await startServer({ port: 0, dataDir: dir.path, env: { LOG_LEVEL: 'warn' } })
  key = server.demoApiKey as string
})
afterAll(async () => {
  await server?.close()
  dir.remove()
})

async function admin(method: string, path: string, body?: unknown, auth = true) {
  const r = await fetch(server.url + path, {
    method,
    headers: {
      ...(auth ? { authorization: `Bearer ${key}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  return { status: r.status, json: (await r.json()) as Record<string, unknown> }
}

const lamp = {
  title: '萤光 L7 护眼台灯',
  category: 'home/lamp',
  brand: '萤光',
  price: 299,
  stock: 12,
  aliases: ['L7台灯'],
  attributes: { titleEn: 'Glow L7 Desk Lamp', warrantyMonths: 24 },
}

describe('admin product feed', () => {
  it('rejects requests without the shop key', async () => {
    expect((await admin('PUT', '/api/v1/admin/products/LAMP-7', lamp, false)).status).toBe(401)
    expect((await admin('POST', '/api/v1/admin/products:batch', { products: [] }, false)).status).toBe(401)
  })

  it('creates a product that answers on the next message; a repeated PUT changes nothing', async () => {
    const created = await admin('PUT', '/api/v1/admin/products/LAMP-7', lamp)
    expect(created.status).toBe(201)
    const turn = await askOnce(server.url, '萤光 L7 护眼台灯多少钱')
    expect(replyText(turn)).toContain('299')
    // The NLU engine knows the new product's names too (an entity, not only a retrieval hit).
    const named = await askOnce(server.url, 'L7台灯有货吗')
    const entities = (named.nlu as { entities?: Array<{ type: string; value: unknown }> }).entities ?? []
    expect(entities).toContainEqual(expect.objectContaining({ type: 'product', value: 'LAMP-7' }))
    const again = await admin('PUT', '/api/v1/admin/products/LAMP-7', lamp)
    expect(again.status).toBe(200)
    expect(again.json.created).toBe(false)
    expect((await admin('GET', '/api/v1/admin/products/LAMP-7')).json.product).toMatchObject({ price: 299 })
  })

  it('normalises what an ERP sends like the importer does (BCP 47 locale, price as text) and says so', async () => {
    const r = await admin('PUT', '/api/v1/admin/products/LAMP-20', {
      ...lamp,
      title: '萤光 L20 护眼台灯',
      aliases: ['L20台灯'],
      price: '1,299.00',
      locale: 'zh-CN',
    })
    expect(r.status).toBe(201)
    expect(r.json.product).toMatchObject({ price: 1299, locale: 'zh', localeTag: 'zh-CN' })
    const fields = (r.json.normalised as Array<{ field: string }>).map((n) => n.field).sort()
    expect(fields).toEqual(['locale', 'number'])
    const bad = await admin('PUT', '/api/v1/admin/products/LAMP-21', { ...lamp, price: 'about 300' })
    expect(bad.status).toBe(400)
    expect((bad.json.error as { message: string }).message).toMatch(/^product\.0\.price/)
  })

  it('patches price and stock only, read live on the next message', async () => {
    const r = await admin('PATCH', '/api/v1/admin/products/LAMP-7', { price: 249, stock: 3 })
    expect(r.status).toBe(200)
    expect(r.json.product).toMatchObject({ price: 249, stock: 3, title: lamp.title })
    expect(replyText(await askOnce(server.url, '萤光 L7 护眼台灯多少钱'))).toContain('249')
    expect((await admin('PATCH', '/api/v1/admin/products/NOPE', { price: 1 })).status).toBe(404)
    const bad = await admin('PATCH', '/api/v1/admin/products/LAMP-7', { title: 'x' })
    expect(bad.status).toBe(400)
  })

  it('rejects a batch with a bad row whole, naming the row and field', async () => {
    const r = await admin('POST', '/api/v1/admin/products:batch', {
      products: [
        { ...lamp, sku: 'LAMP-8', title: '萤光 L8 护眼台灯' },
        { ...lamp, sku: 'LAMP-9', price: -5 },
      ],
    })
    expect(r.status).toBe(400)
    expect((r.json.error as { code: string; message: string }).message).toMatch(/^products\.1\.price/)
    expect((await admin('GET', '/api/v1/admin/products/LAMP-8')).status).toBe(404)
  })

  it('applies a batch of products and patches together', async () => {
    const r = await admin('POST', '/api/v1/admin/products:batch', {
      products: [{ ...lamp, sku: 'LAMP-8', title: '萤光 L8 护眼台灯', price: 399 }],
      patches: [{ sku: 'LAMP-7', stock: 0 }],
    })
    expect(r.status).toBe(200)
    expect(r.json).toEqual({ inserted: 1, updated: 0, patched: 1 })
    expect(replyText(await askOnce(server.url, '萤光 L8 护眼台灯多少钱'))).toContain('399')
    expect((await admin('GET', '/api/v1/admin/products/LAMP-7')).json.product).toMatchObject({ stock: 0 })
  })
})
