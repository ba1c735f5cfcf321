/**
 * Product and fault graph browsing through the real server (demo shop): keyset pages that cover a
 * category exactly once, search by SKU and by name, one product with variants, related and
 * alternative products and the faults of its category, the fault graph, roles (analysts read,
 * agents get 403) and bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { addStaff, StaffClient, withServerStore } from '../helpers/staff-fixtures.js'
import { tempDir } from '../helpers/temp-dir.js'

let server: RunningServer
let key: string
const dir = tempDir()

beforeAll(async () => {
  server = await startServer({ port: 0, dataDir: dir.path, env: { LOG_LEVEL: 'warn' } })
  key = server.demoApiKey as string
  await withServerStore(dir.path, (store) =>
    addStaff(store, 'demo', [
      { username: 'ana', role: 'analyst' },
      { username: 'wang', role: 'agent' },
    ]),
  )
})
afterAll(async () => {
  await server?.close()
  dir.remove()
})

type Json = Record<string, unknown>
async function get(path: string): Promise<{ status: number; json: Json }> {
  const r = await fetch(server.url + path, { headers: { authorization: `Bearer ${key}` } })
  return { status: r.status, json: (await r.json()) as Json }
}
type Summary = { sku: string; title: string; category: string; price: number; stock: number }

describe('product graph browsing', () => {
  it('lists categories with counts; parents sum their sub-categories', async () => {
    const r = await get('/api/v1/admin/catalog/categories')
    expect(r.status).toBe(200)
    const cats = r.json.categories as Array<{ category: string; products: number }>
    const total = r.json.products as number
    expect(total).toBeGreaterThan(100)
    const top = cats.filter((c) => !c.category.includes('/'))
    expect(top.reduce((s, c) => s + c.products, 0)).toBe(total)
    const apparel = cats.find((c) => c.category === 'apparel')!
    const subs = cats.filter((c) => c.category.startsWith('apparel/'))
    expect(subs.length).toBeGreaterThan(1)
    expect(subs.reduce((s, c) => s + c.products, 0)).toBe(apparel.products)
  })

  it('pages a category by cursor: every product once, in SKU order, total as announced', async () => {
    const seen: Summary[] = []
    let cursor: string | null = null
    let total = 0
    let pages = 0
    do {
      const qs = new URLSearchParams({ category: 'electronics', limit: '7', ...(cursor ? { cursor } : {}) })
      const r = await get(`/api/v1/admin/catalog/products?${qs}`)
      expect(r.status).toBe(200)
      const items = r.json.items as Summary[]
      expect(items.length).toBeLessThanOrEqual(7)
      seen.push(...items)
      total = r.json.total as number
      cursor = r.json.next as string | null
      pages++
    } while (cursor && pages < 100)
    expect(seen.length).toBe(total)
    expect(new Set(seen.map((s) => s.sku)).size).toBe(total)
    expect(seen.every((s) => s.category === 'electronics' || s.category.startsWith('electronics/'))).toBe(true)
    expect(seen.map((s) => s.sku)).toEqual([...seen.map((s) => s.sku)].sort())
    expect(pages).toBe(Math.ceil(total / 7))
  })

  it('searches by SKU (exact first) and by name, within a category filter', async () => {
    const bySku = await get('/api/v1/admin/catalog/products?q=DJ-1001')
    expect((bySku.json.items as Summary[])[0]?.sku).toBe('DJ-1001')
    const byName = await get(`/api/v1/admin/catalog/products?q=${encodeURIComponent('羽绒服')}&limit=5`)
    const items = byName.json.items as Summary[]
    expect(items.length).toBe(5)
    expect(items.every((i) => i.category.startsWith('apparel'))).toBe(true)
    const next = byName.json.next as string
    expect(next).toMatch(/^o:/)
    const page2 = await get(`/api/v1/admin/catalog/products?q=${encodeURIComponent('羽绒服')}&limit=5&cursor=${next}`)
    const skus2 = (page2.json.items as Summary[]).map((i) => i.sku)
    expect(skus2.some((s) => items.some((i) => i.sku === s))).toBe(false)
    const filtered = await get(
      `/api/v1/admin/catalog/products?q=${encodeURIComponent('羽绒服')}&category=electronics&limit=5`,
    )
    expect(filtered.json.items).toEqual([])
  })

  it('shows one product with its variants, related and alternative products and its faults', async () => {
    const r = await get('/api/v1/admin/catalog/products/DJ-1001')
    expect(r.status).toBe(200)
    const variants = r.json.variants as Array<{ name: string; values: string[]; valuesEn?: string[] }>
    expect(variants.find((v) => v.name === 'colors')).toMatchObject({
      values: ['黑色', '藏青', '军绿'],
      valuesEn: ['Black', 'Navy', 'Army Green'],
    })
    expect(variants.find((v) => v.name === 'sizes')?.values).toContain('XL')
    const alternatives = r.json.alternatives as Summary[]
    expect(alternatives.length).toBeGreaterThan(0)
    expect(alternatives.every((a) => a.category === 'apparel/down-jacket' && a.sku !== 'DJ-1001')).toBe(true)
    // A device has faults of its category in the fault graph.
    const phones = await get('/api/v1/admin/catalog/products?category=electronics/phone&limit=1')
    const phone = (phones.json.items as Summary[])[0]!
    const detail = await get(`/api/v1/admin/catalog/products/${encodeURIComponent(phone.sku)}`)
    const faults = detail.json.faults as Array<{ id: string; category: string }>
    expect(faults.length).toBeGreaterThan(0)
    expect(
      faults.every((f) => f.category === 'electronics/phone' || 'electronics/phone'.startsWith(`${f.category}/`)),
    ).toBe(true)
    expect((await get('/api/v1/admin/catalog/products/NOPE-1')).status).toBe(404)
  })

  it('gives the fault graph: category → symptoms → questions → steps → escalation, filtered', async () => {
    const all = await get('/api/v1/admin/catalog/faults')
    expect(all.status).toBe(200)
    const cats = all.json.categories as Array<{
      category: string
      products: number
      faults: Array<{ symptom: string; questions: string[]; solutions: string[]; escalate: { queue: string } }>
    }>
    expect(all.json.total).toBe(98)
    expect(cats.reduce((s, c) => s + c.faults.length, 0)).toBe(98)
    const phone = cats.find((c) => c.category === 'electronics/phone')!
    expect(phone.products).toBeGreaterThan(0)
    expect(phone.faults.find((f) => f.symptom === '手机充不进电')).toMatchObject({
      escalate: { queue: expect.any(String) },
    })
    const found = await get(`/api/v1/admin/catalog/faults?q=${encodeURIComponent('充不进电')}&locale=zh`)
    const symptoms = (found.json.categories as typeof cats).flatMap((c) => c.faults.map((f) => f.symptom))
    expect(symptoms).toContain('手机充不进电')
    expect(found.json.total).toBeLessThan(98)
  })

  it('refuses bad input with a clear error', async () => {
    const bad = await get('/api/v1/admin/catalog/products?limit=1000')
    expect(bad.status).toBe(400)
    expect((bad.json.error as { code: string; message: string }).message).toMatch(/^limit/)
    const cursor = await get('/api/v1/admin/catalog/products?cursor=o:5')
    expect(cursor.status).toBe(400)
    expect((cursor.json.error as { code: string }).code).toBe('invalid_input')
  })

  it('lets analysts read the graph and keeps agents out (403)', async () => {
    const ana = await StaffClient.signIn(server.url, 'demo', 'ana')
    expect((await ana.call('GET', '/api/v1/admin/catalog/products?limit=3')).status).toBe(200)
    expect((await ana.call('GET', '/api/v1/admin/catalog/faults')).status).toBe(200)
    const wang = await StaffClient.signIn(server.url, 'demo', 'wang')
    expect((await wang.call('GET', '/api/v1/admin/catalog/products')).status).toBe(403)
    expect((await wang.call('GET', '/api/v1/admin/catalog/products/DJ-1001')).status).toBe(403)
  })
})
