/**
 * The agent desk: what a human agent does once the bot has handed a conversation off.
 *
 *   bot ──handoff──▶ waiting_human ──claim──▶ human ──release──▶ bot
 *                          │                    │
 *                          └──────close─────────┴──────────────▶ closed
 *
 * The assignee lives in the conversation's state (`state.agent = {id, name, claimedAt}`), so it
 * travels with the conversation through both store adapters without a schema change. Every
 * transition runs under the conversation's lock (the same key the customer's turns use) and in one
 * store transaction that re-reads the conversation first: two agents claiming at once serialise,
 * the second sees `human` and gets `conflict`.
 */
import type { StreamEvent } from '../conversation/conversation-service.js'
import { conversationChannel, MAX_MESSAGE_CHARS } from '../conversation/conversation-service.js'
import type { Conversation, DomainEvent, Message } from '../domain/records.js'
import type { Locale } from '../domain/schemas.js'
import { AppError } from '../errors.js'
import type { Store } from '../ports/store.js'
import type { AgentAssignment, AgentDeskDeps, AgentIdentity, TransitionResult } from './agent-desk-types.js'
import { createDeskViews } from './agent-desk-views.js'
import { type AgentNote, type DeskEvent, deskChannel } from './desk-channel.js'
import { agentOf, latestHandoff, requireConversation, toNote } from './desk-records.js'

export * from './agent-desk-types.js'
export { MIN_SUGGESTION_SCORE } from './agent-desk-views.js'
export { agentOf } from './desk-records.js'

export const MAX_NOTE_CHARS = 2000

export type AgentDesk = ReturnType<typeof createAgentDesk>

/** What the customer is told at each transition, in their language. */
const TEXT = {
  claimed: (l: Locale, name: string) =>
    l === 'zh' ? `人工客服 ${name} 已接入，将为您继续服务。` : `${name} from our support team has joined the chat.`,
  released: (l: Locale) => (l === 'zh' ? '已转回智能客服' : "You're back with our assistant"),
  closed: (l: Locale) =>
    l === 'zh'
      ? '本次会话已结束，感谢您的耐心。如还有问题，欢迎随时再联系我们。'
      : 'This conversation has been closed. Thank you for your patience; contact us any time if you need more help.',
}

/**
 * Creates the agent desk over the store, the conversation service (for agent replies, pushed to the
 * customer) and pub/sub (desk events for every console of the shop).
 *
 * @example
 * const desk = createAgentDesk({ store, conversations, knowledgeFor, pubsub, lock, clock, newId })
 * await desk.claim('demo', conversationId, { id: 'alice', name: 'Alice' })
 * await desk.reply('demo', conversationId, { id: 'alice', name: 'Alice' }, 'Hi, I am looking into it.')
 */
export function createAgentDesk(deps: AgentDeskDeps) {
  const { store, pubsub, lock, clock, newId } = deps

  const lockKey = (shopId: string, id: string) => `conv:${shopId}:${id}`

  async function publish(channel: string, ev: StreamEvent | DeskEvent): Promise<void> {
    try {
      await pubsub.publish(channel, ev)
    } catch {
      // Live push is best effort: state is stored, consoles and the widget catch up by polling / history.
    }
  }

  /** Assignee check shared by reply and release. */
  function requireAssignee(c: Conversation, agent: AgentIdentity): AgentAssignment {
    const current = agentOf(c)
    if (c.status !== 'human' || !current) {
      throw new AppError('conflict', `conversation is ${c.status}, not with an agent: claim it first`, {
        details: { reason: 'wrong_status', status: c.status },
      })
    }
    if (current.id !== agent.id) {
      throw new AppError('conflict', `conversation is assigned to ${current.name}`, {
        details: { reason: 'not_assignee', status: c.status, assignee: current },
      })
    }
    return current
  }

  async function systemMessage(
    tx: Store,
    c: Conversation,
    text: string,
    meta: Record<string, unknown>,
    at: string,
  ): Promise<Message> {
    return tx.messages.append({
      id: newId('msg'),
      shopId: c.shopId,
      conversationId: c.id,
      role: 'system',
      text,
      meta,
      createdAt: at,
    })
  }

  async function event(tx: Store, c: Conversation, type: string, data: Record<string, unknown>, at: string) {
    const e: DomainEvent = { id: newId('evt'), shopId: c.shopId, type, conversationId: c.id, data, createdAt: at }
    await tx.events.append(e)
    return e
  }

  /** Pushes a committed transition: messages and status to the customer's stream, a desk event to consoles. */
  async function announce(r: TransitionResult, change: 'claimed' | 'released' | 'closed', agentId: string) {
    const c = r.conversation
    for (const m of r.messages) await publish(conversationChannel(c.shopId, c.id), { type: 'message', message: m })
    await publish(conversationChannel(c.shopId, c.id), { type: 'status', status: c.status })
    await publish(deskChannel(c.shopId), { type: 'queue', conversationId: c.id, status: c.status, change, agentId })
  }

  async function localeOf(tx: Store, c: Conversation): Promise<Locale> {
    if (c.locale) return c.locale
    const customer = c.customerId ? await tx.customers.get(c.shopId, c.customerId) : null
    return customer?.locale ?? 'zh'
  }

  return {
    ...createDeskViews(deps),

    /**
     * Takes a waiting conversation (waiting_human → human). Exactly one of several concurrent claims
     * wins; the others get `conflict` with `details.assignee`. Claiming one's own conversation again
     * is a no-op that succeeds (a retried request must not fail).
     */
    async claim(shopId: string, id: string, agent: AgentIdentity): Promise<TransitionResult> {
      const r = await lock.withLock(lockKey(shopId, id), () =>
        store.transaction(async (tx) => {
          const c = await requireConversation(tx, shopId, id)
          const current = agentOf(c)
          if (c.status === 'human' && current?.id === agent.id) return { conversation: c, messages: [], changed: false }
          if (c.status === 'human' && current) {
            throw new AppError('conflict', `${current.name} already took this conversation`, {
              details: { reason: 'already_claimed', status: c.status, assignee: current },
            })
          }
          if (c.status !== 'waiting_human') {
            throw new AppError('conflict', `conversation is ${c.status}, not waiting for an agent`, {
              details: { reason: 'wrong_status', status: c.status },
            })
          }
          const now = clock()
          const at = now.toISOString()
          const assignment: AgentAssignment = { id: agent.id, name: agent.name, claimedAt: at }
          const state = { ...c.state, agent: assignment }
          await tx.conversations.update(shopId, id, { status: 'human', state, updatedAt: at })
          const requested = await latestHandoff(tx, shopId, id)
          await event(
            tx,
            c,
            'handoff.claimed',
            {
              agentId: agent.id,
              agentName: agent.name,
              ...(requested ? { waitMs: Math.max(0, now.getTime() - Date.parse(requested.createdAt)) } : {}),
            },
            at,
          )
          const msg = await systemMessage(
            tx,
            c,
            TEXT.claimed(await localeOf(tx, c), agent.name),
            { event: 'handoff.claimed', agent: { id: agent.id, name: agent.name } },
            at,
          )
          const updated: Conversation = { ...c, status: 'human', state, updatedAt: at }
          return { conversation: updated, messages: [msg], changed: true }
        }),
      )
      if (r.changed) await announce(r, 'claimed', agent.id)
      return { conversation: r.conversation, messages: r.messages }
    },

    /** A reply from the assigned agent, stored and pushed to the customer. */
    async reply(shopId: string, id: string, agent: AgentIdentity, text: string): Promise<Message> {
      const body = text.trim()
      if (!body) throw new AppError('invalid_input', 'text must not be empty')
      if (body.length > MAX_MESSAGE_CHARS)
        throw new AppError('invalid_input', `text is longer than ${MAX_MESSAGE_CHARS} characters`)
      // Under the conversation lock: a release or close cannot slip in between the check and the write.
      return lock.withLock(lockKey(shopId, id), async () => {
        const c = await requireConversation(store, shopId, id)
        requireAssignee(c, agent)
        const m = await deps.conversations.postMessage({
          shopId,
          conversationId: id,
          role: 'agent',
          text: body,
          meta: { agent: { id: agent.id, name: agent.name } },
        })
        await store.conversations.update(shopId, id, { updatedAt: m.createdAt })
        return m
      })
    },

    /** An internal note on a conversation: agents only, never sent to the customer. Any agent may add one. */
    async note(shopId: string, id: string, agent: AgentIdentity, text: string): Promise<AgentNote> {
      const body = text.trim()
      if (!body) throw new AppError('invalid_input', 'text must not be empty')
      if (body.length > MAX_NOTE_CHARS)
        throw new AppError('invalid_input', `note is longer than ${MAX_NOTE_CHARS} characters`)
      const c = await requireConversation(store, shopId, id)
      const e = await event(
        store,
        c,
        'agent.note',
        { agentId: agent.id, agentName: agent.name, text: body },
        clock().toISOString(),
      )
      const note = toNote(e)
      await publish(deskChannel(shopId), { type: 'note', conversationId: id, note })
      return note
    },

    /** Hands the conversation back to the bot (human → bot). Only the assignee may. */
    async release(shopId: string, id: string, agent: AgentIdentity): Promise<TransitionResult> {
      const r = await lock.withLock(lockKey(shopId, id), () =>
        store.transaction(async (tx) => {
          const c = await requireConversation(tx, shopId, id)
          requireAssignee(c, agent)
          const at = clock().toISOString()
          const { agent: _previous, ...rest } = c.state
          // The bot starts fresh on failures: the turns that made it give up were handled by a person.
          const state = { ...rest, failedTurns: 0 }
          await tx.conversations.update(shopId, id, { status: 'bot', state, updatedAt: at })
          await event(tx, c, 'handoff.released', { agentId: agent.id, agentName: agent.name }, at)
          const msg = await systemMessage(
            tx,
            c,
            TEXT.released(await localeOf(tx, c)),
            { event: 'handoff.released', agent: { id: agent.id, name: agent.name } },
            at,
          )
          return { conversation: { ...c, status: 'bot' as const, state, updatedAt: at }, messages: [msg] }
        }),
      )
      await announce(r, 'released', agent.id)
      return r
    },

    /**
     * Closes the conversation. A conversation an agent owns can only be closed by that agent; one that
     * is waiting (the customer left) or with the bot can be closed by any agent.
     */
    async close(shopId: string, id: string, agent: AgentIdentity): Promise<TransitionResult> {
      const r = await lock.withLock(lockKey(shopId, id), () =>
        store.transaction(async (tx) => {
          const c = await requireConversation(tx, shopId, id)
          if (c.status === 'closed') {
            throw new AppError('conflict', 'conversation is already closed', {
              details: { reason: 'wrong_status', status: c.status },
            })
          }
          if (c.status === 'human') requireAssignee(c, agent)
          const at = clock().toISOString()
          const { agent: _previous, ...rest } = c.state
          await tx.conversations.update(shopId, id, { status: 'closed', state: rest, updatedAt: at })
          await event(
            tx,
            c,
            'conversation.closed',
            { agentId: agent.id, agentName: agent.name, by: 'agent', previousStatus: c.status },
            at,
          )
          const msg = await systemMessage(
            tx,
            c,
            TEXT.closed(await localeOf(tx, c)),
            { event: 'conversation.closed', agent: { id: agent.id, name: agent.name } },
            at,
          )
          return { conversation: { ...c, status: 'closed' as const, state: rest, updatedAt: at }, messages: [msg] }
        }),
      )
      await announce(r, 'closed', agent.id)
      return r
    },

    /** Checks that a conversation of this shop exists (the console's live view subscribes to it). */
    async exists(shopId: string, id: string): Promise<boolean> {
      return (await store.conversations.get(shopId, id)) !== null
    },
  }
}
