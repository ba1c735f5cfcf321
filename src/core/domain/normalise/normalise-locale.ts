/**
 * Locale tags as real exports write them — BCP 47 (`zh-CN`, `zh-Hans`, `en-US`) or POSIX
 * (`zh_TW`, `en_GB.UTF-8`) — reduced to the language kefu answers in, keeping the full tag.
 */
import type { Locale } from '../schemas.js'

export type NormalisedLocale = {
  locale: Locale
  /** The canonical BCP 47 tag when it says more than the language (`zh-Hant-TW`, `en-GB`), else undefined. */
  tag?: string
}

const LANGUAGE: Record<string, Locale> = { zh: 'zh', en: 'en', chi: 'zh', zho: 'zh', eng: 'en' }

/**
 * The language of a locale tag, or null when it is not Chinese or English or not a tag at all
 * (the caller leaves such a value alone so the schema names the field).
 *
 * @example
 * normaliseLocale('zh_CN') // → { locale: 'zh', tag: 'zh-CN' }
 * normaliseLocale('en')    // → { locale: 'en' }
 * normaliseLocale('fr-FR') // → null
 */
export function normaliseLocale(raw: string): NormalisedLocale | null {
  // POSIX: language[_territory][.codeset][@modifier]
  const bare = raw.trim().replace(/[.@].*$/, '')
  if (!/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(bare)) return null
  const parts = bare.split(/[-_]/)
  const locale = LANGUAGE[parts[0]!.toLowerCase()]
  if (!locale) return null
  if (parts.length === 1) return { locale }
  const rest = parts.slice(1).map((p) => {
    if (/^[A-Za-z]{4}$/.test(p)) return p[0]!.toUpperCase() + p.slice(1).toLowerCase()
    if (/^[A-Za-z]{2}$/.test(p)) return p.toUpperCase()
    return p
  })
  return { locale, tag: [locale, ...rest].join('-') }
}
