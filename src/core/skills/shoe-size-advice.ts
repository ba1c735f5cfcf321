/**
 * Shoe size from the product's chart (EU sizes with foot length in mm): the row for the customer's foot
 * length, or the size they usually wear, moved by the product's fit note ("size up one" for a thick
 * lining). "脚长262" → 43; "I'm normally a 35" on a fleece-lined boot → 36.
 */
import type { Product, SizeChart } from '../domain/schemas.js'
import { readFitNote } from '../nlu/extract-shoe-size.js'
import { done, type SkillContext, type SkillResult } from './skill-types.js'
import { say } from './text.js'

/** Whether the chart is a shoe chart (foot lengths per size). */
export function isShoeChart(chart: SizeChart | undefined): boolean {
  return Boolean(chart?.rows.some((r) => r.footLengthMm))
}

function fitNote(p: Product, locale: 'zh' | 'en'): string | null {
  const a = p.attributes as Record<string, unknown>
  const v = locale === 'en' ? (a.fitNoteEn ?? a.fitNote) : (a.fitNote ?? a.fitNoteEn)
  return typeof v === 'string' && v ? v : null
}

/** The size for a known foot length or usual size; null when the customer gave neither. */
export function shoeSizeAdvice(sc: SkillContext, p: Product, title: string): SkillResult | null {
  const L = sc.locale
  const rows = p.sizeChart!.rows
  const foot = typeof sc.state.slots.footMm === 'number' ? sc.state.slots.footMm : undefined
  const usual = typeof sc.state.slots.shoeSize === 'number' ? sc.state.slots.shoeSize : undefined
  const usualUs = typeof sc.state.slots.usShoeSize === 'number' ? sc.state.slots.usShoeSize : undefined
  const noteZh = fitNote(p, 'zh')
  const rule = noteZh ? readFitNote(noteZh) : { shift: 0, allowanceMm: 0, onlyWideFoot: false }
  if (!rule) return null
  let i = -1
  const at = foot !== undefined ? foot + rule.allowanceMm : undefined
  if (at !== undefined) {
    // A foot on the boundary of two rows takes the larger size: shoes must not pinch.
    const fits = rows.map((r, k) => (r.footLengthMm && at >= r.footLengthMm[0] && at <= r.footLengthMm[1] ? k : -1))
    i = Math.max(...fits)
    if (i < 0) {
      const first = rows[0]?.footLengthMm
      i = first && at < first[0] ? 0 : rows.length - 1
    }
  } else if (usual !== undefined) {
    i = rows.findIndex((r) => Number(r.size) === usual || r.eu === usual)
    if (i < 0) return null
  } else if (usualUs !== undefined) {
    // The smallest size whose US size is at least the one worn.
    i = rows.findIndex((r) => r.us !== undefined && r.us >= usualUs)
    if (i < 0) return null
  } else return null
  const shift = rule.onlyWideFoot && !sc.extracted.wideFoot ? 0 : rule.shift
  const j = Math.min(rows.length - 1, Math.max(0, i + shift))
  const base = rows[i]!
  const pick = rows[j]!
  const note = fitNote(p, L)
  const basis =
    foot !== undefined
      ? rule.allowanceMm > 0
        ? say(L, `脚长 ${foot}mm 加余量后对应 ${base.size} 码`, `a ${foot} mm foot plus room to grow is a ${base.size}`)
        : say(L, `脚长 ${foot}mm 对应 ${base.size} 码`, `a ${foot} mm foot is a ${base.size}`)
      : usual === undefined && usualUs !== undefined
        ? say(L, `平时穿美码 ${usualUs} 对应 ${base.size} 码`, `a usual US ${usualUs} is a ${base.size}`)
        : say(L, `平时穿 ${base.size} 码`, `a usual ${base.size}`)
  // The chart's US size with the pick, for customers who count in US sizes.
  const us = pick.us !== undefined ? say(L, `（美码 ${pick.us}）`, ` (US ${pick.us})`) : ''
  const text =
    j === i
      ? say(
          L,
          `${title}：${basis}${note ? `（${note}）` : ''}，建议选 ${pick.size} 码${us}。`,
          `${title}: ${basis}${note ? ` (${note})` : ''}, so I'd take size ${pick.size}${us}.`,
        )
      : say(
          L,
          `${title}：${basis}，${note ?? ''}，建议选 ${pick.size} 码${us}。`,
          `${title}: ${basis}, but ${note ?? 'it runs differently'}, so I'd take size ${pick.size}${us}.`,
        )
  sc.state.slots.size = pick.size
  sc.state.lastQuery = { intent: 'size_advice', slots: { ...sc.state.slots } }
  return done(sc, [{ text }], 'answer', foot !== undefined ? 'shoe_size_from_foot' : 'shoe_size_from_usual')
}
