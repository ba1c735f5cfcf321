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
}

const STATUS_Q =
  /(进度|到账|到哪了|退款状态|退款了吗|退了吗|什么时候退|多久退|钱怎么还没|钱还没|退款.*(多久|什么时候|还没)|refund status|where is my refund|when will i get (my )?(money|refund)|status of my (return|refund)|has my refund|refund (arrived|come through)|got my refund|(news|update|progress) on (the |my )?refund|when (do|will|can) i get (my )?money back|money back yet|退款.{0,4}(到哪一步|哪一步|怎么样了)|\brefund\s*\?\?)/i
const QUALITY =
  /(质量|坏了|坏的|破损|破了|瑕疵|开线|掉色|起球|不能用|故障|不行了|失灵|没反应|quality (problem|issue)|defect|broken|damaged|faulty|torn|doesn'?t work|stopped working|not working)/i
const WRONG =
  /(发错|错发|少件|漏发|少发|不是我买的|wrong (item|size sent|colou?r sent)|missing (item|part)|not what i ordered)/i
const SIZE =
  /(尺码不合适|尺码不对|不合身|码数不对|大了|小了|偏大|偏小|太大|太小|穿不下|不合脚|挤脚|doesn'?t fit|does not fit|too (big|small|large|tight|loose)|wrong size|size (is|was) (off|wrong))/i
const DISLIKE =
  /(不喜欢|不想要|不要了|不太想要|不需要|不太需要|用不上|用不到|不好看|不适合我|颜色太|味道不喜欢|买多了|买错了|拍错了|changed my mind|don'?t like|do not like|didn'?t like|not for me|don'?t want|no longer need|don'?t need)/i
const NEGATED_QUALITY =
  /(不是质量问题|非质量问题|没有质量问题|质量没问题|质量没有问题|不是坏了|没坏|not (a )?(quality|defect)|nothing wrong with|not broken|not faulty|isn'?t (broken|faulty|defective))/i
const EXCHANGE = /(换货|换一|换个|换成|调换|exchange|swap)/i
const REFUND_ONLY = /(仅退款|只退款|不退货|refund only|just (a )?refund)/i
const UNOPENED =
  /(没拆|未拆|没有拆|没开封|未开封|没用过|没有用过|没穿过|没有穿过|全新|吊牌还在|吊牌都在|标签还在|unopened|sealed|not opened|haven'?t opened|havent opened|never opened|never used|unused|never (really )?wore|tags (still )?on)/i
const OPENED =
  /(拆了|拆开|拆封|开封了|打开了|用过|用了|试了|试用|穿过|开机用|激活|opened|used it|tried it|tried them|activated)/i

/** Reads the return facts of one customer message. */
export function detectReturnFacts(text: string): ReturnFacts {
  const negatedQuality = NEGATED_QUALITY.test(text)
  let reason: ReturnReason | null = null
  if (WRONG.test(text)) reason = 'wrong_item'
  else if (!negatedQuality && QUALITY.test(text)) reason = 'quality'
  else if (SIZE.test(text)) reason = 'size'
  else if (DISLIKE.test(text)) reason = 'dislike'
  const unopened = UNOPENED.test(text)
  return {
    asksStatus: STATUS_Q.test(text),
    reason,
    kind: EXCHANGE.test(text) ? 'exchange' : REFUND_ONLY.test(text) ? 'refund_only' : null,
    opened: unopened ? false : OPENED.test(text) ? true : null,
  }
}
