/**
 * Channel secrets at rest, sealed by the server's secret box (AES-256-GCM, HKDF-SHA256 key of its own).
 * The shop and channel kind are bound as associated data, so a ciphertext copied into another shop's or
 * channel's settings does not decrypt.
 *
 * Stored form: `enc:v1:<iv b64url>:<tag b64url>:<ciphertext b64url>`.
 */
import { AppError } from '../../core/errors.js'
import { createSecretBox } from '../secrets/secret-box.js'

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
  const box = createSecretBox(serverSecret, { salt: 'kefu/channel-credentials', info: 'aes-256-gcm v1' })
  return {
    encrypt(plain, context) {
      const { iv, tag, ciphertext } = box.seal(plain, context)
      return `${PREFIX}${iv}:${tag}:${ciphertext}`
    },
    decrypt(stored, context) {
      const parts = stored.startsWith(PREFIX) ? stored.slice(PREFIX.length).split(':') : []
      const [iv, tag, ciphertext] = parts
      if (parts.length !== 3 || iv === undefined || tag === undefined || ciphertext === undefined)
        throw new AppError('internal', 'stored channel secret is not in the expected format')
      try {
        return box.open({ iv, tag, ciphertext }, context)
      } catch (e) {
        // Wrong server secret (KEFU_SECRET changed) or tampered settings: never the plaintext, never the key.
        throw new AppError('internal', 'cannot decrypt a stored channel secret (was KEFU_SECRET changed?)', {
          cause: e,
        })
      }
    },
  }
}
