/**
 * After-sales fault diagnosis → ticket. A guided flow over the shop's fault graph:
 * symptom → device model → purchase (order / date, warranty) → the fault's questions → solutions one
 * at a time ("did that help?") → when nothing helped, exactly one ticket with everything collected,
 * dispatched to the fault's escalation queue with its priority and an SLA.
 */
import { noTask, taskOf } from '../dialogue/task-state.js'
import type { FaultCues } from '../nlu/types.js'
import { coveredBy, orderOfNamedDevice, ownedDevices } from './fault-devices.js'
import { missingFeature, missingNetwork, networkAnswer } from './fault-feature.js'
import { matchFault, safetyFault } from './fault-match.js'
import { faultPolicyTurn } from './fault-policy-turn.js'
import { safetyAdvice } from './fault-replies.js'
import { troubleshoot } from './fault-steps.js'
import { createFaultTicket, ticketExists } from './fault-ticket.js'
import { mentionedCategory, shopCategories, warrantedDevice } from './product-mention.js'
import { knownCustomerId } from './resolve-order.js'
import { productTitle } from './resolve-product.js'
import { returnSkill } from './return-refund.js'
import { ask, done, type SkillContext, type SkillResult } from './skill-types.js'
import { say } from './text.js'

/** Slots the fault flow collects; kept in its task so a detour ("我的快递到哪了") cannot overwrite them. */
const FLOW_SLOTS = ['symptom', 'deviceModel', 'sku', 'order', 'purchaseDate', 'inWarranty', 'warrantyUntil'] as const

/** The fault diagnosis skill. */
export async function faultSkill(sc: SkillContext): Promise<SkillResult> {
  const task = taskOf(sc.state, 'after_sales_fault')
  if (task.saved) {
    // Back from a detour: the flow's own values win over what the other task left in the slots,
    // unless the customer gives a new value right now.
    for (const k of FLOW_SLOTS) {
      const fresh = (k === 'order' && sc.extracted.order) || (k === 'sku' && sc.extracted.sku)
      if (task.saved[k] !== undefined && !fresh) sc.state.slots[k] = task.saved[k]
    }
  }
  const result = await faultTurn(sc)
  if (sc.state.task === task) {
    const saved: Record<string, unknown> = {}
    for (const k of FLOW_SLOTS) if (sc.state.slots[k] !== undefined) saved[k] = sc.state.slots[k]
    task.saved = saved
  }
  return result
}

async function faultTurn(sc: SkillContext): Promise<SkillResult> {
  const L = sc.locale
  const { store, shop } = sc.ctx
  const t = taskOf(sc.state, 'after_sales_fault')
  const read = sc.understanding.read
  const slots = sc.state.slots
  const cues: FaultCues = sc.ctx.nlu.cues ?? {}
  if (cues.safety && !t.urgent) t.urgent = cues.safety
  if (cues.wantsRepairNow) t.requested = true

  if (t.ticketId) return ticketExists(sc, t, cues)
  await orderOfNamedDevice(sc)
  // "If it turns out faulty, a new one or a repair?", "寄修要多久": the policy, nothing to diagnose.
  if (
    (cues.hypothetical || cues.asksPolicy) &&
    t.faultId === undefined &&
    !t.urgent &&
    read.symptomConcepts().size === 0
  )
    return faultPolicyTurn(sc)

  // 1. Symptom → fault.
  const faultCats = new Set((await store.faults.list(shop.id)).map((f) => f.category))
  if (t.faultId === undefined && !sc.answeredAwaiting && !t.urgent) {
    // "the dinnerware arrived broken": a product the fault graph does not cover is a return / quality
    // case, not a diagnosis (unless it is a safety case: that gets stop-use advice and a ticket).
    const mention = await mentionedCategory(sc)
    if (mention && !mention.categories.some((c) => coveredBy(c, faultCats))) {
      const device = await warrantedDevice(sc, mention, knownCustomerId(sc))
      if (!device) {
        sc.state.activeIntent = 'return_refund'
        sc.state.lastIntent = 'return_refund'
        return returnSkill(sc)
      }
      // A device under warranty with no guide in the fault graph: nothing to troubleshoot, log the repair.
      t.faultId = null
      t.symptomAsked = true
      slots.symptom = read.record()
      slots.sku = device.sku
    } else if (!mention && typeof slots.sku === 'string') {
      // "the sole is coming off" right after talking about the sneakers: the item in context is what is
      // faulty; one the fault graph does not cover is a return / quality case.
      const inContext = await store.products.get(shop.id, slots.sku)
      if (
        inContext &&
        !coveredBy(inContext.category, faultCats) &&
        sc.understanding.read.symptomConcepts().size === 0
      ) {
        sc.state.activeIntent = 'return_refund'
        sc.state.lastIntent = 'return_refund'
        return returnSkill(sc)
      }
    }
  }
  const owned = await ownedDevices(sc, faultCats)
  if (t.faultId === undefined || (t.faultId === null && sc.state.awaiting === 'symptom')) {
    const desc = read.record()
    if (t.urgent) {
      // Safety first: no symptom questions, the fault only decides the queue.
      const f = await safetyFault(sc, owned, faultCats)
      t.faultId = f?.id ?? null
      slots.symptom = [slots.symptom, desc].filter(Boolean).join(' / ')
    } else {
      const m = await matchFault(sc, owned)
      if (m && 'close' in m && !t.symptomAsked && !t.requested) {
        // Close call between symptoms: let the customer pick rather than walk them through the wrong fix.
        t.symptomAsked = true
        t.faultId = null
        slots.symptom = desc
        return ask(
          sc,
          'symptom',
          {
            text: say(L, '请问更接近下面哪种情况？', 'Which of these is closest to what happens?'),
            buttons: m.close.map((f) => ({ label: f.symptom, payload: f.symptom })),
          },
          'fault_ask_symptom_choice',
        )
      }
      const f = m ? ('fault' in m ? m.fault : m.close[0]!) : null
      if (f) {
        t.faultId = f.id
        slots.symptom = slots.symptom && t.symptomAsked ? `${String(slots.symptom)} / ${desc}` : desc
      } else if (!t.symptomAsked) {
        t.symptomAsked = true
        t.faultId = null
        if (desc.length > 8) slots.symptom = desc
        return ask(
          sc,
          'symptom',
          {
            text: say(
              L,
              '很抱歉给您带来不便。请具体描述一下故障现象，例如：无法充电、没有声音、屏幕闪烁、无法开机。',
              "Sorry about that. Please describe what's happening, e.g. won't charge, no sound, screen flickers, won't turn on.",
            ),
          },
          'fault_ask_symptom',
        )
      } else {
        t.faultId = null
        slots.symptom = [slots.symptom, desc].filter(Boolean).join(' / ')
      }
    }
  }
  const fault = t.faultId ? await store.faults.get(shop.id, t.faultId) : null

  // 2. Device model (pre-filled from the customer's own order when possible).
  if (!slots.deviceModel) {
    if (typeof slots.sku === 'string') {
      const p = await store.products.get(shop.id, slots.sku)
      // Not a product of another kind than the fault's when the customer owns one of the fault's kind
      // (the cable they tried with is not the faulty earbuds).
      const other =
        p && fault && p.category !== fault.category && owned.some((o) => o.product.category === fault.category)
      if (p && !other) slots.deviceModel = productTitle(p, L)
      else if (other) delete slots.sku
    }
  }
  await orderOfNamedDevice(sc)
  if (!slots.deviceModel) {
    // The customer's own device: of the fault's category, else of the device the message names,
    // else their only device.
    const mention = await mentionedCategory(sc, typeof slots.symptom === 'string' ? slots.symptom : undefined)
    // "手表放充电座上 底座烫手": the customer owns no dock of its own, but the watch it charges.
    const mentions = [
      ...(mention ? [mention] : []),
      ...sc.understanding.read.categoryMentions(await shopCategories(sc)),
    ]
    const byMention = mentions
      .map((m) => owned.find((o) => m.categories.includes(o.product.category)))
      .find((o) => o !== undefined)
    const mine = fault
      ? (owned.find((o) => o.product.category === fault.category) ?? byMention)
      : (byMention ?? (owned.length === 1 ? owned[0] : undefined))
    if (mine) {
      slots.deviceModel = productTitle(mine.product, L)
      slots.sku = mine.product.sku
      slots.order = slots.order ?? mine.order.orderNo
      slots.purchaseDate = slots.purchaseDate ?? mine.order.deliveredAt ?? mine.order.paidAt ?? mine.order.createdAt
    }
  }
  const escalateNow = Boolean(t.urgent || t.requested)
  // A "fault" of a feature the device does not have: say so, nothing to troubleshoot or repair.
  const device =
    !escalateNow && typeof slots.sku === 'string' && t.qIndex === undefined && t.sIndex === undefined
      ? await store.products.get(shop.id, slots.sku)
      : null
  // "只显示4G 没有5G" on a 4G model: how the model works, not a fault.
  const network = device ? missingNetwork(cues, device) : null
  if (device && network) {
    sc.state.task = noTask()
    return done(
      sc,
      [{ text: networkAnswer(L, productTitle(device, L), network) }],
      'answer',
      'fault_feature_not_supported:network',
    )
  }
  const lacking = device && fault ? missingFeature(fault, device) : null
  if (device && lacking) {
    sc.state.task = noTask()
    const name = productTitle(device, L)
    const cable = lacking.id === 'wirelessCharging'
    return done(
      sc,
      [
        {
          text: say(
            L,
            `${name} 不支持${lacking.label.zh}，所以这不是故障，设备本身没有问题。${cable ? '请使用有线充电器充电；' : ''}如果还有其他异常，随时告诉我。`,
            `${name} doesn't support ${lacking.label.en}, so this isn't a fault — the device is fine.${cable ? ' Please charge it with a cable.' : ''} If anything else seems wrong, just tell me.`,
          ),
        },
      ],
      'answer',
      `fault_feature_not_supported:${lacking.id}`,
    )
  }
  if (!slots.deviceModel) {
    if (sc.state.awaiting === 'deviceModel' && sc.answeredAwaiting) slots.deviceModel = read.record(100)
    else if (!escalateNow)
      return ask(
        sc,
        'deviceModel',
        { text: say(L, '请问是哪款设备？请告诉我具体型号。', 'Which device is it? Please tell me the model.') },
        'fault_ask_device_model',
      )
  }

  // 3. Purchase: order or date, for the warranty check. A safety case asks only an anonymous visitor
  // (whose order the flow cannot see), once, after the stop-use advice.
  const askPurchase = !t.urgent || !knownCustomerId(sc)
  // "is it broken?" from a visitor: answer that first; the warranty matters only for a repair.
  if (cues.asksIfFaulty && !escalateNow && !knownCustomerId(sc) && fault && !slots.order) t.purchaseAsked = true
  if (!slots.order && !slots.purchaseDate && !t.purchaseAsked && askPurchase) {
    t.purchaseAsked = true
    const r = ask(
      sc,
      'purchase',
      {
        text: say(
          L,
          `请提供订单号或购买日期（例如 2026-03-15），用于确认保修${escalateNow ? '并登记售后' : ''}；不记得也没关系。`,
          `Please send the order number or purchase date (e.g. 2026-03-15) so I can check the warranty${escalateNow ? ' and log the after-sales request' : ''}. It's fine if you don't remember.`,
        ),
      },
      t.urgent ? 'fault_safety_ask_purchase' : 'fault_ask_purchase',
    )
    if (t.urgent) {
      r.replies.unshift({ text: safetyAdvice(L, t.urgent) })
      t.adviceGiven = true
    }
    return r
  }
  if (sc.state.awaiting === 'purchase' && (sc.answeredAwaiting || escalateNow)) {
    if (sc.extracted.order) {
      slots.order = sc.extracted.order
      const custId = knownCustomerId(sc)
      const o = await store.orders.get(shop.id, sc.extracted.order)
      // Only the customer's own order may fill the purchase date; another's reveals nothing.
      if (o && custId && o.customerId === custId) slots.purchaseDate = o.deliveredAt ?? o.paidAt ?? o.createdAt
    } else {
      // The date said ("上个月买的"), resolved with the turn's clock.
      const d = read.purchaseDate(sc.ctx.now)
      if (d) slots.purchaseDate = d
    }
    if (!slots.purchaseDate && !slots.order) slots.purchaseDate = 'unknown'
  }
  if (slots.purchaseDate && slots.purchaseDate !== 'unknown' && slots.inWarranty === undefined) {
    const p = typeof slots.sku === 'string' ? await store.products.get(shop.id, slots.sku) : null
    const months = Number((p?.attributes as Record<string, unknown> | undefined)?.warrantyMonths) || 12
    const until = new Date(String(slots.purchaseDate))
    until.setUTCMonth(until.getUTCMonth() + months)
    slots.inWarranty = until.getTime() >= sc.ctx.now.getTime()
    slots.warrantyUntil = until.toISOString()
  }

  const stepResult = await troubleshoot(sc, t, fault, cues, escalateNow)
  if (typeof stepResult !== 'string') return stepResult

  // 5. Exactly one ticket with everything collected.
  return createFaultTicket(sc, t, fault, stepResult)
}
