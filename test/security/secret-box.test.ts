import { describe, expect, it } from 'vitest'
import { createCredentialCipher } from '../../src/server/channels/credential-crypto.js'
import { openCredentials, sealCredentials } from '../../src/server/commerce/credential-box.js'
import { createSecretBox } from '../../src/server/secrets/secret-box.js'

// Values sealed by the two earlier, separate implementations (before they shared the secret box):
// settings already stored in shops' databases must still open.
const STORED_CHANNEL_SECRET = 'enc:v1:FHRtvZ8pywadct6F:8eW9c00x38xQWp-agdXauQ:CMHwjv_3u_zRSXSFBIpf8bA'
const STORED_CONNECTOR_CREDENTIALS = 'v1.j_x73UIyIb3neeWO.fSmyXPRdyMWnqBRVZ8DDmw.Lfpm5mllp2xGDwGVFBAB-TvJ_tYdbloT-nLf'

describe('secrets at rest', () => {
  it('opens values stored by earlier versions', () => {
    expect(createCredentialCipher('test-secret-1').decrypt(STORED_CHANNEL_SECRET, 'shop:demo/wecom-kf')).toBe(
      'wecom-corp-secret',
    )
    expect(openCredentials('test-secret-1', STORED_CONNECTOR_CREDENTIALS)).toEqual({ accessToken: 'shpat_abc' })
  })

  it('keeps each use under its own key: a channel secret does not open as connector credentials', () => {
    const cipher = createCredentialCipher('s')
    const stored = cipher.encrypt('{"a":"b"}', '')
    const [iv, tag, ct] = stored.slice('enc:v1:'.length).split(':')
    expect(() => openCredentials('s', `v1.${iv}.${tag}.${ct}`)).toThrow(/cannot be decrypted/)
    expect(openCredentials('s', sealCredentials('s', { a: 'b' }))).toEqual({ a: 'b' })
  })

  it('refuses a wrong secret, wrong associated data or a changed byte', () => {
    const box = createSecretBox('one', { salt: 's', info: 'i' })
    const parts = box.seal('hello', 'shop-a')
    expect(box.open(parts, 'shop-a')).toBe('hello')
    expect(() => box.open(parts, 'shop-b')).toThrow()
    expect(() => createSecretBox('two', { salt: 's', info: 'i' }).open(parts, 'shop-a')).toThrow()
    const flipped = parts.ciphertext[0] === 'A' ? `B${parts.ciphertext.slice(1)}` : `A${parts.ciphertext.slice(1)}`
    expect(() => box.open({ ...parts, ciphertext: flipped }, 'shop-a')).toThrow()
  })
})
