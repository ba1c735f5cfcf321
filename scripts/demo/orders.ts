/**
 * Demo orders with shipments. Hand-written persona orders (see docs/demo-shop.md) plus generated
 * orders for every other customer. "Now" for the demo is 2026-11-26 12:00 Beijing time. The persona
 * orders, interest categories and courier names are data: data/demo/sources/orders.yaml.
 */
import type { Order, OrderItem, Product, Shipment, TrackingEvent } from '../../src/core/domain/schemas.js'
import { readSource } from '../read-source.js'
import type { DemoCustomer } from './customers.js'
import { CITY_DATA, type City, RELAY } from './geo.js'
import { makeRandom } from './lib.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** The demo's "now": every timestamp is before it, ETAs of in-transit parcels are after it. */
export const NOW = Date.parse('2026-11-26T12:00:00+08:00')
const MONTH_START = Date.parse('2026-11-01T08:00:00+08:00')

type Status = Order['status']
type Track = 'in_transit' | 'delivered' | 'delayed' | 'exception'
type Exception = 'lost' | 'damaged' | 'address' | 'returned'
type Line = { sku: string; qty?: number; size?: string; color?: string }

/** What an order should look like; the generator fills in dates, address and tracking. */
type Plan = {
  customerId: string
  status: Status
  track?: Track
  exception?: Exception
  lines?: Line[]
  /** For refunding/refunded/cancelled: was it shipped and delivered before the refund? */
  shipped?: boolean
  /** Days before NOW for the key moment (delivery, creation…); random when omitted. */
  daysAgo?: number
}

/** Shape of data/demo/sources/orders.yaml. */
type OrderSource = {
  /** Persona orders, fixed so the demo script can rely on them. */
  personaPlans: Plan[]
  /** Profile interest → product categories generated orders draw from. */
  interestCategories: Record<string, string[]>
  /** Courier surnames for delivery scans: [Chinese, English]. */
  couriers: [string, string][]
}
const SOURCE = readSource<OrderSource>('demo/sources/orders.yaml')
export const PERSONA_PLANS = SOURCE.personaPlans
const INTEREST_CATEGORIES = SOURCE.interestCategories
const COURIERS = SOURCE.couriers

const STATUS_WEIGHTS: [Status, number][] = [
  ['completed', 24],
  ['delivered', 17],
  ['shipped', 22],
  ['paid', 8],
  ['pending_payment', 7],
  ['cancelled', 8],
  ['refunding', 7],
  ['refunded', 7],
]

/** Shipped generated orders get these tracks first (in order), then in_transit. */
const GENERATED_SPECIAL: { track: Track; exception?: Exception }[] = [
  { track: 'delayed' },
  { track: 'exception', exception: 'returned' },
  { track: 'delayed' },
  { track: 'exception', exception: 'lost' },
  { track: 'delayed' },
  { track: 'exception', exception: 'address' },
  { track: 'delayed' },
  { track: 'exception', exception: 'damaged' },
  { track: 'delayed' },
  { track: 'delayed' },
  { track: 'exception', exception: 'returned' },
  { track: 'delayed' },
]

const ALL_CATEGORIES = [...new Set(Object.values(INTEREST_CATEGORIES).flat())]

const CARRIERS = {
  sf: { zh: '顺丰速运', en: 'SF Express', prefix: 'SF', digits: 13 },
  zto: { zh: '中通快递', en: 'ZTO Express', prefix: '78', digits: 13 },
  yto: { zh: '圆通速递', en: 'YTO Express', prefix: 'YT', digits: 13 },
  jd: { zh: '京东物流', en: 'JD Logistics', prefix: 'JDV', digits: 12 },
} as const
type CarrierKey = keyof typeof CARRIERS

/** Formats a timestamp in Beijing time with an explicit +08:00 offset, to the second. */
export function bj(ms: number): string {
  return `${new Date(ms + 8 * HOUR).toISOString().slice(0, 19)}+08:00`
}

/** Builds every demo order. Throws if a persona line names an unknown SKU or colour. */
export function buildOrders(customers: DemoCustomer[], products: Product[]): Order[] {
  const rnd = makeRandom(1126)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const between = (a: number, b: number) => a + rnd() * (b - a)
  const bySku = new Map(products.map((p) => [p.sku, p]))
  const byId = new Map(customers.map((c) => [c.id, c]))

  const plans: Plan[] = [...PERSONA_PLANS]
  const personaIds = new Set(PERSONA_PLANS.map((p) => p.customerId))
  let special = 0
  for (const c of customers) {
    if (personaIds.has(c.id)) continue
    const count = 1 + Math.floor(rnd() * rnd() * 5 + rnd() * 1.6)
    for (let k = 0; k < Math.min(count, 5); k++) {
      const status = weighted(rnd, STATUS_WEIGHTS)
      const plan: Plan = { customerId: c.id, status }
      if (status === 'shipped') {
        const s = GENERATED_SPECIAL[special++]
        plan.track = s?.track ?? 'in_transit'
        if (s?.exception) plan.exception = s.exception
        if (s?.exception === 'returned') plan.status = 'refunding'
      }
      if (status === 'refunding' || status === 'refunded') plan.shipped = rnd() < 0.65
      plans.push(plan)
    }
  }

  const orders: (Order & { _t: number })[] = []
  for (const plan of plans) {
    const c = byId.get(plan.customerId)
    if (!c) throw new Error(`plan for unknown customer ${plan.customerId}`)
    const en = c.locale === 'en'
    const lines = plan.lines ?? chooseLines(c)
    const items: OrderItem[] = lines.map((l) => toItem(l, c, en))
    const subtotal = items.reduce((s, i) => s + i.price * i.qty, 0)
    // Shop policy: free shipping from ¥99, otherwise ¥8 (docs/demo-shop.md).
    const total = round2(subtotal + (subtotal >= 99 ? 0 : 8))
    const city = CITY_DATA[c.city]!
    const order: Order & { _t: number } = {
      orderNo: '',
      customerId: c.id,
      status: plan.status,
      items,
      total,
      currency: 'CNY',
      createdAt: '',
      address: address(c, city, en),
      _t: 0,
    }
    const cats = items.map((i) => bySku.get(i.sku)!.category)
    const origin = cats.some((x) => x.startsWith('electronics/')) ? '东莞' : '杭州'
    const carrier: CarrierKey = cats.some((x) => x === 'home/appliance')
      ? 'jd'
      : origin === '东莞' || total >= 500
        ? 'sf'
        : rnd() < 0.5
          ? 'zto'
          : 'yto'
    const route = buildRoute(origin, c.city, city, Number.parseInt(c.id.slice(1), 10))
    const estD = (route.destCity.far ? 2.2 : 1.5) * DAY
    const ago = (days?: number, lo = 0, hi = 1) =>
      days === undefined ? NOW - between(lo, hi) * DAY : NOW - days * DAY - between(0.5, 5) * HOUR

    let created: number
    let paid: number | undefined
    let shipment: Shipment | undefined
    let deliveredAt: number | undefined
    // Checkout to hand-over; nobody checks out at 4 a.m. in the demo, so night orders move to late evening.
    const prep = () => between(2, 34) * HOUR
    const awake = (t: number) => {
      const hr = localHour(t)
      return hr >= 1 && hr < 7 ? t - (hr + 0.5 + rnd()) * HOUR : t
    }
    const payDelay = () => between(1, 25) * 60_000

    /** Hands the parcel over near `start0` and returns the shipment; keeps each track consistent with NOW. */
    const ship = (start0: number, track: Track, exception?: Exception): number => {
      let start = daytime(start0, rnd)
      const schedule = scheduleFor(route, start, rnd)
      const D = schedule.at(-1)!.offset
      // Whole-day shifts keep the time-of-day pattern (and so the schedule) valid.
      if (track === 'in_transit') {
        // At least pick-up, hub arrival and the next hop are scanned before now; later scans
        // (including a delivery that would already have happened) are not shown yet.
        while (start + schedule[2]!.offset >= NOW) start -= DAY
      }
      if (track === 'delivered') while (start + D >= NOW - HOUR) start -= DAY
      if (track === 'delayed') while (endOfDay(start + D) >= NOW - 6 * HOUR) start -= DAY
      const events = eventsFor(schedule, start, track, exception, route, carrier, en, rnd)
      // Keep tracks short enough to read in a chat bubble: drop the origin-hub arrival scan first.
      while (events.length > 8) events.splice(1, 1)
      shipment = {
        carrier: en ? CARRIERS[carrier].en : CARRIERS[carrier].zh,
        trackingNo: trackingNo(carrier, rnd),
        eta: bj(endOfDay(track === 'in_transit' ? Math.max(start + D, NOW) : start + D)),
        status: track,
        events,
      }
      if (track === 'delivered') deliveredAt = Date.parse(shipment.events.at(-1)!.time)
      return start
    }

    switch (plan.status) {
      case 'pending_payment':
        created = ago(plan.daysAgo, 0.02, 0.9)
        break
      case 'paid':
        created = ago(plan.daysAgo, 0.05, 1.6)
        paid = created + payDelay()
        break
      case 'shipped': {
        const track = plan.track ?? 'in_transit'
        let start: number
        if (track === 'in_transit') start = NOW - between(0.8, 1.6) * DAY
        else if (track === 'delayed') start = NOW - estD - between(2, 5) * DAY
        else start = NOW - estD - between(plan.exception === 'lost' ? 4.5 : 1.5, 6) * DAY
        created = ship(start, track, plan.exception) - prep()
        paid = created + payDelay()
        break
      }
      case 'delivered':
      case 'completed': {
        const when = plan.status === 'delivered' ? ago(plan.daysAgo, 0.2, 6.5) : ago(plan.daysAgo, 8, 19)
        created = ship(when - estD, 'delivered') - prep()
        paid = created + payDelay()
        break
      }
      case 'cancelled': {
        created = ago(plan.daysAgo, 1, 24)
        if (rnd() < 0.3) paid = created + payDelay()
        break
      }
      case 'refunding':
      case 'refunded': {
        if (plan.exception === 'returned') {
          created = ship(NOW - estD - between(2, 6) * DAY, 'exception', 'returned') - prep()
          paid = created + payDelay()
        } else if (plan.shipped) {
          const when = plan.status === 'refunding' ? ago(plan.daysAgo, 1, 6) : ago(plan.daysAgo, 6, 18)
          created = ship(when - estD, 'delivered') - prep()
          paid = created + payDelay()
        } else {
          created = plan.status === 'refunding' ? ago(plan.daysAgo, 0.3, 1.5) : ago(plan.daysAgo, 3, 20)
          paid = created + payDelay()
        }
        break
      }
    }
    created = Math.max(awake(created), MONTH_START + between(0, 2) * HOUR)
    if (paid !== undefined) paid = created + payDelay()
    order.createdAt = bj(created)
    order._t = created
    if (paid !== undefined) order.paidAt = bj(paid)
    if (deliveredAt !== undefined) order.deliveredAt = bj(deliveredAt)
    if (shipment) order.shipment = shipment
    orders.push(order)
  }

  // Order numbers: KF + yyyymmdd + a per-day sequence, assigned in creation order.
  orders.sort((a, b) => a._t - b._t)
  const seq = new Map<string, number>()
  for (const o of orders) {
    const day = o.createdAt.slice(0, 10).replaceAll('-', '')
    const n = (seq.get(day) ?? 100 + Math.floor(rnd() * 400)) + 1 + Math.floor(rnd() * 37)
    seq.set(day, n)
    o.orderNo = `KF${day}${String(n).padStart(4, '0')}`
  }
  return orders.map(({ _t, ...o }) => o)

  function chooseLines(c: DemoCustomer): Line[] {
    const interests = c.profile?.interests ?? []
    const n = rnd() < 0.6 ? 1 : rnd() < 0.75 ? 2 : 3
    const lines: Line[] = []
    const used = new Set<string>()
    for (let k = 0; k < n; k++) {
      const pool = interests.flatMap((i) => INTEREST_CATEGORIES[i] ?? [])
      const cat = pool.length && rnd() < 0.75 ? pick(pool) : pick(ALL_CATEGORIES)
      const candidates = products.filter(
        (p) => p.category === cat && !used.has(p.sku) && fitsGender(p, c.profile?.gender),
      )
      if (!candidates.length) continue
      const p = pick(candidates)
      used.add(p.sku)
      const qty = p.price < 100 && rnd() < 0.3 ? 2 : 1
      lines.push({ sku: p.sku, qty })
    }
    if (!lines.length) lines.push({ sku: pick(products).sku })
    return lines
  }

  function toItem(l: Line, c: DemoCustomer, en: boolean): OrderItem {
    const p = bySku.get(l.sku)
    if (!p) throw new Error(`order line names unknown SKU ${l.sku}`)
    const a = p.attributes as Record<string, unknown>
    const item: OrderItem = {
      sku: p.sku,
      qty: l.qty ?? 1,
      price: p.price,
      title: en ? String(a.titleEn) : p.title,
    }
    const colors = (a.colors as string[] | undefined) ?? []
    const colorsEnList = (a.colorsEn as string[] | undefined) ?? []
    if (l.color) {
      if (!colors.includes(l.color) && !colorsEnList.includes(l.color)) {
        throw new Error(`${p.sku} has no colour ${l.color}`)
      }
      item.color = l.color
    } else if (colors.length > 1 || p.category.startsWith('apparel') || p.category.startsWith('shoes')) {
      const i = Math.floor(rnd() * colors.length)
      item.color = en ? colorsEnList[i]! : colors[i]!
    }
    const sizes = (a.sizes as string[] | undefined) ?? []
    if (l.size) {
      if (!sizes.includes(l.size)) throw new Error(`${p.sku} has no size ${l.size}`)
      item.size = en && Array.isArray(a.sizesEn) ? String(a.sizesEn[sizes.indexOf(l.size)]) : l.size
    } else if (sizes.length) {
      const s = p.sizeChart ? sizeFor(p, c) : pick(sizes)
      item.size = en && Array.isArray(a.sizesEn) ? String(a.sizesEn[sizes.indexOf(s)]) : s
    }
    return item
  }

  function sizeFor(p: Product, c: DemoCustomer): string {
    const rows = p.sizeChart!.rows
    const h = c.profile?.heightCm
    const w = c.profile?.weightKg
    if (!h || !w || p.sku === 'DJ-1019' || p.sku === 'SN-1013') return rows[Math.floor(rnd() * rows.length)]!.size
    if (rows[0]!.footLengthMm) {
      const foot = h * (c.profile?.gender === 'female' ? 0.147 : 0.151)
      const row = rows.find((r) => foot <= r.footLengthMm![1]) ?? rows.at(-1)!
      return row.size
    }
    const row = rows.find(
      (r) => (r.weightKg ? w <= r.weightKg[1] : true) && (r.heightCm ? h <= r.heightCm[1] + 3 : true),
    )
    return (row ?? rows.at(-1)!).size
  }
}

function fitsGender(p: Product, gender: string | undefined): boolean {
  const g = (p.attributes as Record<string, unknown>).gender
  if (!g || g === 'unisex' || !gender || gender === 'other') return true
  return (g === 'men' && gender === 'male') || (g === 'women' && gender === 'female')
}

function weighted<T>(rnd: () => number, table: [T, number][]): T {
  const total = table.reduce((s, [, w]) => s + w, 0)
  let r = rnd() * total
  for (const [v, w] of table) {
    r -= w
    if (r < 0) return v
  }
  return table.at(-1)![0]
}

const round2 = (n: number) => Math.round(n * 100) / 100

function address(c: DemoCustomer, city: City, en: boolean): Order['address'] {
  const i = Number.parseInt(c.id.slice(1), 10)
  const dist = city.districts[i % city.districts.length]!
  const no = 100 + ((i * 37) % 1800)
  const bld = 1 + ((i * 7) % 28)
  const room = `${1 + ((i * 3) % 25)}0${1 + (i % 4)}`
  const sameProvince = city.province === `${city.zh}市`
  return en
    ? {
        name: c.name,
        phone: c.phone,
        region: `${dist.en}, ${city.en}${sameProvince ? '' : `, ${city.provinceEn}`}`,
        detail: `Room ${room}, Building ${bld}, No. ${no} ${dist.streetEn}`,
      }
    : {
        name: c.name,
        phone: c.phone,
        region: sameProvince ? `${city.province} ${dist.zh}` : `${city.province} ${city.zh}市 ${dist.zh}`,
        detail: `${dist.street}${no}号 ${bld}栋${room}室`,
      }
}

type Stop = { city: string; kind: 'origin' | 'relay' | 'dest' }
type Route = { origin: string; dest: string; destCity: City; district: string; districtEn: string; stops: Stop[] }

function buildRoute(origin: string, dest: string, destCity: City, districtIndex: number): Route {
  const stops: Stop[] = [{ city: origin, kind: 'origin' }]
  const relay = RELAY[origin]?.[dest]
  if (relay) stops.push({ city: relay, kind: 'relay' })
  if (dest !== origin) stops.push({ city: dest, kind: 'dest' })
  const dist = destCity.districts[districtIndex % destCity.districts.length]!
  return { origin, dest, destCity, district: dist.zh, districtEn: dist.en, stops }
}

type Step = { offset: number; kind: string; city?: string; next?: string }

/** Offsets (ms after handover to the carrier) of each tracking step for a route. */
function scheduleFor(route: Route, start: number, rnd: () => number): Step[] {
  const h = (a: number, b: number) => (a + rnd() * (b - a)) * HOUR
  // Hand-over and pick-up are one scan: the carrier collects from the warehouse dock.
  const steps: Step[] = [{ offset: 0, kind: 'pickup' }]
  let t = 0
  route.stops.forEach((s, i) => {
    t += i === 0 ? h(2, 4) : h(route.destCity.far ? 12 : 6, route.destCity.far ? 20 : 12)
    steps.push({ offset: t, kind: 'arrive', city: s.city })
    const next = route.stops[i + 1]
    if (next) {
      t += h(1, 4)
      steps.push({ offset: t, kind: 'depart', city: s.city, next: next.city })
    }
  })
  t += h(3, 6)
  steps.push({ offset: t, kind: 'station' })
  // Couriers go out in the morning or early afternoon, never at night.
  const hour = localHour(start + t)
  t += hour >= 7 && hour < 15 ? h(1, 2) : ((24 + 8 - hour) % 24) * HOUR + h(0, 1.5)
  steps.push({ offset: t, kind: 'out' })
  t += h(1, 4)
  steps.push({ offset: t, kind: 'delivered' })
  return steps
}

function localHour(ms: number): number {
  return ((ms + 8 * HOUR) / HOUR) % 24
}

/** Moves a handover time into shop hours (09:00–20:00 Beijing time). */
function daytime(ms: number, rnd: () => number): number {
  const hr = localHour(ms)
  if (hr < 9) return ms + (9 - hr + rnd() * 2) * HOUR
  if (hr >= 20) return ms + (33 - hr + rnd() * 2) * HOUR
  return ms
}

function endOfDay(ms: number): number {
  const local = new Date(ms + 8 * HOUR)
  const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - 8 * HOUR
  const eta = day + 21 * HOUR
  return eta > ms ? eta : eta + DAY
}

function trackingNo(carrier: CarrierKey, rnd: () => number): string {
  const c = CARRIERS[carrier]
  return c.prefix + Array.from({ length: c.digits }, () => Math.floor(rnd() * 10)).join('')
}

function cityName(zh: string, en: boolean): string {
  return en ? CITY_DATA[zh]!.en : zh
}

function eventsFor(
  schedule: Step[],
  shipAt: number,
  track: Track,
  exception: Exception | undefined,
  route: Route,
  carrier: CarrierKey,
  en: boolean,
  rnd: () => number,
): TrackingEvent[] {
  const cn = CARRIERS[carrier]
  const [courierZh, courierEn] = COURIERS[Math.floor(rnd() * COURIERS.length)]!
  const courierPhone = `1${[3, 5, 7, 8, 9][Math.floor(rnd() * 5)]}${Math.floor(rnd() * 10)}****${String(Math.floor(rnd() * 10000)).padStart(4, '0')}`
  const destZh = route.dest
  const destEn = route.destCity.en
  const stationZh = `${destZh}${route.district}营业点`
  const stationEn = `${route.districtEn} delivery station, ${destEn}`
  const originWarehouse =
    route.origin === '东莞'
      ? ['东莞松山湖仓', 'Songshan Lake warehouse, Dongguan']
      : ['杭州余杭仓', 'Yuhang warehouse, Hangzhou']
  const hub = (city: string) => (en ? `${cityName(city, true)} sorting centre` : `${city}转运中心`)
  const lockerZh = ['丰巢智能柜', '小区菜鸟驿站', '公司前台'][Math.floor(rnd() * 3)]!
  const signEn = [
    'signed for by the recipient',
    'left in the parcel locker; pickup code sent by SMS',
    'received by building reception',
  ][Math.floor(rnd() * 3)]!
  const signZh = ['已签收，签收人：本人', `已签收，快件已放入【${lockerZh}】`, '已签收，签收人：门卫代收'][
    Math.floor(rnd() * 3)
  ]!

  const render = (s: Step): TrackingEvent => {
    const time = bj(shipAt + s.offset)
    switch (s.kind) {
      case 'pickup':
        return en
          ? { time, location: originWarehouse[1]!, description: `Shipped by the shop and picked up by ${cn.en}` }
          : { time, location: originWarehouse[0]!, description: `商家已发货，【${cn.zh}】已揽收` }
      case 'arrive':
        return en
          ? { time, location: hub(s.city!), description: `Arrived at ${hub(s.city!)}` }
          : { time, location: hub(s.city!), description: `快件已到达【${hub(s.city!)}】` }
      case 'depart':
        return en
          ? { time, location: hub(s.city!), description: `Departed ${hub(s.city!)}, next stop: ${hub(s.next!)}` }
          : { time, location: hub(s.city!), description: `快件已从【${hub(s.city!)}】发出，下一站【${hub(s.next!)}】` }
      case 'station':
        return en
          ? { time, location: stationEn, description: `Arrived at ${stationEn}` }
          : { time, location: stationZh, description: `快件已到达【${stationZh}】` }
      case 'out':
        return en
          ? {
              time,
              location: stationEn,
              description: `Out for delivery with courier Mr ${courierEn} (${courierPhone})`,
            }
          : {
              time,
              location: stationZh,
              description: `快递员【${courierZh}师傅，电话${courierPhone}】正在为您派件，请保持电话畅通`,
            }
      default:
        return en
          ? { time, location: `${route.districtEn}, ${destEn}`, description: `Delivered, ${signEn}` }
          : {
              time,
              location: `${destZh}市${route.district}`,
              description: `${signZh}。感谢使用${cn.zh}，期待再次为您服务`,
            }
    }
  }

  const at = (ms: number) => bj(ms)
  if (track === 'delivered') return schedule.map(render)
  if (track === 'in_transit') {
    const done = schedule.filter((s) => shipAt + s.offset < NOW && s.kind !== 'delivered')
    return done.map(render)
  }
  if (track === 'delayed') {
    // Stuck after arriving at a hub, well before the ETA.
    const arrivals = schedule.map((s, i) => [s, i] as const).filter(([s]) => s.kind === 'arrive')
    const [stuck, idx] = arrivals[Math.floor(rnd() * arrivals.length)]!
    const base = schedule.slice(0, idx + 1).map(render)
    const t0 = shipAt + stuck.offset + (4 + rnd() * 6) * HOUR
    const reasons: [string, string][] = [
      [
        '受大范围降雪影响，干线车辆停运，快件滞留在【{hub}】，恢复运输后将第一时间发出',
        'Held at {hub}: heavy snow has stopped trunk-line trucks; it will leave as soon as roads reopen',
      ],
      [
        '促销高峰期快件量激增，【{hub}】分拣积压，快件延误发出',
        'Sorting backlog at {hub} after the shopping-festival peak; departure delayed',
      ],
      ['因航班取消，快件滞留在【{hub}】，改为陆运发出', 'Flight cancelled; held at {hub} and rerouted by road'],
      ['因交通管制，快件在【{hub}】延误发出', 'Departure from {hub} delayed by traffic restrictions'],
    ]
    const [zh, enText] = reasons[Math.floor(rnd() * reasons.length)]!
    const h = hub(stuck.city!)
    base.push({ time: at(t0), location: h, description: (en ? enText : zh).replace('{hub}', h) })
    if (rnd() < 0.6 && t0 + DAY < NOW) {
      base.push({
        time: at(t0 + (20 + rnd() * 10) * HOUR),
        location: h,
        description: en
          ? `Still at ${h}; delivery expected 2-3 days later than planned`
          : `快件仍在【${h}】等待发出，预计比原计划晚2-3天送达，给您带来不便深表歉意`,
      })
    }
    return base
  }
  // Exceptions.
  const idxOf = (kind: string) => schedule.findIndex((s) => s.kind === kind)
  const lastHub = schedule.filter((s) => s.kind === 'depart').at(-1)
  let base: TrackingEvent[]
  let t: number
  const extra: TrackingEvent[] = []
  switch (exception) {
    case 'lost': {
      const i = lastHub ? schedule.indexOf(lastHub) : idxOf('arrive')
      base = schedule.slice(0, i + 1).map(render)
      t = shipAt + schedule[i]!.offset + DAY * (1.5 + rnd())
      const nextHub = lastHub?.next ? hub(lastHub.next) : stationEn
      extra.push({
        time: at(t),
        location: en ? nextHub : lastHub?.next ? hub(lastHub.next) : stationZh,
        description: en
          ? `Parcel did not arrive at ${nextHub} as scheduled; a trace has been opened`
          : `快件未按计划到达【${lastHub?.next ? hub(lastHub.next) : stationZh}】，已启动异常查件`,
      })
      extra.push({
        time: at(t + DAY * (0.8 + rnd() * 0.5)),
        location: en ? `${cn.en} customer service` : `${cn.zh}客服中心`,
        description: en
          ? 'Parcel confirmed lost in transit; a claim has been filed. The shop will reship or refund'
          : '经核实快件在运输途中遗失，已登记理赔，商家将为您补发或退款',
      })
      break
    }
    case 'damaged': {
      const i = idxOf('station')
      base = schedule.slice(0, i + 1).map(render)
      t = shipAt + schedule[i]!.offset + (2 + rnd() * 4) * HOUR
      extra.push({
        time: at(t),
        location: en ? stationEn : stationZh,
        description: en
          ? 'Outer packaging found damaged and contents may be broken; delivery paused while the shop is contacted'
          : '快件外包装破损，内件疑似受损，已暂停派送并联系商家处理',
      })
      break
    }
    case 'address': {
      const i = idxOf('out')
      base = schedule.slice(0, i + 1).map(render)
      t = shipAt + schedule[i]!.offset + (2 + rnd() * 3) * HOUR
      extra.push({
        time: at(t),
        location: en ? stationEn : stationZh,
        description: en
          ? 'Delivery failed: address incomplete and the recipient could not be reached by phone. Parcel held at the station'
          : `派送失败：收件地址不详，联系收件人未果，快件暂存【${stationZh}】，请尽快联系快递员`,
      })
      if (rnd() < 0.7) {
        extra.push({
          time: at(t + (18 + rnd() * 6) * HOUR),
          location: en ? stationEn : stationZh,
          description: en
            ? 'Second delivery attempt failed; the parcel will be returned to the sender in 3 days if not collected'
            : '再次派送失败，若3天内仍无法联系收件人，快件将退回寄件人',
        })
      }
      break
    }
    default: {
      const i = idxOf('out')
      base = schedule.slice(0, i + 1).map(render)
      t = shipAt + schedule[i]!.offset + (2 + rnd() * 3) * HOUR
      extra.push({
        time: at(t),
        location: en ? stationEn : stationZh,
        description: en ? 'Recipient refused the parcel; return to sender started' : '收件人拒收，快件开始退回寄件人',
      })
      extra.push({
        time: at(t + (10 + rnd() * 8) * HOUR),
        location: hub(route.dest),
        description: en
          ? `Returning to sender: departed ${hub(route.dest)}, next stop: ${hub(route.origin)}`
          : `退回件已从【${hub(route.dest)}】发出，下一站【${hub(route.origin)}】`,
      })
    }
  }
  return [...base, ...extra].filter((e) => Date.parse(e.time) < NOW)
}
