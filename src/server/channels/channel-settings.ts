/**
 * Channel credentials in a shop's settings (`settings.channels[kind]`), shared by the admin API and
 * `kefu channel …`: validated by the kind's schema, secret fields encrypted with the server secret,
 * shown back only masked. The one exception is the answer to `add`, which shows generated secrets
 * (the webhook token) once, since the merchant must paste the webhook URL into the platform.
 */
import { randomBytes } from 'node:crypto'
import type { Shop } from '../../core/domain/records.js'
import { AppError } from '../../core/errors.js'
import type { ChannelKind } from '../../core/ports/channel.js'
import type { Store } from '../../core/ports/store.js'
import type { ChannelCredentials, ChannelKindDefinition } from './channel-kind.js'
import { type CredentialCipher, isEncrypted } from './credential-crypto.js'

/** What `settings.channels[kind]` holds. */
export type StoredChannel = {
  credentials: Record<string, string>
  addedAt: string
  updatedAt: string
}

export type ChannelView = {
  kind: ChannelKind
  title: string
  /** Secret fields masked as "[secret]". */
  credentials: Record<string, string>
  /** Where the platform must send its webhooks (secrets masked unless just generated). */
  webhookPath: string | null
  addedAt: string
  updatedAt: string
}

export const MASK = '[secret]'

/** A random URL-safe token (webhook path tokens). */
export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url')
}

const contextOf = (shopId: string, kind: string, field: string) => `${shopId}/${kind}/${field}`

function storedChannels(shop: Shop): Record<string, StoredChannel> {
  const c = shop.settings.channels
  return c && typeof c === 'object' ? (c as Record<string, StoredChannel>) : {}
}

export function createChannelSettings(deps: {
  store: Store
  cipher: CredentialCipher
  kinds: readonly ChannelKindDefinition[]
  now: () => Date
}) {
  const { store, cipher } = deps

  function kindOf(kind: string): ChannelKindDefinition {
    const def = deps.kinds.find((k) => k.kind === kind)
    if (!def) {
      throw new AppError(
        'invalid_input',
        `unknown channel kind '${kind}' (${deps.kinds.map((k) => k.kind).join(', ')})`,
      )
    }
    return def
  }

  function masked(def: ChannelKindDefinition, creds: ChannelCredentials): ChannelCredentials {
    return Object.fromEntries(Object.entries(creds).map(([k, v]) => [k, def.secretFields.includes(k) ? MASK : v]))
  }

  function view(shopId: string, def: ChannelKindDefinition, s: StoredChannel, shown?: ChannelCredentials): ChannelView {
    const m = masked(def, decryptAll(shopId, def, s))
    return {
      kind: def.kind,
      title: def.title,
      credentials: m,
      webhookPath: def.webhookPath ? def.webhookPath(shopId, shown ?? m) : null,
      addedAt: s.addedAt,
      updatedAt: s.updatedAt,
    }
  }

  function decryptAll(shopId: string, def: ChannelKindDefinition, s: StoredChannel): ChannelCredentials {
    return Object.fromEntries(
      Object.entries(s.credentials).map(([k, v]) => [
        k,
        isEncrypted(v) ? cipher.decrypt(v, contextOf(shopId, def.kind, k)) : v,
      ]),
    )
  }

  async function requireShop(shopId: string, from: Store = store): Promise<Shop> {
    const shop = await from.shops.get(shopId)
    if (!shop) throw new AppError('not_found', `shop '${shopId}' does not exist`)
    return shop
  }

  return {
    kinds: deps.kinds,
    kindOf,

    /**
     * Adds or replaces the shop's `kind` channel. Returns the view with the generated secrets shown
     * in `webhookPath` (once).
     */
    async add(shopId: string, kind: string, input: Record<string, unknown>): Promise<ChannelView> {
      const def = kindOf(kind)
      const filled: Record<string, unknown> = { ...input }
      for (const [field, gen] of Object.entries(def.generated ?? {})) {
        if (filled[field] === undefined || filled[field] === '') filled[field] = gen()
      }
      const r = def.credentials.safeParse(filled)
      if (!r.success) {
        const issues = r.error.issues.map((i) => ({ field: i.path.join('.') || '(credentials)', message: i.message }))
        throw new AppError('invalid_input', `${issues[0]!.field}: ${issues[0]!.message}`, { details: { issues } })
      }
      const creds = r.data
      const at = deps.now().toISOString()
      const stored = await store.transaction(async (tx) => {
        const shop = await requireShop(shopId, tx)
        const channels = storedChannels(shop)
        const entry: StoredChannel = {
          credentials: Object.fromEntries(
            Object.entries(creds).map(([k, v]) => [
              k,
              def.secretFields.includes(k) ? cipher.encrypt(v, contextOf(shopId, def.kind, k)) : v,
            ]),
          ),
          addedAt: channels[def.kind]?.addedAt ?? at,
          updatedAt: at,
        }
        await tx.shops.upsert({ ...shop, settings: { ...shop.settings, channels: { ...channels, [def.kind]: entry } } })
        return entry
      })
      return view(shopId, def, stored, creds)
    },

    async list(shopId: string): Promise<ChannelView[]> {
      const shop = await requireShop(shopId)
      const channels = storedChannels(shop)
      return deps.kinds.filter((d) => channels[d.kind]).map((d) => view(shopId, d, channels[d.kind]!))
    },

    async remove(shopId: string, kind: string): Promise<boolean> {
      const def = kindOf(kind)
      return store.transaction(async (tx) => {
        const shop = await requireShop(shopId, tx)
        const channels = storedChannels(shop)
        if (!channels[def.kind]) return false
        const { [def.kind]: _removed, ...rest } = channels
        await tx.shops.upsert({ ...shop, settings: { ...shop.settings, channels: rest } })
        return true
      })
    },

    /** The decrypted credentials, or null when the shop has no such channel. Never log the result. */
    async credentials(shopId: string, kind: ChannelKind): Promise<ChannelCredentials | null> {
      const def = deps.kinds.find((k) => k.kind === kind)
      if (!def) return null
      const shop = await store.shops.get(shopId)
      const s = shop ? storedChannels(shop)[kind] : undefined
      return s ? decryptAll(shopId, def, s) : null
    },
  }
}

export type ChannelSettings = ReturnType<typeof createChannelSettings>

/**
 * Shop settings as shown to people (admin API, `kefu shop show`): each channel's secrets masked,
 * without decrypting anything.
 */
export function redactChannelSecrets(settings: Record<string, unknown>): Record<string, unknown> {
  const channels = settings.channels
  if (!channels || typeof channels !== 'object') return settings
  const out: Record<string, unknown> = {}
  for (const [kind, s] of Object.entries(channels as Record<string, StoredChannel>)) {
    out[kind] = {
      ...s,
      credentials: Object.fromEntries(
        Object.entries(s.credentials ?? {}).map(([k, v]) => [k, isEncrypted(v) ? MASK : v]),
      ),
    }
  }
  return { ...settings, channels: out }
}
