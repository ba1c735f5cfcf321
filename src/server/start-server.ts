/**
 * Starts kefu's HTTP server: parse config, compose the app, listen.
 * Used by `kefu serve` / `npm start` and by end-to-end tests (port 0).
 */
import type { Clock } from '../core/ports/clock.js'
import { warmChineseConversion } from '../core/text/chinese-conversion.js'
import { createAppContext } from './app-context.js'
import { buildApp } from './build-app.js'
import { parseConfig } from './config/schema.js'
import { defaultRouteModules } from './route-modules.js'

export type RunningServer = {
  url: string
  port: number
  /** The demo shop's admin API key (agent console, admin API), when the demo shop is loaded. */
  demoApiKey?: string
  close(): Promise<void>
}

export async function startServer(
  opts: {
    port?: number
    host?: string
    dataDir?: string
    env?: Record<string, string | undefined>
    /** The server's clock (default: the system clock, or KEFU_CLOCK_START). */
    clock?: Clock
  } = {},
): Promise<RunningServer> {
  const overrides: Record<string, string> = {}
  if (opts.port !== undefined) overrides.PORT = String(opts.port)
  if (opts.host) overrides.HOST = opts.host
  if (opts.dataDir) overrides.KEFU_DATA_DIR = opts.dataDir
  const config = parseConfig(opts.env ?? process.env, overrides)
  const ctx = await createAppContext(config, opts.clock ? { clock: opts.clock } : {})
  const app = await buildApp(ctx, defaultRouteModules())
  try {
    // Warm up before accepting traffic: the intent model (trained on a first start), OpenCC's script
    // converters (every Chinese message reads its script: ~0.3 s of CPU once per process) and the
    // demo shop's indexes, so the first customer does not wait for them and /readyz means ready.
    ctx.nlu.warmModel()
    warmChineseConversion()
    const demoShop = config.KEFU_DEMO ? await ctx.store.shops.get('demo') : null
    if (demoShop) await ctx.warmShop(demoShop.id)
    await app.listen({ port: config.PORT, host: config.HOST })
  } catch (e) {
    await app.close().catch(() => undefined)
    await ctx.close()
    const code = (e as { code?: string }).code
    if (code === 'EADDRINUSE') throw new Error(`port ${config.PORT} is already in use (set PORT to another port)`)
    throw e
  }
  const addr = app.server.address()
  const port = typeof addr === 'object' && addr ? addr.port : config.PORT
  const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST
  let closed = false
  const demo = config.KEFU_DEMO ? await ctx.store.shops.get('demo') : null
  return {
    ...(demo ? { demoApiKey: demo.apiKey } : {}),
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    port,
    async close() {
      if (closed) return
      closed = true
      await app.close()
      await ctx.close()
    },
  }
}
