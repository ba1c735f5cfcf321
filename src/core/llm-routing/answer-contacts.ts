/**
 * Contact details in a model's answer: URLs, e-mail addresses, phone numbers (in digits or spelled
 * out in Chinese or English digit words) and messaging handles (WeChat, QQ, Telegram…). A model
 * that was fed a poisoned fact or a prompt-injecting customer message will happily send a customer
 * to a phishing page or a scammer's WeChat id; the only contact an answer may carry is the shop's
 * own configured one.
 */

export type ContactKind = 'url' | 'email' | 'phone' | 'handle'

export type FoundContact = { kind: ContactKind; text: string }

const URL_RE =
  /\b(?:https?|ftp):\/\/[^\s<>"'，。！？）)】]+|\bwww\.[^\s<>"'，。！？）)】]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|io|co|me|top|xyz|shop|info|cc|vip|link|app|site|online|ly|gl|tk|ru)\b(?:\/[^\s<>"'，。！？）)】]*)?/gi
const EMAIL_RE = /[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi
// Seven or more digits in a row, separators allowed; glued to letters it is an order or tracking number.
const PHONE_DIGITS_RE = /(?<![\w.,])\+?\d(?:[\s-]?\d){6,}(?![\w.])/g
const PHONE_ZH_RE = /[零〇一二三四五六七八九幺两](?:[\s,，、-]*[零〇一二三四五六七八九幺两]){6,}/g
const EN_DIGIT = '(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|double\\s+\\w+)'
const PHONE_EN_RE = new RegExp(String.raw`\b${EN_DIGIT}(?:[\s,-]+${EN_DIGIT}){6,}\b`, 'gi')
const HANDLE_RE =
  /(?:微信|威信|薇信|徽信|v信|vx|wx|weixin|wechat|qq|telegram|电报|tg|whatsapp|line|skype|钉钉|抖音|kakao|signal)\s*(?:号|号码|id|账号|帐号)?\s*(?:是|为|:|：|-)?\s*[a-z0-9][\w.-]{3,}/gi
const AT_HANDLE_RE = /(?<![\w.])@[a-z0-9_]{3,}\b/gi

/** Digits of a phone-like text, for comparing `+86 400-123-4567` with `4001234567`. */
function digitsOf(s: string): string {
  return s.replace(/\D/g, '').replace(/^86(?=\d{11}$)/, '')
}

/**
 * Every contact detail in `text` that is not one of `allowed` (the shop's own configured ones); a
 * digit run stated verbatim in `factTexts` (order facts: a digit-only tracking number) is not a phone.
 *
 * @example
 * findContacts('加微信 kefu_8888 领红包', []) // [{ kind: 'handle', text: '微信 kefu_8888' }]
 */
export function findContacts(text: string, allowed: readonly string[], factTexts: readonly string[]): FoundContact[] {
  const allowLower = allowed.map((a) => a.toLowerCase().trim()).filter(Boolean)
  const allowDigits = allowed.map(digitsOf).filter((d) => d.length >= 5)
  const factDigits = factTexts.join('\n')
  const found: FoundContact[] = []
  const isAllowedText = (t: string) => {
    const l = t.toLowerCase().replace(/[/.]+$/, '')
    return allowLower.some((a) => l === a || l.endsWith(a) || a.endsWith(l.replace(/^https?:\/\//, '')))
  }
  for (const m of text.matchAll(URL_RE)) {
    if (!isAllowedText(m[0])) found.push({ kind: 'url', text: m[0] })
  }
  for (const m of text.matchAll(EMAIL_RE)) {
    if (!isAllowedText(m[0])) found.push({ kind: 'email', text: m[0] })
  }
  for (const m of text.matchAll(PHONE_DIGITS_RE)) {
    const d = digitsOf(m[0])
    if (allowDigits.includes(d) || factDigits.includes(m[0].trim())) continue
    found.push({ kind: 'phone', text: m[0].trim() })
  }
  for (const re of [PHONE_ZH_RE, PHONE_EN_RE]) {
    for (const m of text.matchAll(re)) found.push({ kind: 'phone', text: m[0] })
  }
  for (const re of [HANDLE_RE, AT_HANDLE_RE]) {
    for (const m of text.matchAll(re)) {
      const id = m[0].replace(/^.*?[\s:：是为-]\s*(?=[a-z0-9@][\w.-]*$)/i, '')
      if (isAllowedText(m[0]) || isAllowedText(id) || allowDigits.includes(digitsOf(id))) continue
      found.push({ kind: 'handle', text: m[0] })
    }
  }
  return found
}
