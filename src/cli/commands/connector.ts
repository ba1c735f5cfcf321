/**
 * `kefu connector …`: a shop's commerce connector (docs/commerce.md).
 *   add <platform> --shop ID --store-url URL <credential flags>   configure (credentials encrypted)
 *   list                                                          every shop's connector
 *   sync --shop ID                                                initial/full sync with progress lines
 *   status --shop ID                                              last sync and reconciliation
 *   remove --shop ID                                              back to kefu's own store
 * Credential flags come from the platform's definition: Shopify `--token --webhook-secret`,
 * WooCommerce `--consumer-key --consumer-secret --webhook-secret`.
 */
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openStore } from '../../adapters/open-store.js'
import { loadSecret } from '../../server/app-context.js'
import { createCommerceHub } from '../../server/commerce/commerce-hub.js'
import {
  CONNECTOR_PLATFORMS,
  type ConnectorPlatform,
  connectorSettingsOf,
  publicConnectorView,
  type SyncStatus,
} from '../../server/commerce/connector-settings.js'
import { CONNECTORS } from '../../server/commerce/connectors.js'
import { parseConfig } from '../../server/config/schema.js'
import { cliClock } from '../cli-clock.js'

const USAGE = `usage:
  kefu connector add shopify --shop ID --store-url https://NAME.myshopify.com --token shpat_… --webhook-secret …
  kefu connector add woocommerce --shop ID --store-url https://shop.example --consumer-key ck_… --consumer-secret cs_… --webhook-secret …
      [--reconcile-minutes N] [--api-version 2024-10]
  kefu connector list
  kefu connector sync --shop ID [--json]
  kefu connector status --shop ID
  kefu connector remove --shop ID
`

/** CLI flag → credential name, per credential name any platform uses. */
const FLAG_OF: Record<string, string> = {
  accessToken: 'token',
  webhookSecret: 'webhook-secret',
  consumerKey: 'consumer-key',
  consumerSecret: 'consumer-secret',
}

function flagOf(credential: string): string {
  return FLAG_OF[credential] ?? credential.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
}

function progressLine(s: SyncStatus): string {
  const parts = Object.entries(s.counts).map(
    ([k, c]) => `${k} ${c.done}${c.total !== null ? `/${c.total}` : ''}${c.skipped ? ` (${c.skipped} skipped)` : ''}`,
  )
  return `${s.state}${s.phase ? ` [${s.phase}]` : ''}: ${parts.join(', ') || '…'}${s.error ? ` — ${s.error}` : ''}`
}

export async function run(args: string[]): Promise<number> {
  const credentialFlags = new Set(Object.values(CONNECTORS).flatMap((d) => d?.credentials.map(flagOf) ?? []))
  for (const f of Object.values(FLAG_OF)) credentialFlags.add(f)
  const options: Record<string, { type: 'string' | 'boolean' }> = {
    shop: { type: 'string' },
    'store-url': { type: 'string' },
    'reconcile-minutes': { type: 'string' },
    'api-version': { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean' },
  }
  for (const f of credentialFlags) options[f] = { type: 'string' }
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] }
  try {
    parsed = parseArgs({ args, allowPositionals: true, options }) as typeof parsed
  } catch (e) {
    process.stderr.write(`kefu connector: ${(e as Error).message}\n\n${USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  const [sub, platformArg] = positionals
  if (values.help) {
    process.stdout.write(USAGE)
    return 0
  }
  if (!sub || !['add', 'list', 'sync', 'status', 'remove'].includes(sub)) {
    process.stderr.write(USAGE)
    return 2
  }
  const shopId = typeof values.shop === 'string' ? values.shop : undefined
  if (sub !== 'list' && !shopId) {
    process.stderr.write(`kefu connector ${sub}: --shop ID is required\n\n${USAGE}`)
    return 2
  }
  const config = parseConfig(process.env)
  const dataDir = resolve(config.KEFU_DATA_DIR)
  mkdirSync(dataDir, { recursive: true })
  const clock = cliClock()
  const store = await openStore(config.databaseUrl, { clock })
  const hub = createCommerceHub({
    store,
    secret: loadSecret(config, dataDir),
    registry: CONNECTORS,
    now: () => clock.now(),
    transport: { timeoutMs: config.KEFU_COMMERCE_TIMEOUT_MS },
    defaultReconcileMinutes: config.KEFU_COMMERCE_RECONCILE_MINUTES,
  })
  try {
    switch (sub) {
      case 'add': {
        const platform = platformArg as ConnectorPlatform
        if (!(CONNECTOR_PLATFORMS as readonly string[]).includes(platform ?? '') || !CONNECTORS[platform]) {
          process.stderr.write(`kefu connector add: platform must be one of ${Object.keys(CONNECTORS).join(', ')}\n`)
          return 2
        }
        const def = CONNECTORS[platform]!
        const credentials: Record<string, string> = {}
        for (const c of def.credentials) {
          const v = values[flagOf(c)]
          if (typeof v !== 'string' || !v) {
            process.stderr.write(`kefu connector add ${platform}: --${flagOf(c)} is required\n`)
            return 2
          }
          credentials[c] = v
        }
        const storeUrl = values['store-url']
        if (typeof storeUrl !== 'string') {
          process.stderr.write(`kefu connector add ${platform}: --store-url is required\n`)
          return 2
        }
        const minutes = values['reconcile-minutes'] ? Number(values['reconcile-minutes']) : undefined
        const view = await hub.configure(shopId!, {
          platform,
          storeUrl,
          credentials,
          ...(minutes ? { reconcileMinutes: minutes } : {}),
          ...(typeof values['api-version'] === 'string' ? { options: { apiVersion: values['api-version'] } } : {}),
        })
        process.stdout.write(`${JSON.stringify(view, null, 2)}\n`)
        process.stderr.write(`connector saved (credentials encrypted); next: kefu connector sync --shop ${shopId}\n`)
        return 0
      }
      case 'list': {
        const rows = []
        for (const shop of await store.shops.list()) {
          const s = connectorSettingsOf(shop)
          if (s) rows.push({ shop: shop.id, ...publicConnectorView(s) })
        }
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`)
        return 0
      }
      case 'status': {
        const view = await hub.view(shopId!)
        if (!view) {
          process.stderr.write(`kefu connector: shop '${shopId}' has no connector\n`)
          return 1
        }
        process.stdout.write(
          `${JSON.stringify({ sync: view.sync ?? null, reconcile: view.reconcile ?? null }, null, 2)}\n`,
        )
        return 0
      }
      case 'remove': {
        const removed = await hub.remove(shopId!)
        process.stdout.write(`${JSON.stringify({ removed })}\n`)
        return removed ? 0 : 1
      }
      case 'sync': {
        const report = await hub.sync(shopId!, {
          onProgress: (s) => process.stderr.write(`${progressLine(s)}\n`),
        })
        if (values.json) process.stdout.write(`${JSON.stringify(report.kinds)}\n`)
        process.stderr.write('running servers pick up the new catalog within 2 seconds\n')
        return 0
      }
    }
    return 2
  } catch (e) {
    process.stderr.write(`kefu connector ${sub}: ${(e as Error).message}\n`)
    return 1
  } finally {
    await store.close()
  }
}
