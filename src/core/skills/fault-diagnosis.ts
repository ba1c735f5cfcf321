/**
 * After-sales fault diagnosis → ticket. A guided flow over the shop's fault graph:
 * symptom → device model → purchase (order / date, warranty) → the fault's questions → solutions one
 * at a time ("did that help?") → when nothing helped, exactly one ticket with everything collected,
 * dispatched to the fault's escalation queue with its priority and an SLA.
 */
import { type FaultTask, noTask, taskOf } from '../dialogue/task-state.js'
import type { Reply } from '../dialogue/types.js'
import type { Fault, Order, Product } from '../domain/schemas.js'
import { isActionStep } from '../nlu/match-tried-steps.js'
import type { FaultCues } from '../nlu/types.js'
import { createTicketService } from '../tickets/ticket-service.js'
import { missingFeature } from './fault-feature.js'
import {
  coverageLine,
  type EscalationKind,
  meanwhileLine,
  safetyAdvice,
  safetyName,
  skippedLine,
  stepList,
  ticketIntro,
  triedLine,
} from './fault-replies.js'
import { mentionedCategory, warrantedDevice } from './product-mention.js'
import { knownCustomerId } from './resolve-order.js'
import { productTitle } from './resolve-product.js'
import { returnSkill } from './return-refund.js'
import { returnRules } from './shop-rules.js'
import { ask, done, type SkillContext, type SkillResult } from './skill-types.js'
import { day, say, shopTimeZone, yesNo } from './text.js'

/** The customer's own items of the fault graph's device categories, newest order first. */
async function ownedDevices(
  sc: SkillContext,
  faultCats: Set<string>,
): Promise<Array<{ order: Order; product: Product }>> {
  const custId = knownCustomerId(sc)
  if (!custId) return []
  const { store, shop } = sc.ctx
  const orders = await store.orders.listByCustomer(shop.id, custId)
  orders.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const slotOrder = typeof sc.state.slots.order === 'string' ? sc.state.slots.order : undefined
  // Devices the customer has received come before ones still on the way (a phone paid for yesterday
  // is not the "new phone" whose Wi-Fi keeps dropping).
  const received = (o: Order) => o.status !== 'paid' && o.status !== 'shipped'
  const byArrival = [...orders.filter(received), ...orders.filter((o) => !received(o))]
  const ordered = slotOrder ? [...byArrival.filter((o) => o.orderNo === slotOrder), ...byArrival] : byArrival
  const out: Array<{ order: Order; product: Product }> = []
  for (const o of ordered) {
    if (o.status === 'cancelled' || o.status === 'pending_payment') continue
    for (const it of o.items) {
      const p = await store.products.get(shop.id, it.sku)
      if (p && coveredBy(p.category, faultCats) && !out.some((x) => x.product.sku === p.sku))
        out.push({ order: o, product: p })
    }
  }
  return out
}

/**
 * True when the shop's fault graph covers a product category: exactly, or through a sibling under the
 * same parent (over-ear headphones fall back to the earbuds' audio faults). Which categories have
 * faults is the shop's data; nothing here names one.
 */
function coveredBy(category: string, faultCats: Set<string>): boolean {
  if (faultCats.has(category)) return true
  const slash = category.lastIndexOf('/')
  if (slash <= 0) return false
  const parent = category.slice(0, slash + 1)
  return [...faultCats].some((c) => c.startsWith(parent))
}

/** A fault match: one clear fault, several close ones to choose from, or none. */
type FaultMatch = { fault: Fault } | { close: Fault[] } | null

/**
 * The fault a description names. Knowledge retrieval and the concept-aware `faultScore` both vote (the
 * better of the two counts); a device the message names ("耳机…") restricts the candidates to its
 * faults, and devices the customer owns get a small boost. Several faults within a hair of each other
 * at a middling score are returned for the customer to choose from.
 */
async function matchFault(sc: SkillContext, owned: Array<{ product: Product }>): Promise<FaultMatch> {
  const { store, shop, knowledge } = sc.ctx
  const read = sc.understanding.read
  const all = await store.faults.list(shop.id)
  const local = all.filter((f) => f.locale === sc.locale)
  const pool = local.length > 0 ? local : all
  const faultCats = new Set(pool.map((f) => f.category))
  const mention = await mentionedCategory(sc)
  // A product named by model ("X1…") decides the device over a category word in the same message.
  const model = sc.extracted.sku ? await store.products.get(shop.id, sc.extracted.sku) : null
  const ownedCats = new Set(owned.map((o) => o.product.category))
  let named =
    model && faultCats.has(model.category)
      ? [model.category]
      : (mention?.categories ?? []).filter((c) => faultCats.has(c))
  // "换过数据线了": a device the customer never bought, named beside devices they own, is likely what they
  // tried with, not what is broken — every fault competes (their own devices keep the small boost).
  if (named.length > 0 && ownedCats.size > 0 && !named.some((c) => ownedCats.has(c))) named = []
  const kscore = new Map<string, number>()
  for (const h of await knowledge.search(sc.understanding.query, { locale: sc.locale, kinds: ['fault'], limit: 5 }))
    kscore.set(h.id, h.score)
  const scored: Array<{ f: Fault; s: number }> = []
  for (const f of pool) {
    if (named.length > 0 && !named.includes(f.category)) continue
    const k = kscore.get(f.id)
    let s = Math.max(read.faultScore(f), k !== undefined ? k + 0.05 : 0)
    if (named.length === 0 && ownedCats.has(f.category)) s += 0.05
    scored.push({ f, s })
  }
  scored.sort((a, b) => b.s - a.s)
  const top = scored[0]
  if (!top || top.s < 0.4) return null
  // "my phone is broken" names a device, not a symptom: ask what happens instead of guessing.
  if (top.s < 0.65 && read.symptomConcepts().size === 0) return null
  const close = scored.filter((x) => x.s >= top.s - 0.06).slice(0, 3)
  if (top.s < 0.65 && close.length > 1) return { close: close.map((x) => x.f) }
  return { fault: top.f }
}

/**
 * The fault a safety report belongs to, for its queue: the best-matching fault of the device the message
 * names (else of the customer's devices, else any), urgent ones first. Null when the device is one the
 * fault graph does not cover, or nothing fits; the ticket is urgent either way.
 */
async function safetyFault(
  sc: SkillContext,
  owned: Array<{ product: Product }>,
  faultCats: Set<string>,
): Promise<Fault | null> {
  const { store, shop } = sc.ctx
  const all = await store.faults.list(shop.id)
  const local = all.filter((f) => f.locale === sc.locale)
  const pool = local.length > 0 ? local : all
  const mention = await mentionedCategory(sc)
  if (mention && !mention.categories.some((c) => coveredBy(c, faultCats))) return null
  const named = (mention?.categories ?? []).filter((c) => faultCats.has(c))
  const ownedCats = new Set(owned.map((o) => o.product.category))
  const scope = named.length > 0 ? named : ownedCats.size > 0 ? [...ownedCats] : null
  let best: { f: Fault; s: number } | null = null
  for (const f of pool) {
    if (scope && !scope.includes(f.category)) continue
    const s = sc.understanding.read.faultScore(f) + (f.escalate.priority === 'urgent' ? 1 : 0)
    if (!best || s > best.s) best = { f, s }
  }
  return best && best.s >= (scope ? 0 : 1.2) ? best.f : null
}

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

/**
 * A product named in the message leaves order and purchase date to find: take them from the
 * customer's own most recent order of that product, when there is one.
 */
async function orderOfNamedDevice(sc: SkillContext): Promise<void> {
  const slots = sc.state.slots
  if (typeof slots.sku !== 'string' || slots.order || slots.purchaseDate) return
  const custId = knownCustomerId(sc)
  if (!custId) return
  const orders = await sc.ctx.store.orders.listByCustomer(sc.ctx.shop.id, custId)
  orders.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const o = orders.find(
    (x) => x.status !== 'cancelled' && x.status !== 'pending_payment' && x.items.some((i) => i.sku === slots.sku),
  )
  if (o) {
    slots.order = o.orderNo
    slots.purchaseDate = o.deliveredAt ?? o.paidAt ?? o.createdAt
  }
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
    const byMention = mention ? owned.find((o) => mention.categories.includes(o.product.category)) : undefined
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
    fault && !escalateNow && typeof slots.sku === 'string' ? await store.products.get(shop.id, slots.sku) : null
  const lacking = device && fault && t.qIndex === undefined ? missingFeature(fault, device) : null
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

  // 4. The fault's questions, then its solutions, one at a time, skipping what the customer already
  // answered or tried. A safety symptom or an explicit request goes straight to the ticket.
  t.answers = t.answers ?? []
  const qDone = new Set(t.qDone ?? [])
  const sDone = new Set(t.sDone ?? [])
  const reported = new Set(t.reported ?? [])
  let kind: EscalationKind = t.urgent ? 'safety' : t.requested ? 'requested' : 'unresolved'
  if (fault) {
    const awaiting = sc.state.awaiting
    if (awaiting === 'faultAnswer' && sc.answeredAwaiting) {
      const i = t.qIndex ?? 0
      const q = fault.questions[i]
      if (q && !qDone.has(i)) t.answers.push({ question: q, answer: read.record(300) })
      qDone.add(i)
    }
    if (awaiting === 'feedback' && (sc.answeredAwaiting || cues.alreadyTried || cues.wantsRepairNow)) {
      if (sc.signals.affirm && !escalateNow) {
        const events = [
          { type: 'fault.resolved', data: { faultId: fault.id, solution: fault.solutions[t.sIndex ?? 0] ?? null } },
        ]
        const n = (t.sIndex ?? 0) + 1
        sc.state.task = noTask()
        delete slots.symptom
        return done(
          sc,
          [
            {
              text: say(
                L,
                '太好了，问题解决了！还有其他可以帮您的吗？',
                'Great, glad that fixed it! Anything else I can help with?',
              ),
            },
          ],
          'answer',
          `fault_resolved_by_solution_${n}`,
          { events },
        )
      }
      sDone.add(t.sIndex ?? 0)
    }
    // What this message says the customer already answered or tried ("放回盒子充了十分钟 也重新配对了").
    const ignore = [fault.symptom, ...fault.similar]
    for (const i of read.triedSteps(fault.questions, { ignore })) {
      if (qDone.has(i)) continue
      qDone.add(i)
      t.answers.push({ question: fault.questions[i]!, answer: read.record(300) })
    }
    const newly: number[] = []
    if (cues.alreadyTried)
      for (const i of read.triedSteps(fault.solutions, { ignore })) {
        if (sDone.has(i)) continue
        sDone.add(i)
        reported.add(i)
        newly.push(i)
      }
    t.qDone = [...qDone].sort((a, b) => a - b)
    t.sDone = [...sDone].sort((a, b) => a - b)
    t.reported = [...reported].sort((a, b) => a - b)
    t.tried = fault.solutions.filter((_, i) => sDone.has(i))

    const n = fault.solutions.length
    // A customer who already did most of the troubleshooting is not walked through it again.
    const triedEnough = reported.size >= 2 && sDone.size * 2 >= n
    if (kind === 'unresolved' && triedEnough && sDone.size < n) kind = 'tried'
    if (kind === 'unresolved' && reported.size > 0 && sDone.size >= n) kind = 'tried'
    if (!escalateNow && !triedEnough) {
      const skipped = newly.length > 0 ? `${skippedLine(L, stepList(fault.solutions, newly, L))} ` : ''
      const qi = fault.questions.findIndex((_, i) => !qDone.has(i))
      const q = fault.questions[qi]
      if (q) {
        t.qIndex = qi
        const intro = !t.introduced
          ? say(
              L,
              `了解，${slots.deviceModel}：${fault.symptom}。${slots.inWarranty === true ? '设备在保修期内。' : ''}先确认一下：`,
              `Got it, ${slots.deviceModel}: ${fault.symptom}. ${slots.inWarranty === true ? "It's under warranty. " : ''}First:`,
            )
          : ''
        t.introduced = true
        return ask(
          sc,
          'faultAnswer',
          { text: `${skipped}${intro}${intro ? ' ' : ''}${q}` },
          `fault_question_${qi + 1}_of_${fault.questions.length}`,
        )
      }
      const si = fault.solutions.findIndex((_, i) => !sDone.has(i))
      const sol = fault.solutions[si]
      if (sol) {
        t.sIndex = si
        t.introduced = true
        return ask(
          sc,
          'feedback',
          {
            text: `${skipped}${say(
              L,
              `请试试这个方法（${si + 1}/${n}）：${sol}\n这样能解决吗？`,
              `Please try this (${si + 1}/${n}): ${sol}\nDid that help?`,
            )}`,
            buttons:
              L === 'zh'
                ? [
                    { label: '解决了', payload: '解决了' },
                    { label: '还是不行', payload: '还是不行' },
                  ]
                : yesNo(L).map((_b, i) =>
                    i === 0
                      ? { label: 'It worked', payload: 'it worked' }
                      : { label: 'Still broken', payload: "didn't help" },
                  ),
          },
          `fault_solution_${si + 1}_of_${n}`,
        )
      }
    }
  }

  // 5. Exactly one ticket with everything collected.
  return createFaultTicket(sc, t, fault, kind)
}

/** The ticket exists: point to it (a safety symptom reported now is added to it for the agent). */
async function ticketExists(sc: SkillContext, t: FaultTask, cues: FaultCues): Promise<SkillResult> {
  const L = sc.locale
  const replies = [
    {
      text: say(
        L,
        `您的问题已登记工单 ${t.ticketId}，技术支持会尽快联系您，工单状态变化时会通知您。`,
        `Your problem is logged as ticket ${t.ticketId}; our support team will contact you and you'll be notified of every update.`,
      ),
    },
  ]
  if (cues.safety) {
    replies.unshift({ text: safetyAdvice(L, cues.safety) })
    const tickets = createTicketService({
      store: sc.ctx.store,
      now: () => sc.ctx.now,
      newId: sc.ctx.newId,
      ...sc.hooks,
    })
    await tickets.comment(
      sc.ctx.shop.id,
      t.ticketId!,
      'system',
      `Customer now reports a safety symptom (${safetyName(cues.safety, 'en')}): treat as urgent.`,
    )
  }
  return done(sc, replies, 'answer', cues.safety ? 'fault_ticket_exists_safety_noted' : 'fault_ticket_exists')
}

const ESCALATION_REASON: Record<EscalationKind, string> = {
  safety: 'fault_safety_urgent_ticket_created',
  requested: 'fault_requested_ticket_created',
  tried: 'fault_tried_steps_ticket_created',
  unresolved: 'fault_unresolved_ticket_created',
}

async function createFaultTicket(
  sc: SkillContext,
  t: FaultTask,
  fault: Fault | null,
  kind: EscalationKind,
): Promise<SkillResult> {
  const L = sc.locale
  const { store, shop } = sc.ctx
  const slots = sc.state.slots
  const tickets = createTicketService({ store, now: () => sc.ctx.now, newId: sc.ctx.newId, ...sc.hooks })
  const purchase = typeof slots.purchaseDate === 'string' ? slots.purchaseDate : null
  const reported = t.reported ?? []
  const symptom = fault?.symptom ?? slots.symptom ?? ''
  const ticket = await tickets.create(shop, {
    conversationId: sc.ctx.conversation.id,
    customerId: knownCustomerId(sc),
    category: fault ? `fault:${fault.category}` : 'fault:unknown',
    priority: t.urgent ? 'urgent' : (fault?.escalate.priority ?? 'normal'),
    ...(fault ? { queue: fault.escalate.queue } : {}),
    subject: `${t.urgent ? `[${safetyName(t.urgent, L)}] ` : ''}${slots.deviceModel ?? ''} ${String(symptom)}`.trim(),
    data: {
      deviceModel: slots.deviceModel ?? null,
      sku: slots.sku ?? null,
      symptom: slots.symptom ?? fault?.symptom ?? null,
      faultId: fault?.id ?? null,
      orderNo: slots.order ?? null,
      purchaseDate: purchase,
      inWarranty: typeof slots.inWarranty === 'boolean' ? slots.inWarranty : null,
      warrantyUntil: slots.warrantyUntil ?? null,
      answers: t.answers ?? [],
      triedSolutions: t.tried ?? [],
      reportedTried: fault ? reported.map((i) => fault.solutions[i] ?? '') : [],
      safety: t.urgent ?? null,
      requestedByCustomer: Boolean(t.requested),
      locale: L,
    },
  })
  t.ticketId = ticket.id
  sc.state.awaiting = null
  sc.state.prompt = null

  const parts = [
    ticketIntro(kind, L, {
      id: ticket.id,
      priority: ticket.priority,
      due: day(ticket.slaDueAt, shopTimeZone(sc.ctx.shop)),
    }),
  ]
  const tried = t.sDone ?? []
  if (fault && tried.length > 0 && (reported.length > 0 || kind === 'requested'))
    parts.push(triedLine(L, stepList(fault.solutions, tried, L)))
  parts.push(
    coverageLine(L, {
      inWarranty: typeof slots.inWarranty === 'boolean' ? slots.inWarranty : null,
      deliveredDaysAgo: await deliveredDaysAgo(sc),
      qualityIssueDays: returnRules(shop).qualityIssueDays,
    }),
  )
  if (fault && kind === 'tried') {
    const rest = fault.solutions
      .map((_, i) => i)
      .filter((i) => !(t.sDone ?? []).includes(i) && isActionStep(fault.solutions[i]!))
    if (rest.length > 0) parts.push(meanwhileLine(L, stepList(fault.solutions, rest, L)))
  }
  parts.push(say(L, '工单状态有变化时会通知您。', "You'll be notified whenever the ticket status changes."))
  const replies: Reply[] = [
    {
      text: parts.filter(Boolean).join(say(L, '', ' ')),
      card: {
        type: 'ticket',
        data: { id: ticket.id, queue: ticket.queue, priority: ticket.priority, slaDueAt: ticket.slaDueAt },
      },
    },
  ]
  // A safety case reads the stop-use advice first, unless it was given with the purchase question.
  if (t.urgent && !t.adviceGiven) replies.unshift({ text: safetyAdvice(L, t.urgent) })
  return {
    replies,
    action: 'execute',
    reason: fault || kind !== 'unresolved' ? ESCALATION_REASON[kind] : 'fault_unmatched_ticket_created',
    done: true,
    ticket: { id: ticket.id, queue: ticket.queue, priority: ticket.priority },
  }
}

/** Days since the flow's order was delivered to this customer, or null when unknown. */
async function deliveredDaysAgo(sc: SkillContext): Promise<number | null> {
  const orderNo = sc.state.slots.order
  const custId = knownCustomerId(sc)
  if (typeof orderNo !== 'string' || !custId) return null
  const o = await sc.ctx.store.orders.get(sc.ctx.shop.id, orderNo)
  if (!o || o.customerId !== custId || !o.deliveredAt) return null
  return Math.floor((sc.ctx.now.getTime() - new Date(o.deliveredAt).getTime()) / 86_400_000)
}
