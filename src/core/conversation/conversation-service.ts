/**
 * The conversation service: the one place a customer turn goes through, for
 * every channel (REST, widget WebSocket, CLI `ask`, story tests).
 *
 *   customer text → NLU → dialogue manager (state + policy + skills + knowledge)
 *   → replies → store (one transaction) → events → pub/sub fan-out
 */

import { attachPictures, type PreparedAttachment, prepareAttachment } from '../attachments/prepare-attachment.js'
import type { DialogueManager, DialogueState, Reply, TurnOutcome } from '../dialogue/types.js'
import type { Conversation, Message, Shop } from '../domain/records.js'
import type { Locale } from '../domain/schemas.js'
import { AppError } from '../errors.js'
import { type DeskEvent, deskChannel } from '../handoff/desk-channel.js'
import type { KnowledgeBase } from '../knowledge/types.js'
import { UNANSWERED_EVENT, unansweredEvent } from '../knowledge/unanswered-questions.js'
import { readChineseScript } from '../nlu/chinese-script.js'
import { carriesLanguage } from '../nlu/detect-locale.js'
import { readPhoneTyping } from '../nlu/phone-typing.js'
import type { NluEngine, NluResult } from '../nlu/types.js'
import type { AttachmentStore } from '../ports/attachment-store.js'
import type { CommerceActions } from '../ports/commerce.js'
import type { LanguageModel } from '../ports/language-model.js'
import type { KeyedLock, PubSub } from '../ports/pub-sub.js'
import type { Store, TurnWrites } from '../ports/store.js'
import type { Transcriber } from '../ports/transcriber.js'
import { repliesInScript, replyScript } from './customer-script.js'
import { createRecentMessages } from './recent-messages.js'

export const MAX_MESSAGE_CHARS = 4000

/** Messages before the current one a turn sees (the model prompt uses the last few turns of them). */
const HISTORY_MESSAGES = 50

/** Conversations whose latest messages are kept between turns (recent-messages.ts). */
const RECENT_CONVERSATIONS = 1000

/** A turn's writes in one transaction: the store's batch when it has one, else the single appends. */
function writeTurn(store: Store, w: TurnWrites): Promise<Message[]> {
  if (store.writeTurn) return store.writeTurn(w)
  return store.transaction(async (tx) => {
    const stored: Message[] = []
    for (const m of w.messages) stored.push(await tx.messages.append(m))
    if (w.conversation) await tx.conversations.update(w.shopId, w.conversationId, w.conversation)
    for (const e of w.events) await tx.events.append(e)
    return stored
  })
}

/**
 * How much of a message NLU, retrieval and the skills read. A message may be 4,000 characters and is
 * stored whole (an agent reads all of it), but understanding a customer never needs more than the
 * start, and the work per message must stay bounded: 4,000 characters of random Chinese cost
 * ~112 ms of CPU.
 */
export const MAX_UNDERSTOOD_CHARS = 500

/** The start of `text` that is understood, cut on a code point boundary. */
export function understoodPart(text: string): string {
  if (text.length <= MAX_UNDERSTOOD_CHARS) return text
  return Array.from(text.slice(0, MAX_UNDERSTOOD_CHARS + 1))
    .slice(0, MAX_UNDERSTOOD_CHARS)
    .join('')
}

export type ConversationServiceDeps = {
  store: Store
  nluFor(shopId: string): Promise<NluEngine>
  knowledgeFor(shopId: string): Promise<KnowledgeBase>
  dialogue: DialogueManager
  pubsub: PubSub
  lock: KeyedLock
  clock: () => Date
  newId: (prefix: string) => string
  /** Called after every stored turn (metrics). Must not throw. */
  onTurn?: (t: TurnResponse) => void
  /** Optional language model for grounded answers; without it kefu answers on its own. */
  llm?: LanguageModel
  /** The model for one shop (its own model or key); wins over `llm` when given. */
  llmFor?: (shop: Shop) => LanguageModel | undefined
  /**
   * The shop's system of record for order actions (its Shopify/WooCommerce connector); undefined =
   * embedded (kefu's store). Must not throw.
   */
  commerceFor?: (shop: Shop) => Promise<CommerceActions | undefined>
  /**
   * Called after a turn that handed the conversation to the human queue, once the turn's lock is
   * released (the router takes the lock itself). Errors are swallowed: the turn is already stored.
   */
  onHandoff?: (shopId: string, conversationId: string) => Promise<void>
  /** Pictures and voice messages customers sent (POST …/attachments). */
  attachments?: AttachmentStore
  /** The model that sees pictures for one shop; absent or undefined = none. */
  visionFor?: (shop: Shop) => LanguageModel | undefined
  /** Speech to text for voice messages; absent = the customer is asked to type. */
  transcriber?: Transcriber
}

/** What a turn returns to the channel; the HTTP API serialises it as is. */
export type TurnResponse = {
  conversationId: string
  replies: Reply[]
  /**
   * `intent` is the intent the turn acted on (a follow-up, a confirmation or a context rule can differ
   * from the classifier); `classifierIntent` is what the classifier said of the message alone.
   */
  nlu: Pick<NluResult, 'intent' | 'confidence' | 'entities' | 'emotion' | 'locale'> & {
    classifierIntent: NluResult['intent']
    /** `llm`: the classifier was unsure and the configured model picked the label (state.intentSource). */
    intentSource: 'classifier' | 'context' | 'llm'
  }
  state: DialogueState
  handoff: boolean
  action: TurnOutcome['action']
  reason: string
  ticket?: TurnOutcome['ticket']
  returnRequest?: TurnOutcome['returnRequest']
  /** The stored messages of this turn (customer first), with their seq. */
  messages: Message[]
}

/** Channel name for a conversation's live messages. */
export const conversationChannel = (shopId: string, conversationId: string) => `conv:${shopId}:${conversationId}`

export type StreamEvent =
  | { type: 'message'; message: Message }
  | { type: 'status'; status: Conversation['status'] }
  /**
   * A model answer arriving sentence by sentence, each after it passed the answer guard; the bot
   * `message` that follows replaces it (the verified whole answer, or the offline one).
   */
  | { type: 'partial'; replyTo: string; index: number; text: string }

/** The part of the NLU result a turn response carries. */
function nluView(
  nlu: NluResult,
  handled: string | null | undefined = nlu.intent,
  state?: DialogueState,
): TurnResponse['nlu'] {
  const intent = (handled ?? nlu.intent) as NluResult['intent']
  const byModel = (state?.intentSource as { source?: unknown; to?: unknown } | undefined)?.to === intent
  return {
    intent,
    classifierIntent: nlu.intent,
    intentSource: byModel ? 'llm' : intent === nlu.intent ? 'classifier' : 'context',
    confidence: nlu.confidence,
    entities: nlu.entities,
    emotion: nlu.emotion,
    locale: nlu.locale,
  }
}

/** The intent a turn acted on: the dialogue's (state.lastIntent), else the classifier's. */
function handledIntent(state: DialogueState, classifier: string): string {
  const handled = (state as { lastIntent?: unknown }).lastIntent
  return typeof handled === 'string' && handled ? handled : classifier
}

export function emptyDialogueState(): DialogueState {
  return { activeIntent: null, slots: {}, awaiting: null, topics: [], failedTurns: 0 }
}

export type ConversationService = ReturnType<typeof createConversationService>

export function createConversationService(deps: ConversationServiceDeps) {
  const { store, pubsub, clock, newId } = deps
  const recent = createRecentMessages({ window: HISTORY_MESSAGES, maxConversations: RECENT_CONVERSATIONS })

  /** The conversation and its newest seq (undefined when the store cannot tell in the same read). */
  async function conversationForTurn(
    shopId: string,
    id: string,
  ): Promise<{ conversation: Conversation | null; lastSeq?: number }> {
    if (!store.conversations.getWithLastSeq) return { conversation: await store.conversations.get(shopId, id) }
    return (await store.conversations.getWithLastSeq(shopId, id)) ?? { conversation: null }
  }

  async function requireShop(shopId: string): Promise<Shop> {
    const shop = await store.shops.get(shopId)
    if (!shop) throw new AppError('not_found', `shop '${shopId}' does not exist`)
    return shop
  }

  function llmOf(shop: Shop): { llm?: LanguageModel } {
    const llm = deps.llmFor ? deps.llmFor(shop) : deps.llm
    return llm ? { llm } : {}
  }

  function visionOf(shop: Shop, a: PreparedAttachment | null): { vision?: LanguageModel } {
    if (a?.turn.kind !== 'image' || !deps.visionFor) return {}
    const vision = deps.visionFor(shop)
    return vision ? { vision } : {}
  }

  /**
   * Sentences of a model answer, pushed live to the conversation's subscribers in order;
   * `pushed()` settles once every sentence so far has gone out.
   */
  function streamTo(
    shopId: string,
    conversationId: string,
    replyTo: string,
  ): { sink: { onAnswerText?: (t: string) => void }; pushed: () => Promise<void> } {
    let last: Promise<void> = Promise.resolve()
    if (!deps.llm && !deps.llmFor) return { sink: {}, pushed: () => last }
    let index = 0
    return {
      sink: {
        onAnswerText: (text) => {
          const ev: StreamEvent = { type: 'partial', replyTo, index: index++, text }
          last = last.then(() => publish(shopId, conversationId, ev))
        },
      },
      pushed: () => last,
    }
  }

  async function publish(shopId: string, conversationId: string, ev: StreamEvent): Promise<void> {
    try {
      await pubsub.publish(conversationChannel(shopId, conversationId), ev)
    } catch {
      // Live push is best effort: the message is stored and the client can fetch history.
    }
  }

  /** Stores a customer message without a turn (and touches the conversation), then pushes it. */
  async function appendCustomer(
    shopId: string,
    conversationId: string,
    text: string,
    meta: Record<string, unknown>,
  ): Promise<Message> {
    const [m] = await writeTurn(store, {
      shopId,
      conversationId,
      messages: [
        {
          id: newId('msg'),
          shopId,
          conversationId,
          role: 'customer',
          text,
          meta,
          createdAt: clock().toISOString(),
        },
      ],
      conversation: { updatedAt: clock().toISOString() },
      events: [],
    })
    if (!m) throw new AppError('internal', 'the message was not stored')
    recent.appended({ shopId, id: conversationId }, [m])
    await publish(shopId, conversationId, { type: 'message', message: m })
    return m
  }

  return {
    /**
     * A customer message that is not a question for the bot (a picture, a voice note it cannot read):
     * stored in order with the conversation's turns so agents see it, answered by nobody here.
     */
    async recordCustomerMessage(input: {
      shopId: string
      conversationId: string
      text: string
      meta?: Record<string, unknown>
    }): Promise<Message> {
      if (input.text.length > MAX_MESSAGE_CHARS)
        throw new AppError('invalid_input', `text is longer than ${MAX_MESSAGE_CHARS} characters`)
      return deps.lock.withLock(`conv:${input.shopId}:${input.conversationId}`, async () => {
        const conversation = await store.conversations.get(input.shopId, input.conversationId)
        if (!conversation) throw new AppError('not_found', 'conversation not found')
        if (conversation.status === 'closed') throw new AppError('conflict', 'conversation is closed')
        return appendCustomer(input.shopId, input.conversationId, input.text, input.meta ?? {})
      })
    },

    async startConversation(input: {
      /** Caller-chosen id (CLI `--session`); generated when absent. */
      id?: string
      shopId: string
      customerId: string | null
      channel: string
      locale?: Locale | null
      /** A messaging channel's user and thread (src/core/channels); absent for the widget and the API. */
      externalUserId?: string
      externalThreadId?: string
    }): Promise<Conversation> {
      await requireShop(input.shopId)
      if (input.customerId) {
        const c = await store.customers.get(input.shopId, input.customerId)
        if (!c) throw new AppError('not_found', `customer '${input.customerId}' does not exist`)
      }
      const now = clock().toISOString()
      const conv: Conversation = {
        id: input.id ?? newId('conv'),
        shopId: input.shopId,
        customerId: input.customerId,
        channel: input.channel,
        status: 'bot',
        locale: input.locale ?? null,
        state: emptyDialogueState(),
        createdAt: now,
        updatedAt: now,
        externalUserId: input.externalUserId ?? null,
        externalThreadId: input.externalThreadId ?? null,
      }
      await store.conversations.create(conv)
      recent.started(conv)
      await store.events.append({
        id: newId('evt'),
        shopId: conv.shopId,
        type: 'conversation.started',
        conversationId: conv.id,
        data: { channel: conv.channel, customerId: conv.customerId },
        createdAt: now,
      })
      return conv
    },

    async getConversation(shopId: string, id: string): Promise<Conversation> {
      const c = await store.conversations.get(shopId, id)
      if (!c) throw new AppError('not_found', 'conversation not found')
      return c
    },

    async history(shopId: string, conversationId: string, afterSeq = 0, limit = 500): Promise<Message[]> {
      return store.messages.list(shopId, conversationId, { afterSeq, limit })
    },

    /** One customer turn. Turns of one conversation are serialised (lock), writes are atomic. */
    async handleMessage(input: {
      shopId: string
      conversationId: string
      text: string
      payload?: string
      /** An opaque client key (keyed hash of the IP) for throttles that span conversations. */
      client?: string
      /**
       * Only a conversation with the bot gets a turn: while it waits for a human or is with one the
       * message is stored and nothing is answered (channels whose humans answer on the platform or in
       * the console). The widget leaves it off: it tells a waiting customer the queue status.
       */
      silentUnlessBot?: boolean
      /** A picture or voice message uploaded to this conversation (POST …/attachments). */
      attachmentId?: string
    }): Promise<TurnResponse> {
      let text = input.text.trim()
      if (!text && !input.payload && !input.attachmentId) throw new AppError('invalid_input', 'text must not be empty')
      if (input.text.length > MAX_MESSAGE_CHARS)
        throw new AppError('invalid_input', `text is longer than ${MAX_MESSAGE_CHARS} characters`)

      const key = `conv:${input.shopId}:${input.conversationId}`
      let handedOff = false
      const turn: TurnResponse = await deps.lock.withLock(key, async () => {
        const shop = await requireShop(input.shopId)
        const { conversation, lastSeq } = await conversationForTurn(input.shopId, input.conversationId)
        if (!conversation) throw new AppError('not_found', 'conversation not found')
        if (conversation.status === 'closed') throw new AppError('conflict', 'conversation is closed')

        let attached: PreparedAttachment | null = null
        if (input.attachmentId) {
          const ref = { shopId: shop.id, conversationId: conversation.id, id: input.attachmentId }
          attached = await prepareAttachment(
            deps.attachments,
            conversation.status === 'human' ? undefined : deps.transcriber,
            ref,
          )
          if (!text && attached.text) text = attached.text
        }
        const attachmentMeta = attached ? { attachment: attached.meta } : {}
        const nluEngine = await deps.nluFor(shop.id)
        // Traditional characters and written Cantonese are read as simplified Mandarin (chinese-script.ts).
        // Phone-style typing ("kf在吗", an order number dictated as 二零二六…) is read as written out (phone-typing.ts).
        const reading = readChineseScript(understoodPart(input.payload ?? text))
        const understoodText = readPhoneTyping(reading.text)
        const understood = nluEngine.analyze(understoodText)
        // A message with no letters (an order number alone) keeps the conversation's language.
        // Measurements and letter sizes ("175 70kg", "XL") are no language either.
        const hasWords = carriesLanguage(text)
        const locale: Locale = hasWords ? understood.locale : (conversation.locale ?? understood.locale)
        const nlu: NluResult = { ...understood, locale }

        if (conversation.status === 'human' || (input.silentUnlessBot && conversation.status !== 'bot')) {
          // A human agent owns the conversation: store and push the message, the bot stays silent.
          const state = { ...emptyDialogueState(), ...(conversation.state as Partial<DialogueState>) }
          const m = await appendCustomer(shop.id, conversation.id, text || (input.payload ?? ''), {
            nlu,
            ...attachmentMeta,
          })
          return {
            conversationId: conversation.id,
            replies: [],
            nlu: nluView(nlu),
            state,
            handoff: true,
            action: 'handoff',
            reason: 'agent_active',
            messages: [m],
          }
        }

        const customer = conversation.customerId ? await store.customers.get(shop.id, conversation.customerId) : null
        const knowledge = await deps.knowledgeFor(shop.id)
        const state = { ...emptyDialogueState(), ...(conversation.state as Partial<DialogueState>) }
        const now = clock()
        const commerce = deps.commerceFor ? await deps.commerceFor(shop).catch(() => undefined) : undefined

        // The customer's message is stored with the turn's other writes, in one transaction (below);
        // if the turn fails it is stored on its own, so an agent sees it either way. Nothing is
        // acknowledged before that commit: a crash mid-turn loses only an unanswered request.
        const customerMsgInput: Omit<Message, 'seq'> = {
          id: newId('msg'),
          shopId: shop.id,
          conversationId: conversation.id,
          role: 'customer',
          text: text || (input.payload ?? ''),
          meta: { nlu, ...(input.payload ? { payload: input.payload } : {}), ...attachmentMeta },
          createdAt: now.toISOString(),
        }
        // The 50 messages before this one (the newest, not the conversation's first 50: a long
        // conversation's model prompt must see its latest turns); the cost does not grow with history.
        // Kept in memory between turns while nothing else is appended (recent-messages.ts).
        const history = await recent.latest(store, conversation, lastSeq)
        // Sentences of a model answer go out live as they pass the guard; the stored messages follow them.
        const stream = streamTo(shop.id, conversation.id, customerMsgInput.id)

        // Skills run outside a transaction: they read live data through the knowledge base and
        // the store (one SQLite connection cannot serve a read while it holds a transaction),
        // and each of their writes (ticket, return request, order change) is atomic on its own.
        let outcome: TurnOutcome
        try {
          outcome = await deps.dialogue({
            shop,
            conversation,
            customer,
            locale,
            text: understoodText,
            nlu,
            state,
            history,
            store,
            knowledge,
            policy: policyOf(shop),
            now,
            newId,
            ...(input.client ? { client: input.client } : {}),
            ...(commerce ? { commerce } : {}),
            ...llmOf(shop),
            ...stream.sink,
            ...(attached ? { attachment: attached.turn } : {}),
            ...visionOf(shop, attached),
          })
        } catch (e) {
          const failed = {
            id: newId('evt'),
            shopId: shop.id,
            type: 'turn.failed',
            conversationId: conversation.id,
            data: { intent: nlu.intent, error: e instanceof Error ? e.message.slice(0, 300) : 'unknown' },
            createdAt: clock().toISOString(),
          }
          const [stored] = await writeTurn(store, {
            shopId: shop.id,
            conversationId: conversation.id,
            messages: [customerMsgInput],
            events: [failed],
          })
          if (stored) recent.appended(conversation, [stored])
          await stream.pushed()
          if (stored) await publish(shop.id, conversation.id, { type: 'message', message: stored })
          throw e
        }

        // Replies go out in the customer's script: traditional characters for a customer who writes them.
        outcome = { ...outcome, replies: repliesInScript(outcome.replies, replyScript(reading, history)) }

        // The turn's own writes (replies, new state, events) land together or not at all: one batch.
        const botInputs: Array<Omit<Message, 'seq'>> = outcome.replies.map((r) => ({
          id: newId('msg'),
          shopId: shop.id,
          conversationId: conversation.id,
          role: 'bot',
          text: r.text,
          meta: {
            action: outcome.action,
            reason: outcome.reason,
            ...(r.buttons ? { buttons: r.buttons } : {}),
            ...(r.card ? { card: r.card } : {}),
            ...(r.source ? { source: r.source, factIds: r.factIds ?? [] } : {}),
            ...(outcome.handoff ? { handoff: true } : {}),
          },
          createdAt: clock().toISOString(),
        }))
        const status =
          outcome.conversationStatus ??
          (outcome.handoff && conversation.status === 'bot' ? 'waiting_human' : conversation.status)
        const events = [
          {
            type: 'turn.completed',
            data: {
              intent: handledIntent(outcome.state, nlu.intent),
              classifierIntent: nlu.intent,
              confidence: nlu.confidence,
              emotion: nlu.emotion.score,
              action: outcome.action,
              reason: outcome.reason,
              handoff: outcome.handoff,
              latencyMs: clock().getTime() - now.getTime(),
            },
          },
          ...(outcome.handoff && conversation.status === 'bot'
            ? [{ type: 'handoff.requested', data: { reason: outcome.reason } }]
            : []),
          ...(outcome.events ?? []),
          ...unansweredFor(outcome, conversation.status, text, locale, Boolean(input.payload), nlu.intent),
        ]
        const stored = await writeTurn(store, {
          shopId: shop.id,
          conversationId: conversation.id,
          messages: [customerMsgInput, ...botInputs],
          conversation: {
            state: outcome.state,
            status,
            locale,
            ...(outcome.customerId && !conversation.customerId ? { customerId: outcome.customerId } : {}),
            updatedAt: clock().toISOString(),
          },
          events: events.map((e) => ({
            id: newId('evt'),
            shopId: shop.id,
            type: e.type,
            conversationId: conversation.id,
            data: e.data,
            createdAt: clock().toISOString(),
          })),
        })
        recent.appended(conversation, stored)
        const customerMsg = stored[0]
        if (!customerMsg) throw new AppError('internal', 'the message was not stored')
        const result = { customerMsg, botMsgs: stored.slice(1), status }

        await stream.pushed()
        for (const m of [customerMsg, ...result.botMsgs]) {
          await publish(shop.id, conversation.id, { type: 'message', message: m })
        }
        // Pictures the customer sent go with any ticket this turn opened (after-sales evidence).
        if (outcome.ticket) await attachPictures(store, shop.id, outcome.ticket.id, outcome.state.pictures)
        if (result.status !== conversation.status) {
          await publish(shop.id, conversation.id, { type: 'status', status: result.status })
        }
        if (result.status === 'waiting_human' && conversation.status !== 'waiting_human') {
          // Agent consoles of the shop refresh their queue at once (src/core/handoff/desk-channel.ts).
          const ev: DeskEvent = {
            type: 'queue',
            conversationId: conversation.id,
            status: result.status,
            change: 'requested',
          }
          await pubsub.publish(deskChannel(shop.id), ev).catch(() => undefined)
          handedOff = true
        }

        const response: TurnResponse = {
          conversationId: conversation.id,
          replies: outcome.replies,
          nlu: nluView(nlu, handledIntent(outcome.state, nlu.intent), outcome.state),
          state: outcome.state,
          handoff: outcome.handoff,
          action: outcome.action,
          reason: outcome.reason,
          messages: [customerMsg, ...result.botMsgs],
        }
        if (outcome.ticket) response.ticket = outcome.ticket
        if (outcome.returnRequest) response.returnRequest = outcome.returnRequest
        try {
          deps.onTurn?.(response)
        } catch {
          /* metrics must never fail a turn */
        }
        return response
      })
      if (handedOff && deps.onHandoff) {
        await deps.onHandoff(input.shopId, input.conversationId).catch(() => undefined)
      }
      return turn
    },

    /** A message from a human agent or the system (proactive notice), pushed to the customer. */
    async postMessage(input: {
      shopId: string
      conversationId: string
      role: 'agent' | 'system' | 'bot'
      text: string
      meta?: Record<string, unknown>
    }): Promise<Message> {
      if (!input.text.trim()) throw new AppError('invalid_input', 'text must not be empty')
      if (input.text.length > MAX_MESSAGE_CHARS)
        throw new AppError('invalid_input', `text is longer than ${MAX_MESSAGE_CHARS} characters`)
      const conversation = await store.conversations.get(input.shopId, input.conversationId)
      if (!conversation) throw new AppError('not_found', 'conversation not found')
      const m = await store.messages.append({
        id: newId('msg'),
        shopId: input.shopId,
        conversationId: input.conversationId,
        role: input.role,
        text: input.text,
        meta: input.meta ?? {},
        createdAt: clock().toISOString(),
      })
      recent.appended({ shopId: input.shopId, id: input.conversationId }, [m])
      await publish(input.shopId, input.conversationId, { type: 'message', message: m })
      return m
    },
  }
}

/**
 * Questions the bot could not answer feed FAQ mining: a fallback (not out-of-scope), a
 * clarification, or the turn that handed the conversation to a human.
 */
function unansweredFor(
  outcome: TurnOutcome,
  before: Conversation['status'],
  text: string,
  locale: Locale,
  fromButton: boolean,
  intent: string,
) {
  if (fromButton || outcome.events?.some((e) => e.type === UNANSWERED_EVENT)) return []
  // "I want a human" or an angry outburst is not a question an FAQ entry could answer.
  const question = !['human_agent', 'complaint', 'greeting'].includes(intent)
  if (outcome.handoff && before === 'bot') return question ? [unansweredEvent(text, locale, 'handoff')] : []
  if (outcome.action === 'clarify') return [unansweredEvent(text, locale, 'clarify')]
  // A narrow FAQ lead was answered (src/core/skills/knowledge-answer.ts): still worth an entry of its own.
  if (outcome.reason.startsWith('knowledge_lean_')) return [unansweredEvent(text, locale, 'clarify')]
  if (outcome.action === 'fallback' && !outcome.reason.startsWith('out_of_scope'))
    return [unansweredEvent(text, locale, 'none')]
  return []
}

function policyOf(shop: Shop) {
  const p = (shop.settings.policy ?? {}) as Partial<{
    intentThreshold: number
    emotionHandoffThreshold: number
    maxFailedTurns: number
  }>
  return {
    intentThreshold: p.intentThreshold ?? 0.5,
    emotionHandoffThreshold: p.emotionHandoffThreshold ?? 0.7,
    maxFailedTurns: p.maxFailedTurns ?? 3,
  }
}
