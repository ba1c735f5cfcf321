/** A minimal client of kefu's chat API for end-to-end tests (real HTTP, no shortcuts). */

export type Conversation = { id: string; token: string; customerId?: string | null }

export type Turn = {
  conversationId: string
  action: string
  reason: string
  handoff: boolean
  replies: Array<{ text: string; source?: string }>
  nlu: { intent: string; confidence: number; emotion: { score: number }; intentSource?: string }
  state: { activeIntent: string | null; awaiting: string | null; slots: Record<string, unknown> }
  messages: Array<{ seq: number; role: string; text: string }>
}

/** POST /api/v1/conversations; throws unless 201. */
export async function startConversation(baseUrl: string, body: Record<string, unknown> = {}): Promise<Conversation> {
  const r = await fetch(`${baseUrl}/api/v1/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (r.status !== 201) throw new Error(`start conversation: HTTP ${r.status} ${await r.text()}`)
  return (await r.json()) as Conversation
}

/** POST a customer message; throws unless 200. */
export async function send(baseUrl: string, c: Conversation, text: string): Promise<Turn> {
  const r = await fetch(`${baseUrl}/api/v1/conversations/${c.id}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
    body: JSON.stringify({ text }),
  })
  if (r.status !== 200) throw new Error(`send: HTTP ${r.status} ${await r.text()}`)
  return (await r.json()) as Turn
}

/** One message in a fresh conversation. */
export async function askOnce(baseUrl: string, text: string, body: Record<string, unknown> = {}): Promise<Turn> {
  return send(baseUrl, await startConversation(baseUrl, body), text)
}

/** All reply texts of a turn, one per line. */
export const replyText = (t: Turn): string => t.replies.map((r) => r.text).join('\n')
