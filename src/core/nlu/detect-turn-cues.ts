/**
 * What a message says that only matters in a conversation: how it answers the question the bot asked
 * (an address, "I don't know", which field to change), small talk (thanks, bye, "are you a robot?"),
 * "pay for my order", a recommendation refinement ("换一批", "cheaper"), a price-drop alert. Part of the
 * understanding stage (src/core/nlu/understand-turn.ts): dialogue and skills read these typed cues and
 * never match the customer's words themselves.
 */
import { asksRestock } from './detect-intent-rules.js'
import { targetPriceIn, wantsCancelAlert, wantsPriceAlert } from './detect-price-alert.js'
import { conceptsIn, giftIn } from './parse-recommend-request.js'

export type GreetingKind = 'robot' | 'thanks' | 'bye' | 'hello'
export type ChangeField = 'address' | 'phone' | 'items'

export type TurnCues = {
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
}

const PAY_ORDER =
  /(我要付款|我想付款|去付款|帮我付款|付款链接|(这个|这笔|我的)订单.{0,4}(怎么|如何|在哪)(付款|支付)|\bpay (for )?(my|the|this) order\b|\b(complete|finish) (the |my )?payment\b)/i

const THANKS = /(谢谢|多谢|感谢|thx|thanks|thank you|cheers|ty\b)/i
const BYE = /(再见|拜拜|886|bye|goodbye|see you|good night|晚安)/i
const ROBOT = /(机器人|真人吗|是人吗|robot|\bbot\b|are you (a )?(human|real|person|ai))/i

const ADDRESS_WORDS = /(地址|收货|送到|寄到|address|deliver to|ship to)/i
const PHONE_WORDS = /(电话|手机|号码|联系方式|phone|mobile|number)/i
const ITEM_WORDS =
  /(尺码|码数|颜色|数量|换成.*码|加购|再加|多加|加一(个|件|台|支)|size|colou?r|quantity|qty|add (an |another |one more |a second |a )?(item|more|second|another|\w+ to (my|the) order))/i
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
const SIZE_WORDS = /(尺码|码数|穿多大|\bsizes?\b)/i

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
  return PLACE.test(stripped) && stripped.length >= 6 ? stripped : null
}

/** Reads the conversational cues of one customer message. */
export function detectTurnCues(raw: string): TurnCues {
  const text = raw.trim()
  return {
    payOrder: asksToPayOrder(raw),
    greeting: greetingKind(raw),
    change: {
      field: changeField(raw),
      newAddress: addressFrom(raw),
      introducesValue: raw.replace(LEADING, '') !== raw,
    },
    addressLike: text.length >= 6 && ADDRESSY.test(text),
    dontKnow: DONT_KNOW.test(text),
    namesChangeField: FIELD.test(text),
    namesReturnKind: RETURN_KIND.test(text),
    endsWithQuestion: /[?？]\s*$/.test(text),
    hasDigit: /\d/.test(text),
    refinesRecommendation: text.length <= 30 && REFINE.test(text),
    mentionsSize: SIZE_WORDS.test(raw),
    namesProductOrGift: conceptsIn(raw).length > 0 || Boolean(giftIn(raw)),
    priceAlert: wantsCancelAlert(raw) ? 'cancel' : wantsPriceAlert(raw) ? 'subscribe' : null,
    priceAlertTarget: targetPriceIn(raw),
    asksRestock: asksRestock(raw),
  }
}
