/**
 * Wording that decides the intent whatever the classifier made of the whole message: a question about
 * an automatic cancellation is about the unpaid order ("还没付 多久会被取消", not a cancel request), a
 * refund-status question is a return question even when it names a price, an invoice question naming a
 * price is an invoice question, "is my X still coming?" asks where a parcel is, "哪些订单还没完成" /
 * "是不是下重了" ask about the orders themselves, a device symptom ("won't turn on", "不回充了") reports a fault. `asksRestock`: "啥时候补货" asks when stock comes back. Part of the understanding stage; the dialogue acts on
 * the intent returned here and records the classifier's own pick beside it.
 */
import type { Intent } from './types.js'

type Rule = { to: Intent; from: readonly Intent[] | 'any'; re: RegExp; unless?: RegExp }

const RULES: readonly Rule[] = [
  {
    // Passive cancellation: "多久会被取消", "会不会自动取消", "will it be cancelled", "auto-cancel".
    to: 'invoice_payment',
    from: ['cancel_order'],
    re: /((多久|多长时间|什么时候|几点|几个?小时|会不会|会)(会)?(被|自动)(系统)?取消|自动取消|超时.{0,4}取消|(will|would|does|do) (it|my order|the order|they|orders?) (be|get) (auto(matically|[- ])?)?cancel+ed|auto[- ]?cancel|how long (until|before|till) .{0,30}cancel+ed)/i,
  },
  {
    // "why is the invoice amount lower than the product price": an invoice question.
    to: 'invoice_payment',
    from: ['price_promotion', 'product_inquiry'],
    re: /(发票|开票|专票|普票|抬头|invoice|receipt|\bvat\b|tax id)/i,
  },
  {
    // "any news on the refund", "羽绒服退款什么时候到账": the refund's status, not a price.
    to: 'return_refund',
    from: ['price_promotion', 'product_inquiry', 'out_of_scope', 'invoice_payment'],
    re: /(退款.{0,6}(什么时候|多久|几天|还没|怎么还|进度|到账)|(钱|款).{0,4}(怎么|为什么|咋)?还没(到|退|回)|退的.{0,12}钱|refund.{0,20}(\?\?|status|news|arrive|yet|when)|(news|update|status) on (the|my) refund|where is my refund|\brefund\s*\?)/i,
  },
  {
    // "is my dinnerware set still coming?", "我的X还会到吗": where the parcel is.
    to: 'logistics',
    from: ['out_of_scope', 'product_inquiry', 'stock_availability', 'price_promotion', 'greeting', 'recommendation'],
    re: /(\b(is|are) (my|the) .{1,40} still (coming|on (its|their) way|arriving)|\bstill (coming|on (its|the) way)\b|\bhas (my|the) .{1,40} (shipped|been sent)\b|还(会|能)?(到|来|寄来)吗|(到|发)了没|怎么还没(到|发货|收到))/i,
  },
  {
    // "我现在有哪些订单还没完成", "是不是下重了": about the customer's orders.
    to: 'order_status',
    from: ['modify_order', 'invoice_payment', 'out_of_scope', 'product_inquiry', 'price_promotion'],
    re: /((哪些|几个|多少个?)(订单|单子).{0,6}(没|未|还)|(订单|单子)(列表|有哪些)|下重了?|重复下单|下了两(次|单)|(which|what) orders? (do i have|are (still )?(open|pending|unfinished))|\b(my )?(open|unfinished|pending) orders\b|ordered (it )?twice|duplicate order)/i,
  },
  {
    // "laptop i bought won't turn on at all", "扫地机器人不回充了 能上门看看吗": a device fault report, not a
    // complaint or a return — unless the customer asks to return or refund it.
    to: 'after_sales_fault',
    from: ['complaint', 'return_refund', 'out_of_scope', 'order_status'],
    re: /(开不了机|开不开机|无法开机|不能开机|不开机|开机没反应|充不进电|充不上电|充不了电|不充电|不回充|回不了充|回不去充电座|找不到充电座|黑屏|死机|自动关机|连不上蓝牙|没有?声音|\b(won'?t|will not|doesn'?t|does not|can'?t|cannot) (turn on|power on|boot|charge|pair|connect)\b|\bnot (turning on|charging|pairing)\b|\bdead battery\b|\bno sound\b)/i,
    unless: /(退货|退款|退了|退掉|想退|要退|换货|换新|\breturn|\brefund|\bexchange|\bsend it back)/i,
  },
]

/** The intent the message's wording decides over the classifier's pick (`intent`), or null. */
export function ruleIntent(text: string, intent: Intent): Intent | null {
  for (const r of RULES) {
    if (r.to === intent) continue
    if (r.from !== 'any' && !r.from.includes(intent)) continue
    if (r.re.test(text) && !r.unless?.test(text)) return r.to
  }
  return null
}

const RESTOCK =
  /((什么|啥)时候|多久|何时|哪天|几号).{0,4}(补货|到货|能补|会补|再上架|上架)|(补货|到货|补不补|还补吗|会补吗)|(when|how long).{0,40}(back in stock|restock|available again|in stock again)|\brestock/i

/** "那啥时候补货", "when will it be back in stock?": a question about when stock comes back. */
export function asksRestock(text: string): boolean {
  return RESTOCK.test(text)
}
