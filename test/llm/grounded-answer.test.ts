/**
 * Grounded LLM answers through the real pipeline: conversation service → dialogue manager → real
 * knowledge service over an in-memory SQLite shop → the OpenAI-compatible provider → a fake
 * OpenAI-compatible HTTP server. Only the NLU verdict is scripted (to reach the "unsure" paths).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createOpenAiLanguageModel } from '../../src/adapters/llm-openai/openai-language-model.js'
import { openStore } from '../../src/adapters/open-store.js'
import { createMemoryLock, createMemoryPubSub } from '../../src/adapters/pubsub-memory/memory-pub-sub.js'
import {
  type ConversationService,
  createConversationService,
  emptyDialogueState,
} from '../../src/core/conversation/conversation-service.js'
import { createDialogueManager } from '../../src/core/dialogue/dialogue-manager.js'
import type { TurnContext } from '../../src/core/dialogue/types.js'
import type { FaqEntry, Product } from '../../src/core/domain/schemas.js'
import { createKnowledgeService } from '../../src/core/knowledge/knowledge-service.js'
import { collectFacts } from '../../src/core/llm-routing/collect-facts.js'
import type { NluResult } from '../../src/core/nlu/types.js'
import type { LanguageModel } from '../../src/core/ports/language-model.js'
import type { Store } from '../../src/core/ports/store.js'
import { withCatalogCache } from '../../src/server/catalog-cache.js'
import { customers, makeShop, NOW, nlu, orders, products } from '../dialogue/harness.js'
import { type FakeOpenAiServer, type RecordedRequest, startFakeOpenAiServer } from './fake-openai-server.js'

const phone: Product = {
  sku: 'PH-X2',
  title: '星耀 X2 Pro 手机',
  category: 'electronics/phone',
  brand: '星耀',
  price: 5499,
  currency: 'CNY',
  stock: 12,
  attributes: { titleEn: 'Xingyao X2 Pro phone', batteryMah: 5000, storage: '256GB' },
  description: '旗舰手机',
  aliases: ['X2 Pro'],
}
const faqs: FaqEntry[] = [
  {
    id: 'F-SHIP',
    question: '运费怎么算？包邮吗',
    answer: '全场满 88 元包邮，不满 88 元收取 10 元运费。',
    similar: ['包邮吗', '运费多少'],
    category: 'shipping',
    locale: 'zh',
    status: 'published',
  },
  {
    id: 'F-RET',
    question: '可以退货吗',
    answer: '支持 7 天无理由退货，商品需保持完好。',
    similar: ['能退吗', '怎么退货'],
    category: 'returns',
    locale: 'zh',
    status: 'published',
  },
  {
    id: 'F-SHIP-EN',
    question: 'How much is shipping?',
    answer: 'Shipping is free on orders over ¥88; otherwise it costs ¥10.',
    similar: ['is shipping free'],
    category: 'shipping',
    locale: 'en',
    status: 'published',
  },
]

// The knowledge base is unsure about this one (clarify), but its search finds the phone and the FAQ.
const GIFT_QUESTION = '星耀手机老人用着方便吗'

/** Simulates a well-behaved model: answers from the product fact it was given, citing it. */
function groundedResponder(req: RecordedRequest) {
  const user = req.body.messages.at(-1)?.content ?? ''
  const m = /\[F(\d+)\] 商品：星耀 X2 Pro[^\n]*\n\s*当前售价 ¥([\d.]+)/.exec(user)
  if (!m) return { content: 'NO_ANSWER' }
  return { content: `星耀 X2 Pro 目前售价 ${Number(m[2])} 元 [F${m[1]}]，性能旗舰，很适合作为礼物送给长辈。` }
}

let fake: FakeOpenAiServer
let store: Store
let scripted: NluResult
let seq = 0

beforeAll(async () => {
  fake = await startFakeOpenAiServer()
})
afterAll(async () => {
  await fake.close()
})
beforeEach(async () => {
  fake.reset()
  fake.setDefault(groundedResponder)
  store = await openStore('sqlite::memory:')
})
afterEach(async () => {
  await store.close()
})

async function setup(
  opts: { settings?: Record<string, unknown>; llm?: LanguageModel | null; timeoutMs?: number } = {},
) {
  const shop = makeShop(opts.settings)
  await store.shops.upsert(shop)
  await store.customers.upsertMany(shop.id, customers)
  await store.products.upsertMany(shop.id, [...products, phone])
  await store.orders.upsertMany(shop.id, orders)
  await store.faq.upsertMany(shop.id, faqs)
  const llm =
    opts.llm === null
      ? undefined
      : (opts.llm ??
        createOpenAiLanguageModel({
          baseUrl: `${fake.url}/v1`,
          apiKey: 'k',
          model: 'test',
          retryBaseMs: 1,
          timeoutMs: opts.timeoutMs ?? 10_000,
        }))
  return makeService(llm)
}

function makeService(llm: LanguageModel | undefined): ConversationService {
  const knowledge = createKnowledgeService({ store })
  return createConversationService({
    store,
    nluFor: async () => ({ analyze: () => scripted }),
    knowledgeFor: (id) => knowledge.forShop(id),
    dialogue: createDialogueManager(),
    pubsub: createMemoryPubSub(),
    lock: createMemoryLock(),
    clock: () => new Date(NOW),
    newId: (p) => `${p}_${++seq}`,
    ...(llm ? { llm } : {}),
  })
}

async function ask(svc: ConversationService, text: string, n: NluResult, customerId: string | null = 'c1') {
  scripted = n
  const conv = await svc.startConversation({ shopId: 'shop1', customerId, channel: 'test', locale: 'zh' })
  const turn = await svc.handleMessage({ shopId: 'shop1', conversationId: conv.id, text })
  const events = await store.events.list('shop1', { conversationId: conv.id })
  return { turn, events, conv }
}

/** A turn context over the test store and the real knowledge base, for calling collectFacts directly. */
async function turnContext(text: string, n: NluResult, customerId: string | null): Promise<TurnContext> {
  const shop = (await store.shops.get('shop1'))!
  const kb = await createKnowledgeService({ store }).forShop('shop1')
  return {
    shop,
    conversation: {
      id: 'c',
      shopId: 'shop1',
      customerId,
      channel: 't',
      status: 'bot',
      locale: 'zh',
      state: {},
      createdAt: '',
      updatedAt: '',
    },
    customer: customers.find((c) => c.id === customerId) ?? null,
    locale: 'zh',
    text,
    nlu: n,
    state: emptyDialogueState(),
    history: [],
    store,
    knowledge: kb,
    policy: { intentThreshold: 0.5, emotionHandoffThreshold: 0.7, maxFailedTurns: 3 },
    now: NOW,
    newId: (p: string) => p,
  }
}

const unsure = (locale: 'zh' | 'en' = 'zh') => nlu('product_inquiry', { confidence: 0.3, locale })

describe('grounded LLM answers', () => {
  it('answers from the facts, with the live price, and records source and fact ids', async () => {
    const svc = await setup()
    // The price changes after the index was built: the facts must carry the live one.
    await store.products.upsertMany('shop1', [{ ...phone, price: 4999 }])
    const { turn, events } = await ask(svc, GIFT_QUESTION, unsure())
    expect(fake.requests).toHaveLength(1)
    const req = fake.requests[0]!
    expect(req.body.model).toBe('test')
    expect(req.headers.authorization).toBe('Bearer k')
    const [system, ...rest] = req.body.messages
    expect(system!.role).toBe('system')
    expect(system!.content).toContain('NO_ANSWER')
    expect(system!.content).toMatch(/[\u4e00-\u9fff]/)
    const user = rest.at(-1)!.content
    expect(user).toContain(GIFT_QUESTION)
    expect(user).toContain('¥4999.00')
    expect(user).not.toContain('5499')

    expect(turn.action).toBe('answer')
    expect(turn.replies).toHaveLength(1)
    const reply = turn.replies[0]!
    expect(reply.text).toContain('4999')
    expect(reply.text).not.toContain('[F')
    expect(reply.source).toBe('llm')
    expect(reply.factIds).toContain('product:PH-X2')
    expect(turn.reason).toBe(`llm_grounded:${reply.factIds!.join(',')}`)
    const bot = turn.messages.find((m) => m.role === 'bot')!
    expect(bot.meta.source).toBe('llm')
    expect(bot.meta.factIds).toEqual(reply.factIds)
    const answered = events.find((e) => e.type === 'llm.answered')
    expect(answered?.data.model).toBe('test')
    expect(answered?.data.factIds).toEqual(reply.factIds)
    expect(turn.state.llmCalls).toBe(1)
  })

  it('rejects an invented price and gives the customer the non-LLM fallback', async () => {
    const baseline = await ask(await setup({ llm: null }), GIFT_QUESTION, unsure())
    const svc = await setup()
    fake.enqueue({ content: '星耀 X2 Pro 现在只要 99 元！' })
    const { turn, events } = await ask(svc, GIFT_QUESTION, unsure())
    expect(fake.requests).toHaveLength(1)
    expect(turn.replies.map((r) => r.text)).toEqual(baseline.turn.replies.map((r) => r.text))
    expect(turn.action).toBe(baseline.turn.action)
    expect(turn.reason).toBe(baseline.turn.reason)
    expect(turn.replies.some((r) => r.source === 'llm' || r.text.includes('99 元'))).toBe(false)
    const rejected = events.find((e) => e.type === 'llm.rejected')
    expect(rejected?.data.reason).toBe('unsupported_amount')
    expect(rejected?.data.offending).toEqual(['99'])
  })

  it('rejects an invented delivery time (a number no fact states)', async () => {
    const svc = await setup()
    fake.enqueue({ content: '满 88 元包邮 [F1]，一般 3 天内送达。' })
    const { turn, events } = await ask(svc, '快递几天能到，有运费险吗', unsure())
    expect(fake.requests).toHaveLength(1)
    expect(turn.replies[0]!.source).toBeUndefined()
    const rejected = events.find((e) => e.type === 'llm.rejected')
    expect(rejected?.data.reason).toBe('unsupported_number')
    expect(rejected?.data.offending).toEqual(['3'])
  })

  it('rejects an answer naming a catalog product that is not among the facts', async () => {
    const svc = await setup()
    fake.enqueue({ content: '也可以看看 Velvet Lipstick，同样适合送礼。' })
    const { turn, events } = await ask(svc, GIFT_QUESTION, unsure())
    const rejected = events.find((e) => e.type === 'llm.rejected')
    expect(rejected?.data.reason).toBe('unknown_product')
    expect(rejected?.data.offending).toEqual(['LIP-1'])
    expect(turn.replies[0]!.source).toBeUndefined()
  })

  it('falls back and records llm.failed when the provider times out', async () => {
    const baseline = await ask(await setup({ llm: null }), GIFT_QUESTION, unsure())
    const svc = await setup({ timeoutMs: 200 })
    fake.enqueue({ content: '太晚了', delayMs: 3_000 })
    const { turn, events } = await ask(svc, GIFT_QUESTION, unsure())
    expect(turn.replies.map((r) => r.text)).toEqual(baseline.turn.replies.map((r) => r.text))
    const failed = events.find((e) => e.type === 'llm.failed')
    expect(failed?.data.code).toBe('upstream_failed')
    expect(failed?.data.retryable).toBe(true)
    expect(failed?.data.timeout).toBe(true)
  })

  it('falls back and records llm.failed after retries on 500', async () => {
    const svc = await setup()
    fake.enqueue({ status: 500 }, { status: 500 }, { status: 500 })
    const { turn, events } = await ask(svc, GIFT_QUESTION, unsure())
    expect(fake.requests).toHaveLength(3)
    expect(turn.replies[0]!.source).toBeUndefined()
    expect(events.find((e) => e.type === 'llm.failed')?.data.retryable).toBe(true)
  })

  it('never sends greetings, requests for a human, confident out-of-scope or answered FAQ to the model', async () => {
    const svc = await setup()
    await ask(svc, '你好呀', nlu('greeting', { confidence: 0.3 }))
    await ask(svc, '今天天气怎么样', nlu('out_of_scope', { confidence: 0.95 }))
    const faq = await ask(svc, '包邮吗', unsure())
    expect(faq.turn.reason).toContain('F-SHIP')
    expect(fake.requests).toHaveLength(0)
  })

  it('honours the shop switch and the per-conversation budget', async () => {
    const off = await setup({ settings: { llm: { enabled: false } } })
    const r = await ask(off, GIFT_QUESTION, unsure())
    expect(fake.requests).toHaveLength(0)
    expect(r.events.some((e) => e.type.startsWith('llm.'))).toBe(false)

    await store.shops.upsert(makeShop({ llm: { enabled: true, maxCallsPerConversation: 1 } }))
    const { conv } = await ask(off, GIFT_QUESTION, unsure())
    expect(fake.requests).toHaveLength(1)
    const second = await off.handleMessage({ shopId: 'shop1', conversationId: conv.id, text: GIFT_QUESTION })
    expect(fake.requests).toHaveLength(1)
    expect(second.replies[0]!.source).toBeUndefined()
    const events = await store.events.list('shop1', { conversationId: conv.id, type: 'llm.skipped' })
    expect(events[0]?.data.reason).toBe('max_calls')
  })

  it("gives the model the customer's own order, never another customer's", async () => {
    const svc = await setup()
    fake.setDefault({ content: 'NO_ANSWER' })
    await ask(svc, '我的订单可以包装成礼物吗', unsure(), 'c1')
    const own = fake.requests[0]!.body.messages.at(-1)!.content
    expect(own).toMatch(/\[F\d+\] 订单 KF1000000\d/)
  })

  it("never puts another customer's order into the facts, even when its number is named", async () => {
    await setup()
    const text = 'KF10000001 这个订单可以包装成礼物吗'
    const n = nlu('product_inquiry', { confidence: 0.3, entities: [{ type: 'order_no', value: 'KF10000001' }] })
    const ids = async (customerId: string | null) => {
      const ctx = await turnContext(text, n, customerId)
      return (await collectFacts(ctx, ctx.state, { customer: ctx.customer })).map((f) => f.id)
    }
    expect(await ids('c1')).toContain('order:KF10000001')
    // Another signed-in customer gets at most their own order; an anonymous visitor none at all.
    expect(await ids('c3')).not.toContain('order:KF10000001')
    expect((await ids(null)).some((f) => f.startsWith('order:'))).toBe(false)
  })

  it('tops up a product question with catalog products the mixed ranking left out, with live data', async () => {
    await setup()
    // Six FAQ entries about earbuds fill the mixed top 5 on their own.
    const earbudFaqs = [
      '耳机怎么配对',
      '耳机保修多久',
      '耳机可以退吗',
      '耳机有赠品吗',
      '耳机怎么清洁',
      '耳机能开发票吗',
    ]
    await store.faq.upsertMany(
      'shop1',
      earbudFaqs.map((q, i) => ({
        id: `F-EB-${i}`,
        question: q,
        answer: `关于${q}，请参考说明书。`,
        similar: ['有什么好的耳机推荐'],
        category: 'earbuds',
        locale: 'zh' as const,
        status: 'published' as const,
      })),
    )
    const ctx = await turnContext('有什么好的耳机推荐', nlu('recommendation', { confidence: 0.9 }), 'c1')
    const mixed = await ctx.knowledge.search(ctx.text, { locale: 'zh', limit: 5 })
    expect(mixed.some((h) => h.kind === 'product')).toBe(false)
    const facts = await collectFacts(ctx, ctx.state, { customer: ctx.customer })
    const earbuds = facts.find((f) => f.id === 'product:EB-1')
    expect(earbuds?.text).toContain('¥699.00')
    expect(earbuds?.text).toContain('12 件')
    expect(earbuds?.amounts).toContain(699)
  })

  it('builds the fact of an unchanged cached catalog row once, and anew when the product changes', async () => {
    await setup()
    const cache = withCatalogCache(store, { ttlMs: 60_000 })
    const base = await turnContext('AirBeat Pro 耳机怎么样', nlu('product_inquiry', { confidence: 0.9 }), 'c1')
    const ctx = {
      ...base,
      store: cache.store,
      knowledge: await createKnowledgeService({ store: cache.store }).forShop('shop1'),
    }
    const earbuds = async () =>
      (await collectFacts(ctx, ctx.state, { customer: ctx.customer })).find((f) => f.id === 'product:EB-1')
    const first = await earbuds()
    expect(first?.text).toContain('¥699.00')
    expect(await earbuds()).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    const row = (await store.products.get('shop1', 'EB-1'))!
    await cache.store.products.upsertMany('shop1', [{ ...row, price: 649 }])
    const changed = await earbuds()
    expect(changed).not.toBe(first)
    expect(changed?.text).toContain('¥649.00')
    expect(changed?.amounts).toContain(649)
  })

  it('writes the system prompt and facts in English for an English conversation', async () => {
    const svc = await setup()
    fake.setDefault({ content: 'NO_ANSWER' })
    const { turn, events } = await ask(svc, 'is this phone a good birthday present for my dad', unsure('en'))
    expect(fake.requests).toHaveLength(1)
    const [system, ...rest] = fake.requests[0]!.body.messages
    expect(system!.content).toContain('Answer the customer only from the FACTS')
    expect(rest.at(-1)!.content).toContain('FACTS:')
    // The model declined: the customer gets kefu's own honest fallback.
    expect(turn.replies[0]!.source).toBeUndefined()
    expect(events.find((e) => e.type === 'llm.rejected')?.data.reason).toBe('declined')
  })

  it('with no LLM configured, the turn is exactly what it was', async () => {
    const svc = await setup({ llm: null })
    const { turn, events } = await ask(svc, GIFT_QUESTION, unsure())
    expect(fake.requests).toHaveLength(0)
    expect(turn.replies[0]!.source).toBeUndefined()
    expect(turn.reason.startsWith('llm_')).toBe(false)
    expect(turn.state.llmCalls).toBeUndefined()
    expect(events.some((e) => e.type.startsWith('llm.'))).toBe(false)
  })
})
