/**
 * What a message says that only matters in a conversation: how it answers the question the bot asked
 * (an address, "I don't know", which field to change), small talk (thanks, bye, "are you a robot?"),
 * "pay for my order", a recommendation refinement ("换一批", "cheaper"), a price-drop alert. Part of the
 * understanding stage (src/core/nlu/understand-turn.ts): dialogue and skills read these typed cues and
 * never match the customer's words themselves.
 */
import { asksAccountPolicy } from './detect-account-question.js'
import { type DiscountQuestion, discountQuestion } from './detect-discount-question.js'
import { dropsRequest } from './detect-drop-request.js'
import { asksExchangeLater } from './detect-exchange-question.js'
import { asksGenerally } from './detect-general-question.js'
import { asksReship, asksRestock, asksWhatIfLost, parcelSentBack } from './detect-intent-rules.js'
import { detectInvoiceRequest, type InvoiceRequest } from './detect-invoice-request.js'
import { asksWhichFirst, forgotToPay, itemAt, type OrdersTotal, ordersTotal } from './detect-order-compare.js'
import {
  asksBeforeOrdering,
  asksReschedule,
  type PurchasesQuestion,
  purchasesQuestion,
} from './detect-order-intent-rules.js'
import {
  asksShipBy,
  asksWhatNow,
  cancelsOneLine,
  mentionsUnpaid,
  type OrderStatusRef,
  orderStatusRef,
} from './detect-order-reference.js'
import { type PaymentQuestion, paymentQuestion } from './detect-payment-question.js'
import { citesStuckRule } from './detect-policy-intent-rules.js'
import { targetPriceIn, wantsCancelAlert, wantsPriceAlert } from './detect-price-alert.js'
import { detectPrivacyRequest, type PrivacyRequest } from './detect-privacy-request.js'
import { type ShippingQuestion, shippingQuestion } from './detect-shipping-question.js'
import { continuesThread, meansAll, meansWholeOrder } from './detect-thread-cues.js'
import { budgetOnly, conceptsIn, giftIn, type PriceRank, priceRankIn } from './parse-recommend-request.js'

export type GreetingKind = 'robot' | 'thanks' | 'bye' | 'hello'
export type ChangeField = 'address' | 'phone' | 'items'

/** Invoice words: a place named with them is the invoice's business, not where the shop delivers. */
const INVOICE_TOPIC = /(发票|开票|专票|普票|抬头|税号|\binvoice\b|\bvat\b|\btax (id|number)\b)/i

export type TurnCues = {
  /** "已经付了钱的那单", "the unpaid one": the status the customer names an order by. */
  orderByStatus: OrderStatusRef | null
  /** "最晚哪天能发", "will it ship today?": when a paid order ships. */
  asksShipBy: boolean
  /** "那我咋办", "what do I do now?": what can be done about the answer just given. */
  asksWhatNow: boolean
  /** "其他的照常发", "I still want the boots": the request is about one line of the order, the rest stays. */
  oneLine: boolean
  /** "还有昨天那单我还没付": an unpaid order is spoken of (besides the order asked about). */
  mentionsUnpaid: boolean
  /** "我要付款", "pay for my order": about the customer's unpaid order, not the payment-methods FAQ. */
  payOrder: boolean
  /** What kind of small talk the message is (hello when it is none of the others). */
  greeting: GreetingKind
  /** An order change: which field it names, and a new address said with it ("改到朝阳区建国路88号"). */
  change: {
    field: ChangeField | null
    /** The address after "改成 / new address is …" (or the whole message) when it reads as an address. */
    newAddress: string | null
    /** The message introduces a new value ("改成…", "change it to …"). */
    introducesValue: boolean
    /** "也改成一样的", "same address for the other one": the change made just before, on another order. */
    sameAsBefore: boolean
    /**
     * "是中央大街1359号 不是1395", "it's 1359 not 1395": the right part of a value, the wrong one, and what
     * replaces the wrong one (the number of the same length inside a longer right phrase, else the right part).
     */
    corrects: { right: string; wrong: string; replacement: string } | null
  }
  /** Reads as a postal address (place words or digits, 6+ characters): answers "send the new address". */
  addressLike: boolean
  /** "不记得", "not sure", "forgot": the customer cannot answer (purchase date, order). */
  dontKnow: boolean
  /** Names an address or phone field: answers "what would you like to change?". */
  namesChangeField: boolean
  /** Names return / refund / exchange: answers "return, refund or exchange?". */
  namesReturnKind: boolean
  /** Ends with a question mark: the customer is asking, not answering. */
  endsWithQuestion: boolean
  hasDigit: boolean
  /** "换一批", "便宜点的", "show me others": refines the previous recommendation (short messages only). */
  refinesRecommendation: boolean
  /** "尺码", "穿多大", "sizes": a size question (not a product recommendation). */
  mentionsSize: boolean
  /** Names a kind of product or a gift ("降噪耳机", "a gift for my dad"): a recommendation, not a size question. */
  namesProductOrGift: boolean
  /** A price-drop alert request, or a request to stop them. */
  priceAlert: 'subscribe' | 'cancel' | null
  /** The price the customer waits for ("降到800提醒我"), if named. */
  priceAlertTarget: number | null
  /** "那啥时候补货", "when will it be back in stock". */
  asksRestock: boolean
  /** "买两条399的毛衣裙能减多少": asks to compute a promotion's discount (quantity, a price named). */
  discount: DiscountQuestion | null
  /** "…多少钱", "how much is it": the message also asks a price. */
  asksPrice: boolean
  /** "花呗分6期一期多少", "最晚几点之前要付", "最多能用多少积分": a payment figure to compute. */
  payment: PaymentQuestion
  /** "开个发票 个人的", "抬头…有限公司", "税号…": an invoice request and its title details. */
  invoice: InvoiceRequest
  /** "把你们老板手机号给我", "customer service phone number": asks for the shop's or its staff's contact. */
  asksContact: boolean
  /** "人工客服几点上班", "what hours are agents online?": asks when people answer, without asking for one now. */
  asksAgentHours: boolean
  /** "那你能帮我干啥", "what can you do?": asks what the assistant can help with. */
  asksCapabilities: boolean
  /** "最便宜的羽绒服", "most expensive phone": the low or high end of a kind of product's prices. */
  priceRank: PriceRank | null
  /** "read me the phone number on order KF…", "pretend ur my grandma and…" (detect-privacy-request.ts). */
  privacy: PrivacyRequest
  /** A contact question about a person of the shop ("你们老板手机号"), not the shop's own lines. */
  asksStaffContact: boolean
  /** "帮我注销账号", "delete my account and all my data": asks to close the account / erase the data. */
  asksAccountDeletion: boolean
  /** "旧号停机了怎么改绑", "what info do you keep about me", "别再发营销短信": an account or personal-data question. */
  asksAccountPolicy: boolean
  /** "快递员态度很差 把包裹扔地上", "the courier was rude and threw my parcel": a complaint about the delivery person. */
  courierComplaint: boolean
  /** "48小时没更新就去催吗 这都多少小时了", "isn't that over your 48 hour thing?": how long tracking has not moved. */
  asksHoursStuck: boolean
  /** "我要投诉", "I want to file a complaint": asks to lodge a complaint (the shop's complaint procedure applies). */
  wantsToComplain: boolean
  /** "can I swap it once it arrives?", "到了以后能换码吗": the exchange rule for an item still on its way. */
  asksExchangeLater: boolean
  /** "有啥颜色", "what colours does it come in?": which colours the product in context comes in. */
  asksWhichColours: boolean
  /** "有藏青吗", "do they come in dark blue?": asks whether a colour or size is offered. */
  asksVariant: boolean
  /** "能保价吗", "划线价是真的吗", "听说全场五折": a question about the shop's price rules, not a price lookup. */
  pricePolicy: boolean
  /**
   * "能寄香港吗 运费多少", "do you ship to Taiwan?", "那澳门呢": a question about where the shop delivers
   * (a region, abroad) and what it costs there, not about an order of the customer's own; or what the shop
   * does when a parcel is lost ("要是丢了怎么办").
   */
  asksShippingPolicy: boolean
  /** "寄拉萨 买一件89的T恤运费多少", "how many days tho": the parts of a shipping-fee question (detect-shipping-question.ts). */
  shipping: ShippingQuestion | null
  /** "咖啡机给我重新发一台", "can you send another one?": asks the shop to ship it again. */
  asksReship: boolean
  /** "怎么显示退回了", "returned to sender": asks about a parcel the carrier sent back. */
  parcelSentBack: boolean
  /** "另外两个", "剩下的", "the other two": the orders besides the one in context. */
  meansOthers: boolean
  /** "等下 别取消了", "don't cancel it after all": takes back a cancellation. */
  keepOrder: boolean
  /** "那算了 不改了", "no wait, keep it": drops the change, cancellation or return asked for (detect-drop-request.ts). */
  dropsRequest: boolean
  /** "请问退货寄到哪里呀", "can I return shoes I wore once?": a rules question about no order of the customer's own. */
  asksGenerally: boolean
  /** "这单里第二件是啥来着": the 1-based position of the order line asked about (detect-order-compare.ts). */
  itemAt: number | null
  /** "那哪个先到", "which one arrives first?": which parcel is due first. */
  asksWhichFirst: boolean
  /** "我还没发货的那两单 一共多少钱": the total of several orders of the customer's. */
  ordersTotal: OrdersTotal | null
  /** "早上下的单忘付钱了": the order meant is the unpaid one. */
  forgotToPay: boolean
  /** "can I add the sunscreen to that order?", "再加一支到这单里": an item to add to the order in context. */
  addsToOrder: boolean
  /** "这个月买了哪些 一共花了多少", "what did I buy this month": the customer's purchases in a period. */
  purchases: PurchasesQuestion | null
  /** "今天家里没人 改明天送", "hold my parcels until next week": asks for delivery at another time. */
  reschedule: boolean
  /** "对 全部", "那我凑到99以上呢", "ok so I just wait?": a lead, then something of its own (detect-thread-cues.ts). */
  continuesThread: boolean
  /** "全部都取消", "cancel all of them": every order meant, not one. */
  meansAll: boolean
  /** "那算了 整单取消吧", "the whole order": the whole order, not one line (detect-thread-cues.ts). */
  wholeOrder: boolean
}

const PAY_ORDER =
  /(我要付款|我想付款|去付款|帮我付款|付款链接|(这个|这笔|我的)订单.{0,4}(怎么|如何|在哪)(付款|支付)|\bpay (for )?(my|the|this) order\b|\b(complete|finish) (the |my )?payment\b)/i

const THANKS = /(谢谢|多谢|感谢|thx|thanks|thank you|cheers|ty\b)/i
const BYE = /(再见|拜拜|886|bye|goodbye|see you|good night|晚安)/i
const ROBOT =
  /(机器人|真人吗|是人吗|(人工|真人|活人)还是(ai|机器|自动)|还是(人工|真人|活人)|robot|\bbot\b|are you (a )?(human|real|person|ai))/i

const ADDRESS_WORDS =
  /(地址|收货|送到|寄到|发到|address|deliver to|ship to|\b(send|ship|deliver) (it|them|this|that|my order|the parcel|the package|(the|my) [a-z-]+( [a-z-]+)?) to\b)/i
const PHONE_WORDS = /(电话|手机|号码|联系方式|phone|mobile|number)/i
const ITEM_WORDS =
  /(尺码|码数|颜色|数量|换成.*码|加购|再加|多加|加一(个|件|台|支)|(补|付|出)差价|差价(我|我们)?(来)?(补|付|出)|\bpay the difference\b|\bswap (it |this |that |them )?(for|to|with)\b|\bupgrade (it |this |that |my order )?to\b|size|colou?r|quantity|qty|add (an |another |one more |a second |a )?(item|more|second|another|[\w-]+( [\w-]+){0,2} to (my|the|that|this) order))/i
const LEADING =
  /^.*?(改成|改为|换成|改到|变更为|修改为|新地址是|新地址为|新地址|地址是|地址为|change (it )?to|update (it )?to|new address is|new address:?|\bto\b)\s*[:：]?\s*/i
const PLACE = /(省|市|区|县|镇|路|街|号|弄|巷|村|栋|幢|室|room|street|st\b|road|rd\b|avenue|ave\b|lane|apt|floor)/i

const ADDRESSY =
  /(省|市|区|县|镇|路|街|道|号|弄|巷|村|栋|幢|单元|室|楼|room|street|st\.|road|rd\.?|avenue|ave|lane|apt|floor|building|\d)/i
const DONT_KNOW =
  /(不记得|不知道|忘了|不清楚|没有订单|不是在这买|don'?t know|not sure|can'?t remember|don'?t remember|no idea|forgot)/i
const FIELD = /(地址|收货|电话|手机|号码|address|phone|number)/i
const RETURN_KIND = /(退货|退款|换货|换|仅退款|return|refund|exchange|swap)/i

const REFINE =
  /^(.{0,6})(换一批|换一些|换几个|还有别的|还有其他|其他的|别的呢|还有吗|便宜(一)?点|更便宜|便宜些|实惠点|show me (others|more)|more options|something else|other ones|any others|cheaper|less expensive)/i
const CONTACT =
  /((老板|领导|经理|主管|负责人|店长|客服|售后|公司|店铺|商家|官方)的?(私人)?(手机号?|电话号?码?|联系方式|微信号?|邮箱)|(客服|售后)热线|\b(your|the) (boss|manager|owner|shop|store|company|customer service|support)('?s)? (phone|number|contact|email|hotline)\b|\b(phone number|contact details|email address|hotline) (of|for) (your|the) (boss|manager|owner|shop|store|company|support)\b|\bcustomer service (number|hotline|phone)\b|\b(what'?s|what is|give me) (your|the) (phone|telephone|contact|hotline)( number)?\b|\b(phone line|hotline|helpline)\b.{0,40}\bwhat'?s the number\b|(你们|客服)(的)?(电话|热线)(是)?(多少|号码)|(你们|客服|店铺|官方)(的)?(邮箱|email|e-mail)(地址)?(是)?(多少|是啥|是什么|给我)?|(能|可以)(不能|不可以)?(给你们)?打(个)?电话|打电话(说|问|联系|沟通)|有没有(客服)?电话|\bcan i (call|phone|ring) (you|someone|the shop|customer service)\b|\b(is there|do you have) a (phone|telephone) (number|line)\b|\bwhat('?s| is) (your|the) (email|e-mail)( address)?\b|\b(email|e-mail) (address )?(can|should) i (send|write)\b)/i
const COMPLAIN =
  /((我|我们)(要|想|得)?投诉|投诉(你们|客服|他|她|这个|一下|那个)|\b(file|make|lodge|raise|submit) (a |an )?(formal |official )?complaint\b|\bi (want|wish|would like|'d like) to complain\b)/i
const COURIER_COMPLAINT =
  /((快递员|快递小哥|派送员|送货的|配送员|骑手|师傅).{0,12}(态度|凶|骂|吼|扔|摔|丢|甩|不送上门|不上楼|放门口|乱放)|(扔|摔|丢|甩)(在)?(地上|门口)|\b(courier|delivery (man|guy|driver|person)|driver|postman)\b.{0,40}\b(rude|shout\w*|yell\w*|threw|throw\w*|dropp?\w*|kick\w*|insult\w*|refused)\b|\b(threw|thrown|throw)\b.{0,20}\b(parcel|package|box)\b)/i
const WHICH_COLOURS =
  /((什么|啥|哪些|哪几种|哪几个|几种|几个|多少种?)(颜色|色|配色)|\b(what|which) colou?rs?\b|\bcolou?r (options|choices)\b|\bwhat (other )?colou?rs?\b)/i
const AGENT_HOURS =
  /((人工|客服|真人|售后).{0,6}(几点|什么时候|啥时候|哪个时间|时间段|上班|下班|在线时间|工作时间|营业时间)|\b(what|which) (hours|times?)\b.{0,30}\b(agents?|humans?|people|staff|customer service|support|reps?)\b|\bwhen\b.{0,30}\b(agents?|humans?|people|staff|customer service|support|reps?)\b.{0,20}\b(online|available|working|open|around)\b|\b(agents?|customer service|support)('s)? (hours|opening hours|working hours)\b|\b(phone line|phone lines|hotline|helpline|call cent(er|re)|phone support)\b.{0,20}\b(open|available|working|staffed|running)\b|(电话|热线)(客服)?.{0,6}(几点|现在|开着|通吗|能打|打得通|上班|下班|营业))/i
const STAFF = /(老板|领导|经理|主管|负责人|店长|员工|私人|\b(boss|manager|owner|staff|personal|private)\b)/i
/** An explicit request to be put through now, besides the question. */
const PUT_THROUGH_NOW =
  /(转人工|帮我转|给我转|马上转|现在转|\b(transfer|connect|put) me\b|(?<!\b(open|available|online|working|staffed) (right )?)\bnow\b)/i
const CAPABILITIES =
  /((你|您)(都|到底)?(能|可以|会)(帮我|帮)?(干|做|办|处理)(啥|什么|些什么|哪些)|(你|您)(能|可以)帮(我|上)?(啥|什么)(忙)?|(你|您)有(什么|啥)(用|功能)|\bwhat (can|do) (you|u) (do|help( me)? with)\b|\bhow can (you|u) help\b|\bwhat are you (for|able to do)\b)/i
const ACCOUNT_DELETION =
  /(注销|销户|(删除|删掉|清除)(我的)?(个人)?(所有|全部)?的?(账号|账户|帐号|帐户|个人信息|数据|资料)|(账号|账户|帐号)(怎么)?(注销|删除|删掉)|\b(delete|close|remove|erase|deactivate|wipe)\b.{0,20}\b(account|my data|personal data|my information|my info|profile)\b|\bright to be forgotten\b)/i
const ASKS_PRICE = /(多少钱|什么价|啥价|价格|售价|几多钱|\bhow much\b|\bprice\b|\bcost\b)/i
const VARIANT_AVAILABLE =
  /(有没有|有没|有(货|现货)?(吗|么|嘛)\s*[?？]?$|\bin stock\b|^.{0,4}有.{1,8}(吗|么|嘛|没|不)\s*[?？]?$|什么颜色|哪些颜色|几种颜色|\bcome in\b|\bavailable in\b|\bin (a )?(size|colou?r)\b|\bdo you have (it|this|that|one|them)? ?in\b|\bany (in )?[a-z]+\s?(ones?)?\?)/i
const PRICE_POLICY =
  /(保价|价保|补差价|退差价|差价|价格保护|划线价?|先涨后降|真降价|假降价|全场.{0,4}(折|半价)|[一二三四五六七八九]折.{0,8}(真的|是真|吗)|\bprice (protection|match|adjustment)\b|\brefund (me )?the difference\b|\bget the difference\b|\bcrossed[- ]out\b|\bstrike ?through\b|\bfake (discount|sale)\b|\b(half price|\d+% off) (on )?everything\b)/i
const SIZE_WORDS = /(尺码|码数|穿多大|\bsizes?\b)/i
/** Places with their own delivery rules (a surcharge, another carrier, no delivery at all). */
const DESTINATION =
  /(香港|澳门|港澳|台湾|台北|高雄|台中|新疆|西藏|青海|乌鲁木齐|喀什|伊犁|拉萨|日喀则|西宁|海外|国外|境外|美国|英国|日本|韩国|新加坡|马来西亚|加拿大|澳洲|澳大利亚|\bhong ?kong\b|\bmaca[uo]\b|\btaiwan\b|\btaipei\b|\bkaohsiung\b|\bhk\b|\bxinjiang\b|\btibet\b|\bqinghai\b|\burumqi\b|\blhasa\b|\bxining\b|\boverseas\b|\babroad\b|\binternational(ly)?\b|outside (of )?(mainland )?china|\b(usa|uk|singapore|japan|korea|canada|australia|malaysia)\b)/i
/** "你们一般发什么快递 能指定顺丰吗", "which courier do you use?": the shop's carriers, asked in general. */
const CARRIER_POLICY =
  /((一般|默认|平时|通常)?(发|用|走)(什么|哪家|哪个|啥)快递|能(不能)?(指定|选)(顺丰|京东|快递)|可以(指定|选)(顺丰|京东|快递)|\bwhich (courier|carrier|delivery company)s? do (you|u) (use|ship with)\b|\bcan i (choose|pick|request) (sf|a courier|the courier)\b|(运费|邮费)(多少|怎么算|咋算|几块|要多少|是多少)|包邮(吗|不|么)|满多少包邮|\b(shipping|delivery) (fee|cost|charge)s?\b|\bhow much (is|for) (shipping|delivery)\b|\bfree shipping\b)/i
/** Words that point at an order or parcel of the customer's own. */
const OWN_ORDER =
  /(我的(订单|快递|包裹|单子|东西)|我买的|我下的|单号|运单|到哪|\bmy (order|parcel|package|delivery|stuff|item)s?\b|\btracking\b|\bwhere is\b|[A-Z]{2}\d{8,})/i

const SAME_CHANGE =
  /((也|同样|一样)(都)?(改|换|修改)(成|为|到)?(一样|同样|相同|这个|那个)(的)?(地址|电话)?|(也|同样)(这样|这么)改|(改|换)(成|为)?(一样|同样|相同)的|\b(the )?same (address|change|phone|number|one) (for|on|to)\b|\b(do|make) the same (change )?(for|on|to)\b|\b(that|this) one too\b)/i
const KEEP_ORDER =
  /((别|不要|不用|先不|不)(帮我)?取消(了|啦|吧)?|不取消了|还是不取消|\b(don'?t|do not) cancel\b|\bno need to cancel\b|\bkeep (the|my) order\b|\bi'?ll (pay|keep) (for )?it\b|\b(wait|actually|no),? keep it\b)/i
const ADDS_TO_ORDER =
  /(加(到|进|在)(这|那)(个)?(订单|单)|(这|那)(个)?(订单|单)(里)?(再|能|可以)?(加|添)|\badd\b.{0,40}\bto (that|this|the same) order\b)/i
const OTHERS =
  /((另外|其他|其余|剩下)(的)?(那)?([两俩几二三四五]|\d)?(个|单|笔)|剩下的|\bthe (other|remaining) (two|three|ones|orders)\b|\bthe rest( of (them|my orders))?\b)/i

const RIGHT_NOT_WRONG =
  /(?:是|应该是|\bit'?s\b|\bshould be\b)\s*([^\s,，。!！?？]{2,30}?)\s*[,，]?\s*(?:不是|而不是|\bnot\b)\s*([^\s,，。!！?？]{2,30})/i
const NOT_WRONG_RIGHT =
  /(?:不是|\bnot\b)\s*([^\s,，。!！?？]{2,30}?)\s*[,，]?\s*(?:而)?(?:是|应该是|\bbut\b)\s*([^\s,，。!！?？]{2,30})/i

/** "是中央大街1359号 不是1395": the right value, the wrong one and its replacement, or null. */
function correctedPart(text: string): TurnCues['change']['corrects'] {
  const a = RIGHT_NOT_WRONG.exec(text)
  const b = a ? null : NOT_WRONG_RIGHT.exec(text)
  const pair = a ? { right: a[1]!, wrong: a[2]! } : b ? { right: b[2]!, wrong: b[1]! } : null
  if (!pair) return null
  const same = /^\d+$/.test(pair.wrong)
    ? pair.right.match(/\d+/g)?.find((d) => d.length === pair.wrong.length)
    : undefined
  return { ...pair, replacement: same ?? pair.right }
}

/** "我要付款", "pay for my order". */
export function asksToPayOrder(text: string): boolean {
  return PAY_ORDER.test(text)
}

function greetingKind(text: string): GreetingKind {
  if (ROBOT.test(text)) return 'robot'
  if (THANKS.test(text)) return 'thanks'
  if (BYE.test(text)) return 'bye'
  return 'hello'
}

function changeField(text: string): ChangeField | null {
  if (ITEM_WORDS.test(text) && !ADDRESS_WORDS.test(text)) return 'items'
  if (ADDRESS_WORDS.test(text)) return 'address'
  if (PHONE_WORDS.test(text)) return 'phone'
  return null
}

function addressFrom(text: string): string | null {
  const stripped = text.replace(LEADING, '').trim()
  if (stripped === text.trim()) {
    const tail = addressTail(text)
    if (tail) return tail
  }
  return PLACE.test(stripped) && stripped.length >= 6 ? stripped : null
}

/** A clause that asks or requests rather than states a place ("能改寄到我妈家吗"). */
const ASKING = /(吗|么|能|可以|改|寄|送|帮|请|\?|？|\b(can|could|please|change|update|send)\b)/i
const ADMIN = /(省|市|区|县|镇|路|街|\b(street|road|avenue|st|rd|ave|lane)\b)/i

/**
 * "精华那单能改寄到我妈家吗 青岛市市北区辽宁路88号3单元302": the address said after the request, as its
 * own clause (from the first clause naming a place, with a house number, to the end); null when none.
 */
function addressTail(text: string): string | null {
  const t = text.trim()
  const clauses = [...t.matchAll(/[^\s，,。？?！!；;]+/g)]
  for (let i = 1; i < clauses.length; i++) {
    const c = clauses[i]!
    if (!ADMIN.test(c[0]) || ASKING.test(c[0])) continue
    // Only after a request ("能改寄到…吗 <address>"); a message that is all address is taken whole.
    if (!ASKING.test(t.slice(0, c.index))) continue
    const rest = t.slice(c.index)
    if (/\d/.test(rest) && !ASKING.test(rest) && rest.length >= 6) return rest
  }
  return null
}

/** Reads the conversational cues of one customer message. */
export function detectTurnCues(raw: string): TurnCues {
  const text = raw.trim()
  return {
    orderByStatus: orderStatusRef(raw),
    asksShipBy: asksShipBy(raw),
    asksWhatNow: asksWhatNow(raw),
    oneLine: cancelsOneLine(raw),
    mentionsUnpaid: mentionsUnpaid(raw),
    payOrder: asksToPayOrder(raw),
    greeting: greetingKind(raw),
    change: {
      field: changeField(raw),
      newAddress: addressFrom(raw),
      introducesValue: raw.replace(LEADING, '') !== raw || addressTail(raw) !== null,
      sameAsBefore: SAME_CHANGE.test(raw),
      corrects: correctedPart(raw),
    },
    addressLike: text.length >= 6 && ADDRESSY.test(text),
    dontKnow: DONT_KNOW.test(text),
    namesChangeField: FIELD.test(text),
    namesReturnKind: RETURN_KIND.test(text),
    endsWithQuestion: /[?？]\s*$/.test(text),
    hasDigit: /\d/.test(text),
    refinesRecommendation: text.length <= 30 && (REFINE.test(text) || budgetOnly(text)),
    mentionsSize: SIZE_WORDS.test(raw),
    namesProductOrGift: conceptsIn(raw).length > 0 || Boolean(giftIn(raw)),
    priceAlert: wantsCancelAlert(raw) ? 'cancel' : wantsPriceAlert(raw) ? 'subscribe' : null,
    priceAlertTarget: targetPriceIn(raw),
    asksRestock: asksRestock(raw),
    discount: discountQuestion(raw),
    asksPrice: ASKS_PRICE.test(raw),
    payment: paymentQuestion(raw),
    invoice: detectInvoiceRequest(raw),
    asksContact: CONTACT.test(raw),
    asksAgentHours: AGENT_HOURS.test(raw) && !PUT_THROUGH_NOW.test(raw),
    asksCapabilities: CAPABILITIES.test(raw),
    privacy: detectPrivacyRequest(raw),
    priceRank: conceptsIn(raw).length > 0 ? priceRankIn(raw) : null,
    asksStaffContact: CONTACT.test(raw) && STAFF.test(raw),
    asksAccountDeletion: ACCOUNT_DELETION.test(raw),
    asksAccountPolicy: asksAccountPolicy(raw),
    wantsToComplain: COMPLAIN.test(raw),
    courierComplaint: COURIER_COMPLAINT.test(raw),
    asksHoursStuck: citesStuckRule(raw),
    asksExchangeLater: asksExchangeLater(raw),
    asksWhichColours: WHICH_COLOURS.test(raw),
    asksVariant: VARIANT_AVAILABLE.test(text),
    pricePolicy: PRICE_POLICY.test(raw),
    asksShippingPolicy:
      ((DESTINATION.test(raw) || asksBeforeOrdering(raw) || CARRIER_POLICY.test(raw)) &&
        !OWN_ORDER.test(raw) &&
        // "can the invoice be made out to my UK company?": a country named on an invoice is no delivery question.
        !INVOICE_TOPIC.test(raw)) ||
      asksWhatIfLost(raw),
    shipping: shippingQuestion(raw),
    asksReship: asksReship(raw),
    parcelSentBack: parcelSentBack(raw),
    meansOthers: OTHERS.test(raw),
    keepOrder: KEEP_ORDER.test(raw),
    dropsRequest: dropsRequest(raw),
    asksGenerally: asksGenerally(raw),
    itemAt: itemAt(raw),
    asksWhichFirst: asksWhichFirst(raw),
    ordersTotal: ordersTotal(raw),
    forgotToPay: forgotToPay(raw),
    addsToOrder: ADDS_TO_ORDER.test(raw),
    purchases: purchasesQuestion(raw),
    reschedule: asksReschedule(raw),
    continuesThread: continuesThread(raw),
    meansAll: meansAll(raw),
    wholeOrder: meansWholeOrder(raw),
  }
}
