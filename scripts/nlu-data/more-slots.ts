/**
 * Extra slot pools and surface noise for the "more" training fragments (more-<n>.yaml). Kept apart from
 * slots.ts on purpose: slots.ts feeds the test split too, and changing its pools would change the
 * random draws and so the fixed test split. Everything here is used for train and dev only. The word
 * lists are data: data/nlu/sources/<locale>/more-slots.yaml; this file holds how they are applied.
 */

import { readSource } from '../read-source.js'
import type { Random } from './seeded-random.js'
import { fillTemplate } from './slots.js'
import type { Locale } from './types.js'

type Pool = Record<string, readonly string[]>

/** Shape of data/nlu/sources/<locale>/more-slots.yaml. */
type MoreSlotSource = { pools: Pool; wrap: { pre: string[]; post: string[] }; slips: [string, string][] }

const zh = readSource<MoreSlotSource>('nlu/sources/zh/more-slots.yaml')
const en = readSource<MoreSlotSource>('nlu/sources/en/more-slots.yaml')
const zhPools = zh.pools
const enPools = en.pools

/** Fills this file's slots, then the shared ones (alternations and `{slot}`s of slots.ts). */
export function fillMore(template: string, locale: Locale, r: Random): string {
  const pools = locale === 'zh' ? zhPools : enPools
  const own = template.replace(/\{(p|wear|kicks|gadget|beauty|home|emo|qty|when)\}/g, (_m, name: string) =>
    r.pick(pools[name] as readonly string[]),
  )
  return fillTemplate(own, locale, r)
}

/** Intents whose messages are never wrapped in context (a three-sentence "hello" is not how people type). */
const NO_WRAP = new Set(['greeting'])

/** Wraps a message in rambling context so long messages carry the label of the request inside. */
export function wrapContext(text: string, locale: Locale, intent: string, r: Random): string {
  if (NO_WRAP.has(intent)) return text
  const core = text.replace(/[\s\p{P}]+$/u, '')
  if (locale === 'zh') {
    const n = r.chance(0.4) ? 2 : 1
    let pre = ''
    for (let i = 0; i < n; i++) pre += r.pick(zh.wrap.pre)
    return `${pre}${core}${r.pick(zh.wrap.post)}`
  }
  const pre = r.pick(en.wrap.pre)
  const body = /^(I |I'|X2)/.test(core) ? core : core.charAt(0).toUpperCase() + core.slice(1)
  return `${pre}${body}.${r.pick(en.wrap.post)}`
}

/**
 * Surface noise beyond slots.ts `decorate`: extra slips, dropped punctuation, repeated question
 * marks, an emoji, lower-casing. Applied to template output only; hand-written lines stay verbatim.
 */
export function roughen(text: string, locale: Locale, r: Random): string {
  let out = text
  const slips = locale === 'zh' ? zh.slips : en.slips
  if (r.chance(0.18)) {
    const hits = slips.filter(([from]) => out.includes(from))
    if (hits.length > 0) {
      const [from, to] = r.pick(hits)
      out = out.replace(from, to)
    }
  }
  if (r.chance(0.15))
    out = out
      .replace(/[，。,.!！]/gu, ' ')
      .replace(/ {2,}/g, ' ')
      .trim()
  if (r.chance(0.08))
    out += locale === 'zh' ? r.pick(['？？？', '!!!', '。。。', '?!', '啊啊啊']) : r.pick(['???', '!!', '?!', '....'])
  if (r.chance(0.1)) out += r.pick(locale === 'zh' ? (zhPools.emo as string[]) : (enPools.emo as string[]))
  if (locale === 'en' && r.chance(0.12)) out = out.toLowerCase().replace(/'/g, '')
  return out
}
