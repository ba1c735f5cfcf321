/**
 * A shipping-fee question read from the customer's words: where the parcel goes ("寄拉萨", "my aunt in Macau",
 * "and my cousin in taipei?"), what the basket is worth ("买一件89的T恤", "那我凑到99以上呢"), and whether the
 * fee or the delivery time is asked ("运费多少", "how many days tho"). The skill (skills/shipping-fee.ts)
 * computes the fee from the shop's rates; a follow-up carries the place or the amount of the previous one.
 */

/** Delivery regions with rates of their own, whatever the city named. */
export type ShippingRegion = 'xinjiang' | 'tibet' | 'qinghai' | 'hong_kong' | 'macau' | 'taiwan' | 'overseas'

export interface ShippingQuestion {
  region: ShippingRegion | null
  /** The price named for the basket ("89的T恤" → 89, "凑到99以上" → 99). */
  amount: number | null
  /** "99以上", "over 99": the amount is a floor. */
  amountOrMore: boolean
  /** "运费多少", "how much", "包邮吗". */
  asksFee: boolean
  /** "几天能到", "how many days". */
  asksDays: boolean
  /** "那不用顺丰了 就普通的吧", "regular shipping is fine": no paid carrier upgrade. */
  standardCarrier: boolean
}

const REGIONS: ReadonlyArray<[ShippingRegion, RegExp]> = [
  ['xinjiang', /(新疆|乌鲁木齐|喀什|伊犁|克拉玛依|\bxinjiang\b|\burumqi\b|\bkashgar\b)/i],
  ['tibet', /(西藏|拉萨|日喀则|林芝|\btibet\b|\blhasa\b)/i],
  ['qinghai', /(青海|西宁|\bqinghai\b|\bxining\b)/i],
  ['hong_kong', /(香港|\bhong ?kong\b|\bhk\b)/i],
  ['macau', /(澳门|\bmaca[uo]\b)/i],
  ['taiwan', /(台湾|台北|高雄|台中|台南|\btaiwan\b|\btaipei\b|\bkaohsiung\b|\btaichung\b)/i],
  [
    'overseas',
    /(海外|国外|境外|美国|英国|日本|韩国|新加坡|马来西亚|加拿大|澳洲|澳大利亚|\boverseas\b|\babroad\b|\binternational(ly)?\b|\b(usa|uk|singapore|japan|korea|canada|australia|malaysia)\b)/i,
  ],
]

/** A price: "89的T恤", "89块", "¥89", "99以上", "79元". Not "5-7天", "3件", order numbers. */
const AMOUNT =
  /(?:[¥￥]\s?(\d{1,6}(?:\.\d{1,2})?)|(?<![\d.A-Za-z-])(\d{1,6}(?:\.\d{1,2})?)\s*(?:元|块|rmb|yuan|(?=的)|(?=以上|多|出头|左右))|\b(?:over|above|at least|more than)\s+[¥￥]?(\d{1,6}))/i
const OR_MORE = /(\d\s*(以上|多|出头)|凑(到|够|满)|满\s*\d|\b(over|above|at least|more than)\s+[¥￥]?\d)/i
const FEE =
  /(运费|邮费|快递费|包邮|多少钱|几块|\bshipping\b|\bdelivery (fee|cost|charge)\b|\bhow much\b|\bpostage\b|\bfree delivery\b)/i
const DAYS =
  /(几天|多久|多长时间|多少天|啥时候(能)?到|\bhow (many|long)\b.{0,12}\b(days?|take|arrive)\b|\bhow many days\b|\bhow long\b|\bdays?\b.{0,6}\b(tho|though)\b)/i
const STANDARD =
  /((不用|不要|不加|不升级|不选|算了).{0,4}(顺丰|升级|加急)|普通(的|快递)|默认快递|\b(regular|standard|normal) (shipping|delivery|courier)\b|\bno (sf|upgrade)\b)/i

/** The shipping question in the message, or null when it names none of its parts. */
export function shippingQuestion(raw: string): ShippingQuestion | null {
  const text = raw.trim()
  const region = REGIONS.find(([, re]) => re.test(text))?.[0] ?? null
  const m = AMOUNT.exec(text)
  const amount = m ? Number(m[1] ?? m[2] ?? m[3]) : null
  const q: ShippingQuestion = {
    region,
    amount: amount !== null && Number.isFinite(amount) && amount > 0 ? amount : null,
    amountOrMore: OR_MORE.test(text),
    asksFee: FEE.test(text),
    asksDays: DAYS.test(text),
    standardCarrier: STANDARD.test(text),
  }
  if (!q.region && q.amount === null && !q.asksFee && !q.asksDays && !q.standardCarrier) return null
  return q
}
