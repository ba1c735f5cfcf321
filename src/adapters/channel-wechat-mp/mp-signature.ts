/**
 * The signature WeChat puts on every request to an Official Account's server URL: SHA-1 of the
 * account's Token, the `timestamp` and the `nonce`, sorted as strings and concatenated (safe mode's
 * `msg_signature` adds the `Encrypt` field and lives in channel-wechat-crypto).
 */
import { createHash } from 'node:crypto'
import { signaturesEqual } from '../channel-wechat-crypto/index.js'

/** Hex SHA-1 of the parts sorted lexicographically and joined. */
export function mpSignature(...parts: string[]): string {
  const joined = [...parts].sort().join('')
  return createHash('sha1').update(joined, 'utf8').digest('hex')
}

/**
 * True when `given` is the signature of `parts` (constant-time compare; a missing or
 * malformed value is simply false).
 *
 * @example
 * checkMpSignature(query.signature, token, query.timestamp, query.nonce)
 */
export function checkMpSignature(given: string | undefined, ...parts: Array<string | undefined>): boolean {
  if (!given || !/^[0-9a-f]{40}$/i.test(given)) return false
  if (parts.some((p) => p === undefined || p === '')) return false
  return signaturesEqual(mpSignature(...(parts as string[])), given)
}
