/**
 * `kefu demo reset`: reloads the demo shop from data/demo and moves it to today (every timestamp
 * shifted by now − asOf), deleting the demo shop's conversations, tickets and changes. Other shops
 * are not touched. A running server picks the reloaded shop up within 2 seconds.
 * `kefu demo status`: where the demo stands in time.
 */
import { isAbsolute, join } from 'node:path'
import { parseArgs } from 'node:util'
import { pino } from 'pino'
import { openStore } from '../../adapters/open-store.js'
import { ROOT_DIR } from '../../server/app-context.js'
import { parseConfig } from '../../server/config/schema.js'
import { DEMO_SHOP_ID, demoBaseOf, seedDemoShop } from '../../server/demo-seed.js'
import { cliClock } from '../cli-clock.js'

const USAGE = 'usage: kefu demo reset [--json] | kefu demo status [--json]\n'

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  })
  const [sub] = positionals
  if (values.help) {
    process.stdout.write(USAGE)
    return 0
  }
  if ((sub !== 'reset' && sub !== 'status') || positionals.length > 1) {
    process.stderr.write(USAGE)
    return 2
  }
  const config = parseConfig(process.env)
  const clock = cliClock()
  const store = await openStore(config.databaseUrl, { clock })
  try {
    if (sub === 'status') {
      const shop = await store.shops.get(DEMO_SHOP_ID)
      const base = shop ? demoBaseOf(shop.settings) : null
      const now = clock.now()
      const status = {
        loaded: Boolean(shop) && (await store.products.count(DEMO_SHOP_ID)) > 0,
        asOf: base?.asOf ?? null,
        basedAt: base?.basedAt ?? null,
        ageHours: base ? +((now.getTime() - Date.parse(base.basedAt)) / 3_600_000).toFixed(1) : null,
      }
      if (values.json) process.stdout.write(`${JSON.stringify(status)}\n`)
      else if (!status.loaded)
        process.stdout.write('the demo shop is not loaded (start the server or run `kefu demo reset`)\n')
      else
        process.stdout.write(
          `demo shop loaded ${status.ageHours} h ago (at ${status.basedAt}); its reference moment is ${status.asOf}\n`,
        )
      return 0
    }
    const demoDir = isAbsolute(config.KEFU_DEMO_DIR) ? config.KEFU_DEMO_DIR : join(ROOT_DIR, config.KEFU_DEMO_DIR)
    const logger = pino({ level: 'silent' })
    const r = await seedDemoShop(store, demoDir, logger, { clock, force: true })
    if (!r.seeded) {
      process.stderr.write(`kefu demo: no demo data in ${demoDir}\n`)
      return 1
    }
    const shiftDays = +((r.shiftMs ?? 0) / 86_400_000).toFixed(2)
    if (values.json) process.stdout.write(`${JSON.stringify({ reset: true, counts: r.counts, shiftDays })}\n`)
    else {
      const counts = Object.entries(r.counts)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')
      process.stdout.write(
        `demo shop reloaded (${counts}); timestamps moved ${shiftDays} days to today. Running servers pick it up within 2 seconds.\n`,
      )
    }
    return 0
  } finally {
    await store.close()
  }
}
