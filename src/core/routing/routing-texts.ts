/** What the customer is told by the router, in their language. */
import type { Locale } from '../domain/schemas.js'

export const ROUTING_TEXT = {
  closed: (l: Locale, hours: string, ticketId: string) =>
    l === 'zh'
      ? `现在是非工作时间${hours ? `（人工客服工作时间：${hours}）` : ''}，暂时无法接入人工客服。您的留言已记录为工单 ${ticketId}，我们上班后会尽快回复您；您也可以继续在这里留言补充。`
      : `Our team is offline right now${hours ? ` (hours: ${hours})` : ''}. Your message has been saved as ticket ${ticketId} and we'll get back to you as soon as we're open; feel free to add more details here.`,
  nobodyOnline: (l: Locale, ticketId: string) =>
    l === 'zh'
      ? `抱歉，目前没有在线的人工客服。您的留言已记录为工单 ${ticketId}，客服上线后会尽快回复您；您也可以继续在这里留言补充。`
      : `Sorry, no agent is online right now. Your message has been saved as ticket ${ticketId} and an agent will get back to you soon; feel free to add more details here.`,
  waiting: (l: Locale, ahead: number, minutes: number) =>
    l === 'zh'
      ? `您已进入人工客服队列${ahead > 0 ? `，前面还有 ${ahead} 位顾客` : ''}，预计等待约 ${minutes} 分钟。`
      : `You're in the queue for a human agent${ahead > 0 ? ` (${ahead} ahead of you)` : ''}; estimated wait about ${minutes} min.`,
  transferred: (l: Locale) =>
    l === 'zh' ? '正在为您转接其他客服，请稍候。' : "I'm transferring you to a colleague; one moment please.",
}
