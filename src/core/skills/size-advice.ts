/**
 * Size advice from the product's size chart and the customer's height / weight (from the message or
 * their profile). Picks the row whose ranges fit best; says so when the customer sits between sizes.
 */
import type { Product, SizeChart } from '../domain/schemas.js'
import { chooseProduct, offerProducts, productTitle } from './resolve-product.js'
import { isShoeChart, shoeSizeAdvice } from './shoe-size-advice.js'
import { ask, done, type SkillContext, type SkillResult } from './skill-types.js'
import { say } from './text.js'

type Body = { heightCm?: number; weightKg?: number; chestCm?: number; waistCm?: number; hipCm?: number }

/** A girth the customer measured says more about the fit than height and weight: it weighs double. */
const GIRTH_WEIGHT = 2

/** Distance of a value outside a range, relative to the range's width (0 inside). */
function miss(v: number | undefined, r: [number, number] | undefined): number | null {
  if (v === undefined || !r) return null
  const [lo, hi] = r
  if (v >= lo && v <= hi) return 0
  const w = Math.max(1, hi - lo)
  return (v < lo ? lo - v : v - hi) / w
}

/** Picks the best size for a body. `between` is the next size up when the fit is borderline. */
export function pickSize(chart: SizeChart, body: Body): { size: string; exact: boolean; between?: string } | null {
  let best: { i: number; score: number } | null = null
  chart.rows.forEach((row, i) => {
    const girths = [miss(body.chestCm, row.chestCm), miss(body.waistCm, row.waistCm), miss(body.hipCm, row.hipCm)]
    const parts = [
      miss(body.heightCm, row.heightCm),
      miss(body.weightKg, row.weightKg),
      ...girths.map((g) => (g === null ? null : g * GIRTH_WEIGHT)),
    ].filter((x): x is number => x !== null)
    if (parts.length === 0) return
    const score = parts.reduce((a, b) => a + b, 0)
    if (!best || score < best.score || (score === best.score && i > best.i)) best = { i, score }
  })
  if (!best) return null
  const b = best as { i: number; score: number }
  const row = chart.rows[b.i]!
  const next = chart.rows[b.i + 1]
  const hMiss = miss(body.heightCm, row.heightCm)
  const wMiss = miss(body.weightKg, row.weightKg)
  const gMiss = [miss(body.chestCm, row.chestCm), miss(body.waistCm, row.waistCm), miss(body.hipCm, row.hipCm)]
  const exact = (hMiss ?? 0) === 0 && (wMiss ?? 0) === 0 && gMiss.every((g) => (g ?? 0) === 0)
  const nearTop =
    (body.weightKg !== undefined && row.weightKg && body.weightKg >= row.weightKg[1] - 1) ||
    (body.heightCm !== undefined && row.heightCm && body.heightCm >= row.heightCm[1] - 1)
  return { size: row.size, exact, ...(next && (nearTop || !exact) ? { between: next.size } : {}) }
}

function chartHasBodyRanges(chart: SizeChart | undefined): boolean {
  return Boolean(chart?.rows.some((r) => r.heightCm || r.weightKg))
}

function range(r: [number, number] | undefined, unit: string): string | null {
  return r ? `${r[0]}–${r[1]}${unit}` : null
}

/** One spelling for a letter size: "XXXL" and "3XL" are the same row of a chart. */
export function sizeKey(size: string): string {
  const s = size.trim().toUpperCase()
  // A chart's own spelling (shop data), not customer text: "XXXL" is X×3 + L.
  if (s.length < 3 || s.length > 6 || !s.endsWith('L')) return s
  const xs = s.slice(0, -1)
  return [...xs].every((c) => c === 'X') && xs.length >= 2 ? `${xs.length}XL` : s
}

/**
 * "那XL呢" / "would XL fit?": how a size the customer names compares with the one the chart picks
 * for them, from that size's row.
 */
function askedSizeFit(
  sc: SkillContext,
  chart: SizeChart,
  title: string,
  body: Body,
  picked: string,
): SkillResult | null {
  const L = sc.locale
  const want = sizeKey(sc.extracted.size!)
  const i = chart.rows.findIndex((r) => sizeKey(r.size) === want)
  const j = chart.rows.findIndex((r) => r.size === picked)
  if (i < 0 || j < 0) return null
  const row = chart.rows[i]!
  const spec = [range(row.heightCm, 'cm'), range(row.weightKg, 'kg')].filter(Boolean).join(say(L, '、', ', '))
  const fit =
    i === j
      ? say(L, `正适合您，就选 ${row.size} 码。`, `that's the right size for you.`)
      : i > j
        ? say(
            L,
            `您穿会偏大${i - j > 1 ? '较多' : '一些'}（更宽松），按尺码表建议 ${picked} 码；喜欢宽松可以选 ${row.size}。`,
            `it would be ${i - j > 1 ? 'clearly ' : ''}roomy on you. The chart says ${picked}; take ${row.size} only for a looser fit.`,
          )
        : say(
            L,
            `您穿会偏小${j - i > 1 ? '较多' : '一些'}，建议选 ${picked} 码。`,
            `it would be ${j - i > 1 ? 'clearly ' : ''}tight on you; I'd take ${picked}.`,
          )
  sc.state.slots.size = row.size
  sc.state.lastQuery = { intent: 'size_advice', slots: { ...sc.state.slots } }
  return done(
    sc,
    [
      {
        text: say(
          L,
          `${title} 的 ${row.size} 码适合${spec}。按您身高 ${body.heightCm}cm、体重 ${body.weightKg}kg，${fit}`,
          `Size ${row.size} of ${title} is for ${spec}. At ${body.heightCm} cm and ${body.weightKg} kg, ${fit}`,
        ),
      },
    ],
    'answer',
    i === j ? 'size_asked_fits' : i > j ? 'size_asked_larger' : 'size_asked_smaller',
  )
}

/** ", chest 102 cm" for the girths the customer gave (and the chart is read with). */
function girthWords(L: SkillContext['locale'], body: Body): string {
  const bits = [
    body.chestCm !== undefined ? say(L, `胸围 ${body.chestCm}cm`, `chest ${body.chestCm} cm`) : null,
    body.waistCm !== undefined ? say(L, `腰围 ${body.waistCm}cm`, `waist ${body.waistCm} cm`) : null,
    body.hipCm !== undefined ? say(L, `臀围 ${body.hipCm}cm`, `hips ${body.hipCm} cm`) : null,
  ].filter((x): x is string => x !== null)
  return bits.length > 0 ? say(L, `、${bits.join('、')}`, `, ${bits.join(', ')}`) : ''
}

/** The body this turn is about: the slots (what the customer said), else the customer's profile. */
function bodyOf(sc: SkillContext): Body {
  const profile = sc.customer?.profile
  const body: Body = {}
  const h = sc.state.slots.heightCm ?? profile?.heightCm
  const w = sc.state.slots.weightKg ?? profile?.weightKg
  if (typeof h === 'number') body.heightCm = h
  if (typeof w === 'number') body.weightKg = w
  for (const k of ['chestCm', 'waistCm', 'hipCm'] as const) {
    const v = sc.state.slots[k]
    if (typeof v === 'number') body[k] = v
  }
  return body
}

/**
 * "他180 150斤" right after the bot listed products: the size of each listed product with a chart, so the
 * customer need not pick one first. Null when nothing was listed or the body is not known.
 */
async function sizesForListed(sc: SkillContext): Promise<SkillResult | null> {
  const c = sc.state.candidates
  const body = bodyOf(sc)
  if (c?.kind !== 'product' || body.heightCm === undefined || body.weightKg === undefined) return null
  const L = sc.locale
  const lines: string[] = []
  for (const id of c.ids) {
    const p = await sc.ctx.store.products.get(sc.ctx.shop.id, id)
    if (!p?.sizeChart || !chartHasBodyRanges(p.sizeChart)) continue
    const pick = pickSize(p.sizeChart, body)
    if (!pick) continue
    const more = pick.between ? say(L, `（偏宽松可选 ${pick.between}）`, ` (${pick.between} for a looser fit)`) : ''
    lines.push(`${lines.length + 1}. ${productTitle(p, L)}：${pick.size}${more}`)
  }
  if (lines.length === 0) return null
  const who = say(L, `身高 ${body.heightCm}cm、体重 ${body.weightKg}kg`, `${body.heightCm} cm and ${body.weightKg} kg`)
  const head = say(L, `按${who}，刚才这几款建议的尺码：`, `At ${who}, the sizes I'd pick for those:`)
  const tail = say(
    L,
    '看中哪一款告诉我，我再帮您查颜色和库存。',
    'Tell me which one you like and I will check colours and stock.',
  )
  return done(sc, [{ text: [head, ...lines, tail].join('\n') }], 'answer', 'size_for_listed_products')
}

/** The size-advice skill. */
export async function sizeAdviceSkill(sc: SkillContext): Promise<SkillResult> {
  const L = sc.locale
  const choice = await chooseProduct(sc)
  if (choice.status === 'offer') return offerProducts(sc, choice, 'size_ask_product_in_category', { zh: '', en: '' })
  const p: Product | null = choice.status === 'found' ? choice.product : null
  if (!p) {
    const listed = await sizesForListed(sc)
    if (listed) return listed
    return ask(
      sc,
      'product',
      { text: say(L, '请问是哪一款商品的尺码？发商品名称给我就行。', 'Which product is it for? Send me its name.') },
      'size_ask_product',
    )
  }
  const title = productTitle(p, L)
  const shoe = isShoeChart(p.sizeChart) ? shoeSizeAdvice(sc, p, title) : null
  if (shoe) return shoe
  if (!chartHasBodyRanges(p.sizeChart)) {
    const sizes = p.sizeChart?.rows.map((r) => r.size) ?? []
    return done(
      sc,
      [
        {
          text: sizes.length
            ? say(
                L,
                `${title} 的尺码表没有身高体重对照，可选尺码：${sizes.join('、')}。建议参考平时穿的尺码，或转人工咨询。`,
                `${title}'s size chart has no height/weight guide. Sizes: ${sizes.join(', ')}. Go with your usual size, or ask an agent.`,
              )
            : say(L, `${title} 不区分尺码，无需选择。`, `${title} is one size; there's nothing to choose.`),
        },
      ],
      'answer',
      sizes.length ? 'size_chart_without_body_ranges' : 'size_not_applicable',
    )
  }
  const body = bodyOf(sc)
  if (body.heightCm === undefined || body.weightKg === undefined) {
    const missing =
      body.heightCm === undefined && body.weightKg === undefined
        ? say(L, '身高和体重', 'height and weight')
        : body.heightCm === undefined
          ? say(L, '身高', 'height')
          : say(L, '体重', 'weight')
    return ask(
      sc,
      'body',
      {
        text: say(
          L,
          `为了给您推荐 ${title} 的尺码，请告诉我您的${missing}（例如：170cm 65kg）。`,
          `To recommend a size for ${title}, please tell me your ${missing} (e.g. 170cm 65kg).`,
        ),
      },
      'size_ask_body',
    )
  }
  const pick = pickSize(p.sizeChart!, body)!
  const asked = sc.extracted.size ? askedSizeFit(sc, p.sizeChart!, title, body, pick.size) : null
  if (asked) return asked
  const who =
    say(L, `身高 ${body.heightCm}cm、体重 ${body.weightKg}kg`, `${body.heightCm} cm and ${body.weightKg} kg`) +
    girthWords(L, body)
  let text = say(
    L,
    `根据尺码表，${who}建议选 ${title} 的 ${pick.size} 码。`,
    `From the size chart, at ${who} I'd pick size ${pick.size} of ${title}.`,
  )
  if (pick.between)
    text += say(
      L,
      ` 您处在 ${pick.size} 和 ${pick.between} 之间，喜欢宽松一点可以选 ${pick.between}。`,
      ` You're between ${pick.size} and ${pick.between}; take ${pick.between} for a looser fit.`,
    )
  // "我165 62kg 男朋友180 78kg 各拿什么码": the other person's size from the same chart.
  const other = sc.extracted.otherBody
  const theirs = other ? pickSize(p.sizeChart!, other) : null
  if (other && theirs) {
    const name = other.who
    text += say(
      L,
      ` ${name}身高 ${other.heightCm}cm、体重 ${other.weightKg}kg，建议选 ${theirs.size} 码。`,
      ` For ${name} at ${other.heightCm} cm and ${other.weightKg} kg, size ${theirs.size}.`,
    )
  }
  sc.state.slots.size = pick.size
  sc.state.lastQuery = { intent: 'size_advice', slots: { ...sc.state.slots } }
  return done(sc, [{ text }], 'answer', pick.exact ? 'size_from_chart' : 'size_from_chart_nearest')
}
