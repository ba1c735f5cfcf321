/**
 * Channel credentials at rest: AES-256-GCM under a key derived from the server secret, bound to shop,
 * kind and field; validated by the kind's schema; secrets masked everywhere they are shown.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../src/core/errors.js'
import { CHANNEL_KINDS } from '../../src/server/channels/channel-kinds.js'
import {
  type ChannelSettings,
  createChannelSettings,
  MASK,
  redactChannelSecrets,
} from '../../src/server/channels/channel-settings.js'
import { createCredentialCipher, isEncrypted } from '../../src/server/channels/credential-crypto.js'
import { makeShop, type OpenedStore, openTestSqliteStore } from '../helpers/store-fixtures.js'

describe('credential cipher', () => {
  it('round-trips, uses a fresh IV each time, and refuses another context, another secret or tampering', () => {
    const c = createCredentialCipher('server-secret-0123456789')
    const a = c.encrypt('bot-token-xyz', 'shop1/chatwoot/botToken')
    const b = c.encrypt('bot-token-xyz', 'shop1/chatwoot/botToken')
    expect(isEncrypted(a)).toBe(true)
    expect(a).not.toBe(b)
    expect(a).not.toContain('bot-token-xyz')
    expect(c.decrypt(a, 'shop1/chatwoot/botToken')).toBe('bot-token-xyz')
    const code = (f: () => unknown) => {
      try {
        f()
      } catch (e) {
        return AppError.isInstance(e) ? e.code : 'other'
      }
      return 'none'
    }
    expect(code(() => c.decrypt(a, 'shop2/chatwoot/botToken'))).toBe('internal')
    expect(code(() => createCredentialCipher('another-secret-0123456').decrypt(a, 'shop1/chatwoot/botToken'))).toBe(
      'internal',
    )
    const tampered = `${a.slice(0, -2)}${a.endsWith('A') ? 'B' : 'A'}${a.slice(-1)}`
    expect(code(() => c.decrypt(tampered, 'shop1/chatwoot/botToken'))).toBe('internal')
  })
})

describe('channel settings', () => {
  let opened: OpenedStore
  let settings: ChannelSettings
  let shopId: string
  beforeEach(async () => {
    opened = await openTestSqliteStore()
    const shop = makeShop()
    shopId = shop.id
    await opened.store.shops.upsert(shop)
    settings = createChannelSettings({
      store: opened.store,
      cipher: createCredentialCipher('server-secret-0123456789'),
      kinds: CHANNEL_KINDS,
      now: () => new Date('2026-06-10T08:00:00Z'),
    })
  })
  afterEach(async () => opened.cleanup())

  it('stores secrets encrypted, shows the generated webhook token once, masks it afterwards', async () => {
    const added = await settings.add(shopId, 'chatwoot', {
      baseUrl: 'https://chat.example.com/',
      accountId: '3',
      botToken: 'cw-bot-token-123',
    })
    expect(added.credentials).toMatchObject({
      baseUrl: 'https://chat.example.com',
      accountId: '3',
      botToken: MASK,
      webhookToken: MASK,
    })
    const token = /token=([^&]+)/.exec(added.webhookPath ?? '')?.[1]
    expect(token && token.length >= 16).toBe(true)

    const raw = JSON.stringify((await opened.store.shops.get(shopId))!.settings)
    expect(raw).not.toContain('cw-bot-token-123')
    expect(raw).not.toContain(token)
    const creds = await settings.credentials(shopId, 'chatwoot')
    expect(creds).toMatchObject({ botToken: 'cw-bot-token-123', webhookToken: decodeURIComponent(token!) })

    const [listed] = await settings.list(shopId)
    expect(listed!.credentials.botToken).toBe(MASK)
    expect(listed!.webhookPath).toContain(`token=${encodeURIComponent(MASK)}`)
    const shown = JSON.stringify(redactChannelSecrets((await opened.store.shops.get(shopId))!.settings))
    expect(shown).not.toMatch(/enc:v1:/)

    expect(await settings.remove(shopId, 'chatwoot')).toBe(true)
    expect(await settings.credentials(shopId, 'chatwoot')).toBeNull()
    expect(await settings.remove(shopId, 'chatwoot')).toBe(false)
  })

  it('validates against the kind’s schema, naming the field', async () => {
    const err = await settings
      .add(shopId, 'chatwoot', { baseUrl: 'ftp://x', accountId: 'abc', botToken: 'short', extra: 'x' })
      .catch((e: unknown) => e)
    expect(AppError.isInstance(err) && err.code).toBe('invalid_input')
    const fields = ((err as AppError).options.details as { issues: Array<{ field: string }> }).issues.map(
      (i) => i.field,
    )
    expect(fields).toEqual(expect.arrayContaining(['baseUrl', 'accountId', 'botToken']))
    const unknownKind = await settings.add(shopId, 'telegram', {}).catch((e: unknown) => e)
    expect(AppError.isInstance(unknownKind) && unknownKind.code).toBe('invalid_input')
  })
})
