/** The routing record a handed-off conversation carries in `conversation.state.routing`. */
import type { Conversation } from '../domain/records.js'
import type { HandoffSummary } from './handoff-summary.js'

export type Offer = { agentId: string; agentName: string; offeredAt: string; expiresAt: string }

/** `conversation.state.routing`. */
export type RoutingRecord = {
  queue: string
  requestedAt: string
  offer: Offer | null
  /** Agents whose offer timed out (not offered again for this handoff). */
  tried: string[]
  /** `ticket` when the customer was asked to leave a message. */
  mode: 'queue' | 'ticket'
  ticketId?: string
  summary?: HandoffSummary
}

export function routingOfConversation(c: Pick<Conversation, 'state'>): RoutingRecord | null {
  const r = c.state.routing
  return r && typeof r === 'object' && typeof (r as RoutingRecord).queue === 'string' ? (r as RoutingRecord) : null
}
