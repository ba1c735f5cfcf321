/**
 * The widget's view of a conversation: server messages ordered by `seq`, plus local messages that have no
 * `seq` yet (the customer's message while it is being sent, replies taken from the POST answer before the
 * server log caught up). Every function here is pure so the merge rules can be tested without a browser.
 */
import type { MessageRole, Reply, ReplyButton, ReplyCard, ServerMessage } from './api-client.js'

export type ChatMessage = {
  /** Stable render key: `s<seq>` for server messages, `l<n>` for local ones. */
  key: string
  seq: number | null
  role: MessageRole
  text: string
  createdAt: string
  buttons?: ReplyButton[]
  card?: ReplyCard
  /** Local customer message whose POST has not answered yet. */
  pending?: boolean
  /** Local customer message whose POST failed; the UI offers a retry. */
  failed?: boolean
  /** Payload of a clicked quick reply, kept so a retry resends it. */
  payload?: string
  /** A picture or voice message sent with this (local) message; `id` once uploaded. */
  attachment?: { file: Blob; kind: 'image' | 'audio'; id?: string }
  /** Display name of the human agent who wrote an agent message. */
  agentName?: string
}

function isButton(value: unknown): value is ReplyButton {
  const b = value as ReplyButton | null
  return typeof b === 'object' && b !== null && typeof b.label === 'string' && typeof b.payload === 'string'
}

function isCard(value: unknown): value is ReplyCard {
  const c = value as ReplyCard | null
  return typeof c === 'object' && c !== null && typeof c.type === 'string' && typeof c.data === 'object' && !!c.data
}

/** Converts a server message, reading quick replies and cards from its `meta` when the server stored them. */
export function fromServerMessage(m: ServerMessage): ChatMessage {
  const meta = m.meta ?? {}
  const out: ChatMessage = { key: `s${m.seq}`, seq: m.seq, role: m.role, text: m.text, createdAt: m.createdAt }
  if (Array.isArray(meta.buttons)) {
    const buttons = meta.buttons.filter(isButton)
    if (buttons.length > 0) out.buttons = buttons
  }
  if (isCard(meta.card)) out.card = meta.card
  const agent = meta.agent as { name?: unknown } | undefined
  if (m.role === 'agent' && typeof agent?.name === 'string' && agent.name.trim())
    out.agentName = agent.name.trim().slice(0, 40)
  return out
}

/** Highest server `seq` in the list (0 when none), the `afterSeq` cursor for catching up. */
export function lastSeq(list: readonly ChatMessage[]): number {
  let max = 0
  for (const m of list) if (m.seq !== null && m.seq > max) max = m.seq
  return max
}

/**
 * Merges server messages into the list. A seq already present is skipped (the WebSocket, the POST follow-up
 * and a reconnect catch-up all deliver the same messages). A server message replaces the first local
 * message of the same role and text, keeping that local message's buttons and card when the server did not
 * store them. Server messages stay ordered by seq; local ones stay after them.
 */
export function mergeServerMessages(list: readonly ChatMessage[], incoming: readonly ServerMessage[]): ChatMessage[] {
  if (incoming.length === 0) return list as ChatMessage[]
  const seen = new Set<number>()
  for (const m of list) if (m.seq !== null) seen.add(m.seq)
  const server = list.filter((m) => m.seq !== null)
  let local = list.filter((m) => m.seq === null)
  let changed = false
  for (const raw of [...incoming].sort((a, b) => a.seq - b.seq)) {
    if (seen.has(raw.seq)) continue
    seen.add(raw.seq)
    changed = true
    const msg = fromServerMessage(raw)
    const twin = local.findIndex((l) => l.role === msg.role && l.text === msg.text && !l.failed)
    if (twin >= 0) {
      const l = local[twin]!
      if (!msg.buttons && l.buttons) msg.buttons = l.buttons
      if (!msg.card && l.card) msg.card = l.card
      local = local.filter((_, i) => i !== twin)
    }
    server.push(msg)
  }
  if (!changed) return list as ChatMessage[]
  server.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
  return [...server, ...local]
}

/**
 * Applies a POST answer: the bot replies that the stream already delivered get the POST's buttons and cards
 * (the server log may not carry them); replies not delivered yet are appended as local messages, which the
 * stream's copies replace later.
 *
 * @param afterKey key of the customer message the replies answer; only messages after it are matched.
 */
export function applyReplies(
  list: readonly ChatMessage[],
  afterKey: string,
  replies: readonly Reply[],
  now: string,
  nextKey: () => string,
): ChatMessage[] {
  const out = [...list]
  const start = out.findIndex((m) => m.key === afterKey)
  const claimed = new Set<number>()
  for (const reply of replies) {
    const idx = out.findIndex(
      (m, i) => i > start && !claimed.has(i) && m.role === 'bot' && m.text === reply.text && m.seq !== null,
    )
    if (idx >= 0) {
      claimed.add(idx)
      const m = { ...out[idx]! }
      if (!m.buttons && reply.buttons && reply.buttons.length > 0) m.buttons = reply.buttons
      if (!m.card && reply.card) m.card = reply.card
      out[idx] = m
      continue
    }
    const local: ChatMessage = { key: nextKey(), seq: null, role: 'bot', text: reply.text, createdAt: now }
    if (reply.buttons && reply.buttons.length > 0) local.buttons = reply.buttons
    if (reply.card) local.card = reply.card
    out.push(local)
    claimed.add(out.length - 1)
  }
  return out
}

/** Quick replies to offer: the buttons of the newest message, when it is from the bot. */
export function activeQuickReplies(list: readonly ChatMessage[]): ReplyButton[] {
  const last = list[list.length - 1]
  return last && last.role === 'bot' && last.buttons ? last.buttons : []
}
