/**
 * The dialogue state stored as JSON on the conversation. Everything a later turn needs lives here so a
 * restarted server continues mid-task: the active intent, slots, what the bot waits for, the order /
 * product candidates it listed (for "the second one"), a suspended task to return to, and the
 * progress of the task at hand (`task`, one typed shape per task: task-state.ts).
 *
 * `normalizeState` is the one place stored JSON becomes a `WorkingState`: every field is checked and
 * falls back to its default, so states written by older versions (or damaged ones) still load.
 */
import { isWriteTool, type WriteProposal } from '../llm-routing/write-proposals.js'
import type { PaidWith } from '../nlu/detect-return-facts.js'
import type { Recipient, RecommendRequest } from '../nlu/parse-recommend-request.js'
import { noTask, parseTask, type TaskState } from './task-state.js'

/** A task put aside when the customer switched topic; resumed after the new topic is done. */
export type SuspendedTask = {
  intent: string
  awaiting: string | null
  task: TaskState
  /** The question the bot had asked, repeated when the task resumes. */
  prompt: string | null
}

/** Orders / products the bot last offered, in display order, for ordinal references ("the second one"). */
export type Candidates = { kind: 'order' | 'product'; ids: string[] }

/** The last recommendation shown, refined by "cheaper", "show me others", a new budget… */
export type LastRecommendation = { request: RecommendRequest; shown: string[]; minPrice: number | null }

/** The previous knowledge/product question, re-run with new slots on "and in XL?". */
export type LastQuery = { intent: string; slots: Record<string, unknown> }

/** Why the intent acted on differs from the classifier's (a rule, or a named ordered item). */
export type IntentCue = { from: string; to: string; why?: string }

/** The model picked the label the classifier was unsure about (model-label.ts). */
export type ModelIntentSource = { source: 'llm'; from: string; to: string; reason: string }

/**
 * The dialogue's typed view of the stored state. Keys other modules keep on the conversation's state
 * (routing, the agent, LLM usage) are carried through untouched but are not part of this type.
 */
export type WorkingState = {
  activeIntent: string | null
  slots: Record<string, unknown>
  /** The slot or confirmation the bot is waiting for, if any. */
  awaiting: string | null
  /** Recent topics, newest last, for returning to an unfinished task. */
  topics: string[]
  failedTurns: number
  /** The intent this turn was handled as (the story runner and analytics read it). */
  lastIntent?: string | null
  /** Progress of the task at hand (pending confirmation, fault step, collected answers…). Reset on a new task. */
  task: TaskState
  candidates?: Candidates
  suspended?: SuspendedTask | null
  /** The last question the bot asked (repeated on return to the task). */
  prompt?: string | null
  /** Anonymous visitor verified as this customer (order number + phone last 4). */
  verifiedCustomerId?: string | null
  /** When the visitor verified (ISO, from the clock); writes need a recent one. */
  verifiedAt?: string | null
  lastQuery?: LastQuery | null
  turns?: number
  intentCue?: IntentCue
  intentSource?: ModelIntentSource
  lastRecommendation?: LastRecommendation
  /** Ids of the pictures the customer sent in this conversation (newest last), for a later ticket. */
  pictures?: string[]
  /** A write the model proposed, waiting for the customer's confirmation (model-proposal.ts). */
  pendingAction?: WriteProposal
  /** How the customer said they paid ("我是支付宝付的"), remembered for later refund timing lines. */
  paidWith?: PaidWith
}

/** A fresh state for a new conversation. */
export function initialState(): WorkingState {
  return { activeIntent: null, slots: {}, awaiting: null, topics: [], failedTurns: 0, task: noTask() }
}

type Raw = Record<string, unknown>
function isObj(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)
const strs = (v: unknown): string[] | null =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : null
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)

const RECIPIENTS: readonly Recipient[] = ['female', 'male', 'child', 'elder', 'unknown']

function parseRecommendRequest(r: unknown): RecommendRequest | null {
  if (!isObj(r)) return null
  const categories = strs(r.categories)
  const features = strs(r.features)
  if (!categories || !features) return null
  const gift = isObj(r.gift) ? r.gift : null
  const recipient = gift ? RECIPIENTS.find((x) => x === gift.recipient) : undefined
  const out: RecommendRequest = {
    categories,
    features,
    gift: recipient ? { recipient } : null,
    more: r.more === true,
    cheaper: r.cheaper === true,
  }
  const min = num(r.budgetMin)
  const max = num(r.budgetMax)
  if (min !== undefined) out.budgetMin = min
  if (max !== undefined) out.budgetMax = max
  if (r.gender === 'men' || r.gender === 'women') out.gender = r.gender
  if (r.impliedBudget === true) out.impliedBudget = true
  return out
}

function parseLastRecommendation(v: unknown): LastRecommendation | null {
  if (!isObj(v)) return null
  const request = parseRecommendRequest(v.request)
  if (!request) return null
  return { request, shown: strs(v.shown) ?? [], minPrice: num(v.minPrice) ?? null }
}

const WRITE_INTENTS = ['cancel_order', 'modify_order', 'return_refund'] as const

function parsePendingAction(v: unknown): WriteProposal | null {
  if (!isObj(v) || typeof v.tool !== 'string' || !isWriteTool(v.tool)) return null
  const intent = WRITE_INTENTS.find((i) => i === v.intent)
  const orderNo = str(v.orderNo)
  if (!intent || !orderNo) return null
  const out: WriteProposal = { source: 'llm', tool: v.tool, intent, orderNo }
  if (typeof v.address === 'string') out.address = v.address
  if (typeof v.reason === 'string') out.reason = v.reason
  return out
}

function parseCandidates(v: unknown): Candidates | null {
  if (!isObj(v) || (v.kind !== 'order' && v.kind !== 'product')) return null
  return { kind: v.kind, ids: strs(v.ids) ?? [] }
}

function parseSuspended(v: unknown): SuspendedTask | null {
  if (!isObj(v)) return null
  const intent = str(v.intent)
  if (!intent) return null
  return { intent, awaiting: str(v.awaiting), task: parseTask(v.task, intent), prompt: str(v.prompt) }
}

function parseIntentCue(v: unknown): IntentCue | null {
  if (!isObj(v)) return null
  const from = str(v.from)
  const to = str(v.to)
  if (!from || !to) return null
  const why = str(v.why)
  return why ? { from, to, why } : { from, to }
}

function parseModelSource(v: unknown): ModelIntentSource | null {
  if (!isObj(v) || v.source !== 'llm') return null
  const from = str(v.from)
  const to = str(v.to)
  return from && to ? { source: 'llm', from, to, reason: str(v.reason) ?? '' } : null
}

/** The keys of `WorkingState`: every other stored key belongs to another module and is carried through. */
const PAID_WITH = new Set<string>(['alipay', 'wechat', 'huabei', 'bank_card', 'credit_card'])
const KNOWN = new Set<string>([
  'paidWith',
  'activeIntent',
  'slots',
  'awaiting',
  'topics',
  'failedTurns',
  'lastIntent',
  'task',
  'candidates',
  'suspended',
  'prompt',
  'verifiedCustomerId',
  'verifiedAt',
  'lastQuery',
  'turns',
  'intentCue',
  'intentSource',
  'lastRecommendation',
  'pictures',
  'pendingAction',
] satisfies Array<keyof WorkingState>)

/**
 * Loads a stored state defensively: every field is checked, and an absent or damaged one takes its
 * default (optional ones are left out). Keys owned by other modules (routing, agent, LLM usage) ride
 * along untouched.
 */
export function normalizeState(raw: unknown): WorkingState {
  const s = isObj(raw) ? raw : {}
  const others: Raw = {}
  for (const [k, v] of Object.entries(s)) if (!KNOWN.has(k)) others[k] = v
  const activeIntent = str(s.activeIntent)
  const out: WorkingState = {
    ...others,
    activeIntent,
    slots: isObj(s.slots) ? { ...s.slots } : {},
    awaiting: str(s.awaiting),
    topics: (strs(s.topics) ?? []).slice(-10),
    failedTurns: typeof s.failedTurns === 'number' && s.failedTurns >= 0 ? s.failedTurns : 0,
    task: parseTask(s.task, activeIntent),
  }
  if (s.lastIntent === null || typeof s.lastIntent === 'string') out.lastIntent = s.lastIntent
  const candidates = parseCandidates(s.candidates)
  if (candidates) out.candidates = candidates
  const suspended = parseSuspended(s.suspended)
  if (suspended) out.suspended = suspended
  if (s.prompt === null || typeof s.prompt === 'string') out.prompt = s.prompt
  if (s.verifiedCustomerId === null || typeof s.verifiedCustomerId === 'string')
    out.verifiedCustomerId = s.verifiedCustomerId
  if (s.verifiedAt === null || typeof s.verifiedAt === 'string') out.verifiedAt = s.verifiedAt
  const lastQuery = isObj(s.lastQuery) ? parseLastQuery(s.lastQuery) : null
  if (lastQuery) out.lastQuery = lastQuery
  if (typeof s.turns === 'number' && s.turns >= 0) out.turns = s.turns
  const cue = parseIntentCue(s.intentCue)
  if (cue) out.intentCue = cue
  const bySource = parseModelSource(s.intentSource)
  if (bySource) out.intentSource = bySource
  const last = parseLastRecommendation(s.lastRecommendation)
  if (last) out.lastRecommendation = last
  const pictures = strs(s.pictures)
  if (pictures) out.pictures = pictures.slice(-10)
  const pending = parsePendingAction(s.pendingAction)
  if (pending) out.pendingAction = pending
  if (typeof s.paidWith === 'string' && PAID_WITH.has(s.paidWith)) out.paidWith = s.paidWith as PaidWith
  return out
}

function parseLastQuery(v: Raw): LastQuery | null {
  const intent = str(v.intent)
  return intent ? { intent, slots: isObj(v.slots) ? { ...v.slots } : {} } : null
}

/** Slots that stay meaningful across tasks ("it", "this order", "that phone"). Others are per task. */
export const SHARED_SLOTS = [
  'order',
  'sku',
  'size',
  'color',
  'deviceModel',
  'heightCm',
  'weightKg',
  'footMm',
  'chestCm',
  'waistCm',
  'hipCm',
  'shoeSize',
  'usShoeSize',
  // The last order change made (modify-order), for "也改成一样的" on another order.
  'lastChange',
  // The last promotion computed (skills/promotion.ts), for "and with four?" / "加个39的够不够".
  'basket',
  // The return filed last (return-refund), for "要我自己寄吗" about it.
  'returnId',
] as const

/** Starts a new task for `intent`, keeping shared slots and pushing the topic history. */
export function startTask(state: WorkingState, intent: string): void {
  const kept: Record<string, unknown> = {}
  for (const k of SHARED_SLOTS) if (state.slots[k] !== undefined) kept[k] = state.slots[k]
  state.slots = kept
  state.activeIntent = intent
  state.awaiting = null
  state.task = noTask()
  state.prompt = null
  if (state.topics[state.topics.length - 1] !== intent) state.topics = [...state.topics, intent].slice(-10)
}
