/**
 * "Does this case fit my X2 Pro Max?", "那个无线充能给我的X2充吗", "will the 65W charger charge a Book Pro 14
 * at full speed?": a question whether an accessory works with a device. The accessory is a product whose
 * catalog row carries a `compatibility` text; it is named (title, alias) or described by words of its
 * title ("X2 Pro的原装壳", "磁吸充电底座"). The device is the other product the message names. The answer
 * quotes the accessory's compatibility, says whether the device is listed (and excluded or not), and for
 * a charger adds the power the device charges at, so "at full speed" is answered too.
 */
import type { Locale, Product } from '../domain/schemas.js'
import { normalizeText } from '../text/normalize-text.js'
import { ATTRIBUTE_CONCEPTS, type AttributeConcept } from './product-attributes.js'
import type { ProductGraph, ProductMention } from './product-graph.js'

export type FitAnswer = { text: string; skus: string[]; verdicts: Array<'yes' | 'no' | 'unknown'> }

const COMPAT_KEY = /^compatib/i
const HAS_CJK = /[\u3400-\u9fff]/

/** The compatibility text of a catalog row in a language (the `…En` twin for English), or null. */
function compatText(p: Product, locale: Locale): string | null {
  const keys = Object.keys(p.attributes).filter((k) => COMPAT_KEY.test(k) && !/En$/.test(k))
  const key = keys[0]
  if (!key) return null
  const v = locale === 'en' ? (p.attributes[`${key}En`] ?? p.attributes[key]) : p.attributes[key]
  return typeof v === 'string' && v.trim() ? v.trim() : null
}

/** Words of a text for matching a description: English words / model numbers, and Chinese character pairs. */
export function descriptionTokens(text: string): Set<string> {
  const out = new Set<string>()
  for (const part of normalizeText(text).split(/[^a-z0-9\u3400-\u9fff]+/)) {
    if (!part) continue
    for (const run of part.match(/[a-z0-9]+|[\u3400-\u9fff]+/g) ?? []) {
      if (!HAS_CJK.test(run)) {
        out.add(run)
        continue
      }
      for (let i = 0; i + 2 <= run.length; i++) out.add(run.slice(i, i + 2))
    }
  }
  return out
}

/**
 * How many of the message's words a name of the product shares — 0 unless one of them is not a word of a
 * product the message names outright ("Nova 7 Ultra" alone does not describe the Nova 7 Ultra's case).
 */
function describedBy(tokens: Set<string>, names: readonly string[], named: Set<string>): number {
  let best = 0
  for (const n of names) {
    let s = 0
    let own = 0
    for (const t of descriptionTokens(n)) {
      if (!tokens.has(t)) continue
      s++
      if (!named.has(t)) own++
    }
    if (own > 0) best = Math.max(best, s)
  }
  return best
}

/** A described accessory needs this many shared words, and must lead every other one. */
const MIN_DESCRIPTION = 3

const NEGATION = /(不|无法|没有|非|except|not|n't|without)/
const EXAMPLE = /^\s*(如|例如|比如|e\.g\.|eg|such as)/

/** Clauses of a compatibility text ("…；不适用于 X2 和 X2 Pro Max"), an example "(e.g. the X2)" joined to its clause. */
function clauses(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = []
  let start = 0
  const cut = (end: number, next: number) => {
    const piece = text.slice(start, end)
    const prev = out[out.length - 1]
    if (prev && EXAMPLE.test(piece)) prev.end = end
    else out.push({ start, end })
    start = next
  }
  for (let i = 0; i < text.length; i++) if (/[;；。()（）]/.test(text[i]!)) cut(i, i + 1)
  cut(text.length, text.length)
  return out
}

/** Whether the compatibility text lists the device, and in a negated clause ("不适用于 X2", "not X2"). */
function verdictFor(compat: string, device: string, graph: ProductGraph): 'yes' | 'no' | 'unknown' {
  const norm = normalizeText(compat)
  const hit = graph.findMentions(compat).find((m) => m.sku === device)
  if (!hit) return 'unknown'
  const clause = clauses(norm).find((c) => hit.start >= c.start && hit.start < c.end)
  if (!clause) return 'unknown'
  return NEGATION.test(norm.slice(clause.start, clause.end)) ? 'no' : 'yes'
}

/** True when the compatibility text names models of that category (a list the device is then missing from). */
function listsKind(compat: string, category: string, graph: ProductGraph): boolean {
  return graph.findMentions(compat).some((m) => graph.get(m.sku)?.category === category)
}

function nameOf(p: Product, locale: Locale): string {
  const en = p.attributes.titleEn
  return locale === 'en' && typeof en === 'string' && en ? en : p.title
}

const FAST_CHARGING = ATTRIBUTE_CONCEPTS.find((c) => c.id === 'fastCharging') as AttributeConcept

/** The device's own charging power (`chargingW: 100` → "100W"), for a charger question. */
function chargingPower(p: Product): number | null {
  for (const [k, v] of Object.entries(p.attributes)) {
    if (!FAST_CHARGING.keys.test(k) || typeof v !== 'number') continue
    return v
  }
  return null
}

/**
 * The fit answer for a message, or null when it does not name (or describe) an accessory with a
 * compatibility text. `live` reads a product row now; `context` is the product the conversation is about.
 */
export async function composeFitAnswer(
  text: string,
  mentions: readonly ProductMention[],
  graph: ProductGraph,
  live: (sku: string) => Promise<Product | null>,
  locale: Locale,
  context: string | null,
): Promise<FitAnswer | null> {
  const rows = new Map<string, Product>()
  const row = async (sku: string) => {
    if (!rows.has(sku)) {
      const p = await live(sku)
      if (p) rows.set(sku, p)
    }
    return rows.get(sku) ?? null
  }
  const mentioned: string[] = []
  for (const m of mentions) if (!mentioned.includes(m.sku)) mentioned.push(m.sku)
  const isAccessory = (sku: string) =>
    Object.keys(graph.get(sku)?.attributeConcepts ?? {}).some((k) => COMPAT_KEY.test(k))
  // An accessory described by its title's words, when no name of it was typed.
  const tokens = descriptionTokens(text)
  const named = new Set(mentions.flatMap((m) => [...descriptionTokens(m.name)]))
  let described: { sku: string; score: number } | null = null
  let runnerUp = 0
  for (const node of graph.nodes()) {
    if (mentioned.includes(node.sku) || !isAccessory(node.sku)) continue
    const score = describedBy(tokens, node.names, named)
    if (score > (described?.score ?? 0)) {
      runnerUp = described?.score ?? 0
      described = { sku: node.sku, score }
    } else if (score > runnerUp) runnerUp = score
  }
  const accessories: string[] = []
  if (described && described.score >= MIN_DESCRIPTION && described.score > runnerUp) accessories.push(described.sku)
  const describedNames = described && accessories.length > 0 ? (graph.get(described.sku)?.names ?? []) : []
  const devices: string[] = []
  for (const m of mentions) {
    if (accessories.includes(m.sku) || devices.includes(m.sku)) continue
    // An accessory's name inside the described accessory's own name ("磁吸充电" in "磁吸充电底座") is that accessory.
    if (isAccessory(m.sku) && describedNames.some((n) => n.includes(m.name))) continue
    ;(isAccessory(m.sku) ? accessories : devices).push(m.sku)
  }
  // The device is the one named apart from the accessory's description ("X2 Pro case … my X2 Pro Max"),
  // else the last one named ("X2 Pro的原装壳 我X2标准版能用吗").
  const partOfDescription = (sku: string) => {
    const m = mentions.find((x) => x.sku === sku)
    return m ? describedNames.some((n) => n.includes(m.name)) : false
  }
  devices.reverse()
  devices.sort((a, b) => Number(partOfDescription(a)) - Number(partOfDescription(b)))
  if (accessories.length === 0) return null
  // Two products with a compatibility text (a watch and a watch dock): the one the other's text names
  // the kind of ("Watch 4 / Watch 3" for the dock) is the device.
  if (devices.length === 0 && accessories.length >= 2) {
    for (const a of accessories) {
      const p = await row(a)
      const compat = p ? compatText(p, 'zh') : null
      const kinds = compat ? graph.findMentions(compat).map((m) => graph.get(m.sku)?.category) : []
      const other = accessories.find((o) => o !== a && kinds.includes(graph.get(o)?.category))
      if (other) {
        accessories.splice(accessories.indexOf(other), 1)
        devices.push(other)
        break
      }
    }
  }
  if (devices.length === 0 && context && !accessories.includes(context) && !isAccessory(context)) devices.push(context)
  const zh = locale === 'zh'
  const device = devices[0] ? await row(devices[0]) : null
  const parts: string[] = []
  const verdicts: FitAnswer['verdicts'] = []
  for (const sku of accessories.slice(0, 2)) {
    const p = await row(sku)
    if (!p) continue
    const compat = compatText(p, locale)
    if (!compat) continue
    const name = nameOf(p, locale)
    const verdict = device ? verdictFor(compatText(p, 'zh') ?? compat, device.sku, graph) : 'unknown'
    verdicts.push(verdict)
    const dn = device ? nameOf(device, locale) : ''
    if (verdict === 'yes')
      parts.push(
        zh
          ? `【${name}】适用于${dn}。适用范围：${compat}。`
          : `${name}: yes, it works with the ${dn}. Compatibility: ${compat}.`,
      )
    else if (verdict === 'no')
      parts.push(
        zh
          ? `【${name}】不适用于${dn}。适用范围：${compat}。`
          : `${name}: no, it does not work with the ${dn}. Compatibility: ${compat}.`,
      )
    else if (device && listsKind(compatText(p, 'zh') ?? compat, device.category, graph))
      parts.push(
        zh
          ? `【${name}】适用范围：${compat}。${dn}不在列出的型号里，请以此为准。`
          : `${name}: compatibility: ${compat}. The ${dn} is not among the models listed.`,
      )
    else parts.push(zh ? `【${name}】适用范围：${compat}。` : `${name}: compatibility: ${compat}.`)
    const watts = device && verdict !== 'no' ? chargingPower(device) : null
    if (watts !== null && /charg|充电|充/.test(`${p.category} ${p.title}`)) {
      const own = /(\d+)\s?w\b/i.exec(p.attributes.titleEn?.toString() ?? p.title)
      const slower = own && Number(own[1]) < watts
      parts.push(
        zh
          ? `${dn}最高支持 ${watts}W 充电${slower ? `，用 ${own[1]}W 的充电器能充，但达不到满速` : ''}。`
          : `The ${dn} charges at up to ${watts} W${slower ? `, so a ${own[1]} W charger charges it, but not at full speed` : ''}.`,
      )
    }
  }
  if (parts.length === 0) return null
  return { text: parts.join(zh ? '' : ' '), skus: accessories, verdicts }
}
