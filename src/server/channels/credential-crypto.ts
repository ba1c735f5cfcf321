/**
 * Channel secrets at rest: AES-256-GCM with a key derived from the server secret (KEFU_SECRET or the
 * generated data-dir secret) by HKDF-SHA256. The shop and channel kind are bound as associated data,
 * so a ciphertext copied into another shop's or channel's settings does not decrypt.
 *
 * Stored form: `enc:v1:<iv b64url>:<tag b64url>:<ciphertext b64url>`.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { AppError } from '../../core/errors.js'

const PREFIX = 'enc:v1:'

export type CredentialCipher = {
  encrypt(plain: string, context: string): string
  decrypt(stored: string, context: string): string
}

/** True when `v` looks like a value `encrypt` produced. */
export function isEncrypted(v: unknown): v is string {
  return typeof v === 'string' && v.startsWith(PREFIX)
}

export function createCredentialCipher(serverSecret: string): CredentialCipher {
  const key = Buffer.from(hkdfSync('sha256', serverSecret, 'kefu/channel-credentials', 'aes-256-gcm v1', 32))
  return {
    encrypt(plain, context) {
      const iv = randomBytes(12)
      const c = createCipheriv('aes-256-gcm', key, iv)
      c.setAAD(Buffer.from(context, 'utf8'))
      const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()])
      return `${PREFIX}${iv.toString('base64url')}:${c.getAuthTag().toString('base64url')}:${ct.toString('base64url')}`
    },
    decrypt(stored, context) {
      const parts = stored.startsWith(PREFIX) ? stored.slice(PREFIX.length).split(':') : []
      if (parts.length !== 3) throw new AppError('internal', 'stored channel secret is not in the expected format')
      try {
        const [iv, tag, ct] = parts.map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer]
        const d = createDecipheriv('aes-256-gcm', key, iv)
        d.setAAD(Buffer.from(context, 'utf8'))
        d.setAuthTag(tag)
        return Buffer.concat([d.update(ct), d.final()]).toString('utf8')
      } catch (e) {
        // Wrong server secret (KEFU_SECRET changed) or tampered settings: never the plaintext, never the key.
        throw new AppError('internal', 'cannot decrypt a stored channel secret (was KEFU_SECRET changed?)', {
          cause: e,
        })
      }
    },
  }
}
