/**
 * "降价提醒我" / "tell me when it's cheaper": subscribes the customer (or, for an anonymous visitor,
 * this conversation) to a price-drop alert for the product in context. The subscription is an
 * `alert.subscribed` event stored with the turn.
 */

import { taskOf } from '../dialogue/task-state.js'
import { localTitle } from '../recommend/recommend-products.js'
import { matchCatalog, resolveProduct } from '../skills/resolve-product.js'
import { ask, done, type SkillContext, type SkillResult } from '../skills/skill-types.js'
import { money, say } from '../skills/text.js'
import {
  ALERT_CANCELLED,
  ALERT_SUBSCRIBED,
  cancellation,
  findSubscription,
  listSubscriptions,
  newSubscription,
} from './price-alerts.js'

/** "取消降价提醒": cancels the subscriptions of this customer (or conversation), for one product if named. */
async function cancelAlertSkill(sc: SkillContext): Promise<SkillResult> {
  const L = sc.locale
  const customerId = sc.customer?.id ?? null
  const conversationId = sc.ctx.conversation.id
  const mine = (await listSubscriptions(sc.ctx.store, sc.ctx.shop.id)).filter((s) =>
    customerId ? s.customerId === customerId : s.conversationId === conversationId,
  )
  const named = await matchCatalog(sc)
  const target = named ? mine.filter((s) => s.sku === named.sku) : mine
  if (target.length === 0) {
    return done(
      sc,
      [{ text: say(L, '您目前没有订阅降价提醒。', "You don't have any price-drop alerts.") }],
      'answer',
      'price_alert_none_to_cancel',
    )
  }
  return done(
    sc,
    [
      {
        text: named
          ? say(
              L,
              `好的，已取消「${localTitle(named, L)}」的降价提醒。`,
              `Done, I've cancelled the price alert for the ${localTitle(named, L)}.`,
            )
          : say(
              L,
              `好的，已取消您的 ${target.length} 个降价提醒。`,
              `Done, I've cancelled your ${target.length} price alert${target.length === 1 ? '' : 's'}.`,
            ),
      },
    ],
    'execute',
    'price_alert_cancelled',
    { events: target.map((s) => ({ type: ALERT_CANCELLED, data: cancellation(s, 'customer') })) },
  )
}

/** The price-alert skill (subscribe, or cancel when asked to stop). */
export async function priceAlertSkill(sc: SkillContext): Promise<SkillResult> {
  const L = sc.locale
  if (sc.cues.priceAlert === 'cancel') return cancelAlertSkill(sc)
  taskOf(sc.state, 'price_alert')
  const p = await resolveProduct(sc)
  if (!p) {
    return ask(
      sc,
      'product',
      {
        text: say(
          L,
          '想订阅哪款商品的降价提醒？发商品名称或型号给我就好。',
          'Which product should I watch for a price drop? Send me its name or model.',
        ),
      },
      'price_alert_ask_product',
    )
  }
  const title = localTitle(p, L)
  const customerId = sc.customer?.id ?? null
  const conversationId = sc.ctx.conversation.id
  const existing = findSubscription(await listSubscriptions(sc.ctx.store, sc.ctx.shop.id), p.sku, {
    customerId,
    conversationId,
  })
  const target = sc.cues.priceAlertTarget
  const validTarget = target !== null && target > 0 && target < p.price ? target : null
  if (existing && validTarget !== null && existing.targetPrice !== validTarget) {
    // A new target price replaces the old subscription (one per customer and product).
    const data = newSubscription({
      subscriptionId: sc.ctx.newId('alrt'),
      product: p,
      customerId,
      conversationId,
      targetPrice: validTarget,
      locale: L,
    })
    return done(
      sc,
      [
        {
          text: say(
            L,
            `好的，已把「${title}」的提醒价改为 ${money(validTarget, p.currency)}，降到这个价格或以下时我会通知您。`,
            `Updated: I'll message you when the ${title} drops to ${money(validTarget, p.currency)} or less.`,
          ),
        },
      ],
      'execute',
      'price_alert_updated',
      {
        events: [
          { type: ALERT_CANCELLED, data: cancellation(existing, 'customer') },
          { type: ALERT_SUBSCRIBED, data },
        ],
      },
    )
  }
  if (existing) {
    return done(
      sc,
      [
        {
          text: say(
            L,
            `您已经订阅了「${title}」的降价提醒，降价后我会第一时间在这里通知您（现价 ${money(p.price, p.currency)}）。`,
            `You're already watching the ${title}; I'll message you here as soon as it's cheaper (now ${money(p.price, p.currency)}).`,
          ),
        },
      ],
      'answer',
      'price_alert_exists',
    )
  }
  const data = newSubscription({
    subscriptionId: sc.ctx.newId('alrt'),
    product: p,
    customerId,
    conversationId,
    targetPrice: validTarget,
    locale: L,
  })
  const lines = [
    validTarget !== null
      ? say(
          L,
          `好的，已为您订阅「${title}」的降价提醒：价格降到 ${money(validTarget, p.currency)} 或以下时，我会在这里通知您。现价 ${money(p.price, p.currency)}。`,
          `Done: I'll message you here when the ${title} drops to ${money(validTarget, p.currency)} or less. It's ${money(p.price, p.currency)} now.`,
        )
      : say(
          L,
          `好的，已为您订阅「${title}」的降价提醒，现价 ${money(p.price, p.currency)}，一旦降价我会第一时间在这里通知您。`,
          `Done: I'll message you here as soon as the ${title} is cheaper than its current ${money(p.price, p.currency)}.`,
        ),
  ]
  if (!customerId)
    lines.push(
      say(
        L,
        '提醒会发到当前对话，请保留这个聊天窗口。',
        'The alert will arrive in this chat, so keep this conversation open.',
      ),
    )
  return done(sc, [{ text: lines.join('\n') }], 'execute', 'price_alert_subscribed', {
    events: [{ type: ALERT_SUBSCRIBED, data }],
  })
}
