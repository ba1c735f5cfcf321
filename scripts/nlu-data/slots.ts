/**
 * Slot pools and surface decorations (greeting prefixes, trailing particles, typos, mixed-in English,
 * casing) used when expanding templates. They are shared by train and test on purpose: they are
 * surface noise, while the sentence skeletons are written separately per split.
 */

import type { Random } from './seeded-random.js'
import type { Locale } from './types.js'

type SlotFn = (r: Random) => string

const list = (...items: string[]): SlotFn => Object.assign((r: Random) => r.pick(items), { items })

const digits = (r: Random, n: number): string => {
  let s = ''
  for (let i = 0; i < n; i++) s += String(r.int(10))
  return s
}

/** Order numbers in the demo shop's format (KF + date + 4 digits), sometimes a generic long number. */
const orderNo: SlotFn = (r) => {
  if (r.chance(0.15)) return `${r.pick(['3', '2', '1'])}${digits(r, 15)}`
  const month = String(1 + r.int(12)).padStart(2, '0')
  const day = String(1 + r.int(28)).padStart(2, '0')
  const no = `KF2026${month}${day}${String(1 + r.int(300)).padStart(4, '0')}`
  return r.chance(0.08) ? no.toLowerCase() : no
}

const phoneNo: SlotFn = (r) => `1${r.pick(['38', '39', '58', '86', '37', '52', '77'])}${digits(r, 8)}`
const enPhone: SlotFn = (r) =>
  r.pick([`07${digits(r, 3)} ${digits(r, 6)}`, `(${digits(r, 3)}) 555-${digits(r, 4)}`, `+44 7${digits(r, 9)}`])
const trackingNo: SlotFn = (r) =>
  r.pick([`SF${digits(r, 13)}`, `YT${digits(r, 13)}`, `75${digits(r, 12)}`, `JT${digits(r, 13)}`])
const enTracking: SlotFn = (r) =>
  r.pick([`1Z${digits(r, 6)}A${digits(r, 9)}`, `JD${digits(r, 18)}`, `RM${digits(r, 9)}GB`, `SF${digits(r, 13)}`])

export const zhSlots: Record<string, SlotFn> = {
  product: list(
    '羽绒服',
    'X2 Pro',
    'X2 Pro手机',
    '蓝牙耳机',
    '无线耳机',
    '笔记本电脑',
    '卫衣',
    '运动鞋',
    '牛仔裤',
    '充电宝',
    '智能手表',
    '双肩包',
    '连衣裙',
    '羊毛大衣',
    '保温杯',
    '机械键盘',
    '平板',
    '冲锋衣',
    '这款',
    '这个',
  ),
  garment: list(
    '羽绒服',
    '卫衣',
    '牛仔裤',
    '连衣裙',
    '羊毛大衣',
    '冲锋衣',
    'T恤',
    '衬衫',
    '毛衣',
    '休闲裤',
    '外套',
    '裙子',
  ),
  device: list(
    '耳机',
    '蓝牙耳机',
    'X2 Pro',
    '手机',
    '笔记本',
    '笔记本电脑',
    '智能手表',
    '充电宝',
    '平板',
    '蓝牙音箱',
    '键盘',
    '鼠标',
    '电脑',
  ),
  wearable: list('耳机', '智能手表', '手环', '运动耳机', '蓝牙耳机', '手表'),
  order: orderNo,
  size: list('S', 'M', 'L', 'XL', 'XXL', 'M码', 'L码', 'XL码', '170/92A', '175/96A', '均码', 'S码', '165/88A', '2XL'),
  shoe: list('38码', '39', '40码', '41码', '42', '43码', '37码', '44'),
  color: list(
    '黑色',
    '白色',
    '红色',
    '藏青色',
    '卡其色',
    '灰色',
    '粉色',
    '米白色',
    '军绿色',
    '深蓝',
    '酒红色',
    '银色',
    '星空黑',
  ),
  amount: list('199', '299元', '1299', '¥89', '59块', '4999', '2599元', '39.9', '128块', '三百多', '200块', '6999'),
  height: list('155', '160', '163cm', '165', '168', '170', '172cm', '175', '178', '180', '183', '一米七', '一米六'),
  weight: list('90斤', '100斤', '110斤', '120斤', '130斤', '140斤', '150斤', '160斤', '55kg', '65kg', '70公斤', '80kg'),
  city: list(
    '北京',
    '上海',
    '广州',
    '深圳',
    '成都',
    '杭州',
    '武汉',
    '西安',
    '南京',
    '重庆',
    '乌鲁木齐',
    '拉萨',
    '哈尔滨',
    '三亚',
  ),
  courier: list('顺丰', '中通', '圆通', '韵达', '京东快递', '邮政', 'EMS', '申通', '极兔'),
  date: list('昨天', '前天', '上周五', '上周', '11号', '双十一那天', '三天前', '上个月底', '周一', '大前天'),
  n: list('2', '3', '两', '三', '5', '十'),
  days: list('3', '5', '7', '10', '三', '五', '好几', '两', '四'),
  phone: phoneNo,
  tracking: trackingNo,
  coupon: list('满300减50的券', '满199减20', '新人券', '20元优惠券', '店铺券', '品类券', '会员券', '无门槛券'),
  event: list('双十一', '618', '双十二', '年货节', '会员日', '38节', '黑五'),
  payment: list('支付宝', '微信', '花呗', '信用卡', '银联', '京东白条', 'PayPal', 'Apple Pay', '储蓄卡', '云闪付'),
  recipient: list('女朋友', '男朋友', '我妈', '我爸', '老婆', '老公', '同事', '闺蜜', '儿子', '女儿', '领导', '爷爷'),
}

export const enSlots: Record<string, SlotFn> = {
  product: list(
    'down jacket',
    'X2 Pro',
    'X2 Pro phone',
    'earbuds',
    'wireless earbuds',
    'laptop',
    'hoodie',
    'running shoes',
    'jeans',
    'power bank',
    'smartwatch',
    'backpack',
    'dress',
    'wool coat',
    'water bottle',
    'mechanical keyboard',
    'tablet',
    'rain jacket',
    'puffer jacket',
  ),
  garment: list(
    'down jacket',
    'hoodie',
    'jeans',
    'dress',
    'wool coat',
    'rain jacket',
    't-shirt',
    'shirt',
    'sweater',
    'jumper',
    'trousers',
    'puffer',
    'leggings',
  ),
  device: list(
    'earbuds',
    'X2 Pro',
    'phone',
    'laptop',
    'smartwatch',
    'power bank',
    'tablet',
    'bluetooth speaker',
    'keyboard',
    'mouse',
    'headphones',
    'charger',
  ),
  wearable: list('earbuds', 'smartwatch', 'fitness band', 'sports earbuds', 'watch', 'headphones'),
  order: (r) => (r.chance(0.15) ? `#${orderNo(r)}` : orderNo(r)),
  size: list('S', 'M', 'L', 'XL', 'XXL', 'small', 'medium', 'large', 'size 8', 'size 10', 'UK 12', 'EU 38', 'XS'),
  shoe: list('UK 8', 'US 9', 'EU 42', 'size 10', '9.5', 'EU 39', 'UK 6', 'US 11'),
  color: list(
    'black',
    'white',
    'red',
    'navy',
    'beige',
    'grey',
    'gray',
    'pink',
    'olive green',
    'dark blue',
    'burgundy',
    'silver',
    'midnight black',
    'cream',
  ),
  amount: list('$49', '$129.99', '£30', '£250', '€80', '199 yuan', '$15', '$999', '20 bucks', '£12.50', '$300'),
  height: list('5\'4"', "5'9", '6ft', "6'2", '170cm', '165 cm', '180cm', '5 foot 7', '158cm', '5ft 11'),
  weight: list('120 lbs', '150lbs', '180 pounds', '65kg', '80 kg', '11 stone', '9st', '200lb', '58kg'),
  city: list(
    'London',
    'Manchester',
    'New York',
    'Chicago',
    'Sydney',
    'Toronto',
    'Dublin',
    'Singapore',
    'Berlin',
    'Texas',
  ),
  courier: list('DHL', 'UPS', 'FedEx', 'Royal Mail', 'USPS', 'SF Express', 'Evri', 'DPD', 'Canada Post', 'the courier'),
  date: list(
    'yesterday',
    'last Monday',
    'last week',
    'on Friday',
    'two days ago',
    'on the 3rd',
    'on Black Friday',
    'last month',
  ),
  n: list('2', '3', 'two', 'three', '5', '10'),
  days: list('3', '5', '7', '10', 'three', 'five', 'two', '4'),
  phone: enPhone,
  tracking: enTracking,
  coupon: list('WELCOME10', 'SAVE20', 'discount code', 'promo code', 'voucher', 'coupon', 'student discount code'),
  event: list(
    'Black Friday',
    'Cyber Monday',
    "Singles' Day",
    'Boxing Day',
    'the summer sale',
    'the Christmas sale',
    'Prime Day',
  ),
  payment: list(
    'PayPal',
    'Apple Pay',
    'Google Pay',
    'Visa',
    'Mastercard',
    'Amex',
    'Klarna',
    'a debit card',
    'Alipay',
    'WeChat Pay',
  ),
  recipient: list(
    'my girlfriend',
    'my boyfriend',
    'my mum',
    'my mom',
    'my dad',
    'my wife',
    'my husband',
    'a coworker',
    'my sister',
    'my son',
    'my boss',
    'my nephew',
  ),
}

/** Fills `[a|b|c]` alternations and `{slot}` placeholders. Unknown slots are a bug in the fragments. */
export function fillTemplate(template: string, locale: Locale, r: Random): string {
  const slots = locale === 'zh' ? zhSlots : enSlots
  const withAlternatives = template.replace(/\[([^[\]]*)\]/g, (_m, body: string) => r.pick(body.split('|')))
  const filled = withAlternatives.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const fn = slots[name]
    if (!fn) throw new Error(`unknown slot {${name}} in template: ${template}`)
    return fn(r)
  })
  // Empty alternatives leave doubled spaces or a space before a comma; tidy them.
  return filled
    .replace(/ {2,}/g, ' ')
    .replace(/ +([,.!?，。？！])/g, '$1')
    .replace(/([，,])[，,]+/g, '$1')
    .trim()
}

/** Lists every slot name a template uses, so the generator can reject unknown ones early. */
export function slotNames(locale: Locale): string[] {
  return Object.keys(locale === 'zh' ? zhSlots : enSlots)
}

export const zhPrefixes = [
  '亲，',
  '亲亲，',
  '你好，',
  '您好，',
  '客服，',
  '在吗？',
  '喂，',
  '哈喽，',
  'hello，',
  '老板，',
  '问一下，',
  '请问',
  '麻烦问下，',
  '那个，',
  '嗯，',
  'hi ',
  '亲 ',
]
export const zhSuffixes = [
  '？',
  '?',
  '？？',
  '呀',
  '呢',
  '哈',
  '啊',
  '谢谢',
  '，谢谢亲',
  '😭',
  '🙏',
  '😅',
  '🤔',
  '！',
  '!!!',
  '，急',
  '，在线等',
  '～',
  '。',
  ' 🙏🙏',
]

/** Typos, homophone slips and mixed-in English/pinyin real customers type. */
export const zhTypos: [string, string][] = [
  ['订单', '定单'],
  ['物流', '物留'],
  ['退款', '退宽'],
  ['怎么', '肿么'],
  ['怎么', '咋'],
  ['什么', '啥'],
  ['没有', '木有'],
  ['快递', '快第'],
  ['发货', '法货'],
  ['地址', '地止'],
  ['发票', '发漂'],
  ['优惠券', '优惠卷'],
  ['尺码', '尺吗'],
  ['颜色', '颜涩'],
  ['收到', '收倒'],
  ['耳机', '耳几'],
  ['充电', '冲电'],
  ['已经', '以经'],
  ['可以', '可已'],
  ['喜欢', '稀饭'],
  ['谢谢', '3q'],
  ['尺码', 'size'],
  ['退款', 'refund'],
  ['发票', 'invoice'],
  ['优惠', 'discount'],
  ['快递', '快递tracking'],
  ['客服', 'kefu'],
  ['现货', 'xianhuo'],
  ['有没有', '有木有'],
  ['是不是', '系不系'],
]

export const enPrefixes = [
  'hi ',
  'hi, ',
  'hello, ',
  'hey ',
  'Hi there, ',
  'excuse me, ',
  'um ',
  'quick question: ',
  'good morning, ',
  'yo ',
  'sorry to bother you but ',
  'Hello. ',
  'ok so ',
  'hiya, ',
  'Hey team, ',
]
export const enSuffixes = [
  '?',
  '??',
  ' thanks',
  ' thx',
  ' pls',
  ' please',
  '!!!',
  ' 😡',
  ' 🙏',
  ' asap',
  ' cheers',
  ' ty',
  ' 🙂',
  '...',
  ' 😭',
  '.',
]
export const enTypos: [string, string][] = [
  ['where', 'were'],
  ['order', 'oder'],
  ['refund', 'refnd'],
  ['received', 'recieved'],
  ['address', 'adress'],
  ['please', 'pls'],
  ['you', 'u'],
  ['your', 'ur'],
  ['cancel', 'cancle'],
  ['delivery', 'delivary'],
  ['package', 'pakage'],
  ['tracking', 'traking'],
  ['invoice', 'invioce'],
  ['because', 'bc'],
  ['really', 'rly'],
  ['tomorrow', 'tmrw'],
  ['definitely', 'definately'],
  ['warranty', 'warrenty'],
  ['jacket', 'jaket'],
  ['what', 'wat'],
  ['thanks', 'thx'],
  ['color', 'colour'],
  ['canceled', 'cancelled'],
  ['favorite', 'favourite'],
  ['mom', 'mum'],
  ['are', 'r'],
  ["doesn't", 'doesnt'],
  ["don't", 'dont'],
  ["can't", 'cant'],
  ["I'm", 'im'],
  ['receive', 'recieve'],
  ['charge', 'charg'],
  ['available', 'availble'],
  ['shipping', 'shiping'],
]

const endsWithPunct = /[\p{P}\p{Extended_Pictographic}]\s*$/u

/** Adds realistic surface noise to a filled template; `rate` scales how much noise is applied. */
export function decorate(text: string, locale: Locale, r: Random): string {
  let out = text
  const typos = locale === 'zh' ? zhTypos : enTypos
  if (r.chance(0.3)) {
    const applicable = typos.filter(([from]) => out.includes(from))
    if (applicable.length > 0) {
      const [from, to] = r.pick(applicable)
      out = out.replace(from, to)
    }
  }
  if (r.chance(0.25)) {
    const prefix = r.pick(locale === 'zh' ? zhPrefixes : enPrefixes)
    if (locale === 'en' && !/^(I |I'|X2)/.test(out)) out = out.charAt(0).toLowerCase() + out.slice(1)
    out = prefix + out
  }
  if (r.chance(0.3) && !endsWithPunct.test(out)) out += r.pick(locale === 'zh' ? zhSuffixes : enSuffixes)
  if (locale === 'en') {
    const c = r.next()
    if (c < 0.25) out = out.toLowerCase()
    else if (c < 0.29) out = out.toUpperCase()
  }
  return out
}

export const zhPreamblesTrain = [
  '我跟你说哈，我平时网购挺多的，很少找客服，今天实在是没办法了，',
  '不好意思打扰一下，我先说下情况，我是你们家的老顾客了，买过好几次东西，一直都挺满意的，',
  '你好，我这边情况有点复杂，之前问过一次但是那个客服说得不太清楚，我再从头描述一遍哈，',
  '我打字比较慢，你们耐心看完哈，这是给我家里人买的，他们不太会用手机所以都是我来操作，',
  '亲，先跟你说声抱歉，我可能问题比较多，因为是第一次在你们店里买东西，很多规则都不太懂，',
  '是这样的，我最近工作特别忙，每天加班到很晚，好不容易有空来处理一下这个事情，',
]
export const zhPreamblesTest = [
  '打扰啦，我是上个月在你们直播间下单的，那时候主播说了好多东西，我也没记太清楚，',
  '你们好，我在外地出差，用的是同事的电脑上网，家里那边的情况我也不是很清楚，只能来问问你们，',
  '嗯…怎么说呢，这件事我纠结了好几天了，本来不想麻烦你们的，但是我家里人一直催我来问问，',
]
/** Middle context so lengthened Chinese messages really run past 100 characters. */
export const zhContextTrain = [
  '之前也在别的店买过类似的东西，体验都不太好，所以这次特意挑了你们家，结果还是遇到了点问题，',
  '我白天上班不方便看手机，只能晚上下班回来再处理，所以回复可能会慢一点，请多担待，',
  '家里老人小孩都等着用，我这边也不想拖太久，想尽快弄清楚，省得来回折腾，',
  '我问了身边几个朋友他们也说不清楚，网上搜了一圈说法也不一样，只好直接来问你们了，',
]
export const zhContextTest = [
  '我这人比较较真，什么事都想先问清楚再说，免得后面有误会，大家都不愉快，',
  '说实话我对网购流程不太熟，以前都是我老公弄的，这次他出差了只能我自己来，',
]
export const zhClosersTrain = [
  '，麻烦尽快回复我一下，谢谢了',
  '，等你们回复，辛苦了',
  '，我在线等，挺着急的',
  '，请帮我看一下，谢谢亲',
]
export const zhClosersTest = ['，看到了回我一下哈，感谢感谢', '，拜托了，真的挺急的']

export const enPreamblesTrain = [
  "I've been a customer for years and I almost never contact support, but I really need some help today. ",
  "Sorry if this is a long message, I'm typing on my phone on the train so bear with me. ",
  "Hi, so I already looked through the help centre and the FAQ page and couldn't find anything useful, so here goes. ",
  "Okay, long story short, I ordered a few things for my family a while back and I'm juggling a lot right now. ",
  'First time ordering from you guys, a friend recommended your shop and so far it has been fine. ',
]
export const enPreamblesTest = [
  "Apologies in advance, English isn't my first language and I'm not very good with online shopping. ",
  "Right, I've been meaning to message you for a few days but work has been crazy. ",
  'So my sister actually placed this on my account and now I am the one sorting it out. ',
]
export const enClosersTrain = [
  ' Thanks in advance, I would appreciate a quick reply.',
  ' Please get back to me when you can.',
  ' Cheers, hope to hear from you soon.',
]
export const enClosersTest = [' Would be great to sort this today, thank you!', ' Many thanks for your patience.']

/** Wraps a short request in the rambling context real customers type, giving messages over 100 characters. */
export function lengthen(text: string, locale: Locale, split: 'train' | 'test', r: Random): string {
  const core = text.replace(/[\s\p{P}]+$/u, '')
  if (locale === 'zh') {
    const pre = r.pick(split === 'train' ? zhPreamblesTrain : zhPreamblesTest)
    const context = r.pick(split === 'train' ? zhContextTrain : zhContextTest)
    const close = r.pick(split === 'train' ? zhClosersTrain : zhClosersTest)
    return `${pre}${context}${core}${close}`
  }
  const pre = r.pick(split === 'train' ? enPreamblesTrain : enPreamblesTest)
  const close = r.pick(split === 'train' ? enClosersTrain : enClosersTest)
  const body = /^(I |I'|X2)/.test(core) ? core : core.charAt(0).toUpperCase() + core.slice(1)
  return `${pre}${body}.${close}`
}
