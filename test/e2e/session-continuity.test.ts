/**
 * Dialogue state is stored, not held in memory: `kefu ask --session` continues across separate
 * processes, and an API conversation continues across a server restart.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { startServer } from '../../src/server/start-server.js'
import { tempDir } from '../helpers/temp-dir.js'

const run = promisify(execFile)
type Turn = {
  conversationId: string
  action: string
  state: { activeIntent: string | null; awaiting: string | null; slots: Record<string, unknown> }
  replies: Array<{ text: string }>
  messages: Array<{ seq: number }>
}

describe('session continuity', () => {
  const dir = tempDir()
  afterAll(() => dir.remove())

  async function ask(text: string, session: string): Promise<Turn> {
    const { stdout } = await run('./bin/kefu', ['ask', text, '--customer', 'c001', '--session', session, '--json'], {
      env: { ...process.env, KEFU_DATA_DIR: dir.path, LOG_LEVEL: 'warn' },
      maxBuffer: 8 * 1024 * 1024,
    })
    return JSON.parse(stdout) as Turn
  }

  it('kefu ask --session carries the dialogue state across separate processes', async () => {
    const first = await ask('我想退货', 'cli-session-1')
    expect(first.conversationId).toBe('cli-session-1')
    expect(first.state.activeIntent).toBe('return_refund')
    expect(first.state.awaiting).toBeTruthy()
    const second = await ask('尺码不合适', 'cli-session-1')
    expect(second.state.activeIntent).toBe('return_refund')
    expect(second.state.slots.order).toBe(first.state.slots.order)
    expect(second.action).toBe('confirm')
    expect(second.messages[0]?.seq).toBe(3)
    // A different session starts from scratch: its first message is seq 1 of a new conversation.
    const other = await ask('你好', 'cli-session-2')
    expect(other.conversationId).toBe('cli-session-2')
    expect(other.messages[0]?.seq).toBe(1)
    expect(other.state.slots.order).toBeUndefined()
  })

  it('an API conversation continues after the server restarts', async () => {
    const data = tempDir()
    try {
      const env = { LOG_LEVEL: 'warn', KEFU_SECRET: 'restart-test-secret-0123456789' }
      let server = await startServer({ port: 0, dataDir: data.path, env })
      const c = (await (
        await fetch(`${server.url}/api/v1/conversations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ customerId: 'c001' }),
        })
      ).json()) as { id: string; token: string }
      const send = async (text: string) =>
        (await (
          await fetch(`${server.url}/api/v1/conversations/${c.id}/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
            body: JSON.stringify({ text }),
          })
        ).json()) as Turn
      const before = await send('我想退货')
      expect(before.state.awaiting).toBeTruthy()
      await server.close()

      server = await startServer({ port: 0, dataDir: data.path, env })
      try {
        const after = await send('尺码不合适')
        expect(after.state.activeIntent).toBe('return_refund')
        expect(after.action).toBe('confirm')
        const hist = (await (
          await fetch(`${server.url}/api/v1/conversations/${c.id}/messages`, {
            headers: { authorization: `Bearer ${c.token}` },
          })
        ).json()) as { messages: Array<{ seq: number }> }
        expect(hist.messages.map((m) => m.seq)).toEqual(hist.messages.map((_, i) => i + 1))
      } finally {
        await server.close()
      }
    } finally {
      data.remove()
    }
  })
})
