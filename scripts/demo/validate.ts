/**
 * Validates data/demo/*: every row against the import schemas, cross-references (SKUs, customer
 * ids, related products), coverage (every order and shipment status, delayed/exception counts,
 * personas) and the FAQ CSV copy. Prints counts; exits 1 listing every problem found.
 *
 * Usage: npx tsx scripts/demo/validate.ts [DIR]   (DIR defaults to data/demo)
 * Tests can call `validateDemoData(dir)` and assert `problems` is empty.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  type Customer,
  type FaqEntry,
  type Fault,
  type ImportKind,
  importSchemas,
  ORDER_STATUSES,
  type Order,
  type Product,
} from '../../src/core/domain/schemas.js'

/** Checks every demo file in `dir`; returns the problems found (empty when valid) and the counts. */
export function validateDemoData(dir: string): { problems: string[]; summary: Record<string, unknown> } {
  const NOW = Date.parse('2026-11-26T12:00:00+08:00')
  const MONTH_START = Date.parse('2026-11-01T00:00:00+08:00')
  const QUEUES = new Set(['repair-phone', 'repair-audio', 'repair-laptop', 'repair-wearable', 'after-sales-general'])
  const CJK = /[\u4e00-\u9fff]/

  const problems: string[] = []
  const fail = (msg: string) => problems.push(msg)

  function load<K extends ImportKind>(kind: K, file: string) {
    const text = readFileSync(join(dir, file), 'utf8')
    const rows: ReturnType<(typeof importSchemas)[K]['parse']>[] = []
    text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .forEach((line, i) => {
        let json: unknown
        try {
          json = JSON.parse(line)
        } catch (e) {
          fail(`${file}:${i + 1}: invalid JSON (${(e as Error).message})`)
          return
        }
        const r = importSchemas[kind].safeParse(json)
        if (!r.success) {
          for (const issue of r.error.issues)
            fail(`${file}:${i + 1}: ${issue.path.join('.') || '(row)'}: ${issue.message}`)
          return
        }
        rows.push(r.data as (typeof rows)[number])
      })
    return rows
  }

  function unique<T>(file: string, rows: T[], key: (r: T) => string): Map<string, T> {
    const m = new Map<string, T>()
    for (const r of rows) {
      const k = key(r)
      if (m.has(k)) fail(`${file}: duplicate id ${k}`)
      m.set(k, r)
    }
    return m
  }

  const count = <T>(xs: T[], f: (x: T) => boolean) => xs.filter(f).length

  // ---- products
  const products = load('products', 'products.jsonl') as Product[]
  const bySku = unique('products.jsonl', products, (p) => p.sku)
  const top = (p: Product) => p.category.split('/')[0]!
  for (const p of products) {
    const a = p.attributes as Record<string, unknown>
    if (typeof a.titleEn !== 'string' || typeof a.descriptionEn !== 'string')
      fail(`${p.sku}: titleEn/descriptionEn missing`)
    else if (CJK.test(a.titleEn + a.descriptionEn)) fail(`${p.sku}: Chinese text in titleEn/descriptionEn`)
    if (!p.aliases?.length) fail(`${p.sku}: no aliases`)
    for (const r of p.related ?? []) if (!bySku.has(r)) fail(`${p.sku}: related ${r} is not a product`)
    if (p.listPrice !== undefined && p.listPrice <= p.price) fail(`${p.sku}: listPrice must be above price`)
    const colors = a.colors as unknown[] | undefined
    const colorsEn = a.colorsEn as unknown[] | undefined
    const needsColors = !['beauty/skincare', 'beauty/perfume'].includes(p.category)
    if ((needsColors && !colors?.length) || colors?.length !== colorsEn?.length) fail(`${p.sku}: colors/colorsEn`)
    if (top(p) === 'apparel' || top(p) === 'shoes') {
      if (!p.sizeChart) fail(`${p.sku}: apparel/shoes need a sizeChart`)
      const sizes = a.sizes as string[] | undefined
      if (!sizes || sizes.join() !== p.sizeChart?.rows.map((r) => r.size).join()) fail(`${p.sku}: sizes ≠ size chart`)
      for (const r of p.sizeChart?.rows ?? []) {
        const body = top(p) === 'shoes' ? r.footLengthMm && r.eu : r.heightCm && r.weightKg
        if (!body) fail(`${p.sku}: size ${r.size} lacks body ranges`)
      }
    }
    if (p.category === 'apparel/down-jacket' && (!a.downContent || !a.fillPower))
      fail(`${p.sku}: downContent/fillPower`)
    if (top(p) === 'beauty' && a.openedReturnable !== false) fail(`${p.sku}: beauty must set openedReturnable false`)
    if (top(p) === 'electronics' && a.warrantyMonths !== 12) fail(`${p.sku}: electronics need warrantyMonths 12`)
    if (
      p.category === 'electronics/phone' &&
      (typeof a.batteryMah !== 'number' || typeof a.wirelessCharging !== 'boolean')
    )
      fail(`${p.sku}: phone specs`)
  }
  const needCats = [
    'apparel/down-jacket',
    'apparel/t-shirt',
    'apparel/jeans',
    'apparel/dress',
    'shoes/sneakers',
    'beauty/skincare',
    'beauty/makeup',
    'beauty/perfume',
    'electronics/phone',
    'electronics/earbuds',
    'electronics/laptop',
    'electronics/smartwatch',
    'electronics/charger',
    'home/bedding',
    'home/kitchen',
    'home/appliance',
  ]
  for (const c of needCats) if (!products.some((p) => p.category === c)) fail(`products: no ${c}`)
  if (products.length < 220) fail(`products: ${products.length} < 220`)
  if (count(products, (p) => p.stock === 0) < 5) fail('products: want ≥ 5 sold out')
  if (count(products, (p) => p.stock > 0 && p.stock <= 5) < 5) fail('products: want ≥ 5 low stock')
  if (count(products, (p) => p.listPrice !== undefined) < 20) fail('products: want ≥ 20 price drops')

  // ---- customers
  const customers = load('customers', 'customers.jsonl') as Customer[]
  const byId = unique('customers.jsonl', customers, (c) => c.id)
  if (customers.length < 60) fail(`customers: ${customers.length} < 60`)
  for (const c of customers) {
    if (c.locale === 'zh' && !/^1\d{10}$/.test(c.phone)) fail(`${c.id}: Chinese customer phone ${c.phone}`)
    if (!c.locale) fail(`${c.id}: locale missing`)
  }

  // ---- orders
  const orders = load('orders', 'orders.jsonl') as Order[]
  unique('orders.jsonl', orders, (o) => o.orderNo)
  const perCustomer = new Map<string, Order[]>()
  for (const o of orders) {
    const where = `order ${o.orderNo}`
    const c = byId.get(o.customerId)
    if (!c) fail(`${where}: unknown customer ${o.customerId}`)
    perCustomer.set(o.customerId, [...(perCustomer.get(o.customerId) ?? []), o])
    if (!/^KF\d{12}$/.test(o.orderNo)) fail(`${where}: order number format`)
    if (o.orderNo.slice(2, 10) !== o.createdAt.slice(0, 10).replaceAll('-', ''))
      fail(`${where}: number ≠ creation date`)
    const created = Date.parse(o.createdAt)
    if (created < MONTH_START || created >= NOW) fail(`${where}: createdAt outside Nov 2026 before now`)
    if (!o.address) fail(`${where}: no address`)
    let subtotal = 0
    for (const it of o.items) {
      const p = bySku.get(it.sku)
      if (!p) {
        fail(`${where}: unknown SKU ${it.sku}`)
        continue
      }
      if (it.price !== p.price) fail(`${where}: ${it.sku} price ${it.price} ≠ product ${p.price}`)
      subtotal += it.price * it.qty
      const a = p.attributes as Record<string, unknown>
      if ((top(p) === 'apparel' || top(p) === 'shoes') && (!it.size || !it.color))
        fail(`${where}: apparel item lacks size/color`)
      if (it.size && ![...((a.sizes as string[]) ?? []), ...((a.sizesEn as string[]) ?? [])].includes(it.size))
        fail(`${where}: ${it.sku} size ${it.size} not offered`)
      if (it.color && ![...((a.colors as string[]) ?? []), ...((a.colorsEn as string[]) ?? [])].includes(it.color))
        fail(`${where}: ${it.sku} colour ${it.color} not offered`)
    }
    const expected = Math.round((subtotal + (subtotal >= 99 ? 0 : 8)) * 100) / 100
    if (o.total !== expected) fail(`${where}: total ${o.total} ≠ ${expected}`)
    const paid = o.paidAt ? Date.parse(o.paidAt) : undefined
    if (paid !== undefined && (paid <= created || paid >= NOW)) fail(`${where}: paidAt out of order`)
    const needsPaid = !['pending_payment', 'cancelled'].includes(o.status)
    if (needsPaid && paid === undefined) fail(`${where}: ${o.status} without paidAt`)
    if (o.status === 'pending_payment' && paid !== undefined) fail(`${where}: pending_payment with paidAt`)
    const needsShipment = ['shipped', 'delivered', 'completed'].includes(o.status)
    if (needsShipment && !o.shipment) fail(`${where}: ${o.status} without shipment`)
    if (['pending_payment', 'paid', 'cancelled'].includes(o.status) && o.shipment)
      fail(`${where}: ${o.status} has a shipment`)
    if (['delivered', 'completed'].includes(o.status) && (o.shipment?.status !== 'delivered' || !o.deliveredAt))
      fail(`${where}: ${o.status} needs a delivered shipment and deliveredAt`)
    if (o.status === 'delivered' && o.deliveredAt && NOW - Date.parse(o.deliveredAt) > 7 * 86_400_000)
      fail(`${where}: delivered more than 7 days ago should be completed`)
    const s = o.shipment
    if (s) {
      const en = c?.locale === 'en'
      if (en !== /^[A-Z]/.test(s.carrier)) fail(`${where}: carrier name language`)
      if (s.events.length < 3 || s.events.length > 8) fail(`${where}: ${s.events.length} tracking events`)
      let prev = paid ?? created
      for (const e of s.events) {
        const t = Date.parse(e.time)
        if (t <= prev) fail(`${where}: event ${e.time} out of order`)
        if (t >= NOW) fail(`${where}: event ${e.time} in the future`)
        if (!e.location) fail(`${where}: event without location`)
        if (en === CJK.test(e.description)) fail(`${where}: event language: ${e.description}`)
        prev = t
      }
      const eta = s.eta ? Date.parse(s.eta) : undefined
      if (s.status === 'delayed' && (eta === undefined || eta >= NOW)) fail(`${where}: delayed but ETA not passed`)
      if (s.status === 'in_transit' && (eta === undefined || eta <= NOW)) fail(`${where}: in transit but ETA passed`)
      if (
        s.status === 'delivered' &&
        o.deliveredAt !== s.events.at(-1)?.time &&
        ['delivered', 'completed'].includes(o.status)
      )
        fail(`${where}: deliveredAt ≠ last event`)
    }
  }
  for (const st of ORDER_STATUSES) if (count(orders, (o) => o.status === st) < 5) fail(`orders: fewer than 5 ${st}`)
  for (const st of ['in_transit', 'delivered', 'delayed', 'exception'])
    if (!orders.some((o) => o.shipment?.status === st)) fail(`orders: no ${st} shipment`)
  if (count(orders, (o) => o.shipment?.status === 'delayed') < 8) fail('orders: fewer than 8 delayed shipments')
  if (count(orders, (o) => o.shipment?.status === 'exception') < 6) fail('orders: fewer than 6 exception shipments')
  if (orders.length < 150) fail(`orders: ${orders.length} < 150`)
  for (const c of customers) {
    const n = perCustomer.get(c.id)?.length ?? 0
    if (n < 1 || n > 5) fail(`${c.id}: ${n} orders (want 1–5)`)
  }
  // Personas the demo script relies on (docs/demo-shop.md).
  const of = (id: string) => perCustomer.get(id) ?? []
  const has = (id: string, f: (o: Order) => boolean) => of(id).some(f)
  if (
    of('c001').length !== 2 ||
    !has('c001', (o) => o.shipment?.status === 'in_transit') ||
    !has('c001', (o) => o.status === 'delivered')
  )
    fail('persona c001: exactly one in-transit and one delivered order')
  if (
    !has('c002', (o) => o.status === 'paid') ||
    !has('c002', (o) => o.status === 'pending_payment') ||
    of('c002').length < 3
  )
    fail('persona c002: several orders incl. paid and pending_payment')
  if (
    byId.get('c003')?.locale !== 'en' ||
    !has('c003', (o) => o.status === 'shipped') ||
    !has('c003', (o) => o.status === 'delivered')
  )
    fail('persona c003: English, shipped + delivered')
  if (!has('c004', (o) => o.shipment?.status === 'delayed')) fail('persona c004: delayed shipment')
  if (!has('c005', (o) => o.shipment?.status === 'exception')) fail('persona c005: exception shipment')

  // ---- FAQ
  const faq = load('faq', 'faq.jsonl') as FaqEntry[]
  unique('faq.jsonl', faq, (f) => f.id)
  for (const loc of ['zh', 'en'] as const) {
    const n = count(faq, (f) => f.locale === loc)
    if (n < 80) fail(`faq: ${n} ${loc} entries < 80`)
  }
  for (const f of faq) {
    if (!new RegExp(`^faq-${f.locale}-\\d{3}$`).test(f.id)) fail(`${f.id}: id format`)
    if (f.similar.length < 9 || f.similar.length > 16) fail(`${f.id}: ${f.similar.length} similar (want 9–16)`)
    if (new Set(f.similar).size !== f.similar.length || f.similar.includes(f.question))
      fail(`${f.id}: repeated phrasing`)
    if (f.locale === 'en' && CJK.test(f.question + f.answer + f.similar.join()))
      fail(`${f.id}: Chinese text in en entry`)
    if (f.locale === 'zh' && !CJK.test(f.question)) fail(`${f.id}: zh entry without Chinese`)
  }
  const questions = new Map<string, string>()
  for (const f of faq) {
    for (const q of [f.question, ...f.similar]) {
      const k = `${f.locale}:${q.toLowerCase().replace(/[\s?？!！。.,，]/g, '')}`
      const other = questions.get(k)
      if (other && other !== f.id) fail(`${f.id}: phrasing "${q}" also in ${other}`)
      questions.set(k, f.id)
    }
  }
  checkCsv(faq)

  // ---- faults
  const faults = load('faults', 'faults.jsonl') as Fault[]
  unique('faults.jsonl', faults, (f) => f.id)
  for (const loc of ['zh', 'en'] as const) {
    const n = count(faults, (f) => f.locale === loc)
    if (n < 45) fail(`faults: ${n} ${loc} symptoms < 45`)
  }
  for (const f of faults) {
    if (!f.category.startsWith('electronics/')) fail(`${f.id}: category ${f.category}`)
    if (f.similar.length < 4 || f.similar.length > 8) fail(`${f.id}: ${f.similar.length} similar (want 4–8)`)
    if (f.questions.length < 1 || f.questions.length > 3) fail(`${f.id}: ${f.questions.length} questions (want 1–3)`)
    if (f.solutions.length < 2 || f.solutions.length > 4) fail(`${f.id}: ${f.solutions.length} solutions (want 2–4)`)
    if (!QUEUES.has(f.escalate.queue)) fail(`${f.id}: queue ${f.escalate.queue}`)
    const text = [f.symptom, ...f.similar, ...f.questions, ...f.solutions].join()
    if ((f.locale === 'en') === CJK.test(text)) fail(`${f.id}: language does not match locale ${f.locale}`)
  }

  /** Parses the CSV copy (RFC 4180) and checks it carries exactly the JSONL entries. */
  function checkCsv(entries: FaqEntry[]): void {
    const text = readFileSync(join(dir, 'faq.csv'), 'utf8')
    const rows: string[][] = []
    let row: string[] = []
    let field = ''
    let quoted = false
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          field += '"'
          i++
        } else if (ch === '"') quoted = false
        else field += ch
      } else if (ch === '"') quoted = true
      else if (ch === ',') {
        row.push(field)
        field = ''
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i + 1] === '\n') i++
        row.push(field)
        rows.push(row)
        row = []
        field = ''
      } else field += ch
    }
    if (field || row.length) rows.push([...row, field])
    const [header, ...body] = rows
    if (header?.join(',') !== 'id,question,answer,similar,category,locale') fail('faq.csv: header')
    if (body.length !== entries.length) fail(`faq.csv: ${body.length} rows ≠ ${entries.length} JSONL entries`)
    body.forEach((r, i) => {
      const f = entries[i]
      const want = f && [f.id, f.question, f.answer, f.similar.join('|'), f.category, f.locale]
      if (!want || r.join('\u0000') !== want.join('\u0000')) fail(`faq.csv:${i + 2}: differs from faq.jsonl`)
    })
  }

  const tally = (xs: string[]) =>
    Object.fromEntries([...xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>())].sort())
  const summary = {
    products: products.length,
    productCategories: tally(products.map((p) => p.category)),
    soldOut: count(products, (p) => p.stock === 0),
    lowStock: count(products, (p) => p.stock > 0 && p.stock <= 5),
    priceDrops: count(products, (p) => p.listPrice !== undefined),
    customers: customers.length,
    customersByLocale: tally(customers.map((c) => c.locale ?? '?')),
    orders: orders.length,
    orderStatuses: tally(orders.map((o) => o.status)),
    shipmentStatuses: tally(orders.flatMap((o) => (o.shipment ? [o.shipment.status] : []))),
    faq: tally(faq.map((f) => f.locale)),
    faqCategories: tally(faq.map((f) => f.category)),
    faults: tally(faults.map((f) => f.locale)),
    faultCategories: tally(faults.map((f) => f.category)),
  }
  return { problems, summary }
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]
if (isMain) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
  const { problems, summary } = validateDemoData(process.argv[2] ?? join(root, 'data', 'demo'))
  console.log(JSON.stringify(summary, null, 1))
  if (problems.length) {
    console.error(`\n${problems.length} problem(s):`)
    for (const p of problems.slice(0, 200)) console.error(`  ${p}`)
    process.exit(1)
  }
  console.log('\nall demo files valid')
}
