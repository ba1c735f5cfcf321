/**
 * How well a customer's description matches a fault of the fault graph (part of the understanding stage:
 * the fault flow reads the score, never the words). Customers describe one
 * symptom many ways ("一边没声音", "右耳无声", "left bud silent"), and a fault lists only a few of them,
 * so character bigrams / word stems alone miss most paraphrases. Each message and each fault phrase
 * is therefore also read as *symptom concepts* (which side, no sound, won't charge, …): a shared
 * concept counts for several bigrams, and a concept the fault phrase has but the message lacks
 * ("麦克风" when the customer never mentioned the mic) costs score.
 */
import type { Fault } from '../domain/schemas.js'

/** Symptom concepts with their zh/en wordings. Patterns are tested on lower-cased text. */
const CONCEPTS: Array<{ id: string; re: RegExp }> = [
  {
    id: 'one_side',
    re: /(一边|一只|单边|单耳|单只|一侧|左耳|右耳|左边|右边|左侧|右侧|左耳机|右耳机|one side|one ear|one (ear)?bud|one of (my|the) (ear)?buds|\bleft\b|\bright (ear|bud|earbud|side|one)|single (ear)?bud)/,
  },
  {
    id: 'no_sound',
    re: /(没声|没有声|无声|不响|没音|听不到声|听不见|哑了|静音|不出声|no sound|silent|no audio|can'?t hear (anything|any sound|music)|cannot hear (anything|music)|not playing|doesn'?t play|won'?t play|\bmute)/,
  },
  { id: 'mic', re: /(麦克风|话筒|\bmic\b|microphone|对方听不|别人听不|听不清我|can'?t hear me|caller|hear me)/ },
  { id: 'call', re: /(打电话|通话|来电|电话里|\bcalls?\b|on the phone)/ },
  {
    id: 'no_charge',
    re: /(充不进|充不了|充不上|不充电|无法充电|不能充电|冲不进|冲不了|充电没反应|电量没涨|电量不涨|未充电|won'?t charge|wont charge|will not charge|not charging|doesn'?t charge|dont charge|stopped charging|can'?t charge|isn'?t charging|no charging)/,
  },
  { id: 'slow_charge', re: /(充电.{0,3}慢|充得.{0,2}慢|快充|charg\w* (very |so |really )?slow|fast charg)/ },
  { id: 'wireless', re: /(无线充|磁吸|wireless|magsafe|magnetic)/ },
  {
    id: 'no_power',
    re: /(开不了机|开不开机|不开机|无法开机|开不机|开机没反应|启动不了|打不开|won'?t (turn|power|switch) on|doesn'?t (turn|power) on|wont (turn|power) on|won'?t (start|boot)|is dead|\bdead\b)/,
  },
  { id: 'hot', re: /(烫|发热|过热|热得|焦味|鼓起|overheat|\bhot\b|\bwarm\b|heats? up|burning|swollen)/ },
  { id: 'screen', re: /(屏幕|屏|显示|screen|display)/ },
  { id: 'flicker', re: /((?<!指示灯)闪(?!电)|花屏|条纹|绿线|横线|flicker|flash|glitch|stripes?|lines? (on|across))/ },
  { id: 'touch', re: /(触摸|触屏|触控|点不动|乱点|乱跳|\btouch|ghost|tapping)/ },
  {
    id: 'drain',
    re: /(耗电|掉电|续航|不耐用|费电|没电(得|了)?快|电量.{0,3}快|充满(电)?(后|了)?.{0,4}(只能|才|就|只)|(只能|才能?|就能|只)(用|听|撑|坚持|玩)(了)?.{0,2}(\d+|[一两二三四五半几]+)(个)?(多)?(小时|钟头)|\bonly (lasts?|gets?|gives?) (about |around )?(\d+|one|two|three|an?) hours?\b|一天(要|得|就|能)?充.{0,3}(好几|几|两|三|四|五|\d)(次|回)|充(好几|两三|三四)次|\b(several|multiple|\d+|two|three|four|a few) times a day\b|drain|battery life|dies (fast|quickly|in)|doesn'?t last|losing charge|lose charge)/,
  },
  {
    id: 'disconnect',
    re: /(断连|断开|断断续续|掉线|一卡一卡|卡顿|(就|又|老|总|会|一直|经常|老是)断(?![电货裂码])|(一会儿?|又)(自己)?(重新)?连上|disconnect|keeps dropping|drops? out|cut(s|ting)? out|stutter|choppy)/,
  },
  {
    id: 'pair',
    re: /(配对|连不上|搜不到|连接不上|\bpair|won'?t connect|can'?t connect|cant connect|can'?t find|not showing up)/,
  },
  { id: 'noise', re: /(降噪(?!(蓝牙)?耳机)|嘶嘶|电流声|杂音|底噪|noise cancel|\banc\b|hiss|static|crackl)/ },
  {
    id: 'volume',
    re: /(声音.{0,2}小|音量|音质|发闷|不够响|低音|too quiet|volume|muffled|sound quality|not loud|bass)/,
  },
  {
    id: 'latency',
    re: /(延迟|不同步|音画|对不上(嘴|口)?|嘴型|口型|慢半拍|慢一拍|声音.{0,4}(慢|晚|跟不上)|latency|\blag\b|out of sync|delay|lip ?sync)/,
  },
  { id: 'wifi', re: /(wi-?fi|无线网|上不了网|网络|internet|network)/ },
  { id: 'signal', re: /(信号|无服务|sim卡|\bsim\b|signal|no service|no bars)/ },
  { id: 'camera', re: /(拍照|相机|摄像头|对焦|模糊|糊|camera|photo|picture|focus|blurr?y)/ },
  { id: 'reboot', re: /(重启|死机|卡死|restart|reboot|freez|boot loop)/ },
  { id: 'slow', re: /(很卡|变卡|卡顿|很慢|反应迟钝|不流畅|laggy|\bslow\b|sluggish|choppy scrolling)/ },
  { id: 'keyboard', re: /(键盘|按键|keyboard|\bkeys?\b)/ },
  { id: 'touchpad', re: /(触控板|触摸板|鼠标|touchpad|trackpad|cursor)/ },
  { id: 'monitor', re: /(显示器|外接|扩展屏|投屏|hdmi|monitor|external (screen|display)|second screen)/ },
  { id: 'water', re: /(进水|水汽|起雾|泡水|water|fog|moisture|condensation|swim)/ },
  { id: 'gps', re: /(gps|定位|轨迹|搜星|route|location|distance)/ },
  { id: 'heart', re: /(心率|血氧|heart rate|spo2|blood oxygen)/ },
  { id: 'notify', re: /(通知|提醒|notification|alert)/ },
  { id: 'sync', re: /(同步|sync)/ },
  { id: 'fan', re: /(风扇|散热|吹风机|\bfans?\b)/ },
  {
    id: 'indicator',
    re: /(指示灯|灯不亮|灯也不亮|灯没亮|\blights? (doesn'?t|does not|won'?t|not|isn'?t|never)\b|\bno lights?\b|\bleds?\b)/,
  },
  { id: 'case', re: /(充电盒|耳机盒|充电仓|耳机仓|\bcharging case\b|\bthe case\b|\bcase light)/ },
  { id: 'controls', re: /(触控失灵|自动暂停|暂停|双击|pause|double tap|tap(ping)? the|controls?)/ },
]

const CONCEPT_WEIGHT = 3

/** Spelling variants folded before comparing ("没有声音" ≈ "没声音", "冲电" ≈ "充电"). */
function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/没有/g, '没')
    .replace(/冲(电|不)/g, '充$1')
    .replace(/\bwont\b/g, "won't")
    .replace(/\bdont\b/g, "don't")
    .replace(/\bcant\b/g, "can't")
}

/** The symptom concepts a text mentions. */
export function symptomConcepts(text: string): Set<string> {
  const t = fold(text)
  const out = new Set<string>()
  for (const c of CONCEPTS) if (c.re.test(t)) out.add(c.id)
  return out
}

type Features = { tokens: Map<string, number>; concepts: Set<string>; weight: number }

function features(text: string): Features {
  const s = fold(text)
  const tokens = new Map<string, number>()
  for (const w of s.match(/[a-z0-9]+/g) ?? []) if (w.length > 2) tokens.set(w.slice(0, 6), 1)
  const zh = s.replace(/[^\u4e00-\u9fff]/g, '')
  for (let i = 0; i + 1 < zh.length; i++) tokens.set(zh.slice(i, i + 2), 1)
  const concepts = symptomConcepts(text)
  for (const c of concepts) tokens.set(`#${c}`, CONCEPT_WEIGHT)
  let weight = 0
  for (const v of tokens.values()) weight += v
  return { tokens, concepts, weight }
}

/**
 * Match of a message against a fault's symptom and its similar phrasings, 0..1: weighted overlap of
 * bigrams / word stems and symptom concepts, lowered for each concept of the phrase the message
 * does not share (when the message has concepts of its own).
 */
export function faultScore(text: string, f: Fault): number {
  const q = features(text)
  if (q.weight === 0) return 0
  let best = 0
  for (const phrase of [f.symptom, ...f.similar]) {
    const g = features(phrase)
    if (g.weight === 0) continue
    let hit = 0
    for (const [k, w] of g.tokens) if (q.tokens.has(k)) hit += w
    let s = hit / Math.min(g.weight, Math.max(q.weight, 2))
    if (q.concepts.size > 0) {
      let missing = 0
      for (const c of g.concepts) if (!q.concepts.has(c)) missing++
      s *= 0.7 ** missing
    }
    best = Math.max(best, Math.min(1, s))
  }
  return best
}

/**
 * How many symptom concepts of the message no wording of the fault has: "doesn't charge on my wireless
 * pad" names wireless charging, which a plain "won't charge" fault does not cover.
 */
export function uncoveredConcepts(text: string, f: Fault): number {
  const q = symptomConcepts(text)
  if (q.size === 0) return 0
  const covered = new Set<string>()
  for (const phrase of [f.symptom, ...f.similar]) for (const c of symptomConcepts(phrase)) covered.add(c)
  let n = 0
  for (const c of q) if (!covered.has(c)) n++
  return n
}
