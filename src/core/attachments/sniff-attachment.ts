/**
 * What an uploaded file really is, from its first bytes (never from the client's Content-Type or file
 * name): JPEG, PNG and WebP pictures; MP3, WAV, Ogg (Opus/Vorbis), WebM, MP4/M4A, FLAC and AMR voice
 * messages. Anything else is refused by the upload endpoint.
 */

export type AttachmentKind = 'image' | 'audio'
export type SniffedType = { kind: AttachmentKind; mime: string; ext: string }

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x)
const ascii = (b: Uint8Array, s: string, at = 0) =>
  startsWith(
    b,
    [...s].map((c) => c.charCodeAt(0)),
    at,
  )

/**
 * The file's type, or null when it is none of the accepted kinds.
 *
 * @example
 * sniffAttachment(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])) // { kind: 'image', mime: 'image/jpeg', ext: 'jpg' }
 */
export function sniffAttachment(b: Uint8Array): SniffedType | null {
  if (b.length < 12) return null
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { kind: 'image', mime: 'image/jpeg', ext: 'jpg' }
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: 'image', mime: 'image/png', ext: 'png' }
  if (ascii(b, 'RIFF') && ascii(b, 'WEBP', 8)) return { kind: 'image', mime: 'image/webp', ext: 'webp' }
  if (ascii(b, 'RIFF') && ascii(b, 'WAVE', 8)) return { kind: 'audio', mime: 'audio/wav', ext: 'wav' }
  if (ascii(b, 'OggS')) return { kind: 'audio', mime: 'audio/ogg', ext: 'ogg' }
  if (ascii(b, 'fLaC')) return { kind: 'audio', mime: 'audio/flac', ext: 'flac' }
  if (ascii(b, '#!AMR')) return { kind: 'audio', mime: 'audio/amr', ext: 'amr' }
  if (startsWith(b, [0x1a, 0x45, 0xdf, 0xa3])) return { kind: 'audio', mime: 'audio/webm', ext: 'webm' }
  if (ascii(b, 'ftyp', 4)) return { kind: 'audio', mime: 'audio/mp4', ext: 'm4a' }
  if (ascii(b, 'ID3')) return { kind: 'audio', mime: 'audio/mpeg', ext: 'mp3' }
  // An MPEG audio frame without ID3 tag: 11 sync bits, layer III.
  if (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0 && ((b[1] ?? 0) & 0x06) === 0x02)
    return { kind: 'audio', mime: 'audio/mpeg', ext: 'mp3' }
  return null
}
