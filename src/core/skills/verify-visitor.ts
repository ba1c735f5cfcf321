/**
 * Verifying an anonymous visitor (order number + last 4 phone digits) and re-verifying before a write:
 * the questions asked, the check under the throttle, and the reply when too many attempts failed.
 */
import { digitsOnly as digits } from '../text/match-keys.js'
import { ask, type SkillContext, type SkillResult } from './skill-types.js'
import { say } from './text.js'
import { verificationBlocked, verificationFailedEvent } from './verification-guard.js'

/** Re-verification of a visitor before a write; null when it succeeded this turn. */
export async function reverify(
  sc: SkillContext,
  custId: string,
  slotOrder: string | undefined,
): Promise<SkillResult | null> {
  const last4 = sc.state.awaiting === 'phoneLast4' ? sc.state.slots.phoneLast4 : undefined
  if (typeof last4 !== 'string') {
    delete sc.state.slots.phoneLast4
    sc.state.verifiedAt = null
    return askPhoneLast4(sc, 'verification_expired')
  }
  const key = slotOrder ?? `customer:${custId}`
  const blocked = await verificationBlocked(sc, key)
  if (!blocked) {
    const customer = await sc.ctx.store.customers.get(sc.ctx.shop.id, custId)
    const order = slotOrder ? await sc.ctx.store.orders.get(sc.ctx.shop.id, slotOrder) : null
    const phones = [customer?.phone, order?.customerId === custId ? order.address?.phone : undefined]
    if (phones.some((p) => digits(p).length >= 4 && digits(p).endsWith(last4))) {
      sc.state.verifiedAt = sc.ctx.now.toISOString()
      return null
    }
  }
  delete sc.state.slots.phoneLast4
  const result = blocked ? verificationLocked(sc) : askPhoneLast4(sc, 'verification_expired')
  return { ...result, events: [verificationFailedEvent(sc, key, blocked)] }
}

export function askPhoneLast4(sc: SkillContext, reason: string): SkillResult {
  const expired = reason === 'verification_expired'
  return ask(
    sc,
    'phoneLast4',
    {
      text: expired
        ? say(
            sc.locale,
            '为保护您的订单安全，修改订单前需要重新验证：请再发送一次下单手机号的后 4 位。',
            'To keep your order safe, please verify again before changing it: send the last 4 digits of the phone number on the order.',
          )
        : say(
            sc.locale,
            '为保护您的隐私，请再提供下单手机号的后 4 位。',
            'To protect your privacy, please also send the last 4 digits of the phone number on the order.',
          ),
    },
    reason,
  )
}

/** Too many failed attempts: only an agent can verify this order now (same reply for any number). */
export function verificationLocked(sc: SkillContext): SkillResult {
  sc.state.awaiting = null
  sc.state.prompt = null
  return {
    replies: [
      {
        text: say(
          sc.locale,
          '验证失败次数过多，为保护订单安全，暂时无法在线验证这个订单。请说“转人工”由客服为您核实身份。',
          'There have been too many failed attempts, so this order cannot be verified online for now. Say "human" and an agent will verify your identity.',
        ),
        buttons: [
          { label: say(sc.locale, '转人工', 'Talk to an agent'), payload: say(sc.locale, '转人工', 'human agent') },
        ],
      },
    ],
    action: 'answer',
    reason: 'verification_locked',
    done: true,
  }
}

export function askVerify(sc: SkillContext, failed: boolean): SkillResult {
  const text = failed
    ? say(
        sc.locale,
        '订单号和手机号后 4 位不匹配，无法查询。请核对后重新发送下单手机号的后 4 位（订单号不对也可以重新发送订单号）。',
        "The order number and phone digits don't match, so I can't show that order. Please check and send the last 4 digits of the phone number on the order again (or the right order number).",
      )
    : say(
        sc.locale,
        '为保护您的隐私，请提供订单号和下单手机号的后 4 位，验证后我帮您查询。',
        'To protect your privacy, please send your order number and the last 4 digits of the phone number used for the order.',
      )
  const slot = failed && typeof sc.state.slots.order === 'string' ? 'phoneLast4' : 'verify'
  return ask(sc, slot, { text }, failed ? 'verification_failed' : 'verify_identity')
}
