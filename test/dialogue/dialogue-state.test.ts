/**
 * The typed dialogue state: stored JSON becomes a `WorkingState` whose task progress is tagged by task
 * (src/core/dialogue/task-state.ts). States written before the tag existed — a bare object of fields
 * under the active intent — still load, with their values typed, and a conversation stored that way
 * continues where it stopped.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { normalizeState } from '../../src/core/dialogue/dialogue-state.js'
import { taskOf } from '../../src/core/dialogue/task-state.js'
import { type Harness, nlu, openHarness } from './harness.js'

/** A return waiting for the confirmation, with a fault flow put aside, as an older version stored it. */
const OLD_SHAPE = {
  activeIntent: 'return_refund',
  slots: { order: 'KF10000003', sku: 'TS-1' },
  awaiting: 'confirm',
  topics: ['after_sales_fault', 'return_refund'],
  failedTurns: 0,
  lastIntent: 'return_refund',
  task: { kind: 'exchange', reason: 'size', reasonText: 'M码大了', opened: false, sku: 'TS-1' },
  suspended: {
    intent: 'after_sales_fault',
    awaiting: 'faultAnswer',
    task: {
      faultId: 'F1',
      qIndex: 1,
      answers: [{ question: '充电灯亮吗？', answer: '不亮' }],
      qDone: [0],
      urgent: 'burning',
      saved: { deviceModel: 'X2' },
    },
    prompt: '换根线试试？',
  },
  candidates: { kind: 'order', ids: ['KF10000003', 'KF20000001'] },
  lastRecommendation: {
    request: { categories: ['apparel'], features: [], gift: { recipient: 'elder' }, more: false, cheaper: false },
    shown: ['TS-1'],
    minPrice: 99,
  },
  pictures: ['att-1'],
  pendingAction: { source: 'llm', tool: 'request_return', intent: 'return_refund', orderNo: 'KF10000003' },
  verifiedCustomerId: null,
  turns: 4,
  // Keys other modules keep on the conversation's state.
  routing: { queue: 'general' },
  agent: { id: 'a1' },
}

describe('dialogue state: loading stored states', () => {
  it('reads an old-shape state (no task tag) as the typed progress of the task it was stored under', () => {
    const s = normalizeState(structuredClone(OLD_SHAPE))
    expect(s.task).toEqual({
      flow: 'return_refund',
      kind: 'exchange',
      reason: 'size',
      reasonText: 'M码大了',
      opened: false,
      sku: 'TS-1',
    })
    expect(s.suspended?.task).toEqual({
      flow: 'after_sales_fault',
      faultId: 'F1',
      qIndex: 1,
      answers: [{ question: '充电灯亮吗？', answer: '不亮' }],
      qDone: [0],
      urgent: 'burning',
      saved: { deviceModel: 'X2' },
    })
    expect(s.candidates).toEqual({ kind: 'order', ids: ['KF10000003', 'KF20000001'] })
    expect(s.lastRecommendation?.request.gift).toEqual({ recipient: 'elder' })
    expect(s.pendingAction?.tool).toBe('request_return')
    expect(s.pictures).toEqual(['att-1'])
    expect(s.verifiedCustomerId).toBeNull()
    expect(s.turns).toBe(4)
    // Other modules' keys ride along untouched.
    expect({ ...s }).toMatchObject({ routing: { queue: 'general' }, agent: { id: 'a1' } })
  })

  it('takes a tagged task as it is and a price alert stored as a flag as the price-alert task', () => {
    expect(
      normalizeState({ activeIntent: 'return_refund', task: { flow: 'modify_order', field: 'phone' } }).task,
    ).toEqual({ flow: 'modify_order', field: 'phone' })
    expect(normalizeState({ activeIntent: 'price_promotion', task: { priceAlert: true } }).task).toEqual({
      flow: 'price_alert',
    })
    expect(normalizeState({ activeIntent: 'order_status', task: { anything: 1 } }).task).toEqual({ flow: 'none' })
  })

  it('drops damaged values instead of keeping them with the wrong type', () => {
    const s = normalizeState({
      activeIntent: 7,
      slots: 'x',
      topics: ['a', 3, 'b'],
      failedTurns: -2,
      task: { flow: 'after_sales_fault', faultId: 3, qIndex: -1, urgent: 'volcano', answers: [{ question: 1 }] },
      candidates: { kind: 'shoe', ids: ['x'] },
      suspended: { awaiting: 'confirm' },
      lastRecommendation: { request: { categories: 'all' } },
      pendingAction: { source: 'llm', tool: 'delete_everything', intent: 'cancel_order', orderNo: 'KF1' },
      pictures: 'att-1',
    })
    expect(s).toEqual({
      activeIntent: null,
      slots: {},
      awaiting: null,
      topics: ['a', 'b'],
      failedTurns: 0,
      task: { flow: 'after_sales_fault', answers: [] },
    })
    expect(normalizeState(null).task).toEqual({ flow: 'none' })
  })

  it("gives a skill its own task's progress and never another task's leftovers", () => {
    const s = normalizeState(structuredClone(OLD_SHAPE))
    const ret = taskOf(s, 'return_refund')
    expect(ret.reason).toBe('size')
    const modify = taskOf(s, 'modify_order')
    expect(modify).toEqual({ flow: 'modify_order' })
    expect(s.task).toBe(modify)
  })
})

describe('dialogue state: a conversation stored by an older version continues', () => {
  let h: Harness | undefined
  afterEach(async () => {
    await h?.close()
    h = undefined
  })

  it('an address change waiting for "yes" (old-shape task) is carried out on the yes', async () => {
    h = await openHarness({ customerId: 'c1' })
    await h.store.conversations.update('shop1', h.conversation.id, {
      state: {
        activeIntent: 'modify_order',
        slots: { order: 'KF10000002' },
        awaiting: 'confirm',
        topics: ['modify_order'],
        failedTurns: 0,
        task: { field: 'address', newValue: '朝阳区建国路88号' },
        prompt: '确认将订单 KF10000002 的收货地址修改为：朝阳区建国路88号？',
      },
    })
    const r = await h.turn('对的，改吧', nlu('greeting', { confidence: 0.4 }))
    expect(r.action).toBe('execute')
    expect(r.reason).toBe('order_modified_address')
    expect((await h.store.orders.get('shop1', 'KF10000002'))!.address!.detail).toBe('朝阳区建国路88号')
    expect(r.state.task).toEqual({ flow: 'none' })
  })
})
