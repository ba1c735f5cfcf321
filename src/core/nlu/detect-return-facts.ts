/**
 * What a message says about a return: whether it asks for the status of a refund, the reason
 * (quality problem, size, changed mind, wrong item), the kind (exchange, refund only) and the item's
 * condition (opened or not). Part of the understanding stage: the return skill acts on these facts
 * and never reads the customer's text itself. A negated reason ("不是质量问题", "nothing wrong with
 * it") does not count.
 */

export type ReturnReason = 'quality' | 'wrong_item' | 'size' | 'dislike'

export type ReturnFacts = {
  /** "退款什么时候到账", "where is my refund". */
  asksStatus: boolean
  reason: ReturnReason | null
  kind: 'exchange' | 'refund_only' | null
  /** true: opened / tried / used; false: unopened, unused, tags still on; null: not said. */
  opened: boolean | null
  /**
   * Used beyond opening or trying on: worn out, washed, cooked with, activated, bound to an account,
   * set up ("开过锅了", "都绑定激活了", "I've set it up already"). A no-reason return needs the item unused.
   */
  used: boolean
  /**
   * The message ends by asking for the return now, as a statement ("照片拍好了 退吧", "那就退了吧",
   * "ok just return it"): to a "shall I submit it?" it is a yes.
   */
  returnNow: boolean
  /**
   * "还剩几天", "最晚哪天能退", "how many days do I have left to return it": asks how long the return window
   * still runs (answered with the dates, not with a question about the reason).
   */
  asksWindow: boolean
  /** "这也算激活？", "what counts as activated?": asks what the activation rule covers. */
  asksActivationRule: boolean
  /**
   * The payment method the customer says they paid with ("我是银行卡付的", "paid with my mastercard"): how
   * long a refund takes depends on it.
   */
  paidWith: PaidWith | null
  /** "退货寄到哪里", "what's your returns address?": where returned items go. */
  asksAddress: boolean
  /** "which of my orders can I still send back?", "我哪些单还能退": the orders still inside a return window. */
  asksWhichReturnable: boolean
}

export type PaidWith = 'alipay' | 'wechat' | 'bank_card' | 'credit_card' | 'huabei'

const STATUS_Q =
  /(\bdid i (actually |ever |really )?(get|receive) (the |my )?.{0,30}\bback\b|\b(is|was|has) (the |my )?(money|refund|\d+) (been )?(paid |sent |given )?back\b|进度|到账|到哪了|退款状态|退款了吗|退了吗|什么时候退|多久退|钱怎么还没|钱还没|退款.*(多久|什么时候|还没)|refund status|where is my refund|when will i get (my )?(money|refund)|status of my (return|refund)|has my refund|refund (arrived|come through)|got my refund|(news|update|progress) on (the |my )?refund|when (do|will|can) i get (my )?money back|money back yet|退款.{0,4}(到哪一步|哪一步|怎么样了)|的退款呢|(钱|款)(都)?(到了没|到没到|到了吗|到账了吗|退回来了吗|回来了吗|收到了吗)|\b(money|refund) (back )?(arrived|come through|gone through) yet\b|\brefund\s*\?\?|\bwhen (do|will|can|would) i (see|get) (the|my) money\b|\bnever got (my |the )?(money|refund|\d+)|(钱|款)(还|一直)?没(退|到账|回来)|\b(what'?s|what is|whats) (happening|going on|up) with (my|the) .{0,40}\b(refund|return)\b|\bwhat happened to (my|the) .{0,40}\brefund\b|\bhow'?s (my|the) .{0,30}\brefund\b)/i
const QUALITY =
  /(质量|坏了|坏的|破损|破了|瑕疵|开线|掉色|起球|不能用|故障|不行了|失灵|没反应|quality (problem|issue)|defect|broken|damaged|faulty|torn|doesn'?t work|stopped working|not working)/i
const WRONG =
  /(发错|错发|少件|漏发|少发|不是我买的|wrong (item|size sent|colou?r sent)|missing (item|part)|not what i ordered)/i
const SIZE =
  /(尺码不合适|尺码不对|不合身|码数不对|大了|小了|偏大|偏小|太大|太小|有点(大|小|紧|肥|挤)|(大|小|紧)了?(一|点)|穿不下|不合脚|挤脚|doesn'?t fit|does not fit|(too|a bit|a little|slightly|kind of) (big|small|large|tight|loose|short|long)|wrong size|size (is|was) (off|wrong))/i
const DISLIKE =
  /(不喜欢|不想要|不要了|不爱(戴|穿|用|吃)|不肯(戴|穿|用)|嫌(它|这个)?.{0,4}(丑|土|重|沉|大|小)|不太想要|不需要|不太需要|用不上|用不到|不好看|不适合我|颜色太|味道不喜欢|买多了|买错了|拍错了|changed my mind|don'?t like|do not like|didn'?t like|not for me|don'?t want|no longer need|don'?t need)/i
const NEGATED_QUALITY =
  /(不是质量问题|非质量问题|没有质量问题|质量没问题|质量没有问题|不是坏了|没坏|not (a )?(quality|defect)|nothing wrong with|not broken|not faulty|isn'?t (broken|faulty|defective))/i
const EXCHANGE = /(换货|换一|换个|换成|调换|exchange|swap)/i
const REFUND_ONLY = /(仅退款|只退款|不退货|refund only|just (a )?refund)/i
const UNOPENED =
  /(没开过机|没开机|未开机|没开过|没激活|未激活|没有激活|塑封(都|还)?在|(包装|盒子)(都|还)?没拆|\bnever (turned|switched) (it |them )?on\b|\bnot (been )?activated\b|没拆|未拆|没有拆|没开封|未开封|没用过|没有用过|没穿过|没有穿过|全新|吊牌还在|吊牌都在|标签还在|unopened|sealed|not opened|haven'?t opened|havent opened|never opened|never used|unused|never (really )?wore|tags (still )?on)/i
const OPENED =
  /(拆了|拆开|拆封|开封了|打开了|用过|用了|试了|试用|试涂|涂了|抹了|喷了|试过|穿过|开机用|激活|opened|used it|tried it|tried them|activated)/i
const USED =
  /(用过|用了|使用过|穿出去|穿出门|洗过|洗了|下过水|开过锅|开锅|煮过|炒过|烧过|激活|绑定|绑了|注册了|登录了|\bused (it|them)\b|\bactivated\b|\bset (it|them|everything) up\b|\bset up (already|my|the)\b|\bwashed\b|\bwore (it|them) (out|outside|to)\b|\bseasoned\b|\bregistered\b)/i

const WINDOW_Q =
  /(还(剩|有)(几|多少)天|剩(几|多少)天|最(晚|迟)(哪|几|什么时候|啥时候|到)|(截止|期限)(到|是)?(哪|几|什么时候)|还来得及(退|换)?吗?|(退|换)货?(期|期限)(到|还有)|\bhow (many|much) (more )?(days|time)\b|\b(days|time) left\b|\buntil when\b|\b(last|final) day (to|for)\b|\bdeadline (to|for) (return|send)|\bby when\b.{0,30}\b(return|send)|\b(still )?(in|within) the (return )?window\b)/i
/** "这也算激活？", "what counts as activated?": asks what the activation rule covers. */
export const ACTIVATION_RULE =
  /((也|就|都)?算(是)?激活|激活(是|指|的?标准|怎么算|是什么意思)|(什么|啥|怎样)(才)?算激活|\bcounts? as (being )?activat|\bwhat (does )?(activated|activation) mean|\bwhat counts as activ)/i
const PAID_WITH: Array<[PaidWith, RegExp]> = [
  ['huabei', /(花呗|\bhuabei\b)/i],
  ['credit_card', /(信用卡|\b(mastercard|master card|visa|amex|american express|credit card)\b)/i],
  ['bank_card', /(银行卡|储蓄卡|借记卡|银联|\b(debit card|bank card|bank transfer|unionpay)\b)/i],
  ['alipay', /(支付宝|\balipay\b)/i],
  ['wechat', /(微信|\bwe ?chat( pay)?\b)/i],
]
/** Said as how the order was paid ("我是…付的", "paid with/by …", "用…付款"). */
const PAID_CONTEXT =
  /((是|用|拿|刷).{0,8}(付|支付|付款|买)(的|了)|(付|支付|付款).{0,3}(用|走)的?是|\bpaid (with|by|using|via|on)\b|\bpay(ed)? (with|by|using|via)\b|\b(on|with|by) (my )?[a-z ]{0,12}card\b)/i

/** A method named right before "付的/支付的" ("银行卡付的", "花呗支付的"). */
const METHOD_THEN_PAID = /(花呗|信用卡|银行卡|储蓄卡|借记卡|银联|支付宝|微信)(支付)?(付|付款|支付)的/

/** The payment method the customer paid with, when the message says so. */
function paidWith(text: string): PaidWith | null {
  if (!PAID_CONTEXT.test(text) && !METHOD_THEN_PAID.test(text)) return null
  for (const [m, re] of PAID_WITH) if (re.test(text)) return m
  return null
}

/** The last clause is the return itself, asked for: "退吧", "就退了吧", "帮我退掉", "return it please". */
const RETURN_NOW_ZH =
  /^(那就|就|那|直接|还是)?(帮我|给我)?(把[^?？吗么]{1,10}?)?(退|退掉|退了|退货|退款)(吧|呗|了吧|掉吧)?$/
const RETURN_NOW_EN = /^(ok(ay)?,? )?(then |just |please )?(go ahead and )?(return|refund) (it|them)( then| please)?$/i

/** "退 上门取件要钱不", "退吧 运费谁出": a bare decision to return, then a question about it. */
const RETURN_DECIDED_LEAD = /^(那就|就|那|好|嗯|行)?(退|退吧|退了吧|退掉吧)$/

function asksReturnNow(text: string): boolean {
  const clauses = text.split(/[\s,，。.!！~～、]+/).filter((c) => c.length > 0)
  if (clauses.length > 1 && RETURN_DECIDED_LEAD.test(clauses[0]!)) return true
  if (/[?？]|吗|么/.test(text)) return false
  const last = clauses[clauses.length - 1] ?? ''
  if (RETURN_NOW_ZH.test(last)) return true
  const tail =
    text
      .trim()
      .replace(/[.!\s]+$/, '')
      .split(/[,.;!]\s*/)
      .pop() ?? ''
  return RETURN_NOW_EN.test(tail.trim())
}

/** Reads the return facts of one customer message. */
const ADDRESS_Q =
  /(退货(的)?(地址|寄到哪|寄哪|寄回哪|发到哪|发哪|送到哪)|(寄|退|发)回(到)?(哪里|哪儿|哪|什么地址|你们哪)|退(回|货)(去)?(到)?(哪里|哪儿|什么地址)|\breturns? address\b|\bwhere (do|should|can|shall) i (send|ship|mail|post) (it|them|the (item|items|parcel|package)|my returns?|returns?) (back|to)?\b|\bwhere do returns go\b|\baddress (to|for) (send|ship|return)\w*\b)/i

const WHICH_RETURNABLE =
  /(\b(which|what) (of my )?(orders?|items?|things?|purchases?|stuff)( of mine)? (can|could) i (still )?(send back|return)\b|\b(which|what) (of my )?(orders?|items?|purchases?) (are|is) (still )?returnable\b|哪(些|几)(个)?(订单|单|东西|商品|件)?.{0,4}(还)?(能|可以)退|(还)?(能|可以)退的(订单|单|有哪些))/i

export function detectReturnFacts(text: string): ReturnFacts {
  const negatedQuality = NEGATED_QUALITY.test(text)
  let reason: ReturnReason | null = null
  if (WRONG.test(text)) reason = 'wrong_item'
  else if (!negatedQuality && QUALITY.test(text)) reason = 'quality'
  else if (SIZE.test(text)) reason = 'size'
  else if (DISLIKE.test(text)) reason = 'dislike'
  // "不是质量问题 就是太沉了": no fault named, so a no-reason return.
  else if (negatedQuality) reason = 'dislike'
  const unopened = UNOPENED.test(text)
  const used = !unopened && USED.test(text)
  return {
    asksStatus: STATUS_Q.test(text),
    reason,
    kind: EXCHANGE.test(text) ? 'exchange' : REFUND_ONLY.test(text) ? 'refund_only' : null,
    opened: unopened ? false : OPENED.test(text) || used ? true : null,
    used,
    returnNow: asksReturnNow(text),
    asksWindow: WINDOW_Q.test(text),
    asksActivationRule: ACTIVATION_RULE.test(text),
    paidWith: paidWith(text),
    asksAddress: ADDRESS_Q.test(text),
    asksWhichReturnable: WHICH_RETURNABLE.test(text),
  }
}
