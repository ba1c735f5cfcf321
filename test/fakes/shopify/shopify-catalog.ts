/**
 * A deterministic Shopify store for the fake: products (one variant each, SKU `SH-<n>`),
 * customers (a few without a phone, as real stores have), orders in every state (unfulfilled
 * paid, pending, fulfilled in transit with tracking, delivered, cancelled + refunded), one an hour.
 */
import type {
  ShopifyCustomer,
  ShopifyOrder,
  ShopifyProduct,
} from '../../../src/adapters/commerce-shopify/shopify-types.js'

export type FakeCatalog = { products: ShopifyProduct[]; customers: ShopifyCustomer[]; orders: ShopifyOrder[] }

const BRANDS = ['Nordlys', 'Aurora', 'Kestrel', 'Tidewater', 'Larchwood', 'Solvik', 'Brightfield', 'Quillon']
const ITEMS: Array<[string, string]> = [
  ['Wool Sweater', 'Apparel'],
  ['Desk Lamp', 'Home'],
  ['Trail Shoes', 'Footwear'],
  ['Water Bottle', 'Outdoor'],
  ['Travel Backpack', 'Bags'],
  ['Wireless Headphones', 'Electronics'],
  ['Ceramic Tea Set', 'Kitchen'],
  ['Yoga Mat', 'Fitness'],
]
const CARRIERS = ['UPS', 'FedEx', 'DHL Express', 'USPS']

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z')

/**
 * `base` is the instant of the first record; the fake puts it 150 days before its own "now", so the
 * store's history is always in the past, whatever day the tests run.
 */
export function generateCatalog(n: { products: number; customers: number; orders: number; base: number }): FakeCatalog {
  const BASE = n.base
  const products: ShopifyProduct[] = []
  for (let i = 0; i < n.products; i++) {
    const [item, type] = ITEMS[i % ITEMS.length]!
    const brand = BRANDS[Math.floor(i / ITEMS.length) % BRANDS.length]!
    const id = 7_000_000_000 + i
    products.push({
      id,
      title: `${brand} ${item} K${1000 + i}`,
      body_html: `<p>${brand} ${item.toLowerCase()}, model K${1000 + i}.</p>`,
      vendor: brand,
      product_type: type,
      status: 'active',
      tags: i % 5 === 0 ? 'bestseller' : '',
      updated_at: iso(BASE + i * 1000),
      options: [{ name: 'Title', values: ['Default Title'] }],
      images: [],
      variants: [
        {
          id: 40_000_000_000 + i,
          product_id: id,
          title: 'Default Title',
          price: `${10 + ((i * 37) % 490)}.00`,
          compare_at_price: null,
          sku: `SH-${10000 + i}`,
          inventory_quantity: (i * 13) % 60,
          option1: 'Default Title',
        },
      ],
    })
  }
  const customers: ShopifyCustomer[] = []
  for (let i = 0; i < n.customers; i++) {
    const phone = i % 30 === 29 ? null : `+1 555 01${String(i).padStart(4, '0')}`
    customers.push({
      id: 6_000_000_000 + i,
      first_name: ['Ava', 'Liam', 'Mia', 'Noah', 'Zoe', 'Ethan'][i % 6]!,
      last_name: ['Smith', 'Chen', 'Garcia', 'Brown', 'Wang'][i % 5]!,
      email: `customer${i}@example.com`,
      phone,
      tags: i % 10 === 0 ? 'VIP' : '',
      default_address: null,
      updated_at: iso(BASE),
    })
  }
  const orders: ShopifyOrder[] = []
  for (let i = 0; i < n.orders; i++) {
    const c = customers[i % Math.max(1, customers.length)]
    const p1 = products[(i * 7) % Math.max(1, products.length)]!
    const p2 = products[(i * 11 + 3) % Math.max(1, products.length)]!
    const lines = [p1, ...(i % 3 === 0 ? [p2] : [])].map((p, k) => ({
      id: 90_000_000_000 + i * 10 + k,
      sku: p.variants[0]!.sku ?? null,
      title: p.title,
      variant_title: null,
      variant_id: p.variants[0]!.id,
      quantity: 1 + (k % 2),
      price: p.variants[0]!.price,
    }))
    const total = lines.reduce((s, l) => s + Number(l.price) * l.quantity, 0)
    const created = BASE + i * 3_600_000
    const kind = i % 10
    const fulfilled = kind >= 4 && kind <= 8
    const delivered = kind === 7 || kind === 8
    const cancelled = kind === 9
    orders.push({
      id: 5_000_000_000 + i,
      name: `#${1001 + i}`,
      email: c?.email ?? null,
      phone: null,
      created_at: iso(created),
      updated_at: iso(created + 60_000),
      processed_at: iso(created),
      cancelled_at: cancelled ? iso(created + 7_200_000) : null,
      closed_at: null,
      financial_status: kind === 3 ? 'pending' : cancelled ? 'refunded' : 'paid',
      fulfillment_status: fulfilled ? 'fulfilled' : null,
      currency: 'USD',
      total_price: total.toFixed(2),
      tags: '',
      note: null,
      customer: c ? { id: c.id, phone: c.phone ?? null } : null,
      line_items: lines,
      shipping_address: {
        first_name: c?.first_name ?? 'Guest',
        last_name: c?.last_name ?? '',
        phone: c?.phone ?? '+1 555 0199999',
        address1: `${100 + i} Harbour Street`,
        address2: null,
        city: 'Portland',
        province: 'Oregon',
        zip: '97201',
        country: 'United States',
      },
      fulfillments: fulfilled
        ? [
            {
              id: 3_000_000_000 + i,
              status: 'success',
              created_at: iso(created + 86_400_000),
              updated_at: iso(created + 2 * 86_400_000),
              tracking_company: CARRIERS[i % CARRIERS.length]!,
              tracking_number: `1Z${String(900000000 + i)}`,
              shipment_status: delivered ? 'delivered' : 'in_transit',
            },
          ]
        : [],
    })
  }
  return { products, customers, orders }
}
