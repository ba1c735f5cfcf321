/**
 * Phone-style typing, read as the words the classifier, the rules and the slot readers know. Customers on
 * a phone write pinyin initials for common service words ("kf在吗 转rg", "wl四天没动了", "tk咋还没到 zfb付的")
 * and dictate numbers by voice, so an order number or a phone tail arrives as Chinese numerals
 * ("KF二零二六一一二四零四七六 手机尾号八二四二"). `readPhoneTyping` turns both into the ordinary form
 * ("客服在吗 转人工", "KF202611240476 手机尾号8242") before anything else reads the message. The
 * customer's words are stored as written; only the understanding stage reads this form.
 */

/**
 * Pinyin-initial abbreviations of customer-service words, as customers type them in Chinese chat. Only a
 * whole Latin-letter run in a message with Chinese characters is read ("kf在吗", "kf kf 转rg"); a run glued
 * to digits is an identifier ("KF2026…", "SF123…") and English words are never touched. Kept short:
 * abbreviations that are also common English words or product names (sh, dd, bb, jd, sf) are left out.
 */
export const PHONE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  rgkf: '人工客服',
  kf: '客服',
  rg: '人工',
  wl: '物流',
  kd: '快递',
  qs: '签收',
  tk: '退款',
  th: '退货',
  zfb: '支付宝',
  wx: '微信',
  fp: '发票',
  hb: '花呗',
  yf: '运费',
}

const HAN = /\p{Script=Han}/u

/** A Latin-letter run not glued to other letters or digits, nor before digits ("KF 2026 1124 0392"). */
const LATIN_RUN = /(?<![A-Za-z0-9])[A-Za-z]+(?![A-Za-z0-9]|\s*[0-9])/g

function expandAbbreviations(text: string): string {
  return text.replace(LATIN_RUN, (run) => PHONE_ABBREVIATIONS[run.toLowerCase()] ?? run)
}

/** Digits as dictated: 幺 is 1 on the phone, 两 is 2, 〇 and 零 are 0. */
const DIGIT: Readonly<Record<string, string>> = {
  零: '0',
  〇: '0',
  一: '1',
  幺: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
}

/** A run of digits, dictated or typed, with at least one dictated one. */
const DIGIT_RUN = /[0-9零〇一幺二两三四五六七八九]{4,}/gu
const HAS_DICTATED = /[零〇一幺二两三四五六七八九]/u

/** Words before a number that say it is an identifier: order or tracking number, phone, its tail. */
const NUMBER_CONTEXT = /(?:尾号|尾数|号码|手机|电话|单号|订单|后四位|后4位|号是|编号|号)[是为:：\s]*$/u

/** Long enough to be an identifier on its own: a phone number or an order number's digits. */
const LONG_RUN = 7

/**
 * A dictated digit run reads as digits when it can only be an identifier: glued to Latin letters (the
 * order prefix "KF二零二六…"), seven digits or longer, or right after a word that names a number
 * ("尾号八二四二"). Counting words with positions (一千二百, 十一月) never form a run: 十百千万 break it.
 */
function readDictatedDigits(text: string): string {
  return text.replace(DIGIT_RUN, (run, offset: number) => {
    if (!HAS_DICTATED.test(run)) return run
    const before = text.slice(Math.max(0, offset - 8), offset)
    const identifier = /[A-Za-z]\s?$/.test(before) || run.length >= LONG_RUN || NUMBER_CONTEXT.test(before)
    if (!identifier) return run
    return Array.from(run, (c) => DIGIT[c] ?? c).join('')
  })
}

/**
 * The message as the understanding stage reads it: dictated identifiers as digits, then pinyin
 * abbreviations as words. A message without Chinese characters is returned unchanged.
 * @example
 * readPhoneTyping('kf在吗 转rg') // '客服在吗 转人工'
 * readPhoneTyping('订单号KF二零二六一一二四零四七六 手机尾号八二四二') // '订单号KF202611240476 手机尾号8242'
 */
export function readPhoneTyping(text: string): string {
  if (!HAN.test(text)) return text
  return expandAbbreviations(readDictatedDigits(text))
}
