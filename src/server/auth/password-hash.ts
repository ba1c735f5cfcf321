/**
 * Staff passwords: scrypt (Node's crypto), a random 16-byte salt per password, the parameters kept
 * with the hash (`scrypt$N$r$p$salt$hash`, base64url) so they can be raised later without breaking
 * stored hashes, and a constant-time comparison.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/** N = 2^15, r = 8, p = 1: about 32 MB and tens of milliseconds per hash on a server core. */
const DEFAULTS = { N: 32_768, r: 8, p: 1, keyLen: 64 }
const MAX_N = 1 << 20

export const MIN_PASSWORD_CHARS = 8
export const MAX_PASSWORD_CHARS = 256

function derive(password: string, salt: Buffer, N: number, r: number, p: number, keyLen: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLen, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    )
  })
}

/** Hashes a password for storage. */
export async function hashPassword(password: string): Promise<string> {
  const { N, r, p, keyLen } = DEFAULTS
  const salt = randomBytes(16)
  const key = await derive(password, salt, N, r, p, keyLen)
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`
}

/** True when `password` matches `stored`; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number]
  if (![N, r, p].every((x) => Number.isInteger(x) && x > 0) || N > MAX_N || (N & (N - 1)) !== 0 || r > 32 || p > 16) {
    return false
  }
  const salt = Buffer.from(parts[4]!, 'base64url')
  const expected = Buffer.from(parts[5]!, 'base64url')
  if (salt.length < 8 || expected.length < 16) return false
  const key = await derive(password, salt, N, r, p, expected.length)
  return timingSafeEqual(key, expected)
}

/** A hash of a random password: verifying against it costs what a real check costs (unknown usernames). */
let dummy: Promise<string> | null = null
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'))
  return dummy
}
