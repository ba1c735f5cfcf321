/**
 * Conversational signals the intent classifier does not model: yes/no, corrections, "that's not what I
 * asked", follow-ups ("那红色的呢?"), ordinal references ("the second order"). Cheap regexes, both
 * languages; they only steer the state machine, never answer by themselves.
 */

export type Signals = {
  affirm: boolean
  deny: boolean
  correction: boolean
  notAnswered: boolean
  followUp: boolean
  question: boolean
  humanRequest: boolean
  /** 0-based index for "第二个" / "the second one"; -1 for "the last one"; null when none. */
  ordinal: number | null
  /** "this one" / "这个" / "it": refers to the thing in context. */
  deictic: boolean
}

const AFFIRM_ZH =
  /^(是|是的|是啊|对|对的|对啊|嗯+|嗯嗯|好|好的|好啊|行|可以|可以的|确认|确定|没问题|要|需要|有用|有效|解决了|好了|可以了|ok|OK)[啦呀吧的了哈!！。.~～\s]*$/
const AFFIRM_EN =
  /^(y|yes|yeah|yep|yup|sure|ok|okay|confirm|confirmed|correct|right|please|please do|go ahead|do it|that'?s right|it worked|that worked|that helped|fixed|solved|works now|it works)\b[\s!.]*(please|thanks|thank you)?[\s!.]*$/i
const DENY_ZH =
  /^(不|不是|否|不用|不用了|不要|不需要|算了|没有|没用|无效|不行|还是不行|还不行|没解决|依旧|依然不行|仍然不行|还是一样|取消)[啦呀吧的了哈!！。.~～,，\s]*$/
const DENY_EN =
  /^(n|no|nope|nah|not really|don'?t|do not|cancel|never ?mind|no thanks|no,? thanks|didn'?t help|did not help|it didn'?t work|didn'?t work|still (not working|broken|the same)|not fixed|no luck|same problem|still no)\b[\s!.]*$/i
const DENY_LOOSE =
  /(没用|没有用|还是不行|仍然不行|依然不行|(也|都|还)不行(?!吗|么)|还是一样|没解决|没有解决|didn'?t help|did not help|still (not|doesn'?t|won'?t|the same)|not fixed|no luck)/i
const AFFIRM_LOOSE = /(解决了|可以了|好了谢谢|有用|that helped|it worked|works now|fixed it|problem solved)/i
/**
 * A yes followed by what to do: "对的，改吧", "嗯嗯 取消", "是的 就这个", "好的 帮我退", "Yes, that's
 * right", "yes please go ahead and cancel it". The head is a plain yes; the tail is short, asks nothing
 * and negates nothing.
 */
const AFFIRM_HEAD_ZH =
  /^(是的|是啊|是|对的|对啊|对(?!了)|嗯+|好的|好啊|好|行|可以|确认|确定|没错|没问题|ok|OK)[\s,，。.!！~～、]*/
const AFFIRM_HEAD_EN =
  /^(yes|yeah|yep|yup|sure|ok|okay|correct|right|that'?s (right|correct|it)|exactly|confirmed?)\b[\s,.!]*/i
/**
 * The action itself as the answer to "shall I…?": "退吧", "那就退吧", "帮我换", "改吧", "just return it".
 * (取消 stays out: a bare "取消" also says "never mind".)
 */
const ACTION_AFFIRM_ZH =
  /^(那就|就|那|那好|好|直接)?(帮我|给我)?(退|退掉|退货|换|换货|改|修改|提交|申请|办理?)(吧|呗|一下吧|了吧)?$/
const ACTION_AFFIRM_EN =
  /^(please |just |then )?(go ahead and )?(return|exchange|submit|process|change) (it|them|that)( please)?$/i
const TAIL_NEGATION = /(不|别|没|勿|\bno\b|\bnot\b|n'?t\b|\bnever\b|\bwrong\b)/i
const TAIL_QUESTION = /[?？]|吗|么|哪|什么|啥|多久|几(天|号|点)|\b(how|what|where|when|why|which)\b/i

/**
 * "没货啊 那就退了吧", "换不了的话 就退吧": a remark, then the action drawn from it ("那就…" / "就…") as the
 * last clause of a short message.
 */
function concludingAction(text: string): boolean {
  const clauses = text.split(/[\s,，。.!！~～、]+/).filter((c) => c.length > 0)
  if (clauses.length !== 2 || text.length > 20) return false
  const last = clauses[1]!
  return /^(那就|那|就)/.test(last) && ACTION_AFFIRM_ZH.test(last) && !TAIL_QUESTION.test(text)
}

function compoundAffirm(text: string): boolean {
  const head = AFFIRM_HEAD_ZH.exec(text) ?? AFFIRM_HEAD_EN.exec(text)
  if (!head || head[0].length === 0) return false
  const tail = text.slice(head[0].length).trim()
  if (tail.length === 0) return true
  return tail.length <= 30 && !TAIL_NEGATION.test(tail) && !TAIL_QUESTION.test(tail)
}

const CORRECTION =
  /(不对|不是这个|不是那个|搞错|弄错|错了|另一个|另外一个|别的订单|换一个|是另一|not that|wrong order|another order|the other (one|order)|other order|i meant|no,? i mean|not this one)/i
const NOT_ANSWERED =
  /(答非所问|不是我问的|不是我要问的|没回答|没有回答|你没懂|你不懂|听不懂|文不对题|牛头不对马嘴|问的不是这个|not what i asked|didn'?t answer|doesn'?t answer|did not answer|you don'?t understand|that'?s not my question|not my question|irrelevant answer|useless answer)/i
const FOLLOW_UP_ZH = /^(那|那么|那要是|如果是|换成|要是)?[^。!！]{0,14}(呢|的呢|怎么样|有吗|有没有)[?？]?$/
/** "有没有白色的", "有XL码吗", "do you have it in white?": another variant of the product in context. */
const FOLLOW_UP_VARIANT =
  /^((那|那么)?(有没有|有)[^。!！?？]{0,10}(的|款|色|码)(吗|呢|啊)?|(do you have|have you got) (it|this|that|one|them) in\b[^.!]{0,30}|(is there|got) (a|an|one in)\b[^.!]{0,30}|any in\b[^.!]{0,30})[?？]?$/i
const FOLLOW_UP_EN =
  /^(and|what about|how about|and in|in|what if|same for|also)\b[^.!]{0,40}\??$|^(and |what about |how about )?(the )?same (foot|feet|size|measurements?|height|numbers)\b[^.!]{0,40}\??$|^and (the |for the )?same\b[^.!]{0,50}\??$/i
/** "ok. and the black ones?", "好的 那耳机那单呢": an acknowledgement before the follow-up. */
const ACK_LEAD =
  /^(ok(ay)?|k|kk|thanks|thank you|thx|cool|great|alright|all right|got it|i see|right|好的?|嗯+|哦+|噢+|行|谢谢)[\s.,!，。！、~]+/i

function isFollowUpForm(text: string): boolean {
  return FOLLOW_UP_ZH.test(text) || FOLLOW_UP_EN.test(text) || FOLLOW_UP_VARIANT.test(text)
}
const QUESTION =
  /[?？]|吗|么|怎么|如何|什么|哪|多少|几|能不能|可不可以|是否|\b(how|what|where|when|why|which|can|could|do|does|is|are|will)\b/i
const HUMAN =
  /(人工|真人|转人工|找客服|客服专员|人工客服|活人|(找|叫|见|让)(你们)?的?(领导|经理|主管|负责人|店长|上级)|\bhuman\b|real person|live (agent|person|chat)|talk to (an? )?(agent|person|someone)|speak to (an? )?(agent|person|someone|representative)|representative|\b(speak|talk) (to|with) (a|an|your|the) (manager|supervisor|boss)\b|\b(get|want|need) (me )?(a|an|your|the) (manager|supervisor)\b)/i

/**
 * "你是人工还是AI啊", "是真人吗", "are you a bot or a human?": asking who answers is a question about the
 * service (the FAQ answers it), not a request for a person.
 */
const IDENTITY_QUESTION =
  /^(请问|问一下|对了|话说)?[，,\s]*(你|您|这边|对面)?(到底|究竟)?是(不是)?(人工|真人|活人|机器人|ai|人|机器|自动回复)(客服)?(还是(人工|真人|活人|机器人|ai|机器|人|自动回复)(客服)?)?(啊|呀|吗|呢|吧)?[?？!！。\s]*$|^(are|r) (you|u) (a |an )?(real )?(human|person|bot|robot|ai|machine)( or (a |an )?(real )?(human|person|bot|robot|ai|machine))?\s*[?!.]*$|^is (this|that) (a |an )?(real )?(human|person|bot|robot|ai)( or (a |an )?(real )?(human|person|bot|robot|ai))?\s*[?!.]*$/i

/**
 * "家人们谁懂啊 你是真人还是AI啊 别整那些虚的", "lol r u a bot or a real person??": the same question inside
 * chatter around it — still a question about who answers, unless the message also asks for a person.
 */
const WHO_ANSWERS =
  /((你|您|对面|这边)(到底|究竟)?是(不是)?(人工|真人|活人|机器人|ai|机器|人)(客服)?还是(人工|真人|活人|机器人|ai|机器|人|自动回复)|\b(are|r) (you|u) (a |an )?(real )?(human|person|bot|robot|ai)( or (a |an )?(real )?(human|person|bot|robot|ai))?\b)/i
const ASKS_FOR_PERSON =
  /(转人工|(给我|帮我|我要|我想|想要|要)(找|整|换|转|接|叫)?(个|一个)?(人工|真人|活人|客服)|\b(talk|speak) to (a|an|your|the) (human|person|agent)|\b(put|connect|transfer) me\b|\b(get|give|want|need) (me )?(a|an) (human|person|agent)\b)/i

function asksWhoAnswers(text: string): boolean {
  return WHO_ANSWERS.test(text) && !ASKS_FOR_PERSON.test(text)
}

const ORDINALS_ZH: Array<[RegExp, number]> = [
  [/第(一|1)(个|单|笔|件|款)?/, 0],
  [/第(二|2)(个|单|笔|件|款)?/, 1],
  [/第(三|3)(个|单|笔|件|款)?/, 2],
  [/第(四|4)(个|单|笔|件|款)?/, 3],
  [/第(五|5)(个|单|笔|件|款)?/, 4],
  [/最后(一|那)(个|单|笔)/, -1],
]
const ORDINALS_EN: Array<[RegExp, number]> = [
  [/\b(first|1st)\b/i, 0],
  [/\b(second|2nd)\b/i, 1],
  [/\b(third|3rd)\b/i, 2],
  [/\b(fourth|4th)\b/i, 3],
  [/\b(fifth|5th)\b/i, 4],
  [/\b(last one|last order|the last)\b/i, -1],
]
const DEICTIC =
  /(这个|这款|这件|这单|这个订单|那个|那款|那件|它|\bthis one\b|\bthat one\b|\bthis order\b|\bthat order\b|\bit\b)/i

/** Reads the signals of one customer message. */
export function detectSignals(raw: string): Signals {
  const text = raw.trim()
  const short = text.replace(/[\s!！。.~～,，?？]+$/u, '')
  let ordinal: number | null = null
  // A bare list number ("2", "#3", "No. 1") picks from the list the bot just showed.
  const bare = text.match(/^(?:#|no\.?\s*|number\s*|option\s*)?([1-9])\s*[.、)）]?$/i)
  if (bare) ordinal = Number(bare[1]) - 1
  for (const [re, i] of bare ? [] : [...ORDINALS_ZH, ...ORDINALS_EN]) {
    if (re.test(text)) {
      ordinal = i
      break
    }
  }
  const notAnswered = NOT_ANSWERED.test(text)
  const correction = !notAnswered && CORRECTION.test(text)
  const affirm =
    !correction &&
    (AFFIRM_ZH.test(short) ||
      AFFIRM_EN.test(short) ||
      AFFIRM_LOOSE.test(text) ||
      compoundAffirm(short) ||
      ACTION_AFFIRM_ZH.test(short) ||
      concludingAction(short) ||
      ACTION_AFFIRM_EN.test(short))
  const deny = !correction && !affirm && (DENY_ZH.test(short) || DENY_EN.test(short) || DENY_LOOSE.test(text))
  return {
    affirm,
    deny,
    correction,
    notAnswered,
    followUp: isFollowUpForm(text) || isFollowUpForm(text.trim().replace(ACK_LEAD, '')),
    question: QUESTION.test(text),
    humanRequest: HUMAN.test(text) && !IDENTITY_QUESTION.test(text.trim()) && !asksWhoAnswers(text),
    ordinal,
    deictic: DEICTIC.test(text),
  }
}
