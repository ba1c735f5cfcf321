/**
 * The channel port: how kefu meets customers on platforms it does not own (WeChat Customer Service
 * via WeCom, WeChat Official Accounts, Chatwoot and through it WhatsApp, Messenger, e-mail…).
 *
 * A channel adapter turns a platform's webhook/callback into channel-neutral `InboundEvent`s and
 * sends kefu's `Reply`s back through the platform's API, degrading what the platform cannot show
 * (buttons → numbered text, cards → text). The conversation service stays channel-agnostic: the
 * channel bridge (src/core/channels) finds or opens the conversation of (shop, channel, external user),
 * handles each platform message id once, runs the turn and hands the replies to the adapter.
 */
import type { Reply } from '../dialogue/types.js'
import type { Locale } from '../domain/schemas.js'

export type ChannelKind = 'wecom-kf' | 'wechat-mp' | 'chatwoot'

/** What a customer sent, channel-neutral. */
export type InboundContent =
  | { type: 'text'; text: string }
  /** A picture; `mediaRef` is the platform's media id or URL (fetched by the adapter on demand). */
  | { type: 'image'; mediaRef: string }
  /** A voice note; `recognition` is the platform's own transcript when it gives one. */
  | { type: 'voice'; mediaRef: string; recognition?: string }
  /** A menu item / quick reply / button the customer clicked: `payload` is kefu's button payload when known. */
  | { type: 'click'; payload: string; label?: string }
  /**
   * Something happened that is not a message. `handed_to_human`: a person took the thread over on the
   * platform (Chatwoot status `open`) — kefu stays silent; `returned_to_bot`: the platform gave it back
   * (Chatwoot `pending`); `closed`: the platform closed/resolved it.
   */
  | {
      type: 'event'
      event: 'entered' | 'subscribed' | 'unsubscribed' | 'closed' | 'handed_to_human' | 'returned_to_bot' | 'other'
      detail?: string
    }

export type InboundEvent = {
  /** The platform's id of this message/event: each is handled at most once per shop and channel. */
  externalMessageId: string
  /** The platform's id of the customer (WeCom external_userid, MP openid, Chatwoot contact id). */
  externalUserId: string
  /**
   * The platform's id of the thread when it has one besides the user (Chatwoot conversation id,
   * WeCom open_kfid); replies go back to it.
   */
  externalThreadId?: string
  content: InboundContent
  /** ISO instant the platform says it was sent (for the reply window), else when it was received. */
  sentAt: string
  /** A locale hint from the platform (user language), if any. */
  locale?: Locale
  /**
   * The platform says a person currently owns this thread (a Chatwoot conversation in status `open`):
   * the message is recorded and kefu stays silent, whatever kefu's own status said.
   */
  humanOwned?: boolean
}

/** Where a reply goes: the conversation's external coordinates. */
export type ChannelTarget = {
  shopId: string
  externalUserId: string
  externalThreadId?: string
  /** ISO instant of the customer's last inbound message (platform reply windows are counted from it). */
  lastInboundAt?: string
}

/**
 * What sending said. `window_closed`: the platform no longer allows a reply to this customer
 * (WeCom 48 h / 5 messages, MP 48 h) — the bridge turns the undelivered reply into a ticket.
 */
export type SendResult =
  | { ok: true; externalMessageIds: string[] }
  | { ok: false; kind: 'window_closed' | 'refused' | 'unavailable'; detail: string }

export type HandoffInfo = {
  reason: string
  intent: string | null
  /** A short summary of the conversation so far for the human who takes over. */
  summary: string
  locale: Locale
}

export type ChannelAdapter = {
  readonly specificationVersion: 'v1'
  readonly kind: ChannelKind
  /** Sends replies in order; what the platform cannot show is degraded to text. Never throws. */
  send(target: ChannelTarget, replies: Reply[], locale: Locale): Promise<SendResult>
  /** Moves the conversation to the platform's human queue (WeCom service_state/trans, Chatwoot status open). */
  handOff(target: ChannelTarget, info: HandoffInfo): Promise<SendResult>
}

/** Small shared state of channels (own file so the store port can use it without an import cycle). */
export type { ChannelStateStore } from './channel-state.js'
