/**
 * Customer tiers are the shop's own words (normal, VIP1, 黄金会员…). Rules compare tiers by rank:
 * the shop's mapping `settings.customers.tierRanks` first, then the built-in names, else 0.
 */

/** The built-in tier names and their ranks; they keep this meaning unless a shop maps them. */
export const BUILT_IN_TIER_RANKS: Readonly<Record<string, number>> = Object.freeze({
  regular: 0,
  silver: 1,
  gold: 2,
  platinum: 3,
  vip: 4,
})

/** The shop's tier → rank mapping from its settings, or an empty one. */
export function shopTierRanks(settings: Record<string, unknown>): Record<string, number> {
  const customers = settings.customers as { tierRanks?: Record<string, number> } | undefined
  return customers?.tierRanks ?? {}
}

function lookup(tier: string, ranks: Readonly<Record<string, number>>): number | undefined {
  if (ranks[tier] !== undefined) return ranks[tier]
  const lower = tier.trim().toLowerCase()
  for (const [name, rank] of Object.entries(ranks)) if (name.trim().toLowerCase() === lower) return rank
  return undefined
}

/** True when the shop's mapping or the built-in names know this tier. */
export function isKnownTier(tier: string, shopRanks: Readonly<Record<string, number>>): boolean {
  return lookup(tier, shopRanks) !== undefined || lookup(tier, BUILT_IN_TIER_RANKS) !== undefined
}

/**
 * The rank rules use for a tier: 0 is an ordinary customer, higher is more valued.
 *
 * @example
 * tierRank('VIP1', { VIP1: 3 }) // → 3
 * tierRank('gold', {})          // → 2
 * tierRank('normal', {})        // → 0
 */
export function tierRank(tier: string | undefined, shopRanks: Readonly<Record<string, number>> = {}): number {
  if (!tier) return 0
  return lookup(tier, shopRanks) ?? lookup(tier, BUILT_IN_TIER_RANKS) ?? 0
}
