import type { SkillContext } from '../skills/skill-types.js'

const after = (sc: SkillContext, intent: string) => sc.state.activeIntent === intent || sc.state.lastIntent === intent

/** "我胸围102 比较壮", "bust 86, waist 70" after size advice: the same advice with the measurements. */
export function continuesSizeAdvice(sc: SkillContext): boolean {
  const x = sc.extracted
  if (!after(sc, 'size_advice') || x.order) return false
  const girth = x.chestCm !== undefined || x.waistCm !== undefined || x.hipCm !== undefined
  return girth && sc.understanding.chars <= 40
}

/**
 * "yes the blue one, M then", "嗯 黑色M有吗" after size advice: a colour of the product advised on (with
 * the size, or asking whether it is there) is a stock question about that variant.
 */
export function picksVariantAfterSize(sc: SkillContext): boolean {
  const x = sc.extracted
  if (!after(sc, 'size_advice') || !x.color || x.order || typeof sc.state.slots.sku !== 'string') return false
  if (x.sku && x.sku !== sc.state.slots.sku) return false
  if (x.heightCm !== undefined || x.weightKg !== undefined || sc.understanding.chars > 30) return false
  return sc.cues.asksVariant || sc.signals.affirm || Boolean(x.size)
}

/**
 * "same for the fleece-lined snow boots?", "那雪地靴呢" after size advice: another product named in a
 * follow-up wants the same advice for that product.
 */
export function sizeForAnotherProduct(sc: SkillContext): boolean {
  const x = sc.extracted
  if (!after(sc, 'size_advice') || !x.sku || x.order || x.sku === sc.state.slots.sku) return false
  return sc.signals.followUp && sc.understanding.chars <= 60 && !x.color
}
