import { readBasket } from '../skills/promotion.js'
import type { SkillContext } from '../skills/skill-types.js'

/**
 * "and with four?", "那买4个呢" right after a promotion was computed: a new quantity of the same item.
 * Only the understanding's reading (a bare new quantity) and the stored computation decide it.
 */
export function continuesPromotion(sc: SkillContext): boolean {
  const d = sc.cues.discount
  if (!d?.requantify) return false
  if (sc.state.lastIntent !== 'price_promotion' && sc.state.activeIntent !== 'price_promotion') return false
  return readBasket(sc.state.slots.basket)?.unit != null
}
