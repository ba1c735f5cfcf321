/**
 * A few lines for the agent who takes a handed-off conversation: what the customer wants, the
 * facts mentioned (order numbers, products…), how they feel and why the bot stepped aside.
 * Written by the language model when one is configured (through the LanguageModel port, bounded
 * in time and size) and extractive otherwise, or when the model fails.
 */
import type { Message } from '../domain/records.js'
import type { Locale } from '../domain/schemas.js'
import type { LanguageModel } from '../ports/language-model.js'

export type HandoffSummary = { text: string; source: 'llm' | 'extractive' }

const MAX_SUMMARY_CHARS = 600

type Nlu = {
  intent?: string
  emotion?: { label?: string; score?: number }
  entities?: Array<{ type?: string; value?: unknown }>
}
const nluOf = (m: Message): Nlu => (m.meta.nlu && typeof m.meta.nlu === 'object' ? (m.meta.nlu as Nlu) : {})

const INTENT_NAMES: Record<string, { zh: string; en: string }> = {
  product_inquiry: { zh: '商品咨询', en: 'product question' },
  price_promotion: { zh: '价格优惠', en: 'price / promotion' },
  stock_availability: { zh: '库存', en: 'stock' },
  size_advice: { zh: '尺码', en: 'size advice' },
  recommendation: { zh: '推荐', en: 'recommendation' },
  order_status: { zh: '订单状态', en: 'order status' },
  logistics: { zh: '物流', en: 'delivery' },
  modify_order: { zh: '修改订单', en: 'change order' },
  cancel_order: { zh: '取消订单', en: 'cancel order' },
  return_refund: { zh: '退换货退款', en: 'return / refund' },
  after_sales_fault: { zh: '售后故障', en: 'product fault' },
  invoice_payment: { zh: '发票支付', en: 'invoice / payment' },
  complaint: { zh: '投诉', en: 'complaint' },
}
const SKIP = new Set(['human_agent', 'greeting', 'out_of_scope'])

/** The extractive summary: topics, facts, mood, reason, and the customer's last words. */
export function extractiveSummary(messages: readonly Message[], reason: string | null, locale: Locale): HandoffSummary {
  const zh = locale === 'zh'
  const customer = messages.filter((m) => m.role === 'customer')
  const topics: string[] = []
  const facts: string[] = []
  let peak = 0
  for (const m of customer) {
    const n = nluOf(m)
    if (n.intent && !SKIP.has(n.intent)) {
      const name = INTENT_NAMES[n.intent]?.[zh ? 'zh' : 'en'] ?? n.intent
      if (!topics.includes(name)) topics.push(name)
    }
    for (const e of n.entities ?? []) {
      if (typeof e.value !== 'string' && typeof e.value !== 'number') continue
      const v = `${e.type ?? ''}: ${e.value}`
      if (!facts.includes(v) && facts.length < 6) facts.push(v)
    }
    peak = Math.max(peak, n.emotion?.score ?? 0)
  }
  const last = customer
    .slice(-2)
    .map((m) => (m.text.length > 80 ? `${m.text.slice(0, 79)}…` : m.text))
    .map((t) => (zh ? `「${t}」` : `“${t}”`))
  const mood =
    peak >= 0.7 ? (zh ? '情绪激动' : 'upset') : peak >= 0.4 ? (zh ? '有些不满' : 'annoyed') : zh ? '平静' : 'calm'
  const lines = zh
    ? [
        `诉求：${topics.join('、') || '未识别'}`,
        ...(facts.length ? [`信息：${facts.join('；')}`] : []),
        `情绪：${mood}（${peak.toFixed(2)}）`,
        ...(reason ? [`转人工原因：${reason}`] : []),
        ...(last.length ? [`顾客最近说：${last.join(' ')}`] : []),
      ]
    : [
        `Wants: ${topics.join(', ') || 'not recognised'}`,
        ...(facts.length ? [`Facts: ${facts.join('; ')}`] : []),
        `Mood: ${mood} (${peak.toFixed(2)})`,
        ...(reason ? [`Handoff reason: ${reason}`] : []),
        ...(last.length ? [`Last words: ${last.join(' ')}`] : []),
      ]
  return { text: lines.join('\n').slice(0, MAX_SUMMARY_CHARS), source: 'extractive' }
}

/**
 * Asks the model for a summary of the transcript; falls back to the extractive one on any failure,
 * an empty answer, or after `timeoutMs`.
 */
export async function summarizeHandoff(input: {
  messages: readonly Message[]
  reason: string | null
  locale: Locale
  llm?: LanguageModel
  timeoutMs?: number
}): Promise<HandoffSummary> {
  const fallback = extractiveSummary(input.messages, input.reason, input.locale)
  if (!input.llm) return fallback
  const transcript = input.messages
    .filter((m) => m.role !== 'system')
    .slice(-30)
    .map((m) => `${m.role}: ${m.text.slice(0, 500)}`)
    .join('\n')
  const instruction =
    input.locale === 'zh'
      ? '你是客服主管。用不超过4行中文总结这段对话，供接手的人工客服阅读：顾客要什么、已提供的订单号/商品等信息、情绪、机器人为何转人工。不要编造对话中没有的信息。'
      : 'You are a support lead. Summarise this conversation in at most 4 lines for the human agent taking over: what the customer wants, order numbers / products given, their mood, why the bot handed off. Do not invent anything not in the transcript.'
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), input.timeoutMs ?? 8000)
  try {
    const r = await input.llm.generate(
      {
        messages: [
          { role: 'system', content: instruction },
          { role: 'user', content: `${transcript}\n\n(handoff reason: ${input.reason ?? 'unknown'})` },
        ],
        temperature: 0,
        maxTokens: 300,
      },
      controller.signal,
    )
    const text = r.text.trim().slice(0, MAX_SUMMARY_CHARS)
    return text ? { text, source: 'llm' } : fallback
  } catch {
    return fallback
  } finally {
    clearTimeout(timer)
  }
}
