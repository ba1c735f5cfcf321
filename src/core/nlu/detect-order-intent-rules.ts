/**
 * Order-area wording that decides the intent over the classifier's pick (issue 9): a question about an
 * automatic cancellation asks about the unpaid order itself ("会自己取消吗", "when does it get cancelled"),
 * a parcel "still on its way" / "coming today?" / "是一起的吗" / "not home till 8pm" asks where it is, a
 * cancelled flight is the parcel's route, "帮我把KF…取消了" cancels even when the classifier reads a
 * change, "有没有没付款的单子" / "what did I buy this month" ask about the orders. Part of the
 * understanding stage; `ruleIntent` (detect-intent-rules.ts) applies these with its own rules.
 */
import type { Intent } from './types.js'

export type IntentRule = { to: Intent; from: readonly Intent[] | 'any'; re: RegExp; unless?: RegExp }

/** "多久会被取消", "会自己取消吗", "另外两个啥时候自动取消", "when does it get cancelled if I don't pay". */
export const AUTO_CANCEL =
  /(\bcancel+(s|ed)? (by|on) (itself|its own|themselves|their own)\b|\b(does|do|will|would) (it|they|the order|an order|my order) (just )?(auto(matically)?[- ]?)?cancel\b|(多久|多长时间|什么时候|啥时候|几点|几个?小时|会不会|会)(会)?(被|自动)(系统)?取消|自动取消|(会|能)?(自己|自行)取消|超时.{0,4}取消|(自己|自动)(就)?(过期|失效|关闭)|(will|would|does|do) (it|my order|the order|they|orders?) (be|get) (auto(matically|[- ])?)?cancel+ed|\bwhen (does|do|will|would|is) (it|my order|the order|they|this|that|the unpaid one)( (be|get))? (auto(matically)? )?cancel+ed\b|auto[- ]?cancel|how long (until|before|till) .{0,30}cancel+ed|(让|等)它(自己|自动)?(过期|失效|取消)|\b(let|leave) (it|them|the order|that one)( to)? (expire|lapse|time out|run out|cancel itself)\b)/i
/** An outright request to cancel now ("现在就帮我取消", "cancel it now"), which a passive question is not. */
const CANCEL_NOW =
  /((帮我|给我|现在就?|直接|马上)取消|\bcancel (it|them|my order|the order)( now| right now| please)\b)/i

/** Where a parcel is or when it comes, said without the usual "到哪了" / "where is". */
const PARCEL_ON_ITS_WAY =
  /(还在路上|(到|走)(了)?哪(里|儿)了|在路上(了)?(吗|么|没)|(啥|什么|几)时候(能|会|才)?(到|送到|送达|到货)|今天(能|会)?(到|送到|送达|派送)(吗|么|不|没)?|(都|已经)到.{1,6}了|是一起(的|发|寄|到)|一起(发|寄|到)的?(吗|么|不|没)|(改|换)(走)?(陆运|汽运)|航班.{0,4}(取消|延误|停飞)|(家里没人|家里没有人|不在家)|(改|换)(成|到)?(明天|后天|下周|周[一二三四五六日末]|晚上).{0,4}(送|派送|配送)|\b(coming|arriv\w*|deliver\w*|get here|be here) (today|tomorrow|tonight)\b|\bon (its|their) way\b|\b(won'?t|will not|not going to|wont) be (home|in|around|back)\b|\bnot (at )?home (till|until|before)\b|\b(hold|keep) (both |all )?(of )?(my |the )?(parcels?|packages?|deliver(y|ies))\b|\bdeliver (them|it|both) (next week|later|on \w+day)\b|\bsame (parcel|package|box|shipment)\b|\b(flight|plane)s? (was |were |got |is )?(cancel+ed|delayed|grounded)\b|\b(hasn'?t|has not|haven'?t|have not|not) (moved|budged)\b)/i
/** The parcel question does not win over a refund, return or device fault said in the same message. */
const NOT_PARCEL =
  /(退款|退货|退钱|想退|要退|换货|换(成|个)?.{0,3}码|坏|故障|没声音|不工作|不能用|\brefund|\breturn (it|them)\b|\bswap\b|\bexchange\b|\btoo (small|big|large|tight)\b|\bbroken\b|\bnot working\b)/i

/** "帮我把KF…取消了", "这单取消吧": cancelling, even when the classifier heard a change of the order. */
const CANCEL_ORDER =
  /((帮我|我要|我想|给我|麻烦|请)(把.{0,24})?取消(掉|了)?|(订单|那单|这单|单子|[A-Za-z]{2}\d{8,}).{0,4}(帮我|给我)?取消(掉|了)?(吧|了吧)?$)/i
const CHANGE_WORDS = /(改|换|地址|电话|手机号|收件人|别取消|不取消|不要取消|先不取消|自动取消|自己取消)/

/** "我是不是还有个单子没付钱", "三个没付款的 哪个是…", "do I have any unpaid orders": about the orders. */
const UNPAID_ORDERS =
  /((还有|有没有|有)(个|几个|一个)?(单子|订单)?.{0,4}没(付|付款|付钱|支付)|(没|未)(付|付款|付钱|支付)的(单子|订单|那几个|几个|那个)?|[两三四五几]个没(付|付款|付钱|支付)|\bunpaid orders?\b|\b(orders?|anything) (i )?(haven'?t|have not|didn'?t) paid( for)?\b)/i

/** "list what I bought this month", "我这个月买了哪些 一共花了多少": the customer's purchases. */
const PURCHASES =
  /((买|下单)了(哪些|什么|啥|多少)(东西|单)?|(一共|总共|总计)花了多少|花了多少钱|\bwhat (did )?i (buy|bought|order(ed)?)\b|\bwhat i('ve| have)? (bought|ordered)\b|\bhow much (did )?i (spend|spent)\b|\b(list|show) (me )?(my|all my) (orders|purchases)\b)/i

/** "快递员一直打不通我电话", "the courier couldn't reach me": a delivery attempt that failed, not a complaint. */
const COURIER_MISSED =
  /(快递(员|小哥)?.{0,10}(打不通|联系不上|没联系上|找不到我|没打通|没人接)|(打不通|联系不上)我(的)?(电话|手机)|\b(courier|driver|delivery (guy|man|person))\b.{0,30}\b(couldn'?t|can'?t|could not|cannot|never) (reach|contact|get hold of|find|call) me\b)/i
/**
 * "那你们帮我跟快递说一声", "can you tell the courier": asks the shop to pass word to the courier (a
 * delivery matter the agents take up), not a request for a person, unless a person is named.
 */
const TELL_COURIER =
  /((跟|和|给|帮我(联系|通知|告诉)?)(一下)?(快递|快递员|快递小哥|快递公司|物流)(说|讲|打(个)?电话|联系|沟通|交代)|(联系|通知|告诉)(一下)?(快递|快递员|快递小哥|快递公司)|\b(call|contact|tell|ask|message|let) the (courier|driver|carrier|delivery (guy|man|person))\b)/i
const NAMES_PERSON = /(人工|真人|客服|经理|主管|\b(human|agent|real person|representative|manager)\b)/i

/**
 * "今天下单 28号之前能到杭州吗", "下午三点付款的话今天能发吗", "if I order today will it arrive by Friday?": when an
 * order not placed yet would ship or arrive — the shop's shipping times, not the status of an order.
 */
const BEFORE_ORDERING =
  /((今天|现在|马上|明天|晚上|下午|上午|中午|\d{1,2}点|这会儿?)(就)?(下单|付款|拍下|购买|买)(的话)?|(下单|付款|拍下|购买|买)的话).{0,16}(能到|能送到|到得了|会到|几天到|多久到|哪天到|能发|会发|发得了|当天发|今天发|发货)|\bif i (order|buy|pay|check ?out)( it| now| today| tonight| this (morning|afternoon|evening))?\b.{0,40}\b(arrive|get here|be delivered|deliver|ship|dispatch)/i

/** "寄上海几天到", "how long does shipping to Chengdu take?": transit time to a place. */
const TRANSIT_TO =
  /((寄|发|送|邮)(到|去|往)?(?!货|出|了|过)[\u4e00-\u9fff]{2,5}(的话)?.{0,3}(要|得|需要)?(几天|多久|多长时间|多少天)(能|才能|可以)?(到|送到|收到)?)|\bhow (long|many days)\b.{0,30}\b(ship|deliver|shipping|delivery|get)\w* to\b/i

/**
 * "今天下单能到吗", "if I order today will it arrive by Friday?", "寄上海几天到": delivery of an order not
 * placed yet, or transit time to a place.
 */
export function asksBeforeOrdering(text: string): boolean {
  return BEFORE_ORDERING.test(text) || TRANSIT_TO.test(text)
}

/**
 * "can you un-cancel my order", "把取消的订单恢复一下": undoing a cancellation is about that order (its status
 * says what can be done), never a new cancel request.
 */
const UNCANCEL =
  /(\bun-?cancel\w*|\b(restore|reinstate|revive|reactivate|bring back) (my |the |that )?(\w+[- ])?(order|purchase)\b|\bundo (the |my )?cancel\w*|(撤销|撤回|取消掉?)(这个|那个)?取消|恢复(一下)?(我的|那个|这个|那|这)?(订单|单子|那单|这单)|(订单|单子|那单|这单).{0,6}(恢复|复原|还原))/i

/**
 * "which of my orders are the grey snow boots in?", "雪地靴在哪个订单里": which order holds an item — the
 * customer's orders, not the item's stock.
 */
const WHICH_ORDER_HOLDS =
  /(\bwhich (of my |one of my )?orders?\b.{0,40}\b(in|on|under|contain\w*|ha(s|ve))\b|\bwhat order (is|are|was|were)\b.{0,40}\bin\b|(在|是)(哪个|哪一个|哪一?)(订单|单子|单)(里|里面)?|(哪个|哪一?)(订单|单子|单)(里|里面)(有|是))/i

/**
 * "上回在你们家买的遮瑕是啥色号来着", "what size was the jacket I bought last time": a detail of an earlier
 * purchase — the order shows it, not a return.
 */
const PAST_PURCHASE_DETAIL =
  /((上回|上次|之前|以前|前阵子|那次)(在你们(家|这)?|在这)?(买|下单|拍)的.{0,12}(是|叫)?(啥|什么|哪个|几号|多大)(色号|颜色|色|尺码|码|号|型号|款|规格|味道|香型)|\bwhat (size|colou?r|shade|model)\b.{0,30}\b(did i|i) (buy|bought|order(ed)?|get|got)\b.{0,20}\b(last time|before|previously)\b)/i
const RETURN_WORDS = /(退货|退款|退钱|想退|要退|\brefund|\breturn (it|them|this|that)\b)/i

export const ORDER_RULES: readonly IntentRule[] = [
  { to: 'order_status', from: ['cancel_order', 'modify_order', 'complaint', 'out_of_scope'], re: UNCANCEL },
  {
    to: 'order_status',
    from: ['stock_availability', 'product_inquiry', 'recommendation', 'price_promotion', 'out_of_scope'],
    re: WHICH_ORDER_HOLDS,
  },
  {
    to: 'order_status',
    from: ['return_refund', 'product_inquiry', 'out_of_scope', 'recommendation', 'stock_availability'],
    re: PAST_PURCHASE_DETAIL,
    unless: RETURN_WORDS,
  },
  { to: 'logistics', from: ['order_status'], re: BEFORE_ORDERING },
  {
    to: 'logistics',
    from: ['complaint', 'out_of_scope', 'human_agent', 'greeting', 'order_status'],
    re: COURIER_MISSED,
  },
  {
    to: 'logistics',
    from: ['human_agent', 'complaint', 'out_of_scope', 'greeting'],
    re: TELL_COURIER,
    unless: NAMES_PERSON,
  },
  {
    // Passive cancellation: "多久会被取消", "会自己取消吗 还是得我手动", "when does it get cancelled?": the
    // unpaid order's deadline (the order status answers it), not a cancel request.
    to: 'order_status',
    from: ['cancel_order', 'invoice_payment', 'out_of_scope', 'greeting', 'product_inquiry'],
    re: AUTO_CANCEL,
    unless: CANCEL_NOW,
  },
  {
    to: 'cancel_order',
    from: ['modify_order'],
    re: CANCEL_ORDER,
    unless: CHANGE_WORDS,
  },
  {
    to: 'logistics',
    from: [
      'out_of_scope',
      'product_inquiry',
      'after_sales_fault',
      'return_refund',
      'cancel_order',
      'complaint',
      'greeting',
      'recommendation',
      'stock_availability',
      'price_promotion',
    ],
    re: PARCEL_ON_ITS_WAY,
    unless: NOT_PARCEL,
  },
  {
    to: 'order_status',
    from: [
      'invoice_payment',
      'out_of_scope',
      'recommendation',
      'greeting',
      'product_inquiry',
      'price_promotion',
      'complaint',
    ],
    re: UNPAID_ORDERS,
  },
  {
    to: 'order_status',
    from: [
      'price_promotion',
      'out_of_scope',
      'recommendation',
      'product_inquiry',
      'greeting',
      'invoice_payment',
      'complaint',
    ],
    re: PURCHASES,
  },
]

/** "会自己取消吗", "when does it get cancelled": asks about the automatic cancellation of unpaid orders. */
export function asksAutoCancel(text: string): boolean {
  return AUTO_CANCEL.test(text) && !CANCEL_NOW.test(text)
}

/** "今天家里没人 改明天送", "hold my parcels till next week", "won't be home till 8pm": delivery at another time. */
const RESCHEDULE =
  /((改|换)(成|到|在)?(明天|后天|下周|周[一二三四五六日末]|晚上|改天|其他时间).{0,4}(送|派送|配送)|家里没人|家里没有人|不在家|(暂存|先放|放到?)(驿站|快递柜|门卫|丰巢)|(推迟|延后|暂停)(派送|配送|送货|发货)|晚点(再)?送|\b(hold|keep) (both |all )?(of )?(my |the )?(parcels?|packages?|deliver(y|ies))\b|\bdeliver (them|it|both) (next week|later|on \w+day|tomorrow)\b|\b(won'?t|will not|not going to|wont) be (home|in|around|back)\b|\bnot (at )?home (till|until|before)\b|\breschedul\w*\b|\btravel+ing (until|till)\b|出差|(周[一二三四五六日天末]|下周|明天|后天|过几天).{0,2}才(能)?回(来|去|家)?|\baway (on business|until|till)\b)/i

/** Asks for delivery at another time or place than the courier's round. */
export function asksReschedule(text: string): boolean {
  return RESCHEDULE.test(text)
}

export type PurchasesQuestion = { period: 'this_month' | 'last_month' | 'this_year' | null }

const THIS_MONTH = /(这个月|本月|这月|\bthis month\b)/i
const LAST_MONTH = /(上个月|上月|\blast month\b)/i
const THIS_YEAR = /(今年|\bthis year\b)/i

/** "list what I bought this month and how much I spent": the customer's purchases in a period, or null. */
export function purchasesQuestion(text: string): PurchasesQuestion | null {
  if (!PURCHASES.test(text)) return null
  const period = THIS_MONTH.test(text)
    ? 'this_month'
    : LAST_MONTH.test(text)
      ? 'last_month'
      : THIS_YEAR.test(text)
        ? 'this_year'
        : null
  return { period }
}
