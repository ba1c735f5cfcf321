/**
 * Issue 12, point 3, over HTTP: a write the model proposes (cancel, address change, return) waits for
 * the customer's confirmation. The fake OpenAI-compatible server scripts the tool call; the real server
 * turns it into the skill's own confirmation question with yes/no buttons, nothing is written until the
 * customer says yes, and then the skill acts through its normal path. Another customer's order is
 * refused like an unknown one; an anonymous visitor must verify first; "no" leaves the order alone.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openStore } from '../../src/adapters/open-store.js'
import type { Store } from '../../src/core/ports/store.js'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { type Conversation, send, startConversation } from '../helpers/chat-client.js'
import { tempDir } from '../helpers/temp-dir.js'
import {
  type FakeOpenAiServer,
  type RecordedRequest,
  type ScriptedReply,
  startFakeOpenAiServer,
} from './fake-openai-server.js'

/** An advice question (适合 + 说说理由): routed to the model by need. */
const QUESTION = '我买的那个东西适合送人吗？说说理由'
const PAID_ORDER = 'KF202611250827' // c002, paid, ¥928
const UNPAID_ORDER = 'KF202611260135' // c002, pending payment
const DELIVERED_ORDER = 'KF202611210199' // c001, delivered

let fake: FakeOpenAiServer
let server: RunningServer
let store: Store
const dir = tempDir()

type Msg = { role: string; content: string | null }
const toolResults = (req: RecordedRequest) =>
  (req.body.messages as unknown as Msg[]).filter((m) => m.role === 'tool').map((m) => m.content)

/** A model that calls `name(args)` once, then (if asked again) declines to answer. */
const proposes =
  (name: string, args: Record<string, unknown>) =>
  (req: RecordedRequest): ScriptedReply =>
    toolResults(req).length === 0
      ? { toolCalls: [{ name, arguments: JSON.stringify(args) }] }
      : { content: 'NO_ANSWER' }

beforeAll(async () => {
  fake = await startFakeOpenAiServer()
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir.path,
    env: { KEFU_LLM_BASE_URL: `${fake.url}/v1`, KEFU_LLM_MODEL: 'test', LOG_LEVEL: 'silent' },
  })
  store = await openStore(`sqlite://${dir.path}/kefu.db`)
})
afterAll(async () => {
  await store?.close()
  await server?.close()
  await fake?.close()
  dir.remove()
})
beforeEach(() => fake.reset())

const order = async (no: string) => (await store.orders.get('demo', no))!
const events = async (c: Conversation, type: string) =>
  store.events.list('demo', { type, conversationId: c.id, limit: 100 })

describe('model-proposed writes wait for the customer (issue 12)', () => {
  it('turns a proposed cancellation into the confirmation step; only "yes" cancels', async () => {
    fake.setDefault(proposes('cancel_order', { orderNo: PAID_ORDER }))
    const c = await startConversation(server.url, { customerId: 'c002' })
    const turn = await send(server.url, c, QUESTION)
    expect(fake.requests).toHaveLength(1) // no second round: the customer is asked, not the model
    expect(turn.action).toBe('confirm')
    expect(turn.reason).toMatch(/^llm_proposed:cancel_order;cancel_confirm_with_refund/)
    expect(turn.state.awaiting).toBe('confirm')
    expect(turn.state).toMatchObject({ pendingAction: { source: 'llm', tool: 'cancel_order', orderNo: PAID_ORDER } })
    const ask = turn.replies[0] as { text: string; buttons?: Array<{ label: string }> }
    expect(ask.text).toContain(PAID_ORDER)
    expect(ask.text).toContain('确认取消吗')
    expect(ask.buttons?.map((b) => b.label)).toEqual(['是的', '不用了'])
    expect((await order(PAID_ORDER)).status).toBe('paid')
    expect(await events(c, 'llm.write_proposed')).toHaveLength(1)

    const yes = await send(server.url, c, '是的')
    expect(fake.requests).toHaveLength(1)
    expect(yes.action).toBe('execute')
    expect(yes.reason).toBe('order_cancelled_refund_started')
    expect(yes.state).not.toHaveProperty('pendingAction')
    expect((await order(PAID_ORDER)).status).toBe('refunding')
    expect(await events(c, 'llm.write_confirmed')).toHaveLength(1)
    expect(await events(c, 'order.cancelled')).toHaveLength(1)
  })

  it('changes the address only after the confirmation, and "no" leaves the order alone', async () => {
    const address = '上海市浦东新区世纪大道100号5楼'
    fake.setDefault(proposes('change_address', { orderNo: UNPAID_ORDER, address }))
    const c = await startConversation(server.url, { customerId: 'c002' })
    const before = (await order(UNPAID_ORDER)).address
    const turn = await send(server.url, c, QUESTION)
    expect(turn.action).toBe('confirm')
    expect(turn.replies[0]!.text).toBe(`确认将订单 ${UNPAID_ORDER} 的收货地址修改为：${address}？`)
    const no = await send(server.url, c, '不用了')
    expect(no.reason).toBe('modify_declined')
    expect(no.state).not.toHaveProperty('pendingAction')
    expect((await order(UNPAID_ORDER)).address).toEqual(before)

    fake.reset()
    fake.setDefault(proposes('change_address', { orderNo: UNPAID_ORDER, address }))
    await send(server.url, c, QUESTION)
    const yes = await send(server.url, c, '确认')
    expect(yes.action).toBe('execute')
    expect((await order(UNPAID_ORDER)).address?.detail).toBe(address)
  })

  it("refuses a proposal for another customer's order like an unknown one: nothing pending, nothing written", async () => {
    fake.setDefault(proposes('cancel_order', { orderNo: PAID_ORDER }))
    const c = await startConversation(server.url, { customerId: 'c001' })
    const turn = await send(server.url, c, QUESTION)
    expect(fake.requests).toHaveLength(2)
    expect(toolResults(fake.requests[1]!)).toEqual(['error: not_found'])
    expect(turn.action).not.toBe('confirm')
    expect(turn.state).not.toHaveProperty('pendingAction')
    expect(turn.replies.map((r) => r.text).join('')).not.toContain(PAID_ORDER)
    const yes = await send(server.url, c, '是的')
    expect(yes.action).not.toBe('execute')
    expect((await order(PAID_ORDER)).status).not.toBe('cancelled')
  })

  it('asks an anonymous visitor to verify before the proposed write can even be confirmed', async () => {
    fake.setDefault(proposes('request_return', { orderNo: DELIVERED_ORDER, reason: '不合适' }))
    const c = await startConversation(server.url)
    const turn = await send(server.url, c, QUESTION)
    expect(turn.reason).toMatch(/^llm_proposed:request_return;/)
    expect(turn.state.awaiting).toMatch(/verify|phoneLast4/)
    expect(turn.replies.map((r) => r.text).join('')).not.toContain('灵犀')
    const yes = await send(server.url, c, '是的')
    expect(yes.action).not.toBe('execute')
    expect(await store.returns.listByOrder('demo', DELIVERED_ORDER)).toHaveLength(0)
  })

  it('offers the write tools next to the read-only ones', async () => {
    fake.setDefault({ content: 'NO_ANSWER' })
    await send(server.url, await startConversation(server.url, { customerId: 'c001' }), QUESTION)
    const tools = (fake.requests[0]!.body.tools as Array<{ function: { name: string } }>).map((t) => t.function.name)
    expect(tools).toEqual([
      'find_orders',
      'track_shipment',
      'search_products',
      'check_stock',
      'cancel_order',
      'change_address',
      'request_return',
    ])
  })
})
