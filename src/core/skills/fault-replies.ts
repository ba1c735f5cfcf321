/**
 * What the fault flow says when it escalates: stop-use advice for safety symptoms, the steps recorded as
 * tried, the ticket, and the warranty / quality-window line. Both languages.
 */
import type { Locale } from '../domain/schemas.js'
import type { SafetySymptom } from '../nlu/types.js'
import { say } from './text.js'

const SYMPTOM_NAME: Record<SafetySymptom, [string, string]> = {
  fire: ['起火', 'fire'],
  smoke: ['冒烟', 'smoke'],
  sparks: ['冒火花', 'sparks'],
  burning: ['焦糊味', 'burning smell'],
  swelling: ['鼓包/膨胀', 'swelling'],
  overheating: ['烫手', 'too hot to touch'],
}

/** The safety symptom's name, for ticket subjects and replies. */
export function safetyName(s: SafetySymptom, L: Locale): string {
  const [zh, en] = SYMPTOM_NAME[s]
  return say(L, zh, en)
}

/** Stop-use advice, the first thing a customer with a safety symptom reads. */
export function safetyAdvice(L: Locale, s: SafetySymptom): string {
  const flames = s === 'fire' || s === 'smoke' || s === 'sparks'
  return say(
    L,
    `您说的${safetyName(s, L)}有安全风险，请立即停止使用：马上拔掉电源、停止充电，把它放在远离易燃物的地方（例如瓷砖地面上），不要自行拆开，也不要再继续使用。${flames ? '如果还在冒烟或起火，请远离它，必要时拨打119。' : ''}`,
    `What you describe (${safetyName(s, L)}) is a safety risk, so please stop using it now: unplug it, stop charging it, put it somewhere away from anything flammable (a tiled floor, for example), and do not open it or use it again.${flames ? ' If it is still smoking or burning, keep away from it and call the emergency services if needed.' : ''}`,
  )
}

/** "Can I keep using / charging it meanwhile?" while a safety case is open: no, and why. */
export function keepUsingAnswer(L: Locale, s: SafetySymptom): string {
  return say(
    L,
    `不建议继续使用，也不要再插电充电：出现${safetyName(s, L)}时继续通电可能发热、起火，风险很大。请保持断电，放在远离易燃物的地方。着急用的话，可以先把文件拷到或同步到其他设备上继续处理。`,
    `Please don't keep using it or plug it in: with ${safetyName(s, L)} it can overheat or catch fire, which is a real risk. Keep it unplugged and away from anything flammable; if you need to keep working, move your files to another device for now.`,
  )
}

/** A short label of a troubleshooting step: its text, capped. */
export function stepLabel(step: string, L: Locale): string {
  const text = step.trim().replace(/[。.]$/, '')
  const max = L === 'zh' ? 30 : 80
  return text.length > max ? `${text.slice(0, max)}…` : text
}

/** "1) …；3) …" — the steps, numbered as the flow numbers them. */
export function stepList(steps: readonly string[], indices: readonly number[], L: Locale): string {
  return indices.map((i) => `${i + 1}) ${stepLabel(steps[i] ?? '', L)}`).join(say(L, '；', '; '))
}

export type EscalationKind = 'safety' | 'requested' | 'tried' | 'decisive' | 'unresolved'

/** The opening sentence of the ticket reply, by why the ticket was opened. */
export function ticketIntro(kind: EscalationKind, L: Locale, t: { id: string; priority: string; due: string }): string {
  const level = say(
    L,
    t.priority === 'urgent' ? '紧急' : t.priority === 'high' ? '优先处理' : '普通优先级',
    `${t.priority} priority`,
  )
  switch (kind) {
    case 'safety':
      return say(
        L,
        `我已为您创建紧急售后工单 ${t.id}（最高优先级），不需要再做任何排查，技术支持将在 ${t.due} 前联系您安排处理。`,
        `I've opened urgent after-sales ticket ${t.id} (highest priority); no troubleshooting needed, our team will contact you by ${t.due}.`,
      )
    case 'requested':
      return say(
        L,
        `好的，不再让您继续排查了。我已为您创建售后工单 ${t.id}（${level}），技术支持将在 ${t.due} 前联系您安排维修或换新。`,
        `OK, no more troubleshooting. I've opened support ticket ${t.id} (${level}); our team will contact you by ${t.due} to arrange the repair or replacement.`,
      )
    case 'tried':
      return say(
        L,
        `您已经自己排查过了，我就不让您重复了。我已为您创建售后工单 ${t.id}（${level}），技术支持将在 ${t.due} 前联系您。`,
        `You've already done the troubleshooting, so I won't make you repeat it. I've opened support ticket ${t.id} (${level}); our team will contact you by ${t.due}.`,
      )
    case 'decisive':
      return say(
        L,
        `您描述的情况说明需要送修检测，不用再做其他排查了。我已为您创建售后工单 ${t.id}（${level}），技术支持将在 ${t.due} 前联系您安排维修或换新。`,
        `What you describe means it needs a repair check, so there's nothing more to try. I've opened support ticket ${t.id} (${level}); our team will contact you by ${t.due} to arrange the repair or replacement.`,
      )
    default:
      return say(
        L,
        `很抱歉这些方法都没能解决问题。我已为您创建售后工单 ${t.id}（${level}），技术支持将在 ${t.due} 前联系您。`,
        `Sorry none of that fixed it. I've opened support ticket ${t.id} (${level}); our team will contact you by ${t.due}.`,
      )
  }
}

/** "Recorded as already tried: …". */
export function triedLine(L: Locale, list: string): string {
  return say(L, `已记录您试过的方法：${list}。`, `Recorded as already tried: ${list}.`)
}

/** Warranty and the shop's quality-problem window, when the flow knows them. */
export function coverageLine(
  L: Locale,
  c: { inWarranty: boolean | null; deliveredDaysAgo: number | null; qualityIssueDays: number },
): string {
  const parts: string[] = []
  if (c.deliveredDaysAgo !== null && c.deliveredDaysAgo <= c.qualityIssueDays)
    parts.push(
      say(
        L,
        `商品签收还不到 ${c.qualityIssueDays} 天，确认是质量问题可以直接换新或退货。`,
        `It was delivered less than ${c.qualityIssueDays} days ago, so once the fault is confirmed you can have it replaced or returned.`,
      ),
    )
  if (c.inWarranty === true)
    parts.push(say(L, '设备在保修期内，维修免费。', 'The device is under warranty, so the repair is free.'))
  else if (c.inWarranty === false)
    parts.push(
      say(
        L,
        '设备已过保修期，维修可能产生费用，技术支持会先与您确认。',
        'The device is out of warranty; support will confirm any repair cost with you first.',
      ),
    )
  return parts.join(say(L, '', ' '))
}

/** While a ticket waits: the steps not tried yet, offered, not required. */
export function meanwhileLine(L: Locale, list: string): string {
  return say(
    L,
    `等待期间您也可以试试：${list}；如果问题解决了，告诉我一声就好。`,
    `While you wait, you could also try: ${list}. If that fixes it, just let me know.`,
  )
}

/** "I won't repeat what you tried" before the next question or step. */
export function skippedLine(L: Locale, list: string): string {
  return say(
    L,
    `好的，您已经试过的方法（${list}）我就不再重复了。`,
    `OK, I won't repeat what you've already tried (${list}).`,
  )
}
