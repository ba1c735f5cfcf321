/**
 * After-sales cues of one message, for the fault flow: a safety symptom (burning smell, swelling,
 * smoke, sparks, fire, too hot to touch), an explicit request for repair / replacement / a technician /
 * a ticket now, and whether the customer reports having already tried something. Negated mentions
 * ("没有焦味", "no smoke or sparks") do not count. Chinese and English.
 */
import { affirmedSpans, cueSpans } from './negation.js'
import type { FaultCues, SafetySymptom } from './types.js'

/** Safety symptoms, most severe first (the first one found is reported). */
const SAFETY: ReadonlyArray<{ id: SafetySymptom; re: RegExp }> = [
  {
    id: 'fire',
    re: /(着火|起火|自燃|火苗|明火|烧起来了|烧着了|\bon fire\b|\bcaught fire\b|\bcatch(es|ing)? fire\b|\bflames?\b|\bignited\b)/i,
  },
  { id: 'smoke', re: /(冒烟|冒(了|出)?(一)?(点|些|股|丝|阵)?(黑|白|青)?烟|起烟|烟雾|有烟|\bsmok(e|es|ed|ing|y)\b)/i },
  {
    id: 'sparks',
    // "插着噼啪响": crackling where it is plugged in is arcing, not an audio crackle.
    re: /(火花|打火|冒火|跳火|(插着|插上|插头|插座|插电|充电时?|充着).{0,6}(噼啪|噼里啪啦|啪啪|滋滋|吱吱)|(噼啪|噼里啪啦|滋滋)(响|声|作响).{0,8}(插头|插座|充电)|\bcrackl\w* (when|while) (plugged|charging)|\bspark(s|ed|ing)?\b|\barcing\b)/i,
  },
  {
    id: 'burning',
    re: /(焦糊|焦味|糊味|烧焦|焦臭|烧糊|烧胶|烧塑料|(一股|股|有点|有些|闻到|闻着|发出).{0,2}焦|融化|熔化|\bburn(ing|t|ed)?[ -]smell|\bsmell(s|ed|ing)?( of| like)? (kinda |kind of |a bit |a little |sort of |slightly )?(like )?(something )?(burning|burnt|burned|scorched|melting|smoke|smoky)\b|\bscorch(ed|ing)?\b|\bmelt(ed|ing)\b|\bcharred\b)/i,
  },
  {
    id: 'swelling',
    re: /(鼓包|鼓起|鼓了|鼓胀|鼓鼓|变鼓|胀起|胀大|膨胀|(后盖|外壳|壳子|电池|机身|屏幕|背板)[^，。！？,.!?\s]{0,4}(翘起|翘了|顶起|撑开|变形|凸起)|\bswell(s|ing|ed)?\b|\bswollen\b|\bbulg(e|es|ed|ing)\b|\bpuff(ed|ing)? up\b|\bdeformed\b|\bwarped\b|\b(back|cover|case|casing|screen|back cover)( is| has| got)? (lifting|lifted|popping|popped|pushed) (up|off|out|open)\b)/i,
  },
  {
    id: 'overheating',
    re: /(烫手|烫得(拿|握|摸|碰|抓)不|烫到(手|拿不|握不|没法)|烫得不敢|烫伤|太烫了?(没法|不能|不敢)(拿|摸|碰|握)|\btoo hot to (touch|hold|handle|pick up|use)\b|\bburn(ed|t|s)? my (hand|hands|finger|fingers|palm|skin|ear|ears|wrist)\b|\bburning hot\b|\bscalding\b|\bpainfully hot\b)/i,
  },
]

/**
 * "Repair / replace it now", "send someone", "open a ticket", "no more troubleshooting". A bare
 * eligibility question ("还能换新吗") is not a demand; the same words with 给我 / 帮我 / 直接 / 赶紧 are.
 */
const DEMAND_ZH =
  /((给我|帮我|替我|直接|赶紧|马上|立刻|立即|快点|尽快)(给我|帮我)?(换|换货|换新|换个|换一个|换台|修|维修|寄修|送修|返修|报修|退换|上门|派人|安排))|((开|提|建|提交|创建|登记)(个|一个|一张)?(工单|售后单|维修单))|((派|安排|叫)(个|一个)?(人|师傅|技术员?|工程师|维修)(上门|过来|来|看看|修))|(不想(再)?(试|折腾|弄|排查)|不(再)?试了|别让我(再)?试|试够了|不折腾了|别再让我)/
const REQUEST_ZH =
  /((要|想|申请|需要|求)(求)?(换货|换新|换一个|换个新的|换台新的|维修|送修|寄修|返修|报修|上门维修|师傅上门))/
const DEMAND_EN =
  /(\b(get|have) (it|this|them|one|the \w+) (repaired|replaced|fixed|swapped|looked at|checked)\b|\b(repair or replace|replace or repair|repair or replacement|replacement or repair)\b|\bsend (me )?(someone|somebody|a technician|an engineer|a tech|a repair ?(man|person)|a (new|replacement)( one| unit)?)\b|\b(open|file|raise|create|log|submit|start) (a |an )?(support |repair |service |warranty )?(ticket|claim|repair request|case)\b|\b(i want|i need|i'?d like|i would like|please|just|can you|could you) (a |an |to get (it |a |an )?)?(repair|replacement|exchange|new one|new unit|repaired|replaced)\b|\b(please|just|can you|could you) (repair|replace|exchange|swap) (it|this|them|the \w+)\b|\b(no more|done with|enough( of)?|stop( with)?) (troubleshooting|steps|trying|tests)\b|\bdon'?t want to try (anything|any ?more|more)\b)/i
const NOT_DEMAND_EN = /\b(should i|do i (need|have) to|how (do|can) i|whether (to|i))\b/i

/** "Tried it", "still nothing", "试过了", "还是没反应": the customer reports what they already did. */
const TRIED_ZH =
  /(用的(是|就是|都是)?原装|一直用原装|试(过|了)|都试|也试|已经|还是.{0,6}(不|没|无|一样)|依然|仍然|照样|没用|(也|都)(还是)?(不行|没反应|没效果|一样|白搭)|不管用|没效果|无效|白搭|(干净|好|(弄|做|试|搞|充)完|过)了|(换|充|擦|刷|清|关|开|按|插|拔|放|重启|配对|重置|恢复|更新|升级|装|卸|删|调|切)(了|过)|重装)/
const TRIED_EN =
  /(\b(tried|already|still)\b|\b(using|used|with) (the |my |its )?original\b|\bdidn'?t (help|work|fix)\b|\bno (luck|change|difference)\b|\bnothing (works|worked|changed|happens|happened)\b|\bsame (thing|problem|issue)\b|\b(cleaned|restarted|rebooted|reset|re-?paired|updated|charged|swapped|changed|replaced|unplugged|removed|wiped|dried|reinstalled|checked|turned|switched|toggled|disabled|enabled)\b|\bhave (done|checked)\b|\bdid (that|it|all|both)\b)/i

/** "is it broken?", "是坏了吗", "这正常吗": the customer asks whether it is a fault at all. */
const ASKS_IF_FAULTY =
  /((是不是|是)?坏了(吗|么|嘛|没)|是不是坏了|(这|这样|这个|这种情况)?(正常|是故障|是质量问题)(吗|么|嘛)|算(不算)?(故障|质量问题)|\bis (it|this|that|mine|my \w+) (broken|faulty|defective|normal|a (fault|defect))\b|\bis (this|that) normal\b|\bsomething wrong with (it|mine)\b\?)/i

const REPLACEMENT =
  /(换(个|一个|台|一台|部|一部)?新(的|机|品)?|换货|\b(replacement|replace (it|this|them)|new (one|unit)|swap (it|this) for a new)\b)/i
const HYPOTHETICAL =
  /(万一|如果|要是|假如|假设|到时候).{0,12}(坏|故障|问题|毛病|不能用|有瑕疵)|\b(if|in case|what if|should) (it|the \w+|my \w+) (turns out|is|arrives|comes|breaks|stops|turned out|were|was)\b.{0,30}\b(faulty|broken|defective|damaged|doesn'?t work|not working|dead)\b/i
const NO_5G =
  /(只(显示|有|能用|能上)?\s*4g|没有?\s*5g|(不显示|看不到|没见过|从没出现过?|不出)\s*5g|用不了\s*5g|连不上\s*5g|\bno 5g\b|\bonly (shows?|gets?|has) 4g\b|\bnever (shows?|gets?) 5g\b|\bcan'?t get 5g\b)/i
const POLICY =
  /(换新还是.{0,2}(寄修|维修|修|返修|送修)|(寄修|维修|修|返修|送修)还是.{0,2}换新|(寄修|维修|返修|送修|修好?).{0,5}(多久|多长时间|几天|多少天)|(多久|几天)(能|才能)?(修好|寄回|回来)|\b(new one|replacement|replace(d)?) or (a )?repair(ed)?\b|\brepair(ed)? or (a )?(new one|replacement|replace(d)?)\b|\bhow long (does|will|would) (the |a )?repair\b|\bhow long.{0,20}\b(to|get it) (repair|fix)(ed)?\b)/i
const KEEP_USING =
  /((还|先|继续|暂时|接着)(能|可以|敢)?(凑合|将就)?(插电|充电|充着|用|使用|开机)|(能|可以)(先|继续|接着)?(插电|充电|用着|先用)|\b(can|could|may) i (still |keep |just )?(use|charge|plug)\b|\bsafe to (use|charge|keep using)\b|\bkeep using\b)/i

/**
 * "关了佩戴检测就好了", "重启一下就正常了", "that fixed it", "works fine now": the problem is gone. A bare
 * "好了" is not enough ("等定位好了才开始跑" is a condition); a question ("好了吗") or "still" is no report.
 */
const FIXED_ZH =
  /((就|已经|现在|这下|终于|又|马上|立马|一下子?)(都)?(好了|好啦|解决了|正常了|恢复(正常)?了|没(事|问题)了|可以(用)?了|能用了|不(再)?(暂停|断|响|闪|烫)了)|(问题)?解决了|恢复正常了|没毛病了)/
const FIXED_EN =
  /(\b(that|this|it|which) (fixed|solved|sorted|did) (it|the trick|the problem|the issue)\b|\bfixed it\b|\b(works|working|charging|connects|connecting) (fine|normally|properly|again)( now)?\b|\b(it'?s|it is|all) (fine|good|working|sorted) now\b|\bproblem (solved|gone|fixed)\b)/i
const NOT_FIXED =
  /(还是|仍然|依然|又不|没好|没解决|不行|\bstill\b|\bnot\b|\bno longer\b|n't|[吗么嘛][?？]?\s*$|[?？]\s*$)/i

function reportsFixed(text: string): boolean {
  if (!FIXED_ZH.test(text) && !FIXED_EN.test(text)) return false
  return !NOT_FIXED.test(text)
}

const ASKS = /(吗|么|嘛)\s*[?？]?\s*$|[?？]\s*$/
const POLITE_URGE = /(给我|帮我|直接|赶紧|马上|立刻|尽快)/

function wantsRepairNow(text: string): boolean {
  if (DEMAND_ZH.test(text)) return true
  // "我要换货" is a demand; "需要送修吗" / "还能换新吗" asks whether it is needed or possible.
  const zh = text.match(REQUEST_ZH)
  if (zh && !(ASKS.test(text) && !POLITE_URGE.test(text))) return true
  const en = text.match(DEMAND_EN)
  if (en && !NOT_DEMAND_EN.test(text.slice(0, (en.index ?? 0) + en[0].length))) return true
  return false
}

/** The fault-flow cues of one message; empty when there are none. */
export function detectFaultCues(raw: string): FaultCues {
  const text = raw.replace(/[’‘`]/g, "'")
  const out: FaultCues = {}
  const safety = affirmedSpans(text, SAFETY)
  if (safety.length > 0) {
    const rank = (id: SafetySymptom) => SAFETY.findIndex((s) => s.id === id)
    out.safety = safety.map((s) => s.id).sort((a, b) => rank(a) - rank(b))[0]!
  } else if (cueSpans(text, SAFETY).some((s) => s.negated)) out.safetyDenied = true
  if (wantsRepairNow(text)) out.wantsRepairNow = true
  if (TRIED_ZH.test(text) || TRIED_EN.test(text)) out.alreadyTried = true
  if (REPLACEMENT.test(text)) out.asksReplacement = true
  if (ASKS_IF_FAULTY.test(text)) out.asksIfFaulty = true
  if (HYPOTHETICAL.test(text)) out.hypothetical = true
  if (POLICY.test(text)) out.asksPolicy = true
  if (NO_5G.test(text)) out.missingNetwork = '5G'
  if (reportsFixed(text)) out.fixed = true
  if (KEEP_USING.test(text) && /(吗|么|嘛|[?？])/.test(text)) out.asksKeepUsing = true
  return out
}

/**
 * Is a troubleshooting step (shop data) the stop-use advice for a safety symptom ("If the battery is
 * swollen … stop using it")? A customer who ruled those symptoms out is not given it as a fix.
 */
export function isSafetyStep(step: string): boolean {
  return SAFETY.some((s) => s.re.test(step))
}
