/**
 * A generated WooCommerce store for the fake: products (simple and variable, with variations),
 * customers and orders shaped as the REST API v3 returns them. Deterministic for a seed; every date
 * is relative to `now` so nothing depends on the day the tests run.
 */

export type WooRecord = Record<string, unknown> & { id: number }

export type WooStoreData = {
  products: Map<number, WooRecord>
  /** Variations by parent product id. */
  variations: Map<number, WooRecord[]>
  customers: Map<number, WooRecord>
  orders: Map<number, WooRecord>
  notes: Map<number, WooRecord[]>
  refunds: Map<number, WooRecord[]>
  nextId: number
}

export type CatalogOptions = {
  products?: number
  customers?: number
  orders?: number
  /** Every n-th product is variable (3 sizes). Default 10. */
  variableEvery?: number
  /** ISO instant the store's dates are relative to. */
  now: string
  seed?: number
}

const CATEGORIES = [
  { id: 15, name: 'Hoodies', slug: 'hoodies' },
  { id: 16, name: 'T-shirts', slug: 'tshirts' },
  { id: 17, name: 'Accessories', slug: 'accessories' },
  { id: 18, name: 'Kitchen', slug: 'kitchen' },
  { id: 19, name: 'Electronics', slug: 'electronics' },
]
const ADJ = ['Classic', 'Organic', 'Everyday', 'Premium', 'Travel', 'Urban', 'Soft', 'Sport']
const NOUN = ['Hoodie', 'Tee', 'Cap', 'Mug', 'Kettle', 'Charger', 'Backpack', 'Scarf']
const SIZES = ['S', 'M', 'L']

function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** WooCommerce `_gmt` date format: no zone designator. */
export const gmt = (t: number) => new Date(t).toISOString().slice(0, 19)
export const money = (n: number) => n.toFixed(2)

export function address(first: string, last: string, i: number, phone: string): Record<string, string> {
  return {
    first_name: first,
    last_name: last,
    company: '',
    address_1: `${100 + (i % 800)} Market Street`,
    address_2: i % 3 === 0 ? `Apt ${i % 50}` : '',
    city: 'Shanghai',
    state: 'SH',
    postcode: String(200000 + (i % 999)),
    country: 'CN',
    email: `customer${i}@example.com`,
    phone,
  }
}

/** Builds the store's records. */
export function generateStore(o: CatalogOptions): WooStoreData {
  const r = rng(o.seed ?? 42)
  const now = Date.parse(o.now)
  const nProducts = o.products ?? 50
  const nCustomers = o.customers ?? 20
  const nOrders = o.orders ?? 40
  const variableEvery = o.variableEvery ?? 10
  const data: WooStoreData = {
    products: new Map(),
    variations: new Map(),
    customers: new Map(),
    orders: new Map(),
    notes: new Map(),
    refunds: new Map(),
    nextId: 1,
  }
  const id = () => data.nextId++
  const sellable: Array<{ productId: number; variationId: number; sku: string; name: string; price: number }> = []

  for (let i = 1; i <= nProducts; i++) {
    const pid = id()
    const cat = CATEGORIES[i % CATEGORIES.length]!
    const name = `${ADJ[i % ADJ.length]} ${NOUN[(i * 7) % NOUN.length]} ${i}`
    const regular = 20 + Math.floor(r() * 400)
    const onSale = i % 7 === 0
    const price = onSale ? Math.round(regular * 0.8) : regular
    const variable = variableEvery > 0 && i % variableEvery === 0
    const sku = i % 97 === 0 ? '' : `WC-${String(i).padStart(5, '0')}`
    const created = now - (nProducts - i + 30) * 3_600_000
    const managed = i % 5 !== 0
    const stock = Math.floor(r() * 60)
    const product: WooRecord = {
      id: pid,
      name,
      slug: name.toLowerCase().replace(/\s+/g, '-'),
      type: variable ? 'variable' : 'simple',
      status: 'publish',
      sku,
      price: money(price),
      regular_price: variable ? '' : money(regular),
      sale_price: onSale && !variable ? money(price) : '',
      on_sale: onSale && !variable,
      manage_stock: variable ? false : managed,
      stock_quantity: variable || !managed ? null : stock,
      stock_status: variable || !managed || stock > 0 ? 'instock' : 'outofstock',
      description: `<p>${name}: a generated product for the WooCommerce fake.</p>`,
      short_description: `<p>${name}.</p>`,
      categories: [cat],
      images: [{ id: pid + 100000, src: `https://shop.example.com/wp-content/uploads/${pid}.jpg`, name, alt: '' }],
      attributes: variable
        ? [{ id: 1, name: 'Size', position: 0, visible: true, variation: true, options: SIZES }]
        : [],
      variations: [] as number[],
      date_created_gmt: gmt(created),
      date_modified_gmt: gmt(created),
      meta_data: [],
    }
    data.products.set(pid, product)
    if (variable) {
      const vars: WooRecord[] = SIZES.map((size, k) => {
        const vid = id()
        const vPrice = price + k * 10
        const vStock = Math.floor(r() * 20)
        const v: WooRecord = {
          id: vid,
          sku: sku ? `${sku}-${size}` : '',
          price: money(vPrice),
          regular_price: money(vPrice),
          sale_price: '',
          status: 'publish',
          manage_stock: true,
          stock_quantity: vStock,
          stock_status: vStock > 0 ? 'instock' : 'outofstock',
          attributes: [{ id: 1, name: 'Size', option: size }],
          date_modified_gmt: gmt(created),
        }
        sellable.push({
          productId: pid,
          variationId: vid,
          sku: String(v.sku),
          name: `${name} - ${size}`,
          price: vPrice,
        })
        return v
      })
      product.variations = vars.map((v) => v.id)
      data.variations.set(pid, vars)
    } else {
      sellable.push({ productId: pid, variationId: 0, sku, name, price })
    }
  }

  const customerIds: number[] = []
  for (let i = 1; i <= nCustomers; i++) {
    const cid = id()
    customerIds.push(cid)
    const phone =
      i % 50 === 0 ? '' : `+86 138 ${String(1000 + (i % 9000)).padStart(4, '0')} ${String(i).padStart(4, '0')}`
    const first = `Buyer${i}`
    const c: WooRecord = {
      id: cid,
      email: `customer${i}@example.com`,
      first_name: first,
      last_name: 'Lee',
      username: `buyer${i}`,
      role: 'customer',
      billing: address(first, 'Lee', i, phone),
      shipping: address(first, 'Lee', i, phone),
      date_created_gmt: gmt(now - 90 * 86_400_000 + i * 60_000),
      date_modified_gmt: gmt(now - 90 * 86_400_000 + i * 60_000),
    }
    data.customers.set(cid, c)
  }

  const STATUSES = ['processing', 'processing', 'completed', 'completed', 'pending', 'on-hold', 'cancelled', 'refunded']
  for (let i = 1; i <= nOrders; i++) {
    const oid = id()
    const guest = customerIds.length === 0 || i % 20 === 0
    const cid = guest ? 0 : customerIds[Math.floor(r() * customerIds.length)]!
    const owner = cid ? data.customers.get(cid) : undefined
    const status = STATUSES[i % STATUSES.length]!
    const created = now - (nOrders - i + 2) * 1_800_000
    const lines = 1 + Math.floor(r() * 3)
    const line_items: WooRecord[] = []
    let total = 0
    for (let k = 0; k < lines && sellable.length > 0; k++) {
      const s = sellable[Math.floor(r() * sellable.length)]!
      const qty = 1 + Math.floor(r() * 2)
      total += s.price * qty
      line_items.push({
        id: oid * 10 + k,
        name: s.name,
        product_id: s.productId,
        variation_id: s.variationId,
        quantity: qty,
        sku: s.sku,
        price: s.price,
        subtotal: money(s.price * qty),
        total: money(s.price * qty),
        meta_data: s.variationId ? [{ id: oid * 10 + k, key: 'pa_size', value: s.name.split(' - ')[1] }] : [],
      })
    }
    const shipped = status === 'completed' || (status === 'processing' && i % 4 === 1)
    const meta_data = shipped
      ? [
          {
            id: oid,
            key: '_wc_shipment_tracking_items',
            value: [
              {
                tracking_provider: 'sf-express',
                custom_tracking_provider: '',
                tracking_number: `SF${String(oid).padStart(10, '0')}`,
                date_shipped: String(Math.floor((created + 86_400_000) / 1000)),
                tracking_id: `t${oid}`,
              },
            ],
          },
        ]
      : []
    const billing = owner
      ? (owner.billing as Record<string, string>)
      : address(`Guest${i}`, 'Wang', i, `+86 139 0000 ${String(i).padStart(4, '0')}`)
    const paid = status !== 'pending' && status !== 'on-hold'
    data.orders.set(oid, {
      id: oid,
      parent_id: 0,
      number: String(oid),
      order_key: `wc_order_${oid}`,
      created_via: 'checkout',
      status,
      currency: 'CNY',
      total: money(total),
      customer_id: cid,
      billing: { ...billing },
      shipping: { ...billing },
      payment_method: 'alipay',
      line_items,
      shipping_lines: [],
      meta_data,
      refunds: [],
      date_created_gmt: gmt(created),
      date_modified_gmt: gmt(created + 60_000),
      date_paid_gmt: paid ? gmt(created + 60_000) : null,
      date_completed_gmt: status === 'completed' ? gmt(created + 3 * 86_400_000) : null,
    })
  }
  return data
}
