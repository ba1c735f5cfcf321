/**
 * Routing notices reach a messaging-platform customer like bot replies do (issue 15): a real kefu
 * server (demo shop) and the fake Chatwoot (test/fakes/chatwoot). Nobody online: after the bot's
 * handoff reply the customer gets the "left a message" notice with its ticket number, and later that
 * ticket's status update. An agent online: the queue notice with the estimated wait, then "agent X
 * joined" when a console agent accepts, and the closing notice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { type FakeChatwoot, startFakeChatwoot } from '../fakes/chatwoot/fake-chatwoot.js'
import { tempDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait-for.js'

const dir = tempDir('kefu-routing-notices-')
let server: RunningServer
let cw: FakeChatwoot
let aliceId: string

const admin = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const r = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${server.demoApiKey}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
  return { status: r.status, json: (await r.json()) as Record<string, unknown> }
}

beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: dir.path, env: { LOG_LEVEL: 'warn' } })
  const staff = await admin('POST', '/api/v1/admin/staff', {
    username: 'alice',
    displayName: 'Alice',
    role: 'agent',
    password: 'alice-password-1',
  })
  expect(staff.status).toBe(201)
  aliceId = (staff.json.account as { id: string }).id
  cw = await startFakeChatwoot({ webhookSecret: 'cw-bot-signing-secret' })
  const res = await admin('PUT', '/api/v1/admin/channels/chatwoot', {
    baseUrl: cw.url,
    accountId: cw.accountId,
    botToken: cw.botToken,
    webhookSecret: 'cw-bot-signing-secret',
  })
  expect(res.status).toBe(200)
  cw.setBotUrl(`${server.url}${(res.json.channel as { webhookPath: string }).webhookPath}`)
  // Nobody in Chatwoot takes these handoffs: kefu's own console agents do.
  cw.announceStatusChanges(false)
})

afterAll(async () => {
  await cw?.close()
  await server?.close()
  dir.remove()
})

const texts = (conversationId: number) => cw.publicMessages(conversationId).map((m) => m.content)

describe('routing notices on a messaging platform', () => {
  it('nobody online: the ticket notice follows the bot’s handoff reply, then the ticket’s status update', async () => {
    await cw.customerWrites({ conversationId: 901, contactId: 9901, content: '转人工' })
    await waitFor(() => cw.statusOf(901) === 'open', { what: 'the platform handoff' })
    // Everything of the turn was posted before the handoff: the reply, then the notice.
    const said = texts(901)
    expect(said.length).toBe(2)
    expect(said[0]).not.toMatch(/工单/)
    const notice = /没有在线的人工客服。您的留言已记录为工单 (\S+?)，/.exec(said[1]!)
    expect(notice).not.toBeNull()
    const ticketId = notice![1]!

    const changed = await admin('PATCH', `/api/v1/admin/tickets/${ticketId}`, { status: 'in_progress' })
    expect(changed.status).toBe(200)
    await waitFor(() => texts(901).length === 3, { what: 'the ticket status notice' })
    expect(texts(901)[2]).toBe(`您的工单 ${ticketId} 状态更新：处理中。`)
  })

  it('an agent online: queue position and wait, then "agent joined" and the closing notice', async () => {
    expect((await admin('PATCH', `/api/v1/admin/staff/${aliceId}`, { status: 'online' })).status).toBe(200)
    await cw.customerWrites({ conversationId: 902, contactId: 9902, content: '转人工' })
    await waitFor(() => cw.statusOf(902) === 'open', { what: 'the platform handoff' })
    const said = texts(902)
    expect(said.length).toBe(2)
    expect(said[1]).toMatch(/^您已进入人工客服队列，预计等待约 \d+ 分钟。$/)

    const as = { 'x-kefu-agent': 'alice' }
    const queue = await admin('GET', '/api/v1/admin/agent/queue', undefined, as)
    // The queue is oldest first: 901 (left a message) still waits too.
    const item = (queue.json.queue as Array<{ conversationId: string; channel: string }>)
      .filter((q) => q.channel === 'chatwoot')
      .at(-1)!
    const base = `/api/v1/admin/agent/conversations/${item.conversationId}`
    expect((await admin('POST', `${base}/claim`, {}, as)).status).toBe(200)
    expect(texts(902).at(-1)).toBe('人工客服 Alice 已接入，将为您继续服务。')
    expect((await admin('POST', `${base}/messages`, { text: '您好，我是 Alice。' }, as)).status).toBe(201)
    expect((await admin('POST', `${base}/close`, {}, as)).status).toBe(200)
    expect(texts(902).slice(2)).toEqual([
      '人工客服 Alice 已接入，将为您继续服务。',
      '您好，我是 Alice。',
      '本次会话已结束，感谢您的耐心。如还有问题，欢迎随时再联系我们。',
    ])
  })
})
