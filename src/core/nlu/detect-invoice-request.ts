/**
 * An invoice request and its details: "扫地机那单开个发票 个人的", "游戏本那单开个公司普票 抬头北京云帆网络科技有限公司",
 * "税号91110101MA00ABCD1X", "I need it under my company, Clark Trading Co. can you redo it". Reads whether the
 * customer asks for an invoice (or a reissue), the title kind (personal / company), the company name and the
 * tax ID (a unified social credit code). Part of the understanding stage: the invoice flow reads these facts.
 */

export type InvoiceRequest = {
  /** Asks to have an invoice issued (or reissued). */
  asks: boolean
  /** Asks to redo an invoice already issued. */
  reissue: boolean
  /** A special VAT invoice (专票): its many fields are the FAQ's and an agent's business. */
  special: boolean
  title: 'personal' | 'company' | null
  company: string | null
  taxId: string | null
  /**
   * "需要提供什么资料", "what details do you need for a company invoice?": asks what an invoice needs (the
   * shop's rule), not to have one issued now.
   */
  asksWhatNeeded: boolean
  /** "发票什么时候能开出来", "when can I get the invoice?": when the invoice is issued. */
  asksWhen: boolean
}

const ASKS =
  /(开(个|张|一下|一张|一个)?(公司|个人|单位|企业)?(抬头)?(的)?(电子)?(普通)?(的)?(发票|普票|票)|要(开)?(发票|普票)|补开|(重新|重)开|换(个|成)?抬头|抬头(是|为|写|开)|发票.{0,6}(个人|公司|单位)|\b(need|want|get|issue|send|make out|request|like)\b.{0,25}\binvoice\b|\binvoice\b.{0,40}\b(redo|reissue|re-issue|change|under)\b|\bredo it\b|\breissue\b)/i
const REISSUE = /(重开|重新开|换(个|成)?抬头|改抬头|\bredo\b|\bre-?issue\b|\bre-?do it\b)/i
const SPECIAL = /(专票|专用发票|增值税专|special vat|vat special)/i
const PERSONAL = /(个人|自己的名字|我的名字|\bpersonal\b|\bin my (own )?name\b|\bfor myself\b)/i
const COMPANY = /(公司|企业|单位|\bcompany\b|\bbusiness\b|\bcorporate\b|\bltd\b|\binc\b|\bllc\b)/i
const ZH_COMPANY = /([\u4e00-\u9fa5A-Za-z0-9（）()]{2,40}(有限公司|公司|厂|中心|工作室|事务所|研究所))/
const EN_COMPANY =
  /\b((?:[A-Z][\w&'.-]*\s+){0,5}(?:Ltd|Co|Inc|LLC|Limited|Company|Corp|Corporation|GmbH|Trading|Group)\b\.?)/
const WHAT_NEEDED =
  /(需要|要)(提供|填|填写|准备|给)?(什么|哪些|啥)(资料|信息|材料|东西)?|(提供|填|填写|准备)(什么|哪些|啥)|\bwhat (info|information|details|documents?|do (i|you|we) need)\b|\bwhat (is|are) (needed|required)\b/i
const WHEN =
  /((发票|开票|票).{0,12}(什么时候|啥时候|多久|几天|哪天|何时)|(什么时候|啥时候|多久|几天|何时).{0,8}(开|出|给|发|收到).{0,4}(发票|票)|\b(invoice|receipt)\b.{0,60}\b(when|how long|how soon)\b|\b(when|how long|how soon)\b.{0,40}\b(invoice|receipt)\b)/i
const TAX_WORD = /(税号|纳税人识别号|信用代码|\btax ?id\b|\btaxpayer (id|number)\b|\btin\b)/i
const TAX_ID = /(?<![0-9A-Za-z])([0-9][0-9A-Z]{14,19})(?![0-9A-Za-z])/

/** The invoice request in a message; `asks` false and every detail null when it names none. */
export function detectInvoiceRequest(text: string): InvoiceRequest {
  const zh = ZH_COMPANY.exec(text.replace(/^.*?抬头(是|为|写|开)?[:：]?\s*/, ''))
  const en = EN_COMPANY.exec(text)
  const companyName = (zh?.[1] ?? en?.[1] ?? '').trim()
  const company = companyName.length >= 4 && !/^(the|my|our) /i.test(companyName) ? companyName : null
  const tax = TAX_ID.exec(text.toUpperCase())
  const bareCode = text.trim().length <= 24
  return {
    asks: ASKS.test(text),
    reissue: REISSUE.test(text),
    special: SPECIAL.test(text),
    title: PERSONAL.test(text) ? 'personal' : company || COMPANY.test(text) ? 'company' : null,
    company,
    taxId: tax && (TAX_WORD.test(text) || bareCode) ? tax[1]! : null,
    asksWhatNeeded: WHAT_NEEDED.test(text),
    asksWhen: WHEN.test(text),
  }
}
