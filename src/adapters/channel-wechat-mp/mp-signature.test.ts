import { describe, expect, it } from 'vitest'
import { checkMpSignature, mpSignature } from './mp-signature.js'

// The worked examples of WeChat's message-push documentation (Token "AAAAA").
describe('mpSignature', () => {
  it('matches the documented server-verification example', () => {
    expect(mpSignature('AAAAA', '1714036504', '1514711492')).toBe('f464b24fc39322e44b38aa78f5edd27bd1441696')
  })

  it('matches the documented plaintext-push example', () => {
    expect(mpSignature('AAAAA', '1714037059', '486452656')).toBe('899cf89e464efb63f54ddac96b0a0a235f53aa78')
  })

  it('checks a signature and refuses a wrong, malformed or incomplete one', () => {
    const sig = 'f464b24fc39322e44b38aa78f5edd27bd1441696'
    expect(checkMpSignature(sig, 'AAAAA', '1714036504', '1514711492')).toBe(true)
    expect(checkMpSignature(sig.toUpperCase(), 'AAAAA', '1714036504', '1514711492')).toBe(true)
    expect(checkMpSignature(sig, 'AAAAB', '1714036504', '1514711492')).toBe(false)
    expect(checkMpSignature('not-hex', 'AAAAA', '1714036504', '1514711492')).toBe(false)
    expect(checkMpSignature(sig, 'AAAAA', undefined, '1514711492')).toBe(false)
    expect(checkMpSignature(undefined, 'AAAAA', '1714036504', '1514711492')).toBe(false)
  })
})
