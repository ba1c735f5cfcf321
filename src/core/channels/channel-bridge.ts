/**
 * The channel bridge: between a messaging platform's adapter (src/adapters/channel-*) and the
 * channel-agnostic conversation service.
 *
 *   InboundEvent → claim its id once → the (shop, channel, platform user) conversation, found or
 *   opened, linked to the shop customer when known → a turn (text, button, voice transcript; a
 *   picture is kept for the agent) → replies sent through the adapter → handoff on the platform.
 *
 * While a human owns the conversation (waiting_human / human, or the platform says so) kefu records
 * the customer's messages and says nothing. A reply the platform no longer accepts (reply window
 * closed) becomes a ticket, so a person follows up another way.
 */
import type { ConversationService, TurnResponse } from '../conversation/conversation-service.js'
import { MAX_MESSAGE_CHARS } from '../conversation/conversation-service.js'
import type { Reply, ReplyButton } from '../dialogue/types.js'
import type { Conversation, ConversationStatus, Shop, Ticket } from '../domain/records.js'
import type { Locale } from '../domain/schemas.js'
import { AppError } from '../errors.js'
import type {
  ChannelAdapter,
  ChannelKind,
  ChannelStateStore,
  ChannelTarget,
  InboundEvent,
  SendResult,
} from '../ports/channel.js'
import type { KeyedLock } from '../ports/pub-sub.js'
import type { Store } from '../ports/store.js'
import type { CreateTicketInput } from '../tickets/ticket-service.js'
import { CHANNEL_TEXT } from './channel-texts.js'
import { lastButtons, pickButton } from './degrade-replies.js'
import { handoffSummary } from './handoff-summary.js'

/** How long the last offered buttons stay answerable by number. */
const MENU_SECONDS = 24 * 3600

/** How long a platform message id is remembered (platforms retry within minutes; WeCom sync within days). */
export const INBOUND_DEDUP_SECONDS = 7 * 24 * 3600

export type ChannelBridgeDeps = {
  store: Store
  conversations: Pick<
    ConversationService,
    'startConversation' | 'handleMessage' | 'recordCustomerMessage' | 'postMessage'
  >
  /** Idempotency claims (shared across instances: the store, or Redis when configured). */
  state: ChannelStateStore
  lock: KeyedLock
  clock: () => Date
  newId: (prefix: string) => string
  tickets: { create(shop: Shop, input: CreateTicketInput): Promise<Ticket> }
  /** Failures that do not fail the webhook (a send the platform refused…). Must not throw. */
  onProblem?: (problem: { where: string; shopId: string; kind: ChannelKind; detail: string }) => void
}

export type InboundResult =
  | { status: 'duplicate' }
  | { status: 'ignored'; reason: string; conversationId?: string }
  /** Recorded; a human owns the conversation (or it only changed status), nothing was sent. */
  | { status: 'recorded'; conversationId: string; conversationStatus: ConversationStatus }
  | {
      status: 'answered'
      conversationId: string
      replies: Reply[]
      delivery: SendResult
      handoff: boolean
      /** The ticket opened because the platform refused the reply (window closed). */
      ticketId?: string
    }

export type ChannelBridge = ReturnType<typeof createChannelBridge>

const menuKey = (kind: ChannelKind, conversationId: string) => `menu:${kind}:${conversationId}`

const PLATFORM_AGENT = (kind: ChannelKind) => ({ id: `platform:${kind}`, name: kind })

const turnKey = (shopId: string, conversationId: string) => `${shopId}:${conversationId}`

export function createChannelBridge(deps: ChannelBridgeDeps) {
  const { store, conversations: service, clock } = deps
  /** Conversations with a customer turn running here → notices to send after its replies. */
  const turning = new Map<string, Reply[]>()

  const problem = (where: string, shopId: string, kind: ChannelKind, detail: string) => {
    try {
      deps.onProblem?.({ where, shopId, kind, detail })
    } catch {
      /* reporting must never fail the webhook */
    }
  }

  async function event(shopId: string, conversationId: string, type: string, data: Record<string, unknown>) {
    await store.events.append({
      id: deps.newId('evt'),
      shopId,
      type,
      conversationId,
      data,
      createdAt: clock().toISOString(),
    })
  }

  /** The customer the platform user is known as, if that customer exists. */
  async function linkedCustomer(shopId: string, kind: ChannelKind, externalUserId: string): Promise<string | null> {
    const link = await store.channelCustomers.get(shopId, kind, externalUserId)
    if (!link) return null
    return (await store.customers.get(shopId, link.customerId)) ? link.customerId : null
  }

  async function findConversation(shopId: string, kind: ChannelKind, ev: InboundEvent) {
    return store.conversations.findOpenByExternal(shopId, kind, ev.externalUserId, ev.externalThreadId)
  }

  /** The user's open conversation, or a new one; one at a time per user so two messages open one. */
  async function findOrOpen(shop: Shop, kind: ChannelKind, ev: InboundEvent): Promise<Conversation> {
    return deps.lock.withLock(`chan:${shop.id}:${kind}:${ev.externalUserId}`, async () => {
      const customerId = await linkedCustomer(shop.id, kind, ev.externalUserId)
      const found = await findConversation(shop.id, kind, ev)
      if (found) {
        if (!found.customerId && customerId) {
          await store.conversations.update(shop.id, found.id, { customerId })
          return { ...found, customerId }
        }
        return found
      }
      return service.startConversation({
        shopId: shop.id,
        customerId,
        channel: kind,
        locale: ev.locale ?? null,
        externalUserId: ev.externalUserId,
        ...(ev.externalThreadId !== undefined ? { externalThreadId: ev.externalThreadId } : {}),
      })
    })
  }

  /** Moves the conversation to `status` because the platform said so (a person took it, gave it back, closed it). */
  async function platformStatus(
    c: Conversation,
    kind: ChannelKind,
    next: 'human' | 'bot' | 'closed',
  ): Promise<ConversationStatus> {
    return deps.lock.withLock(`conv:${c.shopId}:${c.id}`, async () => {
      const cur = await store.conversations.get(c.shopId, c.id)
      if (!cur || cur.status === 'closed' || cur.status === next) return cur?.status ?? 'closed'
      if (next === 'bot' && cur.status === 'bot') return cur.status
      const at = clock().toISOString()
      const { agent: _agent, ...rest } = cur.state
      const state =
        next === 'human'
          ? { ...cur.state, agent: { ...PLATFORM_AGENT(kind), claimedAt: at } }
          : next === 'bot'
            ? { ...rest, failedTurns: 0 }
            : rest
      await store.transaction(async (tx) => {
        await tx.conversations.update(c.shopId, c.id, { status: next, state, updatedAt: at })
        const type = next === 'human' ? 'handoff.claimed' : next === 'bot' ? 'handoff.released' : 'conversation.closed'
        await tx.events.append({
          id: deps.newId('evt'),
          shopId: c.shopId,
          type,
          conversationId: c.id,
          data: { by: 'platform', channel: kind, previousStatus: cur.status },
          createdAt: at,
        })
      })
      return next
    })
  }

  function targetOf(c: Conversation, lastInboundAt?: string): ChannelTarget {
    if (!c.externalUserId) throw new AppError('conflict', 'conversation has no channel user')
    return {
      shopId: c.shopId,
      externalUserId: c.externalUserId,
      ...(c.externalThreadId ? { externalThreadId: c.externalThreadId } : {}),
      ...(lastInboundAt ? { lastInboundAt } : {}),
    }
  }

  /** Sends; a closed reply window turns the undelivered text into a ticket. Never throws. */
  async function deliver(
    shop: Shop,
    kind: ChannelKind,
    adapter: ChannelAdapter,
    c: Conversation,
    target: ChannelTarget,
    replies: Reply[],
    locale: Locale,
  ): Promise<{ delivery: SendResult; ticketId?: string }> {
    let delivery: SendResult
    try {
      delivery = await adapter.send(target, replies, locale)
    } catch (e) {
      delivery = { ok: false, kind: 'unavailable', detail: e instanceof Error ? e.message : String(e) }
    }
    if (delivery.ok) return { delivery }
    problem('send', shop.id, kind, `${delivery.kind}: ${delivery.detail}`)
    await event(shop.id, c.id, 'channel.send_failed', {
      channel: kind,
      kind: delivery.kind,
      detail: delivery.detail.slice(0, 300),
    }).catch(() => undefined)
    if (delivery.kind !== 'window_closed') return { delivery }
    try {
      const ticket = await deps.tickets.create(shop, {
        conversationId: c.id,
        customerId: c.customerId,
        category: 'channel_undelivered',
        priority: 'normal',
        subject: CHANNEL_TEXT.undeliveredSubject(locale),
        data: {
          channel: kind,
          externalUserId: target.externalUserId,
          undelivered: replies.map((r) => r.text),
          detail: delivery.detail.slice(0, 300),
        },
      })
      return { delivery, ticketId: ticket.id }
    } catch (e) {
      problem('ticket', shop.id, kind, e instanceof Error ? e.message : String(e))
      return { delivery }
    }
  }

  /** The turn input for a message the bot can read, or null (picture, unreadable voice). */
  function turnInput(ev: InboundEvent): { text: string; payload?: string } | null {
    const c = ev.content
    const cut = (t: string) => Array.from(t).slice(0, MAX_MESSAGE_CHARS).join('')
    if (c.type === 'text') return c.text.trim() ? { text: cut(c.text) } : null
    if (c.type === 'click') return { text: cut(c.label?.trim() || c.payload), payload: c.payload.slice(0, 500) }
    if (c.type === 'voice' && c.recognition?.trim()) return { text: cut(c.recognition) }
    return null
  }

  async function handleInbound(input: {
    shopId: string
    kind: ChannelKind
    adapter: ChannelAdapter
    event: InboundEvent
  }): Promise<InboundResult> {
    const { kind, event: ev } = input
    const claimKey = `in:${kind}:${ev.externalMessageId}`
    const claimed = await deps.state.claimOnce(input.shopId, claimKey, INBOUND_DEDUP_SECONDS)
    if (!claimed) return { status: 'duplicate' }
    // Until a reply went out, a failure gives the claim back: the platform's retry is handled then.
    let sending = false
    const adapter: ChannelAdapter = {
      specificationVersion: input.adapter.specificationVersion,
      kind: input.adapter.kind,
      send: (...a) => {
        sending = true
        return input.adapter.send(...a)
      },
      handOff: (...a) => input.adapter.handOff(...a),
    }
    try {
      return await inbound(input.shopId, kind, adapter, ev)
    } catch (e) {
      if (!sending) await deps.state.set(input.shopId, claimKey, 'released', 0).catch(() => undefined)
      throw e
    }
  }

  async function inbound(
    shopId: string,
    kind: ChannelKind,
    adapter: ChannelAdapter,
    ev: InboundEvent,
  ): Promise<InboundResult> {
    const shop = await store.shops.get(shopId)
    if (!shop) throw new AppError('not_found', `shop '${shopId}' does not exist`)

    const content = ev.content
    if (content.type === 'event') {
      const existing = await findConversation(shop.id, kind, ev)
      if (!existing) return { status: 'ignored', reason: `event_${content.event}_without_conversation` }
      const next =
        content.event === 'handed_to_human'
          ? 'human'
          : content.event === 'returned_to_bot'
            ? 'bot'
            : content.event === 'closed' || content.event === 'unsubscribed'
              ? 'closed'
              : null
      if (!next) return { status: 'ignored', reason: `event_${content.event}`, conversationId: existing.id }
      const status = await platformStatus(existing, kind, next)
      return { status: 'recorded', conversationId: existing.id, conversationStatus: status }
    }

    let conv = await findOrOpen(shop, kind, ev)
    if (ev.humanOwned && conv.status !== 'human') {
      conv = { ...conv, status: await platformStatus(conv, kind, 'human') }
    }
    const locale: Locale = conv.locale ?? ev.locale ?? 'zh'
    const target = targetOf(conv, ev.sentAt)

    let turn = turnInput(ev)
    if (turn && content.type === 'text') {
      // "2" after a numbered menu (buttons degraded to text), or an option's label, is that button.
      const menu = await deps.state.get(shop.id, menuKey(kind, conv.id))
      const picked = menu ? pickButton(turn.text, JSON.parse(menu) as ReplyButton[]) : null
      if (picked) turn = { text: picked.label, payload: picked.payload }
    }
    if (!turn && (content.type === 'text' || content.type === 'click')) {
      return { status: 'ignored', reason: 'empty_message', conversationId: conv.id }
    }
    if (!turn) {
      // A picture, or a voice note without a transcript: kept for the agent; the bot asks for words.
      const isImage = content.type === 'image'
      const mediaRef = content.type === 'image' || content.type === 'voice' ? content.mediaRef : ''
      await service.recordCustomerMessage({
        shopId: shop.id,
        conversationId: conv.id,
        text: isImage ? CHANNEL_TEXT.imagePlaceholder(locale) : CHANNEL_TEXT.voicePlaceholder(locale),
        meta: {
          attachment: { type: content.type, mediaRef, channel: kind },
          channel: { kind, externalMessageId: ev.externalMessageId },
        },
      })
      if (conv.status !== 'bot') {
        return { status: 'recorded', conversationId: conv.id, conversationStatus: conv.status }
      }
      const reply: Reply = { text: isImage ? CHANNEL_TEXT.imageReceived(locale) : CHANNEL_TEXT.typePlease(locale) }
      await service.postMessage({
        shopId: shop.id,
        conversationId: conv.id,
        role: 'bot',
        text: reply.text,
        meta: { action: 'answer', reason: isImage ? 'channel_image' : 'channel_voice_unreadable' },
      })
      const sent = await deliver(shop, kind, adapter, conv, target, [reply], locale)
      return { status: 'answered', conversationId: conv.id, replies: [reply], handoff: false, ...sent }
    }

    // Notices the turn itself causes (routing: "you are #2, about 3 minutes", "left a message")
    // go out after the turn's replies, not before them.
    const key = turnKey(shop.id, conv.id)
    const owner = !turning.has(key)
    if (owner) turning.set(key, [])
    try {
      return await answerTurn(shop, kind, adapter, conv, turn, target)
    } finally {
      const left = owner ? turning.get(key) : undefined
      if (owner) turning.delete(key)
      if (left?.length) await deliver(shop, kind, adapter, conv, target, left, locale)
    }
  }

  async function answerTurn(
    shop: Shop,
    kind: ChannelKind,
    adapter: ChannelAdapter,
    conv: Conversation,
    turn: { text: string; payload?: string },
    target: ChannelTarget,
  ): Promise<InboundResult> {
    const before = conv.status
    const response: TurnResponse = await service.handleMessage({
      shopId: shop.id,
      conversationId: conv.id,
      text: turn.text,
      ...(turn.payload ? { payload: turn.payload } : {}),
      silentUnlessBot: true,
    })
    if (response.reason === 'agent_active' || before !== 'bot') {
      return { status: 'recorded', conversationId: conv.id, conversationStatus: before }
    }
    await learnCustomer(shop.id, kind, conv)

    const replyLocale = response.nlu.locale
    const offered = lastButtons(response.replies)
    await deps.state.set(shop.id, menuKey(kind, conv.id), JSON.stringify(offered), MENU_SECONDS)
    const sent =
      response.replies.length > 0
        ? await deliver(shop, kind, adapter, conv, target, response.replies, replyLocale)
        : { delivery: { ok: true, externalMessageIds: [] } as SendResult }
    // The routing notices of this turn, right after its replies and before the platform handoff.
    const notices = turning.get(turnKey(shop.id, conv.id))
    if (notices?.length) {
      await deliver(shop, kind, adapter, conv, target, notices.splice(0), replyLocale)
    }
    if (response.handoff) {
      const history = await store.messages.list(shop.id, conv.id, { limit: 50 })
      const info = {
        reason: response.reason,
        intent: response.nlu.intent ?? null,
        summary: handoffSummary(history, replyLocale),
        locale: replyLocale,
      }
      let r: SendResult
      try {
        r = await adapter.handOff(target, info)
      } catch (e) {
        r = { ok: false, kind: 'unavailable', detail: e instanceof Error ? e.message : String(e) }
      }
      if (!r.ok) {
        problem('handoff', shop.id, kind, `${r.kind}: ${r.detail}`)
        await event(shop.id, conv.id, 'channel.handoff_failed', { channel: kind, detail: r.detail.slice(0, 300) })
      } else {
        await event(shop.id, conv.id, 'channel.handed_off', { channel: kind, reason: info.reason })
      }
    }
    return {
      status: 'answered',
      conversationId: conv.id,
      replies: response.replies,
      handoff: response.handoff,
      ...sent,
    }
  }

  /** A visitor who verified who they are in the conversation is that customer next time too. */
  async function learnCustomer(shopId: string, kind: ChannelKind, before: Conversation): Promise<void> {
    if (before.customerId || !before.externalUserId) return
    const after = await store.conversations.get(shopId, before.id)
    if (!after?.customerId) return
    const existing = await store.channelCustomers.get(shopId, kind, before.externalUserId)
    if (existing?.source === 'merchant') return
    await store.channelCustomers.set({
      shopId,
      channel: kind,
      externalUserId: before.externalUserId,
      customerId: after.customerId,
      source: 'verified',
      updatedAt: clock().toISOString(),
    })
  }

  /**
   * An agent's reply typed in kefu's console, or a notice to the customer (routing: queued, estimated
   * wait, outside business hours, an agent joined; ticket status), relayed to the platform. Null when
   * the conversation is not one of this channel's, or when a customer turn of it is running on this
   * instance: then the text goes out right after that turn's replies (`deferred`).
   */
  async function relayAgentMessage(input: {
    shopId: string
    conversationId: string
    kind: ChannelKind
    adapter: ChannelAdapter
    text: string
  }): Promise<{ delivery: SendResult; ticketId?: string } | null> {
    const pending = turning.get(turnKey(input.shopId, input.conversationId))
    if (pending) {
      pending.push({ text: input.text })
      return null
    }
    const c = await store.conversations.get(input.shopId, input.conversationId)
    if (!c || c.channel !== input.kind || !c.externalUserId) return null
    const shop = await store.shops.get(input.shopId)
    if (!shop) return null
    const history = await store.messages.list(input.shopId, c.id, { limit: 500 })
    const lastInbound = [...history].reverse().find((m) => m.role === 'customer')?.createdAt
    return deliver(
      shop,
      input.kind,
      input.adapter,
      c,
      targetOf(c, lastInbound),
      [{ text: input.text }],
      c.locale ?? 'zh',
    )
  }

  return { handleInbound, relayAgentMessage }
}
