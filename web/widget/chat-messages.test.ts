import { describe, expect, it } from 'vitest'
import type { ServerMessage } from './api-client.js'
import {
  activeQuickReplies,
  applyReplies,
  type ChatMessage,
  fromServerMessage,
  lastSeq,
  mergeServerMessages,
} from './chat-messages.js'

const at = '2024-06-12T08:00:00.000Z'
const server = (seq: number, role: ServerMessage['role'], text: string, meta: ServerMessage['meta'] = {}) => ({
  id: `m${seq}`,
  seq,
  role,
  text,
  meta,
  createdAt: at,
})
const local = (
  key: string,
  role: ChatMessage['role'],
  text: string,
  extra: Partial<ChatMessage> = {},
): ChatMessage => ({
  key,
  seq: null,
  role,
  text,
  createdAt: at,
  ...extra,
})

describe('mergeServerMessages', () => {
  it('skips seqs it already has, so stream, POST follow-up and catch-up never duplicate', () => {
    const once = mergeServerMessages([], [server(1, 'customer', 'hi'), server(2, 'bot', 'hello')])
    const twice = mergeServerMessages(once, [server(2, 'bot', 'hello'), server(1, 'customer', 'hi')])
    expect(twice).toBe(once)
    expect(twice.map((m) => m.seq)).toEqual([1, 2])
  })

  it('orders server messages by seq even when they arrive out of order', () => {
    const list = mergeServerMessages([], [server(3, 'bot', 'c')])
    const merged = mergeServerMessages(list, [server(1, 'customer', 'a'), server(2, 'bot', 'b')])
    expect(merged.map((m) => m.text)).toEqual(['a', 'b', 'c'])
  })

  it('replaces the pending local message with the server copy and keeps later local messages last', () => {
    const list = [
      local('l1', 'customer', '我的订单到哪了', { pending: true }),
      local('l2', 'customer', '还有吗', { pending: true }),
    ]
    const merged = mergeServerMessages(list, [server(1, 'customer', '我的订单到哪了')])
    expect(merged.map((m) => [m.key, m.seq])).toEqual([
      ['s1', 1],
      ['l2', null],
    ])
  })

  it('keeps buttons and card of a local bot reply when the server copy has none', () => {
    const buttons = [{ label: '查物流', payload: 'track' }]
    const card = { type: 'order', data: { orderNo: 'A1' } }
    const merged = mergeServerMessages([local('l3', 'bot', 'ok', { buttons, card })], [server(2, 'bot', 'ok')])
    expect(merged).toHaveLength(1)
    expect(merged[0]).toMatchObject({ seq: 2, buttons, card })
  })

  it('reads buttons and card stored in the message meta, ignoring malformed ones', () => {
    const merged = mergeServerMessages(
      [],
      [server(1, 'bot', 'x', { buttons: [{ label: 'A', payload: 'a' }, { label: 1 }], card: { type: 'order' } })],
    )
    expect(merged[0]?.buttons).toEqual([{ label: 'A', payload: 'a' }])
    expect(merged[0]?.card).toBeUndefined()
  })

  it('does not swallow a failed local message that happens to have the same text', () => {
    const merged = mergeServerMessages([local('l1', 'customer', 'hi', { failed: true })], [server(1, 'customer', 'hi')])
    expect(merged.map((m) => m.key)).toEqual(['s1', 'l1'])
  })
})

describe('applyReplies', () => {
  let n = 0
  const nextKey = () => `r${++n}`

  it('decorates replies the stream already delivered instead of adding them again', () => {
    const list = [
      { ...local('s1', 'customer', 'q'), seq: 1 },
      { ...local('s2', 'bot', 'answer'), seq: 2 },
    ]
    const out = applyReplies(list, 's1', [{ text: 'answer', buttons: [{ label: 'B', payload: 'b' }] }], at, nextKey)
    expect(out).toHaveLength(2)
    expect(out[1]?.buttons).toEqual([{ label: 'B', payload: 'b' }])
  })

  it('appends replies not yet delivered as local messages that a later merge replaces', () => {
    const list = [local('l1', 'customer', 'q')]
    const out = applyReplies(list, 'l1', [{ text: 'one' }, { text: 'two' }], at, nextKey)
    expect(out.map((m) => [m.role, m.text, m.seq])).toEqual([
      ['customer', 'q', null],
      ['bot', 'one', null],
      ['bot', 'two', null],
    ])
    const merged = mergeServerMessages(out, [
      server(1, 'customer', 'q'),
      server(2, 'bot', 'one'),
      server(3, 'bot', 'two'),
    ])
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3])
  })

  it('matches only bot messages after the question, not an identical earlier answer', () => {
    const list = [
      { ...local('s1', 'bot', 'same'), seq: 1 },
      { ...local('s2', 'customer', 'q'), seq: 2 },
    ]
    const out = applyReplies(list, 's2', [{ text: 'same' }], at, nextKey)
    expect(out).toHaveLength(3)
    expect(out[2]).toMatchObject({ role: 'bot', text: 'same', seq: null })
  })
})

describe('lastSeq and activeQuickReplies', () => {
  it('uses the highest server seq as the catch-up cursor', () => {
    expect(lastSeq([])).toBe(0)
    expect(lastSeq([{ ...local('a', 'bot', 'x'), seq: 7 }, local('b', 'customer', 'y')])).toBe(7)
  })

  it('offers quick replies only from the newest message when the bot sent it', () => {
    const buttons = [{ label: 'B', payload: 'b' }]
    expect(activeQuickReplies([local('a', 'bot', 'x', { buttons })])).toEqual(buttons)
    expect(activeQuickReplies([local('a', 'bot', 'x', { buttons }), local('b', 'customer', 'y')])).toEqual([])
  })
})

describe('fromServerMessage', () => {
  it("shows the human agent's name from meta.agent, and nothing for other roles", () => {
    const agent = fromServerMessage(server(5, 'agent', '您好，我来处理', { agent: { id: 'a1', name: '李娜' } }))
    expect(agent.agentName).toBe('李娜')
    expect(fromServerMessage(server(6, 'agent', 'hi')).agentName).toBeUndefined()
    expect(fromServerMessage(server(7, 'bot', 'hi', { agent: { name: 'x' } })).agentName).toBeUndefined()
  })
})
