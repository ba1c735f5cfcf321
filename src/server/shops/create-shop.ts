/**
 * Shops on demand: `kefu shop create` and the owner API create a shop with its own keys and only
 * the settings given (time zone, currency, language). A new shop starts empty, with neutral rules:
 * nothing of the demo shop's policy, agents or return address.
 */
import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { normaliseLocale } from '../../core/domain/normalise/normalise-locale.js'
import type { Shop } from '../../core/domain/records.js'
import { shopSettingsPatchSchema } from '../../core/domain/shop-settings.js'
import { AppError } from '../../core/errors.js'
import type { Store } from '../../core/ports/store.js'
import { SHOP_ID_PATTERN } from '../import/ensure-shop.js'

export const createShopSchema = z
  .object({
    id: z
      .string()
      .regex(
        SHOP_ID_PATTERN,
        "use lowercase letters, digits, '-' or '_' (at most 64 characters, starting with a letter or digit)",
      ),
    name: z.string().trim().min(1).max(200),
    timezone: shopSettingsPatchSchema.shape.timezone.unwrap().unwrap().optional(),
    currency: shopSettingsPatchSchema.shape.currency.unwrap().unwrap().optional(),
    // `zh-CN`, `en_US` are taken as the language, like in imported files.
    locale: z
      .preprocess(
        (v) => (typeof v === 'string' ? (normaliseLocale(v)?.locale ?? v) : v),
        shopSettingsPatchSchema.shape.locale.unwrap().unwrap(),
      )
      .optional(),
  })
  .strict()
export type CreateShopInput = z.infer<typeof createShopSchema>

/** A shop as listed to the owner: no keys. */
export type ShopListing = Pick<Shop, 'id' | 'name' | 'demo' | 'createdAt'> & {
  timezone: string | null
  currency: string | null
  locale: string | null
}

/**
 * Creates a shop; `conflict` when the id is taken. Returns the shop with its API key and widget
 * secret (shown once to whoever created it).
 *
 * @example
 * const shop = await createShop(store, { id: 'acme', name: 'Acme', timezone: 'Asia/Shanghai' }, clock.now())
 */
export async function createShop(store: Store, input: CreateShopInput, now: Date): Promise<Shop> {
  if (input.id === 'demo') {
    throw new AppError('invalid_input', "id: 'demo' is the demo shop's (loaded by KEFU_DEMO); choose another id")
  }
  const settings: Record<string, unknown> = {}
  if (input.timezone) settings.timezone = input.timezone
  if (input.currency) settings.currency = input.currency
  if (input.locale) settings.locale = input.locale
  const shop: Shop = {
    id: input.id,
    name: input.name,
    widgetSecret: randomBytes(32).toString('base64url'),
    apiKey: `kefu_${randomBytes(24).toString('base64url')}`,
    // Only the seeded demo shop accepts unsigned visitors.
    demo: false,
    settings,
    createdAt: now.toISOString(),
  }
  await store.transaction(async (tx) => {
    if (await tx.shops.get(input.id)) throw new AppError('conflict', `shop '${input.id}' already exists`)
    await tx.shops.upsert(shop)
  })
  return shop
}

/** Every shop, without keys, by id. */
export async function listShops(store: Store): Promise<ShopListing[]> {
  const shops = await store.shops.list()
  const str = (v: unknown) => (typeof v === 'string' ? v : null)
  return shops
    .map((s) => ({
      id: s.id,
      name: s.name,
      demo: s.demo,
      createdAt: s.createdAt,
      timezone: str(s.settings.timezone),
      currency: str(s.settings.currency),
      locale: str(s.settings.locale),
    }))
    .sort((a, b) => a.id.localeCompare(b.id))
}
