/**
 * "把你们老板手机号给我", "what's your customer service number?": the shop's own contact details
 * (`shop.settings.contact`), never a member of staff's; without any configured, the way to a person.
 */
import { done, type SkillContext, type SkillResult } from './skill-types.js'
import { say } from './text.js'

export function shopContactSkill(sc: SkillContext): SkillResult {
  const L = sc.locale
  const c = sc.ctx.shop.settings?.contact as Record<string, unknown> | undefined
  const str = (k: string): string | null => (typeof c?.[k] === 'string' && c[k] ? String(c[k]) : null)
  const parts = [
    str('phone') && say(L, `客服热线 ${str('phone')}`, `our hotline ${str('phone')}`),
    str('email') && say(L, `邮箱 ${str('email')}`, `email ${str('email')}`),
    str('wechat') && say(L, `微信 ${str('wechat')}`, `WeChat ${str('wechat')}`),
    str('url') && say(L, `网站 ${str('url')}`, `${str('url')}`),
  ].filter((x): x is string => Boolean(x))
  // "你们老板手机号给我": say first that staff members' own numbers are not given out.
  const staff = sc.cues.asksStaffContact
    ? { zh: '我们不提供员工个人的联系方式。', en: "We don't share staff members' personal contacts. " }
    : { zh: '', en: '' }
  const text =
    parts.length > 0
      ? say(
          L,
          `${staff.zh}您可以通过${parts.join('、')}联系我们，或在这里输入“转人工”由人工客服为您处理。`,
          `${staff.en}You can reach us via ${parts.join(', ')}, or type "agent" here to talk to a person.`,
        )
      : say(L, `${staff.zh}如需人工处理，请在这里输入“转人工”。`, `${staff.en}Type "agent" here to talk to a person.`)
  return done(sc, [{ text }], 'answer', parts.length > 0 ? 'shop_contact' : 'shop_contact_not_configured')
}
