/**
 * Store test helpers: the backends the contract suite runs against, and small record factories.
 * SQLite (a real file in a fresh tmp dir) always; PostgreSQL when KEFU_TEST_DATABASE_URL is set,
 * each opened store in its own fresh schema `kefu_t_<random>`, dropped on cleanup.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import pg from 'pg'
import { openPostgresStore } from '../../src/adapters/store-sql/postgres-store.js'
import { openSqliteStore } from '../../src/adapters/store-sql/sqlite-store.js'
import type {
  Conversation,
  DomainEvent,
  Message,
  ReturnRequest,
  Shop,
  Ticket,
  TicketComment,
} from '../../src/core/domain/records.js'
import type { Customer, FaqEntry, Fault, Order, Product } from '../../src/core/domain/schemas.js'
import type { Clock } from '../../src/core/ports/clock.js'
import type { Store } from '../../src/core/ports/store.js'
import { tempDir } from './temp-dir.js'

export type OpenedStore = { store: Store; cleanup(): Promise<void> }
export type OpenStoreOptions = { clock?: Clock }
export type StoreBackend = { name: 'sqlite' | 'postgres'; open(opts?: OpenStoreOptions): Promise<OpenedStore> }

/** A migrated SQLite store in a fresh tmp dir; cleanup closes it and removes the dir. */
export async function openTestSqliteStore(opts: OpenStoreOptions = {}): Promise<OpenedStore> {
  const dir = tempDir('kefu-store-')
  const store = await openSqliteStore(`${dir.path}/kefu.db`, opts.clock ? { clock: opts.clock } : {})
  await store.migrate()
  return {
    store,
    async cleanup() {
      await store.close()
      dir.remove()
    },
  }
}

/** A migrated PostgreSQL store in a fresh schema; cleanup closes it and drops the schema. */
export async function openTestPostgresStore(url: string, opts: OpenStoreOptions = {}): Promise<OpenedStore> {
  const schema = `kefu_t_${randomBytes(6).toString('hex')}`
  const store = await openPostgresStore(url, { schema, max: 5, ...(opts.clock ? { clock: opts.clock } : {}) })
  await store.migrate()
  return {
    store,
    async cleanup() {
      await store.close()
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        await client.query(`drop schema if exists "${schema}" cascade`)
      } finally {
        await client.end()
      }
    },
  }
}

/** Every backend available in this environment. */
export function storeBackends(): StoreBackend[] {
  const out: StoreBackend[] = [{ name: 'sqlite', open: openTestSqliteStore }]
  const url = process.env.KEFU_TEST_DATABASE_URL
  if (url) out.push({ name: 'postgres', open: (opts) => openTestPostgresStore(url, opts) })
  return out
}

const iso = (offsetMs = 0) => new Date(Date.UTC(2025, 0, 15, 8, 0, 0) + offsetMs).toISOString()
const id = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`

export function makeShop(o: Partial<Shop> = {}): Shop {
  return {
    id: id('shop'),
    name: 'Test Shop',
    widgetSecret: randomBytes(16).toString('hex'),
    apiKey: randomBytes(16).toString('hex'),
    demo: false,
    settings: {},
    createdAt: iso(),
    ...o,
  }
}

export function makeProduct(o: Partial<Product> = {}): Product {
  return {
    sku: id('SKU'),
    title: '轻薄羽绒服 Light Down Jacket',
    category: 'apparel/down-jacket',
    brand: 'Kefu',
    price: 399,
    currency: 'CNY',
    stock: 12,
    attributes: { material: '90% duck down', colors: ['black', 'navy'] },
    description: '保暖轻便',
    ...o,
  }
}

export function makeFaq(o: Partial<FaqEntry> = {}): FaqEntry {
  return {
    id: id('faq'),
    question: '多久发货？',
    answer: '付款后 48 小时内发货。',
    similar: ['什么时候发货', '几天发货'],
    category: 'shipping',
    locale: 'zh',
    status: 'published',
    ...o,
  }
}

export function makeCustomer(o: Partial<Customer> = {}): Customer {
  return { id: id('c'), name: '张三', phone: '+86 138-0000-0000', tier: 'gold', ...o }
}

export function makeOrder(o: Partial<Order> = {}): Order {
  return {
    orderNo: id('SO'),
    customerId: 'c001',
    status: 'paid',
    items: [{ sku: 'SKU-1', qty: 1, price: 399 }],
    total: 399,
    currency: 'CNY',
    createdAt: iso(),
    ...o,
  }
}

export function makeFault(o: Partial<Fault> = {}): Fault {
  return {
    id: id('fault'),
    category: 'electronics/earbuds',
    symptom: '左耳没有声音',
    similar: ['左边耳机不响'],
    questions: ['两只耳机都放回充电盒了吗？'],
    solutions: ['把耳机放回充电盒 10 秒后取出', '长按充电盒按钮 15 秒重置'],
    escalate: { queue: 'repair', priority: 'normal' },
    locale: 'zh',
    ...o,
  }
}

export function makeConversation(shopId: string, o: Partial<Conversation> = {}): Conversation {
  return {
    id: id('conv'),
    shopId,
    customerId: null,
    channel: 'widget',
    status: 'bot',
    locale: 'zh',
    state: {},
    createdAt: iso(),
    updatedAt: iso(),
    externalUserId: null,
    externalThreadId: null,
    ...o,
  }
}

export function makeMessage(
  shopId: string,
  conversationId: string,
  o: Partial<Omit<Message, 'seq'>> = {},
): Omit<Message, 'seq'> {
  return {
    id: id('msg'),
    shopId,
    conversationId,
    role: 'customer',
    text: '我的订单到哪了',
    meta: {},
    createdAt: iso(),
    ...o,
  }
}

export function makeTicket(shopId: string, o: Partial<Ticket> = {}): Ticket {
  return {
    id: id('tk'),
    shopId,
    conversationId: null,
    customerId: null,
    queue: 'general',
    category: 'other',
    priority: 'normal',
    status: 'open',
    assignee: null,
    subject: '耳机左耳无声',
    data: {},
    slaDueAt: iso(3_600_000),
    createdAt: iso(),
    updatedAt: iso(),
    ...o,
  }
}

export function makeComment(shopId: string, ticketId: string, o: Partial<TicketComment> = {}): TicketComment {
  return { id: id('cm'), ticketId, shopId, author: 'agent-1', text: '已联系客户', createdAt: iso(), ...o }
}

export function makeReturn(shopId: string, o: Partial<ReturnRequest> = {}): ReturnRequest {
  return {
    id: id('rr'),
    shopId,
    orderNo: 'SO-1',
    customerId: 'c001',
    kind: 'return',
    reason: '尺码不合适',
    status: 'requested',
    items: [{ sku: 'SKU-1', qty: 1 }],
    refundAmount: 399,
    createdAt: iso(),
    updatedAt: iso(),
    ...o,
  }
}

export function makeEvent(shopId: string, o: Partial<DomainEvent> = {}): DomainEvent {
  return { id: id('ev'), shopId, type: 'message.received', conversationId: null, data: {}, createdAt: iso(), ...o }
}

/** ISO timestamp `offsetMs` after a fixed instant, for deterministic ordering in tests. */
export const at = iso
