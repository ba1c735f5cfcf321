/**
 * Secrets at rest: AES-256-GCM under a key derived (HKDF-SHA256) from the server secret (KEFU_SECRET or
 * the data dir's generated secret). Each use (channel credentials, commerce connector credentials) derives
 * its own key from its own salt and info, so a value sealed for one use never opens in another; optional
 * associated data binds a value to where it is stored (e.g. shop + channel kind).
 *
 * Callers keep their own stored string formats; this module only seals and opens the three parts.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

/** The three base64url parts of a sealed value. */
export type SealedParts = { iv: string; tag: string; ciphertext: string }

export type SecretBox = {
  seal(plain: string, associatedData?: string): SealedParts
  /** Throws (any error) when the key, the associated data or a byte of the parts is wrong. */
  open(parts: SealedParts, associatedData?: string): string
}

export function createSecretBox(serverSecret: string, use: { salt: string; info: string }): SecretBox {
  const key = Buffer.from(hkdfSync('sha256', serverSecret, use.salt, use.info, 32))
  return {
    seal(plain, associatedData) {
      const iv = randomBytes(12)
      const c = createCipheriv('aes-256-gcm', key, iv)
      if (associatedData !== undefined) c.setAAD(Buffer.from(associatedData, 'utf8'))
      const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()])
      return {
        iv: iv.toString('base64url'),
        tag: c.getAuthTag().toString('base64url'),
        ciphertext: ct.toString('base64url'),
      }
    },
    open(parts, associatedData) {
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(parts.iv, 'base64url'))
      if (associatedData !== undefined) d.setAAD(Buffer.from(associatedData, 'utf8'))
      d.setAuthTag(Buffer.from(parts.tag, 'base64url'))
      return Buffer.concat([d.update(Buffer.from(parts.ciphertext, 'base64url')), d.final()]).toString('utf8')
    },
  }
}
