/** NLU contract: what every turn's understanding looks like. */
import type { Locale } from '../domain/schemas.js'

export const INTENTS = [
  'greeting',
  'product_inquiry',
  'price_promotion',
  'stock_availability',
  'size_advice',
  'recommendation',
  'order_status',
  'logistics',
  'modify_order',
  'cancel_order',
  'return_refund',
  'after_sales_fault',
  'invoice_payment',
  'complaint',
  'human_agent',
  'out_of_scope',
] as const
export type Intent = (typeof INTENTS)[number]

export const ENTITY_TYPES = [
  'order_no',
  'phone',
  'amount',
  'quantity',
  'size',
  'color',
  'product',
  'device_model',
  'date',
  'height',
  'weight',
  'tracking_no',
] as const
export type EntityType = (typeof ENTITY_TYPES)[number]

/** A span of the message; `start`/`end` are UTF-16 offsets into the original text. */
export type Entity = {
  type: EntityType
  /** The surface text as written. */
  text: string
  /** Normalised value: `"XL"`, `"red"`, `"2026-11-20"`, `{amount: 199, currency: "CNY"}`, a SKU… */
  value: unknown
  start: number
  end: number
}

export type Emotion = {
  /** 0 = calm, 1 = furious. The handoff rule compares this to a threshold (default 0.7). */
  score: number
  label: 'calm' | 'neutral' | 'frustrated' | 'angry'
}

/** A symptom that makes a fault a safety case: stop using it now, urgent ticket. */
export type SafetySymptom = 'fire' | 'smoke' | 'sparks' | 'burning' | 'swelling' | 'overheating'

/** After-sales cues of one message (src/core/nlu/detect-fault-cues.ts); negated mentions do not count. */
export type FaultCues = {
  /** The most severe safety symptom the customer reports ("有焦味", "battery is swollen"). */
  safety?: SafetySymptom
  /** An explicit request for repair / replacement / a technician / a ticket now ("直接给我修", "send someone"). */
  wantsRepairNow?: boolean
  /** The customer reports having tried something already ("试过了", "still nothing", "cleaned the port"). */
  alreadyTried?: boolean
  /** The customer asks for a new unit rather than a repair ("能直接换新吗", "can I get a replacement?"). */
  asksReplacement?: boolean
  /** "if it turns out faulty…", "万一坏了": a question about what would happen, not a fault report. */
  hypothetical?: boolean
  /** "换新还是寄修", "寄修要多久", "new one or a repair?": a question about the after-sales route or repair time. */
  asksPolicy?: boolean
  /** "只显示4G 没有5G", "no 5G": the mobile network generation the customer misses. */
  missingNetwork?: '5G'
  /** "no swelling or burning smell though": the customer rules the safety symptoms out. */
  safetyDenied?: boolean
  /** "还能先插电用着吗", "can I still use it?": whether the device may be used meanwhile. */
  asksKeepUsing?: boolean
  /** "关了佩戴检测就好了", "that fixed it": the customer reports the problem is gone. */
  fixed?: boolean
  /** "is it broken?", "是坏了吗", "正常吗": whether it is a fault at all, before any repair. */
  asksIfFaulty?: boolean
}

export type IntentCandidate = { intent: Intent; confidence: number }

export type NluResult = {
  intent: Intent
  /** Calibrated probability of `intent`; below the pipeline's threshold it asks to clarify. */
  confidence: number
  /** Top candidates, best first (includes `intent`). */
  candidates: IntentCandidate[]
  entities: Entity[]
  emotion: Emotion
  locale: Locale
  /** After-sales cues; absent when the message has none. */
  cues?: FaultCues
}

/** Anything that can understand a message. The default is the offline model in core/nlu. */
export type NluEngine = {
  analyze(text: string): NluResult
}
