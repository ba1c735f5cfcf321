/**
 * WXBizMsgCrypt: the message encryption shared by WeCom (企业微信, incl. WeChat Customer Service)
 * and WeChat Official Accounts in safe mode, written from the public description of the scheme.
 *
 * - Signature: SHA1 (hex) of the lexicographically sorted concatenation of token, timestamp, nonce
 *   and the encrypted text; compared in constant time.
 * - Cipher: AES-256-CBC, key = base64decode(EncodingAESKey + "="), IV = the key's first 16 bytes,
 *   PKCS#7 padding to a multiple of 32 bytes.
 * - Plaintext: 16 random bytes ‖ 4-byte big-endian message length ‖ message ‖ receiveId, where
 *   receiveId is the corp id (WeCom) or the app id (Official Account); it is checked on decrypt.
 *
 * Outcomes are values (`WxOpenResult`); only a bad configuration (a malformed EncodingAESKey) throws.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { AppError } from '../../core/errors.js'

export type WxCryptConfig = {
  /** The Token set in the platform's callback settings. */
  token: string
  /** The 43-character EncodingAESKey set in the platform's callback settings. */
  encodingAESKey: string
  /** Corp id (WeCom) or app id (Official Account): the plaintext must end with it. */
  receiveId: string
}

/** Why a signed/encrypted payload was refused. */
export type WxOpenFailure = 'bad_signature' | 'bad_ciphertext' | 'wrong_receiver'

export type WxOpenResult = { ok: true; message: string } | { ok: false; reason: WxOpenFailure }

const BLOCK = 32
/** Encrypted payloads above this many base64 characters are refused without decrypting. */
const MAX_ENCRYPTED_CHARS = 1_000_000

/**
 * The WXBizMsgCrypt signature of a request: SHA1 hex of the sorted, concatenated parts.
 *
 * @example
 * wxSignature('QDG6eK', '1409659589', '263014780', echostr) // '5c45ff5e…'
 */
export function wxSignature(token: string, timestamp: string, nonce: string, encrypted: string): string {
  const parts = [token, timestamp, nonce, encrypted].sort()
  return createHash('sha1').update(parts.join(''), 'utf8').digest('hex')
}

/** Constant-time comparison of two hex signatures (case-insensitive). */
export function signaturesEqual(expected: string, received: string): boolean {
  const a = Buffer.from(expected.toLowerCase(), 'utf8')
  const b = Buffer.from(received.toLowerCase(), 'utf8')
  if (a.length !== b.length) {
    // Still spend the comparison so a length mismatch costs the same as a content mismatch.
    timingSafeEqual(a, a)
    return false
  }
  return timingSafeEqual(a, b)
}

/** Decodes an EncodingAESKey into the 32-byte AES key; throws `invalid_input` when malformed. */
export function decodeEncodingAESKey(encodingAESKey: string): Buffer {
  if (!/^[A-Za-z0-9+/]{43}$/.test(encodingAESKey)) {
    throw new AppError('invalid_input', 'EncodingAESKey must be 43 characters of [A-Za-z0-9]')
  }
  const key = Buffer.from(`${encodingAESKey}=`, 'base64')
  if (key.length !== 32) throw new AppError('invalid_input', 'EncodingAESKey does not decode to 32 bytes')
  return key
}

/**
 * One configured WXBizMsgCrypt: verifies, decrypts and encrypts payloads for one Token /
 * EncodingAESKey / receiveId.
 *
 * @example
 * const crypt = new WxBizMsgCrypt({ token, encodingAESKey, receiveId: corpId })
 * const opened = crypt.open(q.msg_signature, q.timestamp, q.nonce, q.echostr)
 * if (opened.ok) reply.send(opened.message)
 */
export class WxBizMsgCrypt {
  readonly #token: string
  readonly #key: Buffer
  readonly #iv: Buffer
  readonly #receiveId: string

  constructor(config: WxCryptConfig) {
    this.#token = config.token
    this.#key = decodeEncodingAESKey(config.encodingAESKey)
    this.#iv = this.#key.subarray(0, 16)
    this.#receiveId = config.receiveId
  }

  /** The signature this configuration gives `encrypted` at `timestamp`/`nonce`. */
  sign(timestamp: string, nonce: string, encrypted: string): string {
    return wxSignature(this.#token, timestamp, nonce, encrypted)
  }

  /** True when `signature` is the one for these parts. */
  verify(signature: string, timestamp: string, nonce: string, encrypted: string): boolean {
    return signaturesEqual(this.sign(timestamp, nonce, encrypted), signature)
  }

  /**
   * Checks the signature, then decrypts and checks the receiveId: the URL-verification `echostr`
   * and the `<Encrypt>` of a callback are both opened this way. Nothing is decrypted when the
   * signature is wrong.
   */
  open(signature: string, timestamp: string, nonce: string, encrypted: string): WxOpenResult {
    if (!this.verify(signature, timestamp, nonce, encrypted)) return { ok: false, reason: 'bad_signature' }
    return this.decrypt(encrypted)
  }

  /** Decrypts a base64 payload (no signature check) and checks its receiveId. */
  decrypt(encrypted: string): WxOpenResult {
    const fail = (reason: WxOpenFailure): WxOpenResult => ({ ok: false, reason })
    if (encrypted.length === 0 || encrypted.length > MAX_ENCRYPTED_CHARS) return fail('bad_ciphertext')
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encrypted)) return fail('bad_ciphertext')
    const cipherBytes = Buffer.from(encrypted, 'base64')
    if (cipherBytes.length < BLOCK || cipherBytes.length % 16 !== 0) return fail('bad_ciphertext')
    let plain: Buffer
    try {
      const decipher = createDecipheriv('aes-256-cbc', this.#key, this.#iv)
      decipher.setAutoPadding(false)
      plain = Buffer.concat([decipher.update(cipherBytes), decipher.final()])
    } catch {
      return fail('bad_ciphertext')
    }
    const pad = plain[plain.length - 1] ?? 0
    if (pad < 1 || pad > BLOCK || pad > plain.length) return fail('bad_ciphertext')
    for (let i = plain.length - pad; i < plain.length; i++) if (plain[i] !== pad) return fail('bad_ciphertext')
    const body = plain.subarray(16, plain.length - pad)
    if (body.length < 4) return fail('bad_ciphertext')
    const msgLength = body.readUInt32BE(0)
    if (msgLength > body.length - 4) return fail('bad_ciphertext')
    const message = body.subarray(4, 4 + msgLength).toString('utf8')
    const receiveId = body.subarray(4 + msgLength).toString('utf8')
    if (!signaturesEqual(this.#receiveId, receiveId)) return fail('wrong_receiver')
    return { ok: true, message }
  }

  /**
   * Encrypts `message` for this receiveId (base64). `random16` is for tests that pin a vector;
   * leave it out in production.
   */
  encrypt(message: string, random16: Buffer = randomBytes(16)): string {
    if (random16.length !== 16) throw new AppError('invalid_input', 'the random prefix must be 16 bytes')
    const msg = Buffer.from(message, 'utf8')
    const length = Buffer.alloc(4)
    length.writeUInt32BE(msg.length, 0)
    const body = Buffer.concat([random16, length, msg, Buffer.from(this.#receiveId, 'utf8')])
    const pad = BLOCK - (body.length % BLOCK)
    const padded = Buffer.concat([body, Buffer.alloc(pad, pad)])
    const cipher = createCipheriv('aes-256-cbc', this.#key, this.#iv)
    cipher.setAutoPadding(false)
    return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64')
  }
}
