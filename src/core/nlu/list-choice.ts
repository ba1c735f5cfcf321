/**
 * A bare list number as a reply ("2", "２", "3.", "1、"): which option of a numbered list the customer
 * picks on a text-only channel. Part of the understanding stage; the channel layer maps the number to
 * the button it rendered (src/core/channels/degrade-replies.ts).
 */

/** The 1-based number of a bare-number reply (ASCII or full-width digits), or null. */
export function listNumber(text: string): number | null {
  const m = /^\s*([0-9０-９]{1,2})\s*[.。、]?\s*$/.exec(text)
  if (!m) return null
  return Number(m[1]!.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)))
}
