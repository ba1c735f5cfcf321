import { readBasket } from '../skills/promotion.js'
import type { SkillContext } from '../skills/skill-types.js'

/**
 * "and with four?", "那买4个呢", "再用新人券呢", "那只买裤子呢" right after a promotion was computed: the
 * same computation with a new quantity, the welcome coupon, or one of its items alone.
 * Only the understanding's reading (a bare new quantity) and the stored computation decide it.
 */
export function continuesPromotion(sc: SkillContext): boolean {
  const d = sc.cues.discount
  if (!d?.requantify) return false
  if (sc.state.lastIntent !== 'price_promotion' && sc.state.activeIntent !== 'price_promotion') return false
  const basket = readBasket(sc.state.slots.basket)
  if (!basket) return false
  if (d.onlyWords) return Boolean(basket.items && basket.items.length > 1)
  return !d.quantityNamed || basket.unit !== null
}
