/**
 * Which of a fault's troubleshooting steps (or diagnostic questions) a customer's message covers:
 * "放回盒子充了十分钟 也重新配对了" covers "把两只耳机放回充电盒充电10分钟" and "…恢复出厂，再重新配对";
 * "tried the original charger, cleaned the port" covers "Use the original charger…" and "…clean the
 * charging port…". A step counts when the message shares one of its *actions* (original charger, another
 * cable or plug, clean, restart, hold power, charge for a while, re-pair, reset, update, safe mode…) or
 * enough distinctive words; an action the customer negates ("没用原装充电器", "haven't reset it") does not
 * count. Words of the symptom itself (`ignore`) never count: describing the problem is not trying a fix.
 */
import { cueSpans } from './negation.js'

type Action = { id: string; re: RegExp }

/** Troubleshooting actions in both languages, read on lower-cased text. */
const ACTIONS: Action[] = [
  {
    id: 'original_charger',
    re: /(原装(的)?(充电器|适配器|充电头|数据线|线|充电线|底座|充电底座|电源)|\boriginal (\w+ )?(charger|adapter|cable|dock|plug|power supply)\b)/,
  },
  {
    id: 'other_cable',
    re: /(换(了|一|过)?(根|条|个)?(别的|其他|新的?)?(线|数据线|充电线|usb-?c线|插头|插座|墙插|充电头|usb口|usb插头|口)|(数据线|充电线|插头|插座|充电头)(已经|也|都)?换(过|了)|另一根|另一个(插头|插座|口|充电板|无线充)|换(了|过)?(个|一个)?(别的|其他的?|新的?)?(无线)?(充电板|无线充|充电底座|底座)|其他(的)?(线|插头|插座|充电器)|\b(another|different|other|new|second) (usb |wall |power |fast-charging |wireless |charging )?(cable|plug|socket|outlet|port|charger|adapter|pad|charging pad|dock|stand)s?\b|\b(swapped|changed|switched) (the )?(cable|plug|socket|charger|adapter)s?\b)/,
  },
  {
    id: 'clean',
    re: /(清理|清洁|擦(干净|干|拭|了|过|一下)?|刷(干净|了|过)|吹(了|过)?灰|干净|\bclean(ed|ing)?\b|\bwip(e|ed|ing)\b|\bbrush(ed|ing)?\b|\bdried\b|\bdry (the|it|them)\b|\blint\b)/,
  },
  {
    id: 'restart',
    re: /(重启|强制重启|重新启动|关机再开|开关机|\brestart(ed|ing)?\b|\breboot(ed|ing)?\b|\bforce[- ]?restart(ed)?\b|\bturn(ed)? it off and on\b)/,
  },
  {
    id: 'hold_power',
    re: /(长按(了)?(电源|开机|侧边|背面)?(键|按键|按钮)?|放电|\bhold(ing)? (down )?(the )?(power|side|button)|\bheld (down )?(the )?(power|side|button)|\bdrain(ed)? (the )?(residual )?power\b)/,
  },
  {
    id: 'charge_time',
    re: /(充(电|了|着)?.{0,3}(\d+|[一二两三四五六七八九十半几]+)(个)?(多)?(分钟|小时|钟头)|放(了|着)?.{0,3}(\d+|[一二两三四五六七八九十半几]+)(个)?(多)?(分钟|小时|钟头)|充了?(好久|很久|一晚|一夜|一整晚|一晚上)|\bcharg\w* (it |them )?(for )?(\d+|half an|an|a few|a couple of|one|two|all|over)\s*(min|minutes|hours?|night|day)|\bovernight\b|\bleft it (charging|on the charger|plugged in)|\b(\d+|thirty|fifteen|ten) (min|mins|minutes)\b)/,
  },
  {
    id: 'recase',
    re: /(放回.{0,2}(充电)?(盒|仓)|(back|put them|put it) (back )?in(to)? (the |its )?(charging )?case)/,
  },
  {
    id: 'repair_pairing',
    re: /(重新配对|重连|重新连接|忘记(此|这个|该)?设备|删除设备|取消配对|\bre-pair(ed|ing)?\b|\bforg(et|ot) (the |this )?(device|earbuds|buds|watch)\b|\bunpair(ed)?\b|\bpair(ed)? (it |them )?again\b|\bremove(d)? the device\b)/,
  },
  { id: 'factory_reset', re: /(恢复出厂|出厂设置|重置|\bfactory[- ]reset\b|\breset\b|\bwipe(d)? (it|the phone)\b)/ },
  { id: 'update', re: /(更新|升级|固件|\bupdat(e|ed|ing)\b|\bupgrad(e|ed)\b|\bfirmware\b)/ },
  {
    // "电源加音量减按了十几秒", "held power and volume down": the force-restart combination, told apart
    // from the recovery-mode one (power + volume up) and from holding power alone.
    id: 'power_volume_down',
    re: /(电源(键)?(和|加|与|跟|\+|＋)?音量(减|下|-)|音量(减|下|-)(键)?(和|加|与|跟|\+|＋)电源|\bpower (button )?(and|\+|&|with) volume[- ]?down\b|\bvolume[- ]?down (button )?(and|\+|&|with) power\b)/,
  },
  {
    id: 'power_volume_up',
    re: /(电源(键)?(和|加|与|跟|\+|＋)?音量(加|上|\+)|音量(加|上|\+)(键)?(和|加|与|跟|\+|＋)电源|\bpower (button )?(and|\+|&|with) volume[- ]?up\b|\bvolume[- ]?up (button )?(and|\+|&|with) power\b)/,
  },
  {
    // "强制重启了": a force restart by whatever buttons the device has (the phone's is power + volume down).
    id: 'force_restart',
    re: /(强制重启|\bforce[- ]?restart(ed|ing)?\b)/,
  },
  {
    // "手机安卓14的", "iOS 17": the phone's system version, which a "needs Android 8.0 or later" step checks.
    id: 'os_version',
    re: /((安卓|android|ios|鸿蒙|harmonyos)\s*\d+|系统版本|\bsystem version\b)/,
  },
  {
    // "咖啡洒键盘上了", "spilled water on it": liquid on the device, which a "did you spill anything?"
    // question asks and a "if liquid was spilled…" step is about.
    id: 'spill',
    re: /((洒|泼|撒|溅|倒)(了|到|在|上|过)?.{0,6}(水|咖啡|饮料|茶|奶|液体|可乐|果汁)|(水|咖啡|饮料|茶|奶|液体|可乐|果汁).{0,4}(洒|泼|撒|溅)|\bspill(ed|t)?\b|\bliquid\b)/,
  },
  {
    // "同时还插着手机", "whenever my phone is plugged in too": several devices on one charger, which a
    // "how many devices are plugged in?" question asks.
    id: 'several_devices',
    re: /(同时(还)?(插|充|接|连)(着|了)?|几台设备|多台设备|多个设备|一起(插|充)|\b(is|are) (also )?plugged in (too|as well|at the same time)\b|\bplugged in (too|as well|at the same time)\b|\bdevices (are )?plugged in\b|\b(two|several|multiple|\d) devices\b)/,
  },
  {
    // "洗热水澡戴着", "wore it in the sauna": hot water or steam, beyond a water rating; a "did you wear it
    // in a hot shower?" question asks it.
    id: 'hot_water',
    re: /(热水|温泉|桑拿|汗蒸|蒸汽|\bhot (shower|water|spring|tub|bath)s?\b|\bsauna\b|\bsteam( room)?\b|\bjacuzzi\b)/,
  },
  {
    // "后台都关了", "restricted background activity": background apps closed or limited (battery drain).
    id: 'background_apps',
    re: /((关|清|杀|限制|禁止)(了|掉|闭)?.{0,3}后台|后台.{0,4}(关|清|杀|限制|禁)|\b(close[ds]?|closing|kill(ed)?|restrict(ed)?|limit(ed)?|turn(ed)? off|stopp?(ed)?) (all )?(the )?(apps? in the )?background\b|\bbackground (apps?|activity|refresh)\b.{0,15}\b(off|closed|restricted|killed|disabled)\b)/,
  },
  {
    // "亮度也调低了", "lowered the brightness": screen brightness or refresh rate turned down.
    id: 'brightness',
    re: /((调低|降低|调暗|调小|减少|降了).{0,4}(亮度|刷新率)|(亮度|刷新率).{0,4}(调低|降低|调暗|调小|调到|调了|降了|低了)|\b(lower(ed)?|reduc(e|ed)|dimm?(ed)?|turn(ed)? down) (the )?(screen )?(brightness|refresh rate)\b|\b(brightness|refresh rate)\b.{0,12}\b(down|lower(ed)?|reduced)\b)/,
  },
  {
    // "等定位好了才开始跑", "waited for the GPS to lock": the wait-for-a-fix step of a GPS fault.
    id: 'gps_fix',
    re: /(等(待)?(定位|gps|搜星|星)|定位(好|成功|稳定)(了)?(再|才)|\bwait(ed|ing)? (for|until) (the )?(gps|fix|lock|signal)|\bgps (lock|locked|fix)(ed)?\b)/,
  },
  {
    // "多点连接也关了", "multipoint is off": the two-device connection setting of earbuds.
    id: 'multipoint',
    re: /(多点连接|双设备连接|双连接|一拖二|\bmulti-?point\b|\bdual[- ]connection\b)/,
  },
  {
    // "手机就在前面口袋里", "phone in my front pocket": the phone kept close, on the earbuds' side.
    id: 'phone_close',
    re: /(同侧|前(面|边)?的?(裤子?)?(口袋|兜)|手机.{0,4}(就在|拿在|放在)?(手里|手上|旁边|身边|很近)|\bsame side\b|\bfront pocket\b|\bclose by\b|\bin my hand\b|\bright next to me\b)/,
  },
  {
    // "戴得挺紧的", "worn snug": how the watch is worn, which the fit step of a sensor fault is about.
    id: 'wear_fit',
    re: /(戴(得|的)?(很|挺|比较|够|蛮|也)?(紧|松紧|合适)|松紧|戴紧|\b(worn|wear(ing)? it|it fits|fits) (quite |pretty |really |very )?(tight|snug|firmly|properly)\b|\bsnug\b|\btight(ened)? (the )?strap\b)/,
  },
  {
    // "换左手戴也一样", "tried the other wrist": a test beyond the guide of a sensor fault.
    id: 'other_wrist',
    re: /(换(了|到)?(个|一个|另一只|另一个)?(左|右|另)?(手(?![机表柄环])|手腕|腕)(戴|上)?|\b(other|left|right) (wrist|arm)\b|\bswitch(ed)? wrists\b)/,
  },
  { id: 'safe_mode', re: /(安全模式|\bsafe mode\b)/ },
  { id: 'recovery_mode', re: /(恢复模式|\brecovery mode\b)/ },
  { id: 'airplane', re: /(飞行模式|\b(airplane|aeroplane|flight) mode\b)/ },
  { id: 'battery_care', re: /(电池养护|养护模式|\bbattery care\b)/ },
  { id: 'audio_balance', re: /(音频平衡|声道平衡|单声道|\b(audio|sound) balance\b|\bmono audio\b)/ },
  { id: 'ear_tips', re: /(耳塞套|耳帽|\bear ?tips?\b)/ },
  {
    id: 'remove_case',
    re: /((取下|摘(了|掉)?|去掉|拿掉|脱掉)(了)?(手机)?(壳|保护壳|厚壳)|\b(took|take|taken|taking|remov(e|ed|ing)) (off )?(the |my |its |any |thick |phone )*(cases?|covers?)\b|\b(cases?|covers?) off\b|\bwithout (the |a )?case\b)/,
  },
  { id: 'network_reset', re: /(重置网络|网络重置|网络设置|\b(reset|resetting) (the )?network\b|\bnetwork reset\b)/ },
  { id: 'driver', re: /(驱动|\bdrivers?\b)/ },
  { id: 'performance_mode', re: /(性能模式|均衡模式|安静模式|\bperformance mode\b|\bbalanced mode\b)/ },
  { id: 'sim', re: /(sim卡|\bsim\b)/ },
  { id: 'low_current', re: /(小电流|\blow[- ]current\b)/ },
  { id: 'game_mode', re: /(游戏模式|低延迟|\bgame mode\b|\blow latency\b)/ },
  { id: 'dnd', re: /(勿扰|\bdo not disturb\b|\bdnd\b)/ },
  { id: 'fit_test', re: /(贴合度|\bfit test\b)/ },
]

/**
 * Actions that name one particular fix (safe mode, battery care, audio balance…). A step with one of
 * these is covered only when the customer names it: "restarted" does not cover "hold Power and Volume
 * Up to enter recovery mode and choose Reboot".
 */
const SPECIFIC = new Set([
  'power_volume_down',
  'hot_water',
  'several_devices',
  'power_volume_up',
  'os_version',
  'spill',
  'recovery_mode',
  'safe_mode',
  'airplane',
  'battery_care',
  'audio_balance',
  'ear_tips',
  'remove_case',
  'network_reset',
  'driver',
  'performance_mode',
  'sim',
  'low_current',
  'game_mode',
  'dnd',
  'fit_test',
  'multipoint',
  'wear_fit',
  'other_wrist',
  'factory_reset',
  'repair_pairing',
])

/** What happened to the device rather than a fix: it answers a question, never covers a step. */
const CONDITIONS = new Set(['spill', 'hot_water', 'several_devices'])

/** Words too common in troubleshooting talk to show which step was meant. */
const STOP_ZH = new Set(
  '还是 已经 试了 试过 也试 都试 没用 一下 然后 不行 没有 可以 是否 是不 不是 就是 时候 什么 怎么 这个 那个 一个 我的 了一 了也 也没 还没 没反 反应 设置 手机 耳机 电脑 手表 充电 电源 需要 请在 仍无 仍然 送修 检测 以上'.split(
    ' ',
  ),
)
const STOP_EN = new Set(
  'the and for with that this then have tried still nothing not does did didn your you are was were from into when what which also just but still again after before while until more less very really any all one two both using used use try check make sure need needs repair phone laptop watch earbu buds charg power lapto'.split(
    ' ',
  ),
)

function stems(text: string): Set<string> {
  const out = new Set<string>()
  for (const w of text.replace(/(?<=[a-z])-(?=[a-z])/g, ' ').match(/[a-z][a-z0-9'-]*/g) ?? []) {
    if (w.length < 3) continue
    const s = w.replace(/'s$/, '').slice(0, 5)
    if (!STOP_EN.has(s) && !STOP_EN.has(w)) out.add(s)
  }
  for (const run of text.match(/[\u4e00-\u9fff]+/g) ?? [])
    for (let i = 0; i + 1 < run.length; i++) {
      const b = run.slice(i, i + 2)
      if (!STOP_ZH.has(b)) out.add(b)
    }
  return out
}

function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[“”"「」]/g, ' ')
}

/**
 * "设置里抬腕亮屏开着的", "turned off auto brightness": a clause saying a setting is on or off. Its words
 * count against the steps even where they also describe the symptom (the setting is named after it).
 */
const SETTING_STATE =
  /(开着|是开的|(是)?(打开|开启)(的|着)|(打|已|已经)?开(了|启了)|关(了|掉了|闭了|着)|是关的|没开|\b(is|are|was|were) (on|off|enabled|disabled)\b|\bturned (it |them )?(on|off)\b|\bswitched (on|off)\b|\b(enabled|disabled)\b)/

function settingStateWords(text: string): Set<string> {
  const out = new Set<string>()
  for (const clause of text.split(/[，,。.!！?？;；]+|(?<=[\u4e00-\u9fff])\s+|\s+(?=[\u4e00-\u9fff])/))
    if (SETTING_STATE.test(clause)) for (const w of stems(clause)) out.add(w)
  return out
}

function actionsOf(text: string): Set<string> {
  const t = fold(text)
  const out = new Set<string>()
  for (const a of ACTIONS) if (a.re.test(t)) out.add(a.id)
  return out
}

/**
 * Indices of `steps` the message covers, in step order. `ignore`: phrases of the symptom itself, whose
 * words and actions do not count as covering a step ("keeps restarting" is the problem, not a fix
 * tried). `minWords`: distinctive words to share without a shared action (default 2).
 */
export function matchTriedSteps(
  text: string,
  steps: readonly string[],
  opts: { ignore?: readonly string[]; minWords?: number; answers?: boolean } = {},
): number[] {
  const t = fold(text)
  const spans = cueSpans(t, ACTIONS).filter((s) => opts.answers || !CONDITIONS.has(s.id))
  const ignoredActs = new Set<string>()
  const ignored = new Set<string>()
  for (const p of opts.ignore ?? []) {
    for (const a of actionsOf(p)) ignoredActs.add(a)
    for (const w of stems(fold(p))) ignored.add(w)
  }
  const said = new Set(spans.filter((s) => !s.negated && !ignoredActs.has(s.id)).map((s) => s.id))
  // A force restart on a phone is the power + volume-down combination.
  if (said.has('force_restart')) said.add('power_volume_down')
  // Words inside a negated action ("没用原装充电器") say nothing was tried.
  let kept = t
  for (const s of spans) if (s.negated) kept = kept.slice(0, s.start) + ' '.repeat(s.end - s.start) + kept.slice(s.end)
  const words = new Set([...stems(kept)].filter((w) => !ignored.has(w)))
  for (const w of settingStateWords(kept)) words.add(w)
  const minWords = opts.minWords ?? 2
  const out: number[] = []
  steps.forEach((step, i) => {
    const acts = [...actionsOf(step)].filter((a) => opts.answers || !CONDITIONS.has(a))
    const specific = acts.filter((a) => SPECIFIC.has(a))
    if ((specific.length > 0 ? specific : acts).some((a) => said.has(a))) {
      out.push(i)
      return
    }
    // A step naming one particular fix is covered only by naming that fix, not by shared words
    // ("电源键跟音量下" shares 电源键 / 音量 with the recovery-mode step but is the force restart).
    if (specific.length > 0 && [...said].some((a) => SPECIFIC.has(a) && !acts.includes(a))) return
    let shared = 0
    for (const w of stems(fold(step))) if (words.has(w)) shared++
    if (shared >= minWords) out.push(i)
  })
  return out
}

/**
 * How many actions the message says were tried that none of `steps` names ("restarted twice" beside
 * the screen steps): the customer went beyond the fault's guide.
 */
export function triedBeyondSteps(
  text: string,
  steps: readonly string[],
  opts: { ignore?: readonly string[] } = {},
): number {
  const t = fold(text)
  const ignoredActs = new Set<string>()
  for (const p of opts.ignore ?? []) for (const a of actionsOf(p)) ignoredActs.add(a)
  const named = new Set(steps.flatMap((s) => [...actionsOf(s)]))
  const said = cueSpans(t, ACTIONS).filter((s) => !s.negated && !ignoredActs.has(s.id) && !named.has(s.id))
  return new Set(said.map((s) => s.id)).size
}

/** Does a step ask the customer to do something (not just "if none of this works, it needs a repair")? */
export function isActionStep(step: string): boolean {
  return [...actionsOf(step)].some((a) => !CONDITIONS.has(a))
}

/** A step that ends in a repair: "…needs a repair", "需要送修", "request after-sales". */
const REPAIR_VERDICT =
  /(需要送修|需送修|可送修|需要寄修|送修|寄修|申请售后|\bneeds? (a )?repair( check)?\b|\brequest (a repair|after-sales)\b|\bsend it in\b)/i

/**
 * The conditions of a repair verdict, each alternative on its own: the clauses before the verdict
 * without the last one (which names the cause: "the display cable is usually at fault and"), split at
 * "or" / "或". "If it flickers on the start-up logo too, or gets worse when you move the lid, …" →
 * ["it flickers on the start-up logo too", "gets worse when you move the lid"].
 */
function verdictConditions(step: string): string[] {
  const m = REPAIR_VERDICT.exec(step)
  if (!m) return []
  const clauses = step
    .slice(0, m.index)
    .split(/[,，;；:：]/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0)
  if (clauses.length > 1) clauses.pop()
  return clauses
    .join(' ')
    .replace(/^(if|如果|若|如)\s*/i, '')
    .split(/、或|或者|或|\bor\b/i)
    .map((c) => c.trim())
    .filter((c) => c.length > 0)
}

/**
 * Indices of the steps that are a repair verdict on a condition with nothing to try first ("If it
 * flickers on the start-up logo too, or gets worse when you move the lid, the display cable … needs a
 * repair", "开机logo阶段也闪、或开合屏幕时加重 … 需要送修") whose condition the message already meets:
 * half the distinctive words of one alternative of it, two at least, besides the symptom's own (`ignore`).
 */
export function metRepairVerdicts(
  text: string,
  steps: readonly string[],
  opts: { ignore?: readonly string[] } = {},
): number[] {
  const ignored = new Set<string>()
  for (const p of opts.ignore ?? []) for (const w of stems(fold(p))) ignored.add(w)
  const t = fold(text)
  let kept = t
  for (const s of cueSpans(t, ACTIONS))
    if (s.negated) kept = kept.slice(0, s.start) + ' '.repeat(s.end - s.start) + kept.slice(s.end)
  const words = stems(kept)
  const out: number[] = []
  steps.forEach((step, i) => {
    if (isActionStep(step)) return
    const met = verdictConditions(step).some((c) => {
      const cw = [...stems(fold(c))].filter((w) => !ignored.has(w))
      const shared = cw.filter((w) => words.has(w)).length
      return shared >= 2 && shared * 2 >= cw.length
    })
    if (met) out.push(i)
  })
  return out
}
