/**
 * The dialogue state stored as JSON on the conversation. Everything a later turn needs lives here so a
 * restarted server continues mid-task: the active intent, slots, what the bot waits for, the order /
 * product candidates it listed (for "the second one"), a suspended task to return to, and the
 * per-skill progress (`task`).
 */
import type { DialogueState } from './types.js'

/** A task put aside when the customer switched topic; resumed after the new topic is done. */
export type SuspendedTask = {
  intent: string
  awaiting: string | null
  task: Record<string, unknown>
  /** The question the bot had asked, repeated when the task resumes. */
  prompt: string | null
}

/** The state with kefu's extra keys typed. All extras are optional so old stored states still load. */
export type WorkingState = DialogueState & {
  /** The intent this turn was handled as (the story runner and analytics read it). */
  lastIntent?: string | null
  /** Skill progress (pending confirmation, fault step, collected answers…). Reset on a new task. */
  task: Record<string, unknown>
  /** Orders / products the bot last offered, in display order, for ordinal references. */
  candidates?: { kind: 'order' | 'product'; ids: string[] }
  suspended?: SuspendedTask | null
  /** The last question the bot asked (repeated on return to the task). */
  prompt?: string | null
  /** Anonymous visitor verified as this customer (order number + phone last 4). */
  verifiedCustomerId?: string | null
  /** When the visitor verified (ISO, from the clock); writes need a recent one. */
  verifiedAt?: string | null
  /** The previous knowledge/product question, re-run with new slots on "and in XL?". */
  lastQuery?: { intent: string; slots: Record<string, unknown> } | null
  turns?: number
}

/** A fresh state for a new conversation. */
export function initialState(): WorkingState {
  return { activeIntent: null, slots: {}, awaiting: null, topics: [], failedTurns: 0, task: {} }
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Loads a stored state defensively: unknown or damaged fields fall back to defaults. */
export function normalizeState(raw: unknown): WorkingState {
  const s = isObj(raw) ? raw : {}
  const base = initialState()
  const out: WorkingState = {
    ...s,
    activeIntent: typeof s.activeIntent === 'string' ? s.activeIntent : null,
    slots: isObj(s.slots) ? { ...s.slots } : base.slots,
    awaiting: typeof s.awaiting === 'string' ? s.awaiting : null,
    topics: Array.isArray(s.topics) ? s.topics.filter((t): t is string => typeof t === 'string').slice(-10) : [],
    failedTurns: typeof s.failedTurns === 'number' && s.failedTurns >= 0 ? s.failedTurns : 0,
    task: isObj(s.task) ? structuredClone(s.task) : {},
  }
  if (isObj(s.suspended)) out.suspended = structuredClone(s.suspended) as SuspendedTask
  if (isObj(s.candidates)) out.candidates = structuredClone(s.candidates) as WorkingState['candidates']
  return out
}

/** Slots that stay meaningful across tasks ("it", "this order", "that phone"). Others are per task. */
export const SHARED_SLOTS = ['order', 'sku', 'size', 'color', 'deviceModel', 'heightCm', 'weightKg'] as const

/** Starts a new task for `intent`, keeping shared slots and pushing the topic history. */
export function startTask(state: WorkingState, intent: string): void {
  const kept: Record<string, unknown> = {}
  for (const k of SHARED_SLOTS) if (state.slots[k] !== undefined) kept[k] = state.slots[k]
  state.slots = kept
  state.activeIntent = intent
  state.awaiting = null
  state.task = {}
  state.prompt = null
  if (state.topics[state.topics.length - 1] !== intent) state.topics = [...state.topics, intent].slice(-10)
}
