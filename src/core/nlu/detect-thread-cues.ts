/**
 * Cues that a message carries on the conversation rather than opening a new one: "对 全部", "好 今天就申请",
 * "那我凑到99以上呢", "ok so I just wait?", "yes the one in Bao'an" — an acknowledgement or a "then" lead
 * followed by something of its own. The classifier, reading the message alone, often files these under
 * greeting or out of scope; the dialogue reads them in the task on the table (dialogue/thread-continuation.ts).
 * Also "全部", "all of them": the request covers every order the customer means, not one.
 */

/** The lead: a yes / an acknowledgement, or "then / so / what if". */
const LEAD =
  /^(对的?|是的?|是啊|嗯+|好的?|好吧|行|可以|ok(ay)?|yes|yeah|yep|yup|sure|right|alright|so|then|and|那(么|我|就|要是|如果)?|要是|如果)(?=[\s,，.。!！~～、]|[^a-z\s]|$)[\s,，.。!！~～、]*/i
/** Words that make a message small talk after all ("好的谢谢", "ok bye", "hi"). */
const SMALL_TALK =
  /(你好|您好|在吗|在不在|哈喽|嗨|早上好|晚上好|下午好|谢谢|多谢|感谢|再见|拜拜|\bhello\b|\bhi\b|\bhey\b|good (morning|afternoon|evening|night)|\bthanks?\b|thank you|\bthx\b|\bbye\b|goodbye)/i
/** A tail that is one more acknowledgement ("好的 没问题", "ok got it"): nothing new is said. */
const ACK_ONLY =
  /^(没问题|知道了|明白了?|收到|了解了?|懂了|好的?|嗯+|行|可以|ok(ay)?|got it|i see|understood|cool|great|fine|sure|noted|perfect)[\s.!。！~～]*$/i

/** "对 全部", "那我再下一单", "ok so I must order again?": a lead, then something of its own. */
export function continuesThread(raw: string): boolean {
  const text = raw.trim()
  const lead = LEAD.exec(text)
  if (!lead || lead[0].length === 0) return false
  const rest = text.slice(lead[0].length).trim()
  if (rest.length < 2 || ACK_ONLY.test(rest)) return false
  return !SMALL_TALK.test(text)
}

/** "全部都取消", "都取消", "cancel all of them", "both": every order meant, not one. */
const ALL =
  /(全部|所有|全都|统统|都(取消|退|不要|删)|\ball (of )?(them|three|two|four|those|these|my|the)\b|\bboth( of them)?\b|\bevery (one|order)\b|^all\b)/i

export function meansAll(raw: string): boolean {
  return ALL.test(raw)
}

/** "整单取消吧", "the whole order": the whole order, not one line of it. */
const WHOLE =
  /(整单|整个(订单|单子?)|全部商品|一起取消|\b(the )?(whole|entire) order\b|\beverything in (it|the order)\b)/i

export function meansWholeOrder(raw: string): boolean {
  return WHOLE.test(raw)
}
