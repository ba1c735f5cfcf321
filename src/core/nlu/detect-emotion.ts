/**
 * Anger/frustration score for a customer message, Chinese and English, from lexical cues:
 * insults and swearing, threats to complain or report (投诉, 12315, 曝光, chargeback), repeated
 * asking (第三次了, "third time I ask"), waiting complaints, repeated ！！/??, ALL CAPS and
 * sarcasm markers. Each cue adds weight; the score is `1 − e^(−weight)`, so one strong cue lands
 * near 0.6–0.7, two or more pass 0.8, and calm messages stay at 0.
 *
 * Threshold semantics: the handoff rule escalates to a human at `score ≥ 0.7` by default
 * (configurable). Labels: `calm` < 0.15 ≤ `neutral` < 0.4 ≤ `frustrated` < 0.7 ≤ `angry`.
 */
import type { Emotion } from './types.js'

type Cue = { re: RegExp; weight: number }

// Weights are in "nats": 0.36 ≈ score 0.3, 0.7 ≈ 0.5, 1.2 ≈ 0.7, 2.3 ≈ 0.9.
const CUES: Cue[] = [
  // Insults and swearing ("我妈的手机" is a mother's phone, not a curse).
  {
    re: /垃圾|骗子|骗人|无良|黑店|奸商|傻[逼b×x]|sb|煞笔|(?<![我咱俺她姑舅姨岳])妈的|他妈|tmd|nmd|操你|滚|去死|畜生|废物|狗屁|屁用|恶心死|智障/i,
    weight: 1.3,
  },
  { re: /\b(scam(?:mer|med|s)?|fraud|rip[- ]?off|con artists?|thie(?:f|ves)|liars?|lying|crooks?)\b/i, weight: 1.3 },
  {
    re: /\b(f+u+c+k+\w*|sh[i1]t\w*|bullshit|wtf|damn ?(?:you|it)|goddamn\w*|piss(?:ed)?|screw you|idiots?|morons?|stupid)\b/i,
    weight: 1.2,
  },
  // A mild expletive on its own ("damn.", "bloody hell") is disappointment, not anger.
  { re: /\b(damn(?:ed)?|crap|bloody)\b/i, weight: 0.45 },
  // Threats to complain, report, go public or sue.
  {
    re: /投诉|举报|(?<!\d)(?:12315|12345)(?!\d)|消协|消费者协会|工商局?|市场监管|曝光|媒体|律师|起诉|法院|告你|差评|维权/,
    weight: 1.2,
  },
  {
    re: /\b(report (?:you|this|them)|file a complaint|complain(?:ing)? to|bbb|better business bureau|lawyer|sue|legal action|chargeback|dispute (?:the|this) (?:charge|payment)|trading standards|leave a (?:bad|negative|1[- ]star) review|1[- ]star)\b/i,
    weight: 1.2,
  },
  // Repeated asking / broken promises.
  {
    re: /第[二三四五六七八九十两\d]+次|又一次|多少次|几次了|几遍了|说了多少遍|一再|反复|还是没(?:有)?(?:人)?(?:回|处理|解决)/,
    weight: 0.9,
  },
  {
    re: /\b((?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time|how many times|again and again|keep (?:asking|telling|getting)|still (?:no|not|nothing|haven'?t|hasn'?t|waiting)|no one (?:has )?(?:replied|answered|responded)|nobody (?:replies|answers|cares))\b/i,
    weight: 0.9,
  },
  // Strong dissatisfaction ("坑人啊" about a fee is a grievance to answer, not an insult).
  {
    re: /坑爹|坑人|被坑|太差|极差|差劲|烂透|什么破|破[玩东]|气死|受够|忍无可忍|无语|离谱|过分|欺负|耍我|搞什么|什么鬼|退钱|赔钱|必须(?:给我)?(?:赔|退|解决)|给个说法|没完|服了/,
    weight: 0.8,
  },
  {
    re: /\b(terrible|horrible|awful|worst|pathetic|disgusting|ridiculous|unacceptable|outrageous|useless|incompetent|rubbish|garbage|trash|joke of a|fed up|sick (?:and tired )?of|had enough|never (?:again|buying|order)|furious|angry|livid|disgrace(?:ful)?|shameful|refund me now|give me my money back)\b/i,
    weight: 0.8,
  },
  // Waiting and mild frustration.
  {
    re: /怎么还(?:没|不)|到底|还要等多久|等了(?:好|\d+|[一二三四五六七八九十两几]+)[天周个]|一直(?:没|不)|催了|赶紧|快点|急死|着急|失望|不满意|凭什么|什么意思/,
    weight: 0.45,
  },
  {
    re: /\b(why (?:is|does|hasn'?t|isn'?t|haven'?t|can'?t|won'?t)|where the hell|what the hell|hurry up|asap|so slow|taking (?:so|too) long|disappointed|frustrat\w*|annoy\w*|upset|not happy|unhappy|waiting (?:for|since) (?:ages|weeks|days))\b/i,
    weight: 0.45,
  },
  // Sarcasm markers.
  { re: /呵呵|呵呵哒|真是谢谢你|谢谢你们了啊|好棒棒|真行|真有你的|厉害了|服务真好啊|🙄|🙂🙂|😅😅/, weight: 0.6 },
  {
    re: /\b(thanks for nothing|oh great|great job(?: guys)?|just great|wow,? just wow|yeah right|brilliant service|good job losing|nice one)\b/i,
    weight: 0.6,
  },
  { re: /[😡🤬😤💢👎😠]/u, weight: 0.7 },
]

/** Scores the anger/frustration of a message (see the module comment for the scale). */
export function detectEmotion(text: string): Emotion {
  if (!text) return { score: 0, label: 'calm' }
  const t = text.length > 4000 ? text.slice(0, 4000) : text
  let w = 0
  for (const c of CUES) if (c.re.test(t)) w += c.weight
  // Repeated ！！ / ?? / ?! : two in a row is emphasis, three or more is shouting.
  const bangs = t.match(/[!！?？]{2,}/g)
  if (bangs) {
    const longest = Math.max(...bangs.map((b) => b.length))
    w += longest >= 3 ? 0.55 : 0.25
  }
  // ALL CAPS: two or more fully capitalised words of 3+ letters (not acronyms alone).
  const caps = t.match(/\b[A-Z]{3,}\b/g)?.filter((x) => !ACRONYMS.has(x)) ?? []
  const letters = t.replace(/[^A-Za-z]/g, '')
  if (caps.length >= 2 && letters.length >= 8 && caps.join('').length / letters.length > 0.5) w += 0.6
  const score = Math.round((1 - Math.exp(-w)) * 100) / 100
  return { score, label: score >= 0.7 ? 'angry' : score >= 0.4 ? 'frustrated' : score >= 0.15 ? 'neutral' : 'calm' }
}

const ACRONYMS = new Set([
  'USB',
  'LED',
  'SSD',
  'RAM',
  'GPS',
  'NFC',
  'USA',
  'EMS',
  'SKU',
  'VIP',
  'APP',
  'OLED',
  'HDMI',
  'ETA',
  'UPS',
  'DHL',
  'FAQ',
])
