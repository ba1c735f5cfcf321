/**
 * The fault flow acts like a good agent (issue 9): it skips what the customer already tried or answered,
 * opens the ticket when asked to, and treats safety symptoms as urgent (stop-use advice first, an urgent
 * ticket at once, no troubleshooting) — whatever the classifier made of the message. The NLU results are
 * hand-made, with the fault cues the real engine computes (`detectFaultCues`).
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { TurnOutcome } from '../../src/core/dialogue/types.js'
import { detectFaultCues } from '../../src/core/nlu/detect-fault-cues.js'
import type { Intent } from '../../src/core/nlu/types.js'
import { type Harness, nlu, openHarness } from './harness.js'

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

type NluOpts = Parameters<typeof nlu>[1]

/** One turn, with the cues the NLU engine would add to this text. */
function turn(text: string, intent: Intent, opts: NluOpts = {}): Promise<TurnOutcome> {
  const cues = detectFaultCues(text)
  return h!.turn(text, { ...nlu(intent, opts), ...(Object.keys(cues).length > 0 ? { cues } : {}) })
}

const text = (o: TurnOutcome) => o.replies.map((r) => r.text).join('\n')

describe('fault flow: steps the customer already tried', () => {
  it('a customer who lists every step as tried gets the ticket at once, with the steps recorded (zh)', async () => {
    h = await openHarness({ customerId: 'c1' })
    const a = await turn('耳机无法充电', 'after_sales_fault')
    expect(a.reason).toBe('fault_question_1_of_1')
    const b = await turn('指示灯不亮，触点清洁过了，也换了充电线和充电头，还是不行', 'after_sales_fault', {
      confidence: 0.6,
    })
    expect(b.action).toBe('execute')
    expect(b.reason).toBe('fault_tried_steps_ticket_created')
    expect(b.ticket).toMatchObject({ queue: 'repair', priority: 'high' })
    expect(text(b)).toContain('已记录您试过的方法')
    expect(text(b)).toContain('清洁充电触点')
    expect(text(b)).not.toContain('请试试')
    const tickets = await h.store.tickets.list('shop1', {})
    expect(tickets).toHaveLength(1)
    expect(tickets[0]!.data).toMatchObject({
      reportedTried: ['清洁充电触点后重新放入充电盒', '更换充电线和充电头再试'],
      triedSolutions: ['清洁充电触点后重新放入充电盒', '更换充电线和充电头再试'],
    })
    // Still broken afterwards: the same ticket, never a second one.
    const c = await turn('还是不行', 'complaint', { confidence: 0.4 })
    expect(c.ticket).toBeUndefined()
    expect(await h.store.tickets.list('shop1', {})).toHaveLength(1)
  })

  it('skips the one step already tried and proposes only the other (zh)', async () => {
    h = await openHarness({ customerId: 'c1' })
    const a = await turn('耳机无法充电，已经把触点清洁过了', 'after_sales_fault')
    expect(a.reason).toBe('fault_question_1_of_1')
    expect(text(a)).toContain('我就不再重复了')
    const b = await turn('不亮', 'out_of_scope', { confidence: 0.3 })
    expect(b.reason).toBe('fault_solution_2_of_2')
    expect(text(b)).toContain('更换充电线')
    const c = await turn('还是不行', 'complaint', { confidence: 0.4 })
    expect(c.reason).toBe('fault_tried_steps_ticket_created')
    const [t] = await h.store.tickets.list('shop1', {})
    expect(t!.data).toMatchObject({ reportedTried: ['清洁充电触点后重新放入充电盒'] })
  })

  it('an English customer who already tried the steps gets the ticket, and the question is not asked twice', async () => {
    h = await openHarness({ customerId: 'c2', locale: 'en' })
    const a = await turn(
      "my earbuds won't charge. I already cleaned the contacts and tried another cable, still nothing",
      'after_sales_fault',
      { locale: 'en' },
    )
    expect(a.action).toBe('execute')
    expect(a.reason).toBe('fault_tried_steps_ticket_created')
    expect(text(a)).toContain('Recorded as already tried')
    expect(text(a)).not.toContain('Please try this')
    expect(await h.store.tickets.list('shop1', {})).toHaveLength(1)
  })

  it('a "tried that too" reply to a proposed step counts as that step failing', async () => {
    h = await openHarness({ customerId: 'c2', locale: 'en' })
    await turn("my earbuds won't charge", 'after_sales_fault', { locale: 'en' })
    const b = await turn('no', 'out_of_scope', { confidence: 0.2, locale: 'en' })
    expect(b.reason).toBe('fault_solution_1_of_2')
    const c = await turn('did that, and I also tried another cable. still nothing', 'complaint', {
      confidence: 0.5,
      locale: 'en',
    })
    expect(c.action).toBe('execute')
    expect(c.ticket).toMatchObject({ priority: 'high' })
  })
})

describe('fault flow: the customer asks for repair or replacement', () => {
  it('"直接给我换一个" in the middle of the steps opens the ticket at once (zh)', async () => {
    h = await openHarness({ customerId: 'c1' })
    await turn('耳机无法充电', 'after_sales_fault')
    const b = await turn('不亮', 'out_of_scope', { confidence: 0.3 })
    expect(b.reason).toBe('fault_solution_1_of_2')
    const c = await turn('不想再试了，直接给我换一个', 'return_refund', { confidence: 0.7 })
    expect(c.action).toBe('execute')
    expect(c.reason).toBe('fault_requested_ticket_created')
    expect(c.state.activeIntent).toBe('after_sales_fault')
    expect(c.ticket).toMatchObject({ queue: 'repair', priority: 'high' })
    expect(text(c)).toContain('不再让您继续排查')
    expect(await h.store.tickets.list('shop1', {})).toHaveLength(1)
  })

  it('"send someone" opens the ticket instead of the next question (en), within the warranty it knows', async () => {
    h = await openHarness({ customerId: 'c2', locale: 'en' })
    await turn("my earbuds won't charge", 'after_sales_fault', { locale: 'en' })
    const b = await turn('please just send someone to fix it', 'human_agent', { confidence: 0.3, locale: 'en' })
    expect(b.action).toBe('execute')
    expect(b.reason).toBe('fault_requested_ticket_created')
    expect(text(b)).toContain('under warranty')
    const [t] = await h.store.tickets.list('shop1', {})
    expect(t!.data).toMatchObject({ requestedByCustomer: true, inWarranty: true, orderNo: 'KF20000001' })
  })

  it('an eligibility question ("还能换新吗") is not a request: the flow goes on', async () => {
    h = await openHarness({ customerId: 'c1' })
    const a = await turn('耳机无法充电，还能换新吗', 'after_sales_fault')
    expect(a.action).toBe('ask_slot')
    expect(await h.store.tickets.list('shop1', {})).toHaveLength(0)
  })
})

describe('fault flow: safety symptoms are urgent', () => {
  const zh: Array<[string, string]> = [
    ['耳机充电盒有股焦味', 'burning'],
    ['耳机充电盒鼓包了', 'swelling'],
    ['耳机充电盒冒烟了', 'smoke'],
    ['耳机充电盒插上就冒火花', 'sparks'],
    ['耳机充电盒充电时烫手', 'overheating'],
  ]
  it.each(zh)('zh %s → stop-use advice first, then an urgent ticket (%s)', async (msg, safety) => {
    h = await openHarness({ customerId: 'c1' })
    const a = await turn(msg, 'after_sales_fault')
    expect(a.action).toBe('execute')
    expect(a.reason).toBe('fault_safety_urgent_ticket_created')
    expect(a.ticket).toMatchObject({ priority: 'urgent', queue: 'repair' })
    const advice = a.replies[0]!.text
    for (const w of ['停止使用', '拔掉电源', '停止充电', '远离易燃物', '不要自行拆开']) expect(advice).toContain(w)
    expect(text(a)).not.toContain('请试试')
    const tickets = await h.store.tickets.list('shop1', {})
    expect(tickets).toHaveLength(1)
    expect(tickets[0]!.data).toMatchObject({ safety, orderNo: 'KF10000002' })
  })

  const en: Array<[string, string]> = [
    ['the earbuds case smells burnt', 'burning'],
    ['the earbuds case is swollen', 'swelling'],
    ['the earbuds case started smoking', 'smoke'],
    ['the earbuds case sparks when I plug it in', 'sparks'],
    ['the earbuds case is too hot to touch', 'overheating'],
  ]
  it.each(en)('en "%s" → stop-use advice first, then an urgent ticket (%s)', async (msg, safety) => {
    h = await openHarness({ customerId: 'c2', locale: 'en' })
    const a = await turn(msg, 'after_sales_fault', { locale: 'en' })
    expect(a.action).toBe('execute')
    expect(a.ticket).toMatchObject({ priority: 'urgent' })
    const advice = a.replies[0]!.text
    for (const w of ['stop using it', 'unplug it', 'stop charging', 'flammable', 'do not open it'])
      expect(advice).toContain(w)
    const [t] = await h.store.tickets.list('shop1', {})
    expect(t!.data).toMatchObject({ safety })
  })

  it('a safety message the classifier files as a product question still goes to the fault flow', async () => {
    h = await openHarness({ customerId: 'c1' })
    const a = await turn('AirBeat Pro 耳机充电盒鼓包了 还能用吗', 'product_inquiry', {
      confidence: 0.8,
      entities: [{ type: 'product', value: 'EB-1' }],
    })
    expect(a.state.lastIntent).toBe('after_sales_fault')
    expect(a.action).toBe('execute')
    expect(a.ticket).toMatchObject({ priority: 'urgent' })
    expect(a.replies[0]!.text).toContain('停止使用')
  })

  it('a safety symptom in the middle of another task interrupts it', async () => {
    h = await openHarness({ customerId: 'c1' })
    const a = await turn('我要退货', 'return_refund')
    expect(a.state.awaiting).toBeTruthy()
    const b = await turn('耳机充电盒冒烟了', 'return_refund', { confidence: 0.6 })
    expect(b.ticket).toMatchObject({ priority: 'urgent' })
    expect(b.replies[0]!.text).toContain('停止使用')
  })

  it('a safety symptom reported as an answer during the steps ends the steps with an urgent ticket', async () => {
    h = await openHarness({ customerId: 'c1' })
    await turn('耳机无法充电', 'after_sales_fault')
    const b = await turn('灯不亮，而且闻到一股焦味', 'out_of_scope', { confidence: 0.3 })
    expect(b.action).toBe('execute')
    expect(b.ticket).toMatchObject({ priority: 'urgent' })
  })

  it('a negated symptom ("没有焦味也没鼓包") is not a safety case', async () => {
    h = await openHarness({ customerId: 'c1' })
    const a = await turn('耳机无法充电，没有焦味也没鼓包', 'after_sales_fault')
    expect(a.action).toBe('ask_slot')
    expect(a.reason).toBe('fault_question_1_of_1')
    expect(await h.store.tickets.list('shop1', {})).toHaveLength(0)
  })

  it('an anonymous visitor gets the advice with one question for the order, then the urgent ticket', async () => {
    h = await openHarness({ customerId: null, locale: 'en' })
    const a = await turn('my earbuds case is swelling up', 'after_sales_fault', { locale: 'en' })
    expect(a.action).toBe('ask_slot')
    expect(a.replies[0]!.text).toContain('stop using it')
    expect(a.state.awaiting).toBe('purchase')
    const b = await turn('I bought it at a mall kiosk', 'out_of_scope', { confidence: 0.3, locale: 'en' })
    expect(b.action).toBe('execute')
    expect(b.ticket).toMatchObject({ priority: 'urgent' })
    expect(b.replies[0]!.text).not.toContain('stop using it')
  })

  it('an angry customer with a safety symptom is handed over, after the stop-use advice', async () => {
    h = await openHarness({ customerId: 'c1' })
    const a = await turn('耳机充电盒都冒烟了！！你们卖的什么垃圾', 'complaint', { emotion: 0.9 })
    expect(a.handoff).toBe(true)
    expect(a.replies[0]!.text).toContain('停止使用')
  })

  it('a safety symptom after the ticket exists is added to that ticket, with the advice', async () => {
    h = await openHarness({ customerId: 'c1' })
    await turn('耳机无法充电', 'after_sales_fault')
    await turn('不亮', 'out_of_scope', { confidence: 0.3 })
    await turn('还是不行', 'complaint', { confidence: 0.4 })
    const d = await turn('还是不行', 'complaint', { confidence: 0.4 })
    expect(d.ticket).toBeDefined()
    const e = await turn('现在充电盒还有焦味', 'complaint', { confidence: 0.6 })
    expect(e.reason).toBe('fault_ticket_exists_safety_noted')
    expect(e.replies[0]!.text).toContain('停止使用')
    const tickets = await h.store.tickets.list('shop1', {})
    expect(tickets).toHaveLength(1)
    const comments = await h.store.tickets.listComments('shop1', tickets[0]!.id)
    expect(comments.map((c) => c.text).join('\n')).toContain('burning smell')
  })
})
