/** Full-width ASCII → half-width, keeping UTF-16 offsets unchanged. */
export function halfWidth(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : c === 0x3000 ? ' ' : text[i]
  }
  return out
}
