/**
 * Customer satisfaction (CSAT): the customer rates a conversation 1–5 with an optional comment.
 * Each rating is an append-only `csat.rated` event; a later rating of the same conversation
 * replaces the earlier one (analytics count only the latest per conversation).
 */
import { AppError } from '../errors.js'
import type { Store } from '../ports/store.js'

/** Event type of a stored rating. */
export const CSAT_RATED_EVENT = 'csat.rated'

/** Longest comment kept with a rating. */
export const MAX_CSAT_COMMENT_CHARS = 1000

export type RateConversationInput = {
  shopId: string
  conversationId: string
  /** Integer 1 (very dissatisfied) … 5 (very satisfied). Typed `unknown`: this function validates. */
  score: unknown
  comment?: unknown
  now: Date
  newId: (prefix: string) => string
}

export type ConversationRating = {
  /** Id of the stored `csat.rated` event. */
  id: string
  conversationId: string
  score: 1 | 2 | 3 | 4 | 5
  comment: string | null
  ratedAt: string
  /** True when this rating replaced an earlier one of the same conversation. */
  replaced: boolean
}

/** Validates a score: an integer from 1 to 5. Throws `invalid_input` otherwise. */
export function parseCsatScore(score: unknown): ConversationRating['score'] {
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5) {
    throw new AppError('invalid_input', 'score must be an integer from 1 to 5', {
      details: { issues: [{ field: 'score', message: 'expected an integer from 1 to 5' }] },
    })
  }
  return score as ConversationRating['score']
}

function parseComment(comment: unknown): string | null {
  if (comment === undefined || comment === null) return null
  if (typeof comment !== 'string') {
    throw new AppError('invalid_input', 'comment must be a string', {
      details: { issues: [{ field: 'comment', message: 'expected a string' }] },
    })
  }
  const c = comment.trim()
  if (c.length > MAX_CSAT_COMMENT_CHARS) {
    throw new AppError('invalid_input', `comment is longer than ${MAX_CSAT_COMMENT_CHARS} characters`, {
      details: { issues: [{ field: 'comment', message: `at most ${MAX_CSAT_COMMENT_CHARS} characters` }] },
    })
  }
  return c === '' ? null : c
}

/**
 * Stores a customer's rating of a conversation as a `csat.rated` event `{score, comment}`.
 * One rating per conversation: rating again stores a new event that supersedes the earlier one.
 * Throws `invalid_input` for a score outside 1–5 or a bad comment, `not_found` for an unknown
 * conversation. Closed conversations can be rated (the usual moment to ask).
 *
 * @example
 * await rateConversation(store, { shopId, conversationId, score: 5, comment: '很满意', now: clock.now(), newId })
 */
export async function rateConversation(store: Store, input: RateConversationInput): Promise<ConversationRating> {
  const score = parseCsatScore(input.score)
  const comment = parseComment(input.comment)
  const conversation = await store.conversations.get(input.shopId, input.conversationId)
  if (!conversation) throw new AppError('not_found', 'conversation not found')
  const ratedAt = input.now.toISOString()
  const id = input.newId('evt')
  const replaced = await store.transaction(async (tx) => {
    const earlier = await tx.events.list(input.shopId, {
      type: CSAT_RATED_EVENT,
      conversationId: input.conversationId,
      limit: 1,
    })
    await tx.events.append({
      id,
      shopId: input.shopId,
      type: CSAT_RATED_EVENT,
      conversationId: input.conversationId,
      data: { score, comment },
      createdAt: ratedAt,
    })
    return earlier.length > 0
  })
  return { id, conversationId: input.conversationId, score, comment, ratedAt, replaced }
}
