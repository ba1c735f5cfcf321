/**
 * Questions about the customer's account and personal data, which the shop's FAQ answers whatever the
 * classifier made of them: rebinding the phone number ("旧号停机了 怎么改绑"), a copy of the data kept
 * ("把我的个人信息导出一份"), what is kept and whether it is sold ("what info do you keep about me"),
 * and marketing messages ("别再给我发营销短信了"). Part of the understanding stage.
 */

const ZH =
  /(换绑|改绑|解绑|(换|改|更换|变更|修改)(一下)?(绑定|登录|账号|帐号|账户)的?(手机|手机号|号码)|旧(手机)?(号|号码|手机号)?.{0,6}(停机|停用|注销|不用了|没了|收不到)|(个人信息|个人数据|个人资料|我的(数据|信息|资料)).{0,10}(导出|下载|副本|拷贝|存了|保存了?(哪些|什么)|卖给|出售|泄露|怎么用|用来)|(导出|下载|拷贝).{0,12}(个人信息|个人数据|数据|资料)|存(了)?(我)?(哪些|什么|啥)(个人)?(信息|数据|资料)|(账号|帐号|账户|帐户|登录)(绑定|绑)?的?(手机号?|号码|电话).{0,4}(改|换|更换|变更)|(手机号|电话号码?|号码|个人信息|信息|数据|资料).{0,6}(卖给|卖了|出售|泄露|泄漏|给别人)|(营销|推广|广告|促销)短信|短信.{0,4}退订|退订.{0,4}(短信|推送))/
const EN =
  /(\bold (phone |mobile )?number\b.{0,30}\b(suspended|disconnected|cancel+ed|no longer|not working|out of service|deactivated)\b|\b(change|update|switch)\b.{0,20}\b(phone|mobile) number\b.{0,20}\b(on|of|for|linked to) (my|the) account\b|\b(export|download|a copy of)\b.{0,20}\b(my )?(data|personal (data|information|info))\b|\bwhat (data|info|information|personal (data|info|information))\b.{0,30}\b(keep|store|hold|have|collect)\b|\b(sell|share)\b.{0,15}\b(my )?(data|info|information|details)\b|\b(marketing|promotional|promo|spam) (sms|texts?|messages|emails?)\b)/i

/** "旧号停机了怎么改绑", "what data do you keep on me": a question about the account or the personal data kept. */
export function asksAccountPolicy(text: string): boolean {
  return ZH.test(text) || EN.test(text)
}
