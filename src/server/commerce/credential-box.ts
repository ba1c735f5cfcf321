/**
 * Connector credentials at rest, sealed by the server's secret box (AES-256-GCM, HKDF-SHA256 key of its
 * own). The sealed form is `v1.<iv>.<tag>.<ciphertext>` (base64url); a wrong secret or a changed byte
 * fails to open.
 */
import { AppError } from '../../core/errors.js'
import { createSecretBox, type SecretBox } from '../secrets/secret-box.js'

const boxOf = (secret: string): SecretBox =>
  createSecretBox(secret, { salt: 'kefu', info: 'kefu commerce connector credentials v1' })

/** Encrypts a credentials object. */
export function sealCredentials(secret: string, credentials: Record<string, string>): string {
  const { iv, tag, ciphertext } = boxOf(secret).seal(JSON.stringify(credentials))
  return ['v1', iv, tag, ciphertext].join('.')
}

/** Decrypts what `sealCredentials` made; throws AppError('internal') naming no secret when it cannot. */
export function openCredentials(secret: string, sealed: string): Record<string, string> {
  const [v, iv, tag, ciphertext] = sealed.split('.')
  if (v !== 'v1' || !iv || !tag || ciphertext === undefined)
    throw new AppError('internal', 'connector credentials are not in a known sealed format')
  try {
    return JSON.parse(boxOf(secret).open({ iv, tag, ciphertext })) as Record<string, string>
  } catch (e) {
    throw new AppError(
      'internal',
      'connector credentials cannot be decrypted (was KEFU_SECRET or the data dir secret changed?)',
      { cause: e },
    )
  }
}
