/**
 * Test harness for the dialogue manager: a real SQLite store with a small shop, hand-made NLU results
 * and a tiny keyword knowledge base (a fake for the knowledge port). Each turn reloads the state from
 * the stored conversation, as a restarted server would.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { openStore } from '../../src/adapters/open-store.js'
import { createDialogueManager } from '../../src/core/dialogue/dialogue-manager.js'
import type { PolicyConfig, TurnOutcome } from '../../src/core/dialogue/types.js'
import type { Conversation, Shop } from '../../src/core/domain/records.js'
import type { Customer, Fault, Order, Product } from '../../src/core/domain/schemas.js'
import type { KnowledgeBase, KnowledgeHit } from '../../src/core/knowledge/types.js'
import type { Entity, Intent, NluResult } from '../../src/core/nlu/types.js'
import type { CommerceActions } from '../../src/core/ports/commerce.js'
import type { Store } from '../../src/core/ports/store.js'

export const NOW = new Date('2026-06-10T08:00:00.000Z')
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString()

/** The story shop's own rules (return address, exclusions, agents): data/stories/shop/shop.json. */
export const STORY_SHOP_SETTINGS = (
  JSON.parse(readFileSync(join(import.meta.dirname, '../../data/stories/shop/shop.json'), 'utf8')) as {
    settings: Record<string, unknown>
  }
).settings

export function makeShop(settings: Record<string, unknown> = {}, opts: { neutral?: boolean } = {}): Shop {
  return {
    id: 'shop1',
    name: 'Test Shop',
    widgetSecret: 'w'.repeat(32),
    apiKey: 'k'.repeat(32),
    demo: true,
    settings: opts.neutral ? settings : { ...STORY_SHOP_SETTINGS, ...settings },
    createdAt: daysAgo(400),
  }
}

export const customers: Customer[] = [
  { id: 'c1', name: '张三', phone: '13800001234', tier: 'regular', profile: { heightCm: 175, weightKg: 70 } },
  { id: 'c2', name: 'Bob', phone: '+44 7700 905678', tier: 'gold' },
  { id: 'c3', name: '李四', phone: '13900009999', tier: 'regular' },
]

export const products: Product[] = [
  {
    sku: 'TS-1',
    title: '纯棉T恤',
    category: 'apparel/tshirt',
    brand: 'Basic',
    price: 99,
    currency: 'CNY',
    stock: 20,
    attributes: { colours: ['白色', '黑色', '红色'], sizes: ['S', 'M', 'L', 'XL'] },
    description: '',
    sizeChart: {
      rows: [
        { size: 'S', heightCm: [155, 165], weightKg: [45, 55] },
        { size: 'M', heightCm: [165, 172], weightKg: [55, 65] },
        { size: 'L', heightCm: [172, 180], weightKg: [65, 75] },
        { size: 'XL', heightCm: [180, 188], weightKg: [75, 85] },
      ],
    },
    listPrice: 129,
  },
  {
    sku: 'LIP-1',
    title: 'Velvet Lipstick',
    category: 'beauty/lipstick',
    brand: 'Glow',
    price: 199,
    currency: 'CNY',
    stock: 0,
    attributes: {},
    description: '',
    related: ['LIP-2'],
  },
  {
    sku: 'LIP-2',
    title: 'Matte Lipstick',
    category: 'beauty/lipstick',
    brand: 'Glow',
    price: 159,
    currency: 'CNY',
    stock: 8,
    attributes: {},
    description: '',
  },
  {
    sku: 'UW-1',
    title: '莫代尔内裤',
    category: 'apparel/underwear',
    brand: 'Soft',
    price: 59,
    currency: 'CNY',
    stock: 50,
    attributes: {},
    description: '',
  },
  {
    sku: 'EB-1',
    title: 'AirBeat Pro 耳机',
    category: 'electronics/earbuds',
    brand: 'AirBeat',
    price: 699,
    currency: 'CNY',
    stock: 12,
    attributes: { warrantyMonths: 12 },
    description: '',
  },
]

const addr = (phone: string) => ({ name: 'X', phone, region: '上海市', detail: '浦东新区世纪大道 1 号' })

export const orders: Order[] = [
  {
    orderNo: 'KF10000001',
    customerId: 'c1',
    status: 'shipped',
    items: [{ sku: 'TS-1', qty: 1, price: 99, title: '纯棉T恤', size: 'L' }],
    total: 99,
    currency: 'CNY',
    createdAt: daysAgo(3),
    paidAt: daysAgo(3),
    address: addr('13800001234'),
    shipment: {
      carrier: '顺丰',
      trackingNo: 'SF123456789',
      eta: new Date(NOW.getTime() + 86_400_000).toISOString(),
      status: 'in_transit',
      events: [
        { time: daysAgo(2), location: '广州', description: '已揽收' },
        { time: daysAgo(1), location: '上海转运中心', description: '运输中' },
      ],
    },
  },
  {
    orderNo: 'KF10000002',
    customerId: 'c1',
    status: 'paid',
    items: [{ sku: 'EB-1', qty: 1, price: 699, title: 'AirBeat Pro 耳机' }],
    total: 699,
    currency: 'CNY',
    createdAt: daysAgo(1),
    paidAt: daysAgo(1),
    address: addr('13800001234'),
  },
  {
    orderNo: 'KF10000003',
    customerId: 'c1',
    status: 'delivered',
    items: [
      { sku: 'LIP-2', qty: 1, price: 159, title: 'Matte Lipstick' },
      { sku: 'UW-1', qty: 2, price: 59, title: '莫代尔内裤' },
    ],
    total: 277,
    currency: 'CNY',
    createdAt: daysAgo(8),
    deliveredAt: daysAgo(3),
    address: addr('13800001234'),
  },
  {
    orderNo: 'KF20000001',
    customerId: 'c2',
    status: 'delivered',
    items: [{ sku: 'EB-1', qty: 1, price: 699, title: 'AirBeat Pro 耳机' }],
    total: 699,
    currency: 'CNY',
    createdAt: daysAgo(40),
    deliveredAt: daysAgo(37),
    address: addr('+44 7700 905678'),
  },
  {
    orderNo: 'KF30000001',
    customerId: 'c3',
    status: 'shipped',
    items: [{ sku: 'TS-1', qty: 2, price: 99, title: '纯棉T恤' }],
    total: 198,
    currency: 'CNY',
    createdAt: daysAgo(9),
    address: addr('13900009999'),
    shipment: {
      carrier: '中通',
      trackingNo: 'ZT99887766',
      eta: daysAgo(2),
      status: 'in_transit',
      events: [{ time: daysAgo(6), location: '杭州', description: '运输中' }],
    },
  },
]

export const faults: Fault[] = [
  {
    id: 'F-EB-NOCHARGE',
    category: 'electronics/earbuds',
    symptom: '耳机无法充电',
    similar: ['耳机充不进电', '充电盒不亮', "earbuds won't charge"],
    questions: ['充电盒指示灯亮吗？'],
    solutions: ['清洁充电触点后重新放入充电盒', '更换充电线和充电头再试'],
    escalate: { queue: 'repair', priority: 'high' },
    locale: 'zh',
  },
  {
    id: 'F-EB-NOCHARGE-EN',
    category: 'electronics/earbuds',
    symptom: "earbuds won't charge",
    similar: ['earbuds not charging', 'case light does not turn on'],
    questions: ['Does the light on the case turn on?'],
    solutions: ['Clean the charging contacts and put the buds back in the case', 'Try another cable and charger'],
    escalate: { queue: 'repair', priority: 'high' },
    locale: 'en',
  },
]

/** A keyword FAQ knowledge base: enough to exercise answer / none paths without the real index. */
export function fakeKnowledge(faq: Array<{ id: string; keys: RegExp; answer: string }> = []): KnowledgeBase {
  const hits = (text: string): KnowledgeHit[] =>
    faq
      .filter((f) => f.keys.test(text))
      .map((f) => ({ kind: 'faq', id: f.id, score: 0.9, title: f.id, answer: f.answer }))
  return {
    async search(text, opts) {
      if (opts?.kinds && !opts.kinds.includes('faq')) return []
      return hits(text)
    },
    async answer(text) {
      const h = hits(text)
      return h[0] ? { status: 'answer', hit: h[0], alternatives: h.slice(1) } : { status: 'none', candidates: [] }
    },
  }
}

export function nlu(
  intent: Intent,
  opts: {
    confidence?: number
    entities?: Array<Partial<Entity> & Pick<Entity, 'type' | 'value'>>
    emotion?: number
    locale?: 'zh' | 'en'
  } = {},
): NluResult {
  const confidence = opts.confidence ?? 0.9
  const emotion = opts.emotion ?? 0.05
  return {
    intent,
    confidence,
    candidates: [{ intent, confidence }],
    entities: (opts.entities ?? []).map((e) => ({ text: String(e.value), start: 0, end: 0, ...e })),
    emotion: { score: emotion, label: emotion >= 0.7 ? 'angry' : 'calm' },
    locale: opts.locale ?? 'zh',
  }
}

export type Harness = {
  store: Store
  shop: Shop
  conversation: Conversation
  turn(text: string, n: NluResult): Promise<TurnOutcome>
  close(): Promise<void>
}

let seq = 0

/** Opens a fresh in-memory SQLite store with the fixtures and one conversation. */
export async function openHarness(
  opts: {
    customerId?: string | null
    locale?: 'zh' | 'en'
    settings?: Record<string, unknown>
    /** A shop with none of the story shop's rules: kefu's neutral defaults only. */
    neutral?: boolean
    policy?: Partial<PolicyConfig>
    /** The shop's system of record for order actions (absent = embedded). */
    commerce?: CommerceActions
  } = {},
): Promise<Harness> {
  const store = await openStore('sqlite::memory:')
  const shop = makeShop(opts.settings, { neutral: opts.neutral ?? false })
  await store.shops.upsert(shop)
  await store.customers.upsertMany(shop.id, customers)
  await store.products.upsertMany(shop.id, products)
  await store.orders.upsertMany(shop.id, orders)
  await store.faults.upsertMany(shop.id, faults)
  const conversation: Conversation = {
    id: `conv-${++seq}`,
    shopId: shop.id,
    customerId: opts.customerId === undefined ? 'c1' : opts.customerId,
    channel: 'test',
    status: 'bot',
    locale: opts.locale ?? 'zh',
    state: {},
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  }
  await store.conversations.create(conversation)
  const manager = createDialogueManager(opts.policy ? { policy: opts.policy } : {})
  const knowledge = fakeKnowledge([
    {
      id: 'faq-shipping',
      keys: /(运费|包邮|shipping fee|free shipping)/i,
      answer: 'FAQ: 满99包邮 / free shipping over 99',
    },
    {
      id: 'faq-orderno',
      keys: /(订单号在哪|order number.*find|find.*order number)/i,
      answer: 'FAQ: 订单号在“我的订单”里 / in My Orders',
    },
  ])
  let n = 0
  return {
    store,
    shop,
    conversation,
    async turn(text, result) {
      const conv = (await store.conversations.get(shop.id, conversation.id))!
      const customer = conv.customerId ? await store.customers.get(shop.id, conv.customerId) : null
      const locale = opts.locale ?? result.locale
      const out = await manager({
        shop,
        conversation: conv,
        customer,
        locale,
        text,
        nlu: { ...result, locale },
        state: conv.state as never,
        history: [],
        store,
        knowledge,
        policy: { intentThreshold: 0.5, emotionHandoffThreshold: 0.7, maxFailedTurns: 3 },
        now: NOW,
        newId: (p) => `${p}${String(++n).padStart(4, '0')}`,
        ...(opts.commerce ? { commerce: opts.commerce } : {}),
      })
      await store.conversations.update(shop.id, conversation.id, {
        state: out.state,
        ...(out.customerId ? { customerId: out.customerId } : {}),
        ...(out.handoff ? { status: 'waiting_human' } : {}),
      })
      return out
    },
    close: () => store.close(),
  }
}
