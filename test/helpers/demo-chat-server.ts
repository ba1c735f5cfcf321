/**
 * A real demo server on a random port for end-to-end conversation tests, and a way to chat with it as an
 * anonymous widget visitor: `say(text)` posts a message and returns the turn (replies, NLU, messages).
 */
import { afterAll, beforeAll, expect } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { tempDir } from './temp-dir.js'

export type ChatTurn = {
  replies: Array<{ text: string }>
  nlu: { intent: string }
  messages: Array<{ role: string; text: string }>
}

export type DemoChat = {
  /** Opens a new conversation; the returned function sends one customer message in it. */
  conversation(): Promise<(text: string) => Promise<ChatTurn>>
}

/** Starts the server before the file's tests and stops it after them. */
export function useDemoChatServer(): DemoChat {
  let server: RunningServer
  const dir = tempDir()
  beforeAll(async () => {
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir: dir.path, env: { LOG_LEVEL: 'warn' } })
  })
  afterAll(async () => {
    await server?.close()
    dir.remove()
  })

  async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
    const res = await fetch(server.url + url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    })
    expect(res.status).toBeLessThan(300)
    return (await res.json()) as T
  }

  return {
    async conversation() {
      const c = await post<{ id: string; token: string }>('/api/v1/conversations', {})
      return (text) => post<ChatTurn>(`/api/v1/conversations/${c.id}/messages`, { text }, c.token)
    },
  }
}

/** All reply texts of a turn, one per line. */
export const replyText = (t: ChatTurn) => t.replies.map((r) => r.text).join('\n')
