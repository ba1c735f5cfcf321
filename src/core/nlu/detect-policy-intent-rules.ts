/**
 * Service- and policy-area wording that decides the intent over the classifier's pick: "did I get the 399
 * back?" asks about a refund, closing the account is no order cancellation, gift wrapping is a shop
 * policy question (not a recommendation or a parcel), "我是他老婆啊 这都不行？" pushes back on a refusal,
 * "这也算激活？" asks the return rule, "isn't that over your 48 hour thing?" holds the shop to its
 * stuck-parcel rule. Part of the understanding stage; `ruleIntent` (detect-intent-rules.ts) applies them.
 */
import type { IntentRule } from './detect-order-intent-rules.js'
import { ACTIVATION_RULE } from './detect-return-facts.js'

/** "帮我把账号注销了", "delete my account": the account, not an order. */
const ACCOUNT_CLOSE =
  /(注销|销户|(删除|删掉|删了)(我的)?(账号|账户|帐号)|\b(delete|close|remove|deactivate) (my |the )?(account|profile)\b)/i

/** "可以帮忙包装成礼物吗", "do you gift wrap?": the shop's gift-wrapping service. */
const GIFT_WRAP =
  /(包装成礼物|礼品包装|礼物包装|礼盒(包装)?|包装一下.{0,6}(送|礼)|(写|附|放).{0,2}贺卡|\bgift[- ]?wrap|\bgift (box|packaging|bag)\b|\bwrap (it|them) (up )?as a gift\b)/i

/** "这都不行？", "凭什么不行": pushing back on what the bot refused. */
const PUSHBACK =
  /(通融|破个例|行行好|网开一面|\bmake an exception\b|\bjust this once\b|(这|这样|这个)?(都|也)不行(吗|么|啊|呀)?[?？]|凭(什么|啥)不(行|给|让)|为(什么|啥)不(行|给|让|能)(查|看)?|怎么就不(行|能)|\bwhy (not|can'?t you)\b.{0,20}\?|\b(even|not even) (for|if) (his|her|my) (wife|husband)\b)/i

/** "你们不是说48小时没更新就去催吗", "isn't that over your 48 hour thing?": the stuck-parcel rule, held to. */
const STUCK_RULE =
  /((\d+|四十八|二十四)\s*(个)?小时.{0,12}(没|不)(更新|动)|(没|不)(更新|动).{0,8}(\d+|四十八)\s*(个)?小时|(多少|几)个?小时了|\b\d+[- ]?(hour|hr)s?\b.{0,20}\b(thing|rule|policy|promise)\b|\bover (your|the) \d+[- ]?(hour|hr)|\bno (tracking )?updates? (since|for)\b)/i

/** "did I actually get the 399 back for the sneakers?": whether a refund came back. */
const GOT_MONEY_BACK =
  /(\bdid i (actually |ever |really )?(get|receive) (the |my )?.{0,30}\bback\b|\b(is|was|has) (the |my )?(money|refund|\d+) (been )?(paid |sent |given )?back\b)/i

/** "我自己去驿站取行吗", "could I collect the parcel myself from the station?": picking a parcel up. */
const SELF_PICKUP =
  /((自己|本人)(去|到)?.{0,10}(取件|取回|去取|去拿|自提|取)|(去|到)(驿站|网点|营业点|快递点|站点|代收点|快递柜).{0,4}(取|拿)|自提|\b(collect|pick up|pick it up|fetch|get) (the |my )?(parcel|package|it|them)? ?(myself|in person)\b|\b(collect|pick up)\b.{0,30}\bfrom the .{0,20}\b(station|depot|point|locker|office|hub)\b)/i

/**
 * "can that one go back?", "which of my orders can I still send back?", "还能退回去吗": sending an item back
 * to the shop is a return, also when "still" or a named product suggests stock.
 */
export const SEND_BACK =
  /(\b(can|could|may) (i )?(that|this|it|they|these|those|the [a-z -]{1,30}?)( one| ones)? (still )?go back\b|\b(can|could|may) i (still )?(send|ship|take|bring) (it|them|that|this|these|those|one|the [a-z -]{1,30}?)( one| ones)? back\b|\bcan i (still )?send back\b|\b(which|what) (of my )?(orders?|items?|things?|purchases?)( of mine)? (can|could) i (still )?(send back|return)\b|(还能|能不能|可以|能)退回去)/i

export const POLICY_RULES: readonly IntentRule[] = [
  {
    to: 'logistics',
    from: ['out_of_scope', 'product_inquiry', 'greeting', 'modify_order', 'order_status', 'recommendation'],
    re: SELF_PICKUP,
  },
  {
    to: 'return_refund',
    from: ['order_status', 'price_promotion', 'product_inquiry', 'out_of_scope', 'logistics', 'invoice_payment'],
    re: GOT_MONEY_BACK,
  },
  { to: 'out_of_scope', from: ['cancel_order', 'modify_order', 'order_status'], re: ACCOUNT_CLOSE },
  {
    to: 'out_of_scope',
    // "可以包装成礼物吗 别放价格单": the price slip is no price question.
    from: ['recommendation', 'logistics', 'stock_availability', 'modify_order', 'order_status', 'price_promotion'],
    re: GIFT_WRAP,
  },
  {
    to: 'return_refund',
    from: ['after_sales_fault', 'product_inquiry', 'out_of_scope', 'complaint', 'order_status'],
    re: ACTIVATION_RULE,
  },
  {
    to: 'complaint',
    from: ['product_inquiry', 'out_of_scope', 'greeting', 'recommendation'],
    re: PUSHBACK,
  },
  {
    to: 'logistics',
    from: ['complaint', 'out_of_scope', 'product_inquiry', 'greeting', 'order_status'],
    re: STUCK_RULE,
  },
]

/** True when the message holds the shop to its stuck-parcel rule or asks how long tracking has not moved. */
export function citesStuckRule(text: string): boolean {
  return STUCK_RULE.test(text)
}
