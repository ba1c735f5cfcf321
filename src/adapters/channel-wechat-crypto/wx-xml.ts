/**
 * The small XML documents WeChat platforms exchange (`<xml><ToUserName>…</ToUserName>…</xml>`):
 * parsed with fast-xml-parser into string fields (never numbers — message ids exceed 2^53), with a
 * size cap and no DOCTYPE (no entity expansion); built with every text value in CDATA.
 */
import { XMLParser } from 'fast-xml-parser'

/** A field of a WeChat XML document: text, or a nested element's fields. */
export type WxXmlValue = string | WxXmlFields
export type WxXmlFields = { [name: string]: WxXmlValue }

export type WxXmlParseResult = { ok: true; fields: WxXmlFields } | { ok: false; reason: 'too_large' | 'malformed' }

/** Callback bodies are a few hundred bytes; anything above this is refused unparsed. */
export const WX_XML_MAX_BYTES = 64 * 1024

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
})

function normalise(value: unknown): WxXmlValue | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return normalise(value[0])
  if (value && typeof value === 'object') {
    const out: WxXmlFields = {}
    for (const [k, v] of Object.entries(value)) {
      const n = normalise(v)
      if (n !== undefined) out[k] = n
    }
    return out
  }
  return undefined
}

/**
 * Parses a WeChat XML document's `<xml>` root into its fields. A repeated element keeps its first
 * value; an empty element becomes `''`.
 *
 * @example
 * const r = parseWxXml('<xml><Encrypt><![CDATA[abc]]></Encrypt></xml>')
 * if (r.ok) r.fields.Encrypt // 'abc'
 */
export function parseWxXml(xml: string, maxBytes = WX_XML_MAX_BYTES): WxXmlParseResult {
  if (Buffer.byteLength(xml, 'utf8') > maxBytes) return { ok: false, reason: 'too_large' }
  // No document type declarations: WeChat never sends one, and it is where entity bombs live.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return { ok: false, reason: 'malformed' }
  let doc: unknown
  try {
    doc = parser.parse(xml, true)
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (!doc || typeof doc !== 'object' || !('xml' in doc)) return { ok: false, reason: 'malformed' }
  const root = normalise((doc as { xml: unknown }).xml)
  if (root === undefined) return { ok: false, reason: 'malformed' }
  return { ok: true, fields: typeof root === 'string' ? {} : root }
}

/** The text of field `name`, or undefined when absent or not text. */
export function wxText(fields: WxXmlFields, name: string): string | undefined {
  const v = fields[name]
  return typeof v === 'string' ? v : undefined
}

function cdata(text: string): string {
  // `]]>` cannot appear inside one CDATA section: split it across two.
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`
}

/**
 * Builds `<xml>…</xml>` from fields: strings in CDATA, numbers bare, objects nested.
 *
 * @example
 * buildWxXml({ Encrypt: 'abc', TimeStamp: 1409659589 })
 * // '<xml><Encrypt><![CDATA[abc]]></Encrypt><TimeStamp>1409659589</TimeStamp></xml>'
 */
export function buildWxXml(fields: Record<string, string | number | Record<string, unknown>>): string {
  const render = (obj: Record<string, unknown>): string =>
    Object.entries(obj)
      .map(([name, v]) => {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`invalid XML element name: ${name}`)
        if (typeof v === 'number') return `<${name}>${v}</${name}>`
        if (typeof v === 'string') return `<${name}>${cdata(v)}</${name}>`
        if (v && typeof v === 'object') return `<${name}>${render(v as Record<string, unknown>)}</${name}>`
        return ''
      })
      .join('')
  return `<xml>${render(fields)}</xml>`
}
