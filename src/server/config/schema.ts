/**
 * The one configuration schema. Parsed once in the composition root from the
 * environment (explicit options win), frozen and passed down; core never reads env.
 */
import { z } from 'zod'

const bool = (def: 'true' | 'false') =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(def)
    .transform((v) => v === 'true' || v === '1')
const int = (def: number) => z.coerce.number().int().default(def)

export const configSchema = z.object({
  PORT: int(3000).pipe(z.number().int().min(0).max(65535)),
  HOST: z.string().default('127.0.0.1'),
  /** Where the SQLite file, the trained model and the server secret live. */
  KEFU_DATA_DIR: z.string().default('./.kefu'),
  /** `sqlite://<path>` (default: <data dir>/kefu.db) or `postgres://user@host:5432/db`. */
  KEFU_DATABASE_URL: z.string().optional(),
  /** Redis for multi-instance deployments: pub/sub fan-out and per-conversation locks. */
  KEFU_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  /** Prefix for every Redis key/channel, so several deployments can share one Redis. */
  KEFU_REDIS_PREFIX: z.string().default('kefu:'),
  /** HMAC secret for conversation tokens; generated into the data dir when unset. */
  KEFU_SECRET: z.string().min(16, 'KEFU_SECRET must be at least 16 characters').optional(),
  /**
   * The owner's token for the server-level admin API (create and list shops): above any one shop,
   * so never a shop API key. Unset: that API answers 401.
   */
  KEFU_ADMIN_TOKEN: z.string().min(24, 'KEFU_ADMIN_TOKEN must be at least 24 characters').optional(),
  /**
   * Server processes sharing the port (`kefu serve --workers N`, node:cluster); 0 = one per CPU core.
   * Without Redis they share pub/sub and locks through the cluster's primary (docs/performance.md).
   */
  KEFU_WORKERS: int(1).pipe(z.number().int().min(0).max(64)),
  /** WebSockets (widget stream, agent desk): heartbeat interval; a socket silent for two is dropped. */
  KEFU_WS_PING_MS: int(25_000).pipe(z.number().int().min(100)),
  /** WebSockets: unsent bytes one client may have waiting before it is dropped as too slow. */
  KEFU_WS_MAX_BUFFERED_BYTES: int(1024 * 1024).pipe(z.number().int().min(1024)),
  /** Load the demo shop on first start (shop id `demo`). */
  KEFU_DEMO: bool('true'),
  /** Where the demo shop's JSONL files are. */
  KEFU_DEMO_DIR: z.string().default('data/demo'),
  /** Start the clock at this instant (it then runs at normal speed): demos, rehearsals, tests. */
  KEFU_CLOCK_START: z.string().datetime({ offset: true }).optional(),
  KEFU_LLM_BASE_URL: z.string().url().optional(),
  KEFU_LLM_API_KEY: z.string().optional(),
  KEFU_LLM_MODEL: z.string().optional(),
  KEFU_LLM_TIMEOUT_MS: int(15000),
  /** Consecutive provider failures (timeouts, 429, 5xx, unreachable) that open the circuit. */
  KEFU_LLM_CIRCUIT_FAILURES: int(5).pipe(z.number().int().min(1).max(1000)),
  /** How long an open circuit keeps the model out before one probe. */
  KEFU_LLM_CIRCUIT_OPEN_MS: int(30000).pipe(z.number().int().min(0)),
  KEFU_EMBEDDINGS_MODEL: z.string().optional(),
  /** A model on the same provider that sees pictures (e.g. gpt-4o-mini, qwen-vl-plus, llava). */
  KEFU_LLM_VISION_MODEL: z.string().optional(),
  /** Speech-to-text model on the same provider (`/audio/transcriptions`, e.g. whisper-1). */
  KEFU_LLM_TRANSCRIPTION_MODEL: z.string().optional(),
  /** Largest picture or voice message a customer may upload, in bytes (default 5 MB). */
  KEFU_ATTACHMENT_MAX_BYTES: int(5 * 1024 * 1024).pipe(
    z
      .number()
      .int()
      .min(1024)
      .max(50 * 1024 * 1024),
  ),
  /** Conversations one client IP may start per minute (0 = unlimited). */
  KEFU_RATE_LIMIT_CONVERSATIONS: int(120).pipe(z.number().int().min(0)),
  /** Customer messages one conversation may send per minute (0 = unlimited). */
  KEFU_RATE_LIMIT_MESSAGES: int(60).pipe(z.number().int().min(0)),
  /** Messages one client IP may send per minute over all its conversations (0 = unlimited). */
  KEFU_RATE_LIMIT_CLIENT_MESSAGES: int(240).pipe(z.number().int().min(0)),
  /** How long a conversation token is valid; the widget renews it silently before then. */
  KEFU_TOKEN_TTL_MINUTES: int(1440).pipe(z.number().int().min(1).max(525_600)),
  /** How long after expiry a token may still be renewed (a returning visitor keeps the conversation). */
  KEFU_TOKEN_RENEW_DAYS: int(30).pipe(z.number().int().min(0).max(3650)),
  /**
   * Behind a reverse proxy: `true` (trust any), or comma-separated addresses/CIDRs of the proxies
   * (`127.0.0.1,10.0.0.0/8`). Then per-client limits key on the forwarded client address, not the
   * proxy's. Unset: the socket's address.
   */
  KEFU_TRUST_PROXY: z
    .string()
    .optional()
    .transform((v): boolean | string[] | undefined => {
      if (v === undefined || v.trim() === '' || v === 'false') return undefined
      if (v === 'true') return true
      return v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    }),
  /** Time a client has to send a whole request, headers and body (a half-sent body is cut off). */
  KEFU_HTTP_REQUEST_TIMEOUT_MS: int(30000).pipe(z.number().int().min(100).max(600_000)),
  /** Time a client has to send the request headers. */
  KEFU_HTTP_HEADERS_TIMEOUT_MS: int(10000).pipe(z.number().int().min(100).max(600_000)),
  /** Open connections one client IP may hold at once (0 = unlimited). */
  KEFU_MAX_CONNECTIONS_PER_IP: int(128).pipe(z.number().int().min(0)),
  /** Mirror every ticket event to an external ticket system (HMAC-signed POST). */
  KEFU_TICKET_WEBHOOK_URL: z.string().url().optional(),
  KEFU_TICKET_WEBHOOK_SECRET: z.string().optional(),
  /** Proactive notices: scan schedules, price-drop alerts, delayed-parcel apologies (docs/proactive.md). */
  KEFU_PROACTIVE: bool('true'),
  /** How often the proactive scheduler checks shops for due scans and new catalog imports. */
  KEFU_PROACTIVE_WATCH_MS: int(30_000).pipe(z.number().int().min(1000)),
  /** Commerce connectors (docs/commerce.md): minutes between reconciliation passes when a shop sets none. */
  KEFU_COMMERCE_RECONCILE_MINUTES: int(15).pipe(z.number().int().min(1).max(10_080)),
  /** Per-call timeout of connector HTTP calls (Shopify, WooCommerce). */
  KEFU_COMMERCE_TIMEOUT_MS: int(15_000).pipe(z.number().int().min(100).max(120_000)),
  /** How long a staff sign-in (console / back office cookie) lasts. */
  KEFU_STAFF_SESSION_TTL_MINUTES: int(720).pipe(z.number().int().min(1).max(525_600)),
  /** Failed sign-ins of one account, and from one client address, within the window before sign-in is refused. */
  KEFU_LOGIN_MAX_FAILURES_ACCOUNT: int(5).pipe(z.number().int().min(1)),
  KEFU_LOGIN_MAX_FAILURES_IP: int(20).pipe(z.number().int().min(1)),
  KEFU_LOGIN_WINDOW_MINUTES: int(15).pipe(z.number().int().min(1).max(1440)),
  /** How long an agent has to accept an offered conversation before it moves to the next agent. */
  KEFU_ROUTING_OFFER_SECONDS: int(60).pipe(z.number().int().min(5).max(3600)),
  /** How often the router looks for expired offers and waiting conversations (real time; decisions use the clock). */
  KEFU_ROUTING_SWEEP_MS: int(5000).pipe(z.number().int().min(50).max(600_000)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type Config = Readonly<z.infer<typeof configSchema>> & {
  readonly databaseUrl: string
  /**
   * Per-shop LLM keys: `KEFU_LLM_KEY_<NAME>=sk-…` in the environment, chosen by a shop with
   * `settings.llm.apiKeyRef: "<NAME>"`. Shop settings carry only the name, never the key.
   */
  readonly llmKeys: Readonly<Record<string, string>>
}

const LLM_KEY_PREFIX = 'KEFU_LLM_KEY_'

/** Parses config from env + overrides; throws a readable error naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined>, overrides: Record<string, string> = {}): Config {
  const merged: Record<string, string | undefined> = { ...env, ...overrides }
  // Empty strings mean "unset" (docker-compose style env files).
  for (const k of Object.keys(merged)) if (merged[k] === '') merged[k] = undefined
  const r = configSchema.safeParse(merged)
  if (!r.success) {
    const lines = r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new Error(`invalid configuration:\n  ${lines.join('\n  ')}`)
  }
  const c = r.data
  if (c.KEFU_LLM_BASE_URL && !c.KEFU_LLM_MODEL && !c.KEFU_EMBEDDINGS_MODEL) {
    throw new Error(
      'invalid configuration:\n  KEFU_LLM_MODEL (chat) or KEFU_EMBEDDINGS_MODEL (retrieval) is missing (needed because KEFU_LLM_BASE_URL is set)',
    )
  }
  if ((c.KEFU_LLM_MODEL || c.KEFU_EMBEDDINGS_MODEL) && !c.KEFU_LLM_BASE_URL) {
    throw new Error(
      'invalid configuration:\n  KEFU_LLM_BASE_URL is missing (needed because KEFU_LLM_MODEL or KEFU_EMBEDDINGS_MODEL is set)',
    )
  }
  if (c.KEFU_TICKET_WEBHOOK_URL && !c.KEFU_TICKET_WEBHOOK_SECRET) {
    throw new Error(
      'invalid configuration:\n  KEFU_TICKET_WEBHOOK_SECRET is missing (needed because KEFU_TICKET_WEBHOOK_URL is set)',
    )
  }
  const databaseUrl = c.KEFU_DATABASE_URL ?? `sqlite://${c.KEFU_DATA_DIR.replace(/\/$/, '')}/kefu.db`
  const llmKeys: Record<string, string> = {}
  for (const [k, v] of Object.entries(merged)) {
    if (!k.startsWith(LLM_KEY_PREFIX) || !v) continue
    const name = k.slice(LLM_KEY_PREFIX.length)
    if (!/^[A-Z0-9_]{1,64}$/.test(name)) {
      throw new Error(`invalid configuration:\n  ${k}: the name after ${LLM_KEY_PREFIX} must be A-Z, 0-9 or _`)
    }
    llmKeys[name] = v
  }
  return Object.freeze({ ...c, databaseUrl, llmKeys: Object.freeze(llmKeys) })
}

/** The config with secrets replaced, for `kefu config check` and startup logs. */
export function redactConfig(c: Config): Record<string, unknown> {
  const out: Record<string, unknown> = { ...c }
  for (const k of ['KEFU_SECRET', 'KEFU_ADMIN_TOKEN', 'KEFU_LLM_API_KEY', 'KEFU_TICKET_WEBHOOK_SECRET'])
    if (out[k]) out[k] = '***'
  out.llmKeys = Object.fromEntries(Object.keys(c.llmKeys).map((name) => [name, '***']))
  for (const k of ['KEFU_DATABASE_URL', 'databaseUrl', 'KEFU_REDIS_URL']) {
    const v = out[k]
    if (typeof v === 'string') out[k] = v.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@')
  }
  return out
}
