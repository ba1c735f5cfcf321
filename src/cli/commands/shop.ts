/**
 * `kefu shop create ID --name NAME [--timezone TZ] [--currency CUR] [--locale zh|en]` creates an
 * empty shop with neutral rules and prints its keys; `kefu shop list` lists the shops;
 * `kefu shop show [--shop ID]` prints a shop (API key, widget secret, settings);
 * `kefu shop settings FILE [--shop ID]` validates a JSON settings patch and applies it.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openStore } from '../../adapters/open-store.js'
import { applySettingsPatch, shopSettingsPatchSchema } from '../../core/domain/shop-settings.js'
import { AppError } from '../../core/errors.js'
import type { Store } from '../../core/ports/store.js'
import { redactChannelSecrets } from '../../server/channels/channel-settings.js'
import { redactShopSettings } from '../../server/commerce/connector-settings.js'
import { parseConfig } from '../../server/config/schema.js'
import { createShop, createShopSchema, listShops } from '../../server/shops/create-shop.js'
import { cliClock } from '../cli-clock.js'

const USAGE = `usage: kefu shop create ID --name NAME [--timezone Asia/Shanghai] [--currency CNY] [--locale zh|en] [--json]
       kefu shop list [--json]
       kefu shop show [--shop ID]
       kefu shop settings FILE.json [--shop ID]
`

export async function run(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(args)
  } catch (e) {
    process.stderr.write(`kefu shop: ${(e as Error).message}\n\n${USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  const [sub, arg, ...extra] = positionals
  if (values.help) {
    process.stdout.write(USAGE)
    return 0
  }
  const known = ['create', 'list', 'show', 'settings']
  if (!sub || !known.includes(sub) || extra.length > 0 || ((sub === 'settings' || sub === 'create') && !arg)) {
    process.stderr.write(USAGE)
    return 2
  }
  const config = parseConfig(process.env)
  const store = await openStore(config.databaseUrl)
  try {
    if (sub === 'create') return await create(store, arg as string, values)
    if (sub === 'list') {
      const shops = await listShops(store)
      if (values.json) process.stdout.write(`${JSON.stringify(shops)}\n`)
      else {
        for (const s of shops) {
          const extras = [s.timezone, s.currency, s.locale, s.demo ? 'demo' : null].filter(Boolean).join(', ')
          process.stdout.write(`${s.id}\t${s.name}${extras ? `\t(${extras})` : ''}\n`)
        }
      }
      return 0
    }
    const shopId = values.shop ?? 'demo'
    const shop = await store.shops.get(shopId)
    if (!shop) {
      process.stderr.write(`kefu shop: shop '${shopId}' does not exist (kefu shop create ${shopId} --name …)\n`)
      return 1
    }
    if (sub === 'show') {
      const shown = { ...shop, settings: redactShopSettings(redactChannelSecrets(shop.settings)) }
      process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`)
      return 0
    }
    let raw: unknown
    try {
      raw = JSON.parse(readFileSync(resolve(arg as string), 'utf8'))
    } catch (e) {
      process.stderr.write(`kefu shop: cannot read ${arg} as JSON: ${(e as Error).message}\n`)
      return 1
    }
    const r = shopSettingsPatchSchema.safeParse(raw)
    if (!r.success) {
      for (const i of r.error.issues) process.stderr.write(`${arg}: ${i.path.join('.') || '(root)'}: ${i.message}\n`)
      return 1
    }
    const settings = {
      ...applySettingsPatch(shop.settings, r.data),
      catalogVersion: Number(shop.settings.catalogVersion ?? 0) + 1,
    }
    await store.shops.upsert({ ...shop, settings })
    process.stdout.write(`${JSON.stringify(redactShopSettings(redactChannelSecrets(settings)), null, 2)}\n`)
    process.stderr.write('settings saved; running servers apply them within 2 seconds\n')
    return 0
  } finally {
    await store.close()
  }
}

async function create(store: Store, id: string, values: ReturnType<typeof parse>['values']): Promise<number> {
  const input = createShopSchema.safeParse({
    id,
    name: values.name,
    ...(values.timezone ? { timezone: values.timezone } : {}),
    ...(values.currency ? { currency: values.currency } : {}),
    ...(values.locale ? { locale: values.locale } : {}),
  })
  if (!input.success) {
    for (const i of input.error.issues) {
      const field = i.path.join('.') || '(input)'
      process.stderr.write(`kefu shop create: ${field === 'id' ? 'ID' : `--${field}`}: ${i.message}\n`)
    }
    return 2
  }
  try {
    const shop = await createShop(store, input.data, cliClock().now())
    if (values.json) process.stdout.write(`${JSON.stringify(shop)}\n`)
    else {
      process.stdout.write(
        `created shop ${shop.id} (${shop.name})\n` +
          `  API key (admin API, agent console; header x-kefu-shop: ${shop.id}): ${shop.apiKey}\n` +
          `  widget secret (signs customer ids): ${shop.widgetSecret}\n` +
          `next: kefu import products FILE --shop ${shop.id}\n`,
      )
    }
    return 0
  } catch (e) {
    if (AppError.isInstance(e)) {
      process.stderr.write(`kefu shop create: ${e.message}\n`)
      return 1
    }
    throw e
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      shop: { type: 'string' },
      name: { type: 'string' },
      timezone: { type: 'string' },
      currency: { type: 'string' },
      locale: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
}
