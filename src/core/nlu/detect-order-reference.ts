/**
 * How a message points at one of the customer's orders without its number: by its status ("已经付了钱的那单",
 * "没付的那个", "the unpaid one") — the part after a turned-down option counts ("不是待付款那个，是已经付了钱的那单")
 * — and whether it asks when a paid order ships at the latest ("最晚哪天能发", "when will it ship at the
 * latest", "今天能发吗"). Part of the understanding stage: skills read the typed result.
 */
import { withoutRejected } from './pick-by-description.js'

export type OrderStatusRef = 'paid' | 'pending_payment' | 'shipped'

// "没付的那个", and several: "没付钱的那些单子", "待付款的几单".
const ONE = '(?:那|这)?(?:些|几)?(?:单|个|笔|份)'
const PAID = new RegExp(
  `((已经|都)?(付(了|过|完)(钱|款)?|已付款|已支付|付款了|支付了)的?${ONE})|\\bthe (already )?paid (one|order)\\b|\\bthe one (that )?i (already )?paid( for)?\\b|\\bthe one (that'?s|that is|which is) (already )?paid\\b`,
  'i',
)
const UNPAID = new RegExp(
  `((没|未|还没|没有)(付|付款|付钱|支付)的?${ONE}|待付款的?${ONE})|\\bthe unpaid (ones?|orders?)\\b|\\bthe one (that )?i (haven'?t|have not|didn'?t|did not) paid( for)?\\b|\\bthe one (that'?s|that is) (not|still not|un)paid\\b`,
  'i',
)
const SHIPPED = new RegExp(
  `((已经)?(发了货|已发货|发货了|在路上)的?${ONE})|\\bthe (one (that'?s |that is |which is )?(already )?)?shipped( one)?\\b(?! yet)`,
  'i',
)

/** The status the message names its order by, or null (none, or more than one). */
export function orderStatusRef(text: string): OrderStatusRef | null {
  const t = withoutRejected(text)
  const hits: OrderStatusRef[] = []
  // Unpaid first: "没付的那个" also contains "付的那个".
  const unpaid = UNPAID.test(t)
  if (unpaid) hits.push('pending_payment')
  if (!unpaid && PAID.test(t)) hits.push('paid')
  if (SHIPPED.test(t)) hits.push('shipped')
  return hits.length === 1 ? hits[0]! : null
}

const SHIP_BY =
  /((最晚|最迟|最快|大概|到底|具体|预计)?(哪天|几号|什么时候|啥时候|几点)(能|会|可以|才)?(发|发货|发出|寄出)|(最晚|最迟|最快)(能|会)?(哪天|几号|什么时候|啥时候|几点)?.{0,2}(发|发货|发出|寄出)|今天(能|会)?(发|发货|发出)(吗|么|不|没)?|\bwhen (will|does|would|can) (it|my order|the order|they|this|that)( [a-z]+){0,3} (ship|be shipped|be sent|be dispatched|go out|leave)\b|\b(ship|dispatch)\w* (by|at the latest)\b|\blatest (ship|dispatch)\w*\b|\b(ship|go out|be sent|be dispatched) today\b)/i

/** "最晚哪天能发出来", "今天能发吗", "when will it ship at the latest?": when a paid order leaves. */
export function asksShipBy(text: string): boolean {
  return SHIP_BY.test(text)
}

const WHAT_NOW =
  /((那|那我|我)?(该)?(怎么办|咋办|怎么弄|咋弄|怎么处理)|那(我)?(还)?能(怎么|咋)(办|样)|\bwhat (do|should|can) i do( now| then)?\b|\bwhat are my options\b|\bwhat now\b|\bso what do i do\b)/i

/** "啊？那我咋办", "so what do I do now?": asks what can be done about what the bot just said. */
export function asksWhatNow(text: string): boolean {
  return WHAT_NOW.test(text)
}

const ONE_LINE =
  /((其他|其余|别的|剩下)的?(商品|东西|几样|几件)?(都)?(照常|正常|继续|还是|还|照样)?(发|要|留着|不变|保留)|只(取消|退掉?|不要)|单独(取消|退)|\bkeep the rest\b|\bi still want\b|\b(just|only) (cancel )?(the|this|that|one)\b.{0,40}\bfrom (my|the|that|this) order\b|\bcancel (just|only) (the|one)\b|(不要了?|不想要了?|去掉|删掉)[\s,，。]*.{1,12}(留着|还要|要留|保留|照常发|正常发)|(留着|还要|保留)[\s,，。]*.{1,12}(不要了?|去掉|删掉)|\b(drop|remove|cancel) the .{1,30}(,|;| and| but) keep the\b)/i

/** "挂耳的耳机我不要了 其他的照常发", "cancel just the white shoes, I still want the boots": one line of an order. */
export function cancelsOneLine(text: string): boolean {
  return ONE_LINE.test(text)
}

const UNPAID_SAID =
  /((还)?(没|未|没有)(付|付款|付钱|支付)|待付款|\bunpaid\b|\b(haven'?t|have not|didn'?t|did not|not yet) paid\b|\bnot paid\b)/i

/** "还有昨天那单我还没付", "the other one I haven't paid": the message speaks of an unpaid order too. */
export function mentionsUnpaid(text: string): boolean {
  return UNPAID_SAID.test(text)
}
