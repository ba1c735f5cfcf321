import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore } from '../../src/adapters/open-store.js'
import type { Shop } from '../../src/core/domain/records.js'
import {
  type FaqEntry,
  type Fault,
  faqSchema,
  faultSchema,
  type Product,
  productSchema,
} from '../../src/core/domain/schemas.js'
import type { Store } from '../../src/core/ports/store.js'

export function makeFaq(over: Partial<FaqEntry> & { id: string; question: string }): FaqEntry {
  return faqSchema.parse({ answer: `answer of ${over.id}`, category: 'general', locale: 'zh', ...over })
}

export function makeProduct(over: Partial<Product> & { sku: string; title: string }): Product {
  return productSchema.parse({ category: 'misc', brand: 'Kefu', price: 100, stock: 10, ...over })
}

export function makeFault(over: Partial<Fault> & { id: string; symptom: string }): Fault {
  return faultSchema.parse({
    category: 'electronics/earbuds',
    solutions: ['重启设备'],
    escalate: { queue: 'after_sales', priority: 'normal' },
    ...over,
  })
}

export const FAQS: FaqEntry[] = [
  makeFaq({
    id: 'faq-shipping-free',
    question: '你们包邮吗？',
    similar: ['运费怎么算', '需要付运费吗'],
    answer: '全场满99元包邮，不满99元运费8元。',
    category: 'shipping',
  }),
  makeFaq({
    id: 'faq-return-7days',
    question: '支持7天无理由退货吗？',
    similar: ['可以退货吗', '不喜欢能退吗'],
    answer: '签收后7天内，商品不影响二次销售即可无理由退货。',
    category: 'returns',
  }),
  makeFaq({
    id: 'faq-invoice',
    question: '可以开发票吗？',
    similar: ['怎么开发票', '能开专票吗'],
    answer: '下单后在订单详情页申请电子发票。',
    category: 'invoice',
  }),
  makeFaq({
    id: 'faq-ship-time',
    question: '下单后多久发货？',
    similar: ['什么时候发货', '几天能发出'],
    answer: '付款后48小时内发货。',
    category: 'shipping',
  }),
  makeFaq({
    id: 'faq-en-shipping-free',
    question: 'Do you offer free shipping?',
    similar: ['How much is shipping?', 'Is delivery free?'],
    answer: 'Orders over ¥99 ship free; otherwise shipping is ¥8.',
    category: 'shipping',
    locale: 'en',
  }),
  makeFaq({
    id: 'faq-en-return',
    question: 'Can I return an item within 7 days?',
    similar: ['What is your return policy?', 'I want to send something back'],
    answer: 'You can return unused items within 7 days of delivery, no reason needed.',
    category: 'returns',
    locale: 'en',
  }),
]

export const PRODUCTS: Product[] = [
  makeProduct({
    sku: 'DJ-001',
    title: '云朵轻暖90白鸭绒短款羽绒服女',
    category: 'apparel/down-jacket',
    brand: '暖岛',
    price: 599,
    stock: 30,
    aliases: ['云朵羽绒服', 'Cloud Down Jacket'],
    attributes: {
      titleEn: 'Cloud Light Down Jacket',
      downContent: 90,
      material: '90%白鸭绒',
      colours: ['黑色', '米白'],
    },
  }),
  makeProduct({
    sku: 'PH-X2',
    title: '星河 X2 智能手机',
    category: 'electronics/phone',
    brand: '星河',
    price: 2999,
    stock: 12,
    aliases: ['X2'],
    attributes: { titleEn: 'Galaxy X2 phone', batteryHours: 20, wirelessCharging: false },
  }),
  makeProduct({
    sku: 'PH-X2P',
    title: '星河 X2 Pro 智能手机',
    category: 'electronics/phone',
    brand: '星河',
    price: 3999,
    stock: 0,
    aliases: ['X2 Pro'],
    attributes: { titleEn: 'Galaxy X2 Pro phone', batteryHours: 26, wirelessCharging: true },
    related: ['PH-X2'],
  }),
]

export const FAULTS: Fault[] = [
  makeFault({
    id: 'fault-earbuds-no-charge',
    symptom: '耳机充不进电',
    similar: ['耳机没法充电', '充电仓不亮'],
    questions: ['充电仓指示灯亮吗？'],
    solutions: ['清洁充电触点后重新放入充电仓', '换一根数据线再试'],
  }),
]

export type TestStore = { store: Store; shop: Shop; close(): Promise<void> }

/** A real SQLite store in a temporary directory with one shop and the fixtures above. */
export async function openTestStore(opts: { seed?: boolean } = {}): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-knowledge-'))
  const store = await openStore(`sqlite://${join(dir, 'kefu.db')}`)
  const shop: Shop = {
    id: 'shop1',
    name: 'Test shop',
    widgetSecret: 'w',
    apiKey: 'key-shop1',
    demo: false,
    settings: {},
    createdAt: new Date().toISOString(),
  }
  await store.shops.upsert(shop)
  if (opts.seed !== false) {
    await store.faq.upsertMany(shop.id, FAQS)
    await store.products.upsertMany(shop.id, PRODUCTS)
    await store.faults.upsertMany(shop.id, FAULTS)
  }
  return {
    store,
    shop,
    async close() {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
