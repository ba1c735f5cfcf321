/**
 * `kefu shop show [--shop ID]` prints a shop (API key, widget secret, settings);
 * `kefu shop settings FILE [--shop ID]` validates a JSON settings patch and applies it.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openStore } from '../../adapters/open-store.js'
import { applySettingsPatch, shopSettingsPatchSchema } from '../../core/domain/shop-settings.js'
import { parseConfig } from '../../server/config/schema.js'

const USAGE = 'usage: kefu shop show [--shop ID] | kefu shop settings FILE.json [--shop ID]\n'

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { shop: { type: 'string', default: 'demo' } },
  })
  const [sub, file] = positionals
  if (sub !== 'show' && sub !== 'settings') {
    process.stderr.write(USAGE)
    return 2
  }
  if (sub === 'settings' && !file) {
    process.stderr.write(USAGE)
    return 2
  }
  const config = parseConfig(process.env)
  const store = await openStore(config.databaseUrl)
  try {
    const shop = await store.shops.get(values.shop ?? 'demo')
    if (!shop) {
      process.stderr.write(`kefu shop: shop '${values.shop}' does not exist (import data or start the server first)\n`)
      return 1
    }
    if (sub === 'show') {
      process.stdout.write(`${JSON.stringify(shop, null, 2)}\n`)
      return 0
    }
    let raw: unknown
    try {
      raw = JSON.parse(readFileSync(resolve(file as string), 'utf8'))
    } catch (e) {
      process.stderr.write(`kefu shop: cannot read ${file} as JSON: ${(e as Error).message}\n`)
      return 1
    }
    const r = shopSettingsPatchSchema.safeParse(raw)
    if (!r.success) {
      for (const i of r.error.issues) process.stderr.write(`${file}: ${i.path.join('.') || '(root)'}: ${i.message}\n`)
      return 1
    }
    const settings = {
      ...applySettingsPatch(shop.settings, r.data),
      catalogVersion: Number(shop.settings.catalogVersion ?? 0) + 1,
    }
    await store.shops.upsert({ ...shop, settings })
    process.stdout.write(`${JSON.stringify(settings, null, 2)}\n`)
    process.stderr.write('settings saved; running servers apply them within 2 seconds\n')
    return 0
  } finally {
    await store.close()
  }
}
