/**
 * The agent desk's pub/sub channel: one per shop. Anything that makes a conversation enter or
 * leave the human queue, change owner, or get an internal note publishes a `DeskEvent` here, so
 * every agent console of the shop (on any server instance) refreshes at once.
 */
import type { ConversationStatus } from '../domain/records.js'

/** Channel name of a shop's agent desk. */
export const deskChannel = (shopId: string) => `shop:${shopId}:desk`

/** What travels on the desk channel. Notes never go on the conversation channel (the customer listens there). */
export type DeskEvent =
  | {
      type: 'queue'
      conversationId: string
      status: ConversationStatus
      /** What happened: the bot handed off, the router offered it to an agent (`agentId`), an agent claimed / released / closed / transferred it, or it became a ticket (nobody available). */
      change: 'requested' | 'claimed' | 'released' | 'closed' | 'offered' | 'transferred' | 'left_message'
      agentId?: string
    }
  | {
      type: 'note'
      conversationId: string
      note: AgentNote
    }

/** An internal note: seen by agents only, stored as an `agent.note` event. */
export type AgentNote = {
  id: string
  conversationId: string
  agentId: string
  agentName: string
  text: string
  createdAt: string
}
