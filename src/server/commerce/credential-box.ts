/**
 * Connector credentials at rest: AES-256-GCM with a key derived (HKDF-SHA256) from the server
 * secret (KEFU_SECRET or the data dir's generated secret). The sealed form is
 * `v1.<iv>.<tag>.<ciphertext>` (base64url); a wrong secret or a changed byte fails to open.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { AppError } from '../../core/errors.js'

function keyOf(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'kefu', 'kefu commerce connector credentials v1', 32))
}

/** Encrypts a credentials object. */
export function sealCredentials(secret: string, credentials: Record<string, string>): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv)
  const ct = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()])
  return ['v1', iv, cipher.getAuthTag(), ct].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.')
}

/** Decrypts what `sealCredentials` made; throws AppError('internal') naming no secret when it cannot. */
export function openCredentials(secret: string, sealed: string): Record<string, string> {
  const [v, iv, tag, ct] = sealed.split('.')
  if (v !== 'v1' || !iv || !tag || ct === undefined)
    throw new AppError('internal', 'connector credentials are not in a known sealed format')
  try {
    const d = createDecipheriv('aes-256-gcm', keyOf(secret), Buffer.from(iv, 'base64url'))
    d.setAuthTag(Buffer.from(tag, 'base64url'))
    const plain = Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8')
    return JSON.parse(plain) as Record<string, string>
  } catch (e) {
    throw new AppError(
      'internal',
      'connector credentials cannot be decrypted (was KEFU_SECRET or the data dir secret changed?)',
      { cause: e },
    )
  }
}
