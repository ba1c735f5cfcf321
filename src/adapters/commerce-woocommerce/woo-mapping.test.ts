import { describe, expect, it } from 'vitest'
import { mapAddress, mapCustomer, mapOrder, mapProduct, normalisePhone, wooGmt } from './woo-mapping.js'
import { wooCustomerSchema, wooOrderSchema, wooProductSchema } from './woo-resources.js'

const M = { currency: 'CNY', defaultBrand: 'My Shop', untrackedStock: 100 }

describe('WooCommerce mapping', () => {
  it('reads WooCommerce GMT dates, which carry no zone, as UTC', () => {
    expect(wooGmt('2026-11-27T10:00:00')).toBe('2026-11-27T10:00:00.000Z')
    expect(wooGmt('2026-11-27T10:00:00+08:00')).toBe('2026-11-27T02:00:00.000Z')
    expect(wooGmt(null)).toBeUndefined()
    expect(wooGmt('not a date')).toBeUndefined()
  })

  it('keeps phones as digits, spaces, dashes and +, and drops unusable ones', () => {
    expect(normalisePhone('(021) 5555-1234')).toBe('021 5555-1234')
    expect(normalisePhone('+86 139.1234.5678')).toBe('+86 139 1234 5678')
    expect(normalisePhone('n/a')).toBeNull()
    expect(normalisePhone('')).toBeNull()
  })

  it('maps a product: string prices, sale, Chinese colour attribute, HTML-free text, brand', () => {
    const p = mapProduct(
      wooProductSchema.parse({
        id: 5,
        name: '羊毛大衣',
        sku: 'HX-COAT-330',
        price: '599.00',
        regular_price: '799.00',
        sale_price: '599.00',
        manage_stock: true,
        stock_quantity: 7,
        stock_status: 'instock',
        short_description: '<p>100% 羊毛&nbsp;<strong>双面呢</strong></p>',
        categories: [{ id: 1, name: '大衣', slug: 'coats' }],
        brands: [{ id: 2, name: 'HX' }],
        attributes: [
          { name: '颜色', options: ['驼色', '黑色'] },
          { name: 'Material', options: ['wool'] },
        ],
      }),
      M,
    )
    expect(p).toMatchObject({
      sku: 'HX-COAT-330',
      title: '羊毛大衣',
      category: 'coats',
      brand: 'HX',
      price: 599,
      listPrice: 799,
      stock: 7,
      currency: 'CNY',
      description: '100% 羊毛 双面呢',
      attributes: { colours: ['驼色', '黑色'], material: 'wool' },
    })
  })

  it('takes a product that is no longer published off sale and falls back on the shop name as brand', () => {
    const p = mapProduct(wooProductSchema.parse({ id: 9, name: 'Old', status: 'draft', price: '' }), M)
    expect(p).toMatchObject({ sku: 'woo-9', stock: 0, price: 0, brand: 'My Shop', category: 'uncategorized' })
  })

  it('skips a customer without a phone and maps one with a billing phone', () => {
    expect(mapCustomer(wooCustomerSchema.parse({ id: 1, email: 'a@b.co', billing: { phone: '' } }))).toBeNull()
    expect(
      mapCustomer(
        wooCustomerSchema.parse({ id: 2, email: 'bad email', billing: { first_name: 'Li', phone: '13912345678' } }),
      ),
    ).toEqual({ id: '2', name: 'Li', phone: '13912345678', tier: 'regular' })
  })

  it('maps a completed order: deliveredAt, delivered shipment, address from billing when shipping is empty', () => {
    const o = mapOrder(
      wooOrderSchema.parse({
        id: 70,
        number: '70',
        status: 'completed',
        currency: 'cny',
        total: '129.00',
        customer_id: 0,
        billing: { first_name: 'Wang', address_1: '1 Road', city: 'Hangzhou', phone: '13800000000', email: 'W@X.CN' },
        shipping: { first_name: '', address_1: '' },
        line_items: [
          { id: 1, name: 'Tea', sku: '', product_id: 44, quantity: 2, price: 64.5, total: '129.00' },
          { id: 2, name: 'Gift wrap', sku: 'WRAP', quantity: 0 },
        ],
        meta_data: [
          {
            key: '_wc_shipment_tracking_items',
            value: [
              {
                tracking_provider: '',
                custom_tracking_provider: 'ZTO',
                tracking_number: 'ZT1',
                date_shipped: '1795000000',
              },
            ],
          },
        ],
        date_created_gmt: '2026-11-01T02:00:00',
        date_paid_gmt: '2026-11-01T02:01:00',
        date_completed_gmt: '2026-11-04T09:00:00',
      }),
    )
    expect(o).toMatchObject({
      orderNo: '70',
      customerId: 'guest:w@x.cn',
      status: 'completed',
      currency: 'CNY',
      total: 129,
      items: [{ sku: 'woo-44', qty: 2, price: 64.5, title: 'Tea' }],
      deliveredAt: '2026-11-04T09:00:00.000Z',
      address: { name: 'Wang', detail: '1 Road', region: 'Hangzhou', phone: '13800000000' },
      shipment: { carrier: 'ZTO', trackingNo: 'ZT1', status: 'delivered' },
    })
    expect(o!.shipment!.events[0]!.time).toBe(new Date(1795000000 * 1000).toISOString())
  })

  it('leaves out an order without product lines and an address without a phone', () => {
    expect(mapOrder(wooOrderSchema.parse({ id: 1, status: 'processing', line_items: [] }))).toBeNull()
    expect(mapAddress({ address_1: 'x', phone: '' })).toBeNull()
  })
})
