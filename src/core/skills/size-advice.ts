/**
 * Size advice from the product's size chart and the customer's height / weight (from the message or
 * their profile). Picks the row whose ranges fit best; says so when the customer sits between sizes.
 */
import type { Product, SizeChart } from '../domain/schemas.js'
import { resolveProduct } from './resolve-product.js'
import { ask, done, type SkillContext, type SkillResult } from './skill-types.js'
import { say } from './text.js'

type Body = { heightCm?: number; weightKg?: number }

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
    const parts = [miss(body.heightCm, row.heightCm), miss(body.weightKg, row.weightKg)].filter(
      (x): x is number => x !== null,
    )
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
  const exact = (hMiss ?? 0) === 0 && (wMiss ?? 0) === 0
  const nearTop =
    (body.weightKg !== undefined && row.weightKg && body.weightKg >= row.weightKg[1] - 1) ||
    (body.heightCm !== undefined && row.heightCm && body.heightCm >= row.heightCm[1] - 1)
  return { size: row.size, exact, ...(next && (nearTop || !exact) ? { between: next.size } : {}) }
}

function chartHasBodyRanges(chart: SizeChart | undefined): boolean {
  return Boolean(chart?.rows.some((r) => r.heightCm || r.weightKg))
}

/** The size-advice skill. */
export async function sizeAdviceSkill(sc: SkillContext): Promise<SkillResult> {
  const L = sc.locale
  const p: Product | null = await resolveProduct(sc)
  if (!p)
    return ask(
      sc,
      'product',
      { text: say(L, '请问是哪一款商品的尺码？发商品名称给我就行。', 'Which product is it for? Send me its name.') },
      'size_ask_product',
    )
  if (!chartHasBodyRanges(p.sizeChart)) {
    const sizes = p.sizeChart?.rows.map((r) => r.size) ?? []
    return done(
      sc,
      [
        {
          text: sizes.length
            ? say(
                L,
                `${p.title} 的尺码表没有身高体重对照，可选尺码：${sizes.join('、')}。建议参考平时穿的尺码，或转人工咨询。`,
                `${p.title}'s size chart has no height/weight guide. Sizes: ${sizes.join(', ')}. Go with your usual size, or ask an agent.`,
              )
            : say(L, `${p.title} 不区分尺码，无需选择。`, `${p.title} is one size; there's nothing to choose.`),
        },
      ],
      'answer',
      sizes.length ? 'size_chart_without_body_ranges' : 'size_not_applicable',
    )
  }
  const profile = sc.customer?.profile
  const body: Body = {}
  const h = sc.state.slots.heightCm ?? profile?.heightCm
  const w = sc.state.slots.weightKg ?? profile?.weightKg
  if (typeof h === 'number') body.heightCm = h
  if (typeof w === 'number') body.weightKg = w
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
          `为了给您推荐 ${p.title} 的尺码，请告诉我您的${missing}（例如：170cm 65kg）。`,
          `To recommend a size for ${p.title}, please tell me your ${missing} (e.g. 170cm 65kg).`,
        ),
      },
      'size_ask_body',
    )
  }
  const pick = pickSize(p.sizeChart!, body)!
  const who = say(L, `身高 ${body.heightCm}cm、体重 ${body.weightKg}kg`, `${body.heightCm} cm and ${body.weightKg} kg`)
  let text = say(
    L,
    `根据尺码表，${who}建议选 ${p.title} 的 ${pick.size} 码。`,
    `From the size chart, at ${who} I'd pick size ${pick.size} of ${p.title}.`,
  )
  if (pick.between)
    text += say(
      L,
      ` 您处在 ${pick.size} 和 ${pick.between} 之间，喜欢宽松一点可以选 ${pick.between}。`,
      ` You're between ${pick.size} and ${pick.between}; take ${pick.between} for a looser fit.`,
    )
  sc.state.slots.size = pick.size
  sc.state.lastQuery = { intent: 'size_advice', slots: { ...sc.state.slots } }
  return done(sc, [{ text }], 'execute', pick.exact ? 'size_from_chart' : 'size_from_chart_nearest')
}
