/**
 * The progress of the task the dialogue is working on, one shape per task (`state.task`). The `flow`
 * tag says which task the progress belongs to, so a skill reads its own fields without casts and
 * never mistakes another task's leftovers for its own: `taskOf(state, 'return_refund')` returns the
 * return's progress, or starts an empty one when the state holds another task's.
 *
 * States stored before the tag existed (a bare object of fields) still load: `parseTask` reads the
 * fields the task of the conversation's active intent knows, with their types checked, and drops the rest.
 */
import type { ChangeField } from '../nlu/detect-turn-cues.js'
import type { SafetySymptom } from '../nlu/types.js'

/** No progress to keep (greeting, order status, stock, knowledge answers…). */
export type NoTask = { flow: 'none' }

/** Address / phone change: the field, and the new value once the customer gave it. */
export type ModifyOrderTask = { flow: 'modify_order'; field?: ChangeField; newValue?: string }

/** Cancellation: its progress is the order slot and the pending confirmation (`awaiting`). */
export type CancelOrderTask = {
  flow: 'cancel_order'
  /** The SKU of the one line to cancel while the rest of the order ships ("其他的照常发"). */
  line?: string
  /** "那几个没付款的 全部取消": the orders to cancel together, waiting for the yes. */
  orders?: string[]
}

/** Why a return is asked for, as the return rules see it (quality and wrong item follow the quality rules). */
export type ReturnTaskReason = 'quality' | 'size' | 'dislike' | 'no_reason' | 'other'

/** Return / exchange / refund: what the customer said so far about the item and its condition. */
export type ReturnTask = {
  flow: 'return_refund'
  kind?: 'exchange' | 'refund_only'
  reason?: ReturnTaskReason
  /** The customer's words giving the reason (kept for the return request). */
  reasonText?: string
  opened?: boolean
  /** Used beyond trying it (worn out, washed, seasoned, activated, set up): no no-reason return. */
  used?: boolean
  /** The order line to return (when the order has several). */
  sku?: string
  /** Shop categories of the item named before the order was known ("手表还没拆封" before verifying). */
  itemCategories?: string[]
}

/** One fault question and the customer's answer. */
export type FaultAnswer = { question: string; answer: string }

/** The guided fault flow (src/core/skills/fault-diagnosis.ts). */
export type FaultTask = {
  flow: 'after_sales_fault'
  /** The fault of the shop's graph; null = asked for the symptom, none matched yet. */
  faultId?: string | null
  symptomAsked?: boolean
  /** The question / solution step asked last (0-based). */
  qIndex?: number
  answers?: FaultAnswer[]
  sIndex?: number
  tried?: string[]
  /** Questions answered (asked, or answered in passing) and steps done (failed, or tried before). */
  qDone?: number[]
  sDone?: number[]
  /** Steps the customer said they had already tried. */
  reported?: number[]
  introduced?: boolean
  purchaseAsked?: boolean
  /** A safety symptom the customer reported: stop-use advice and an urgent ticket, no troubleshooting. */
  urgent?: SafetySymptom
  adviceGiven?: boolean
  /** The customer asked for repair / replacement / a ticket now. */
  requested?: boolean
  ticketId?: string
  ticketQueue?: string
  ticketPriority?: string
  /** The flow's own slot values, restored after a detour so another task cannot overwrite them. */
  saved?: Record<string, unknown>
}

/** A price-drop subscription waiting for the product to watch. */
export type PriceAlertTask = { flow: 'price_alert' }

/** An invoice request: the order and the title collected so far (skills/invoice-request.ts). */
export type InvoiceTask = {
  flow: 'invoice'
  order?: string
  title?: 'personal' | 'company'
  company?: string
  taxId?: string
  reissue?: boolean
}

export type TaskState =
  | NoTask
  | ModifyOrderTask
  | CancelOrderTask
  | ReturnTask
  | FaultTask
  | PriceAlertTask
  | InvoiceTask
export type TaskFlow = TaskState['flow']

const FLOWS: readonly TaskFlow[] = [
  'none',
  'modify_order',
  'cancel_order',
  'return_refund',
  'after_sales_fault',
  'price_alert',
  'invoice',
]

/** The empty progress of each task. */
const EMPTY: { [F in TaskFlow]: () => Extract<TaskState, { flow: F }> } = {
  none: () => ({ flow: 'none' }),
  modify_order: () => ({ flow: 'modify_order' }),
  cancel_order: () => ({ flow: 'cancel_order' }),
  return_refund: () => ({ flow: 'return_refund' }),
  after_sales_fault: () => ({ flow: 'after_sales_fault' }),
  price_alert: () => ({ flow: 'price_alert' }),
  invoice: () => ({ flow: 'invoice' }),
}

/** No progress. */
export function noTask(): NoTask {
  return EMPTY.none()
}

/**
 * The progress of `flow` in `holder.task`; when the holder keeps another task's progress (or none),
 * an empty one replaces it. The returned object is the one stored: skills mutate it.
 */
export function taskOf<F extends TaskFlow>(holder: { task: TaskState }, flow: F): Extract<TaskState, { flow: F }> {
  const current = holder.task
  if (isFlow(current, flow)) return current
  const fresh = EMPTY[flow]()
  holder.task = fresh
  return fresh
}

function isFlow<F extends TaskFlow>(t: TaskState, flow: F): t is Extract<TaskState, { flow: F }> {
  return t.flow === flow
}

// ---- loading stored progress -------------------------------------------------------------------

type Raw = Record<string, unknown>
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined)
const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined)
const ints = (v: unknown): number[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is number => int(x) !== undefined) : undefined
const strs = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined
const oneOf = <T extends string>(v: unknown, values: readonly T[]): T | undefined => values.find((x) => x === v)
const isObj = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Copies the defined values only (optional fields stay absent rather than `undefined`). */
function defined<T extends object>(base: T, fields: Partial<T>): T {
  const out = { ...base }
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) Object.assign(out, { [k]: v })
  return out
}

const SAFETY: readonly SafetySymptom[] = ['fire', 'smoke', 'sparks', 'burning', 'swelling', 'overheating']
const REASONS: readonly ReturnTaskReason[] = ['quality', 'size', 'dislike', 'no_reason', 'other']

function faultTask(r: Raw): FaultTask {
  const answers = Array.isArray(r.answers)
    ? r.answers.filter(
        (a): a is FaultAnswer => isObj(a) && typeof a.question === 'string' && typeof a.answer === 'string',
      )
    : undefined
  return defined<FaultTask>(EMPTY.after_sales_fault(), {
    faultId: r.faultId === null ? null : str(r.faultId),
    symptomAsked: bool(r.symptomAsked),
    qIndex: int(r.qIndex),
    answers: answers?.map((a) => ({ question: a.question, answer: a.answer })),
    sIndex: int(r.sIndex),
    tried: strs(r.tried),
    qDone: ints(r.qDone),
    sDone: ints(r.sDone),
    reported: ints(r.reported),
    introduced: bool(r.introduced),
    purchaseAsked: bool(r.purchaseAsked),
    urgent: oneOf(r.urgent, SAFETY),
    adviceGiven: bool(r.adviceGiven),
    requested: bool(r.requested),
    ticketId: str(r.ticketId),
    ticketQueue: str(r.ticketQueue),
    ticketPriority: str(r.ticketPriority),
    saved: isObj(r.saved) ? structuredClone(r.saved) : undefined,
  })
}

/** The flow a stored progress without a tag belonged to: the intent it was stored under. */
function flowOfIntent(r: Raw, intent: string | null): TaskFlow {
  if (r.priceAlert === true) return 'price_alert'
  switch (intent) {
    case 'modify_order':
    case 'cancel_order':
    case 'return_refund':
    case 'after_sales_fault':
      return intent
    default:
      return 'none'
  }
}

/**
 * Reads stored task progress. `intent` is the intent it was stored under (the state's active intent,
 * or a suspended task's), used for progress stored before the `flow` tag existed.
 */
export function parseTask(raw: unknown, intent: string | null): TaskState {
  if (!isObj(raw)) return noTask()
  const flow = oneOf(raw.flow, FLOWS) ?? flowOfIntent(raw, intent)
  switch (flow) {
    case 'modify_order':
      return defined<ModifyOrderTask>(EMPTY.modify_order(), {
        field: oneOf(raw.field, ['address', 'phone', 'items'] as const),
        newValue: str(raw.newValue),
      })
    case 'return_refund':
      return defined<ReturnTask>(EMPTY.return_refund(), {
        kind: oneOf(raw.kind, ['exchange', 'refund_only'] as const),
        reason: oneOf(raw.reason, REASONS),
        reasonText: str(raw.reasonText),
        opened: bool(raw.opened),
        used: bool(raw.used),
        sku: str(raw.sku),
        itemCategories: strs(raw.itemCategories),
      })
    case 'cancel_order':
      return defined<CancelOrderTask>(EMPTY.cancel_order(), { line: str(raw.line), orders: strs(raw.orders) })
    case 'after_sales_fault':
      return faultTask(raw)
    case 'invoice':
      return defined<InvoiceTask>(EMPTY.invoice(), {
        order: str(raw.order),
        title: oneOf(raw.title, ['personal', 'company'] as const),
        company: str(raw.company),
        taxId: str(raw.taxId),
        reissue: bool(raw.reissue),
      })
    default:
      return EMPTY[flow]()
  }
}
