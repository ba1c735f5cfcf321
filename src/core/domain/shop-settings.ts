/**
 * The per-shop settings a merchant may change (admin API `PATCH /api/v1/admin/shop/settings`,
 * `kefu shop settings --set FILE`). Strict: a misspelt key or a value out of range is an error with
 * its path, never silently ignored. The skills read these keys (see docs/dialogue.md).
 */
import { z } from 'zod'
import { routingSettingsSchema } from '../routing/routing-settings.js'

const prob = z.number().min(0).max(1)
const nonNeg = z.number().min(0)

const policy = z
  .object({
    intentThreshold: prob,
    emotionHandoffThreshold: prob,
    maxFailedTurns: z.number().int().min(1).max(100),
    knowledgeFirstIntents: z.array(z.string()),
    handoffOnRequest: z.boolean(),
    requireVerification: z.boolean(),
    verificationMaxFailuresPerOrder: z.number().int().min(1).max(1000),
    verificationMaxFailuresPerClient: z.number().int().min(1).max(100_000),
    verificationWindowMinutes: z.number().int().min(1).max(100_000),
    verifiedWriteMaxAgeMinutes: z.number().int().min(1).max(100_000),
  })
  .partial()
  .strict()

const returns = z
  .object({
    noReasonDays: nonNeg,
    qualityIssueDays: nonNeg,
    exchangeDays: nonNeg,
    refundDays: nonNeg,
    customerPaysShipping: z.boolean(),
    noReasonNeedsUnused: z.boolean(),
    returnAddress: z.string().min(1).max(500),
    /** How long a refund takes to arrive, per payment method, in each language (said as given). */
    refundTiming: z.record(
      z.enum(['alipay', 'wechat', 'huabei', 'bank_card', 'credit_card']),
      z.object({ zh: z.string().min(1).max(200), en: z.string().min(1).max(200) }).strict(),
    ),
    nonReturnable: z.array(
      z
        .object({
          category: z.string().min(1),
          onlyIfOpened: z.boolean().optional(),
          reasonZh: z.string().optional(),
          reasonEn: z.string().optional(),
        })
        .strict(),
    ),
  })
  .partial()
  .strict()

const tickets = z
  .object({
    queues: z.record(
      z.string().min(1),
      z.object({ agents: z.array(z.string().min(1)).min(1), category: z.string().optional() }).strict(),
    ),
    slaHours: z
      .object({
        urgent: z.number().positive(),
        high: z.number().positive(),
        normal: z.number().positive(),
        low: z.number().positive(),
      })
      .partial()
      .strict(),
    defaultQueue: z.string().min(1),
  })
  .partial()
  .strict()

/** Order-level promotions the bot computes ("每满300减30"): a window and a step discount. */
const promotions = z.array(
  z
    .object({
      nameZh: z.string().min(1).max(100),
      nameEn: z.string().min(1).max(100),
      /** ISO timestamps, inclusive. */
      from: z.string().datetime({ offset: true }),
      until: z.string().datetime({ offset: true }),
      /** Every `everyAmount` of the items' total takes `off` off, up to `maxOff` when set. */
      everyAmount: z.number().positive(),
      off: z.number().positive(),
      maxOff: z.number().positive().optional(),
    })
    .strict()
    .refine((p) => Date.parse(p.until) >= Date.parse(p.from), {
      message: 'until must not be before from',
      path: ['until'],
    })
    .refine((p) => p.off < p.everyAmount, { message: 'off must be less than everyAmount', path: ['off'] }),
)

/** Shop coupons the bot adds to a computation when asked ("再用新人券呢"): a minimum spend and an amount off. */
const coupons = z.array(
  z
    .object({
      nameZh: z.string().min(1).max(100),
      nameEn: z.string().min(1).max(100),
      /** The total (after spend-and-save promotions) the coupon needs. */
      minSpend: z.number().nonnegative(),
      off: z.number().positive(),
      /** Only for newly registered customers (a welcome coupon). */
      newCustomersOnly: z.boolean().optional(),
    })
    .strict(),
)

/**
 * Payment terms the bot computes with: hours an unpaid order is held before it is cancelled, instalment
 * counts and which are interest-free (for items of some categories reaching a minimum), and points
 * (points per currency unit, the largest share of an amount they may pay).
 */
const payment = z
  .object({
    unpaidHoldHours: z
      .number()
      .positive()
      .max(24 * 60),
    instalments: z
      .object({
        counts: z.array(z.number().int().min(2).max(60)).min(1),
        interestFree: z
          .object({
            counts: z.array(z.number().int().min(2).max(60)),
            minAmount: nonNeg,
            categories: z.array(z.string().min(1)).optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    points: z
      .object({
        perUnit: z.number().positive(),
        maxShare: prob,
        /** Points earned per unit of money paid, and each customer tier's multiplier (others ×1). */
        earnPerUnit: z.number().positive().optional(),
        tierMultipliers: z.record(z.string().min(1), z.number().positive()).optional(),
      })
      .strict(),
  })
  .partial()
  .strict()

/** Invoices: hours after delivery within which the electronic invoice is issued. */
const invoice = z
  .object({
    issueAfterDeliveryHours: z
      .number()
      .positive()
      .max(24 * 365),
  })
  .partial()
  .strict()

/** Delivery time as a range of days ("5-7"), calendar or working days. */
const deliveryDays = z.string().regex(/^\d{1,2}(-\d{1,2})?$/, 'days, e.g. "3-5"')

/**
 * Shipping fees (skills/shipping-fee.ts): `standard` below `freeOver` (free from it), a paid carrier
 * `upgrade`, and per delivery region (xinjiang, tibet, qinghai, hong_kong, macau, taiwan, overseas) either a
 * `surcharge` on top of the usual fee (even when free), a `flat` fee instead of it, or `delivers: false`.
 */
const shippingRegion = z
  .object({
    surcharge: z.number().min(0).max(100_000),
    flat: z.number().min(0).max(100_000),
    delivers: z.boolean(),
    days: deliveryDays,
    workingDays: z.boolean(),
    carrierZh: z.string().min(1).max(40),
    carrierEn: z.string().min(1).max(40),
  })
  .partial()
  .strict()
const shippingFees = z
  .object({
    standard: z.number().min(0).max(100_000),
    freeOver: z.number().positive().max(1_000_000).optional(),
    days: deliveryDays.optional(),
    upgrade: z
      .object({ nameZh: z.string().min(1).max(40), nameEn: z.string().min(1).max(40), fee: z.number().min(0) })
      .strict()
      .optional(),
    regions: z
      .record(z.enum(['xinjiang', 'tibet', 'qinghai', 'hong_kong', 'macau', 'taiwan', 'overseas']), shippingRegion)
      .optional(),
  })
  .strict()

/**
 * When paid orders ship: paid before `sameDayCutoff` (shop clock, "HH:MM") ships the same day, else the
 * next day; every order ships within `shipWithinHours` of payment, `saleShipWithinHours` while one of
 * the shop's promotions runs. The bot computes an order's latest ship time from these.
 */
const shipping = z
  .object({
    sameDayCutoff: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM on the shop clock'),
    shipWithinHours: z
      .number()
      .positive()
      .max(24 * 60),
    saleShipWithinHours: z
      .number()
      .positive()
      .max(24 * 60),
    fees: shippingFees,
  })
  .partial()
  .strict()

const knowledge = z
  .object({
    synonyms: z.array(z.array(z.string().min(1)).min(2)),
    vocabulary: z.array(z.string().min(1)),
    thresholds: z.record(z.string(), z.number()),
  })
  .partial()
  .strict()

const llm = z.union([
  z.literal(false),
  z
    .object({
      enabled: z.boolean(),
      maxCallsPerConversation: z.number().int().min(0).max(10_000),
      outOfScopeConfidence: prob,
      maxTokens: z.number().int().min(16).max(8192),
      temperature: z.number().min(0).max(2),
      /** This shop's model on the deployment's provider (default: KEFU_LLM_MODEL). */
      model: z.string().trim().min(1).max(200),
      /** Name of this shop's key: the server reads it from KEFU_LLM_KEY_<NAME>; the key is never stored here. */
      apiKeyRef: z.string().regex(/^[A-Z0-9_]{1,64}$/, 'A-Z, 0-9 or _ (the key is read from KEFU_LLM_KEY_<NAME>)'),
      /** Price per million tokens, per model id: `{ "deepseek-chat": { "input": 2, "output": 8 } }`. */
      prices: z.record(
        z.string().min(1).max(200),
        z.object({ input: z.number().min(0).max(1e6), output: z.number().min(0).max(1e6) }).strict(),
      ),
      /** Currency of `prices` and `monthlyBudget` (label only). */
      currency: z.string().min(1).max(8),
      /** Spend per calendar month (UTC) after which the shop answers offline only. */
      monthlyBudget: z.number().min(0).max(1e9),
      /** Offer kefu's read-only skills to the model as tools (false for models without function calling). */
      tools: z.boolean(),
      /** Let the model pick the intent of a message the classifier is unsure about. */
      classify: z.boolean(),
      /** Longest wait for that label before the clarify path. */
      classifyTimeoutMs: z.number().int().min(100).max(60_000),
      /** true: this shop's chat model sees pictures; false: never send pictures (default: KEFU_LLM_VISION_MODEL). */
      vision: z.boolean(),
    })
    .partial()
    .strict(),
])

/** The shop's own contact details: the only ones an LLM answer may repeat to a customer. */
const contact = z
  .object({
    phone: z.string().min(3).max(40),
    email: z.string().email().max(200),
    url: z.string().url().max(500),
    wechat: z.string().min(2).max(60),
  })
  .partial()
  .strict()

/** How the shop's own customer tiers rank for the rules (0 = ordinary; built-in names rank 0–4). */
const customers = z
  .object({
    tierRanks: z.record(z.string().trim().min(1).max(64), z.number().int().min(0).max(100)),
  })
  .partial()
  .strict()

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/**
 * Settings a merchant may set. Each top-level key replaces the stored one as a whole; `null`
 * removes it (back to the defaults).
 */
export const shopSettingsPatchSchema = z
  .object({
    policy: policy.nullable(),
    returns: returns.nullable(),
    tickets: tickets.nullable(),
    promotions: promotions.nullable(),
    coupons: coupons.nullable(),
    payment: payment.nullable(),
    invoice: invoice.nullable(),
    shipping: shipping.nullable(),
    knowledge: knowledge.nullable(),
    llm: llm.nullable(),
    contact: contact.nullable(),
    /** Per-feature proactive switches; validated by the proactive module. */
    proactive: z.record(z.string(), z.unknown()).nullable(),
    /** Skill queues, business hours, offer timeout (docs/staff.md). */
    routing: routingSettingsSchema.nullable(),
    timezone: z.string().refine(validTimeZone, 'not a valid IANA time zone (e.g. Asia/Shanghai)').nullable(),
    /** ISO 4217 code: the currency of imported prices that name none. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY or USD')
      .nullable(),
    /** The shop's main language (customers whose language is unknown). */
    locale: z.enum(['zh', 'en']).nullable(),
    customers: customers.nullable(),
    /** Order numbers: letters that start the shop's order numbers (KF → KF202611240392). */
    orderNumbers: z
      .object({ prefixes: z.array(z.string().regex(/^[A-Za-z]{1,6}$/, 'letters only, at most 6')).max(10) })
      .strict()
      .nullable(),
  })
  .partial()
  .strict()

/** Applies a validated patch to stored settings, keeping kefu's internal keys. */
export function applySettingsPatch(
  current: Record<string, unknown>,
  patch: ShopSettingsPatch,
): Record<string, unknown> {
  const next: Record<string, unknown> = { ...current }
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete next[k]
    else if (v !== undefined) next[k] = v
  }
  return next
}
export type ShopSettingsPatch = z.infer<typeof shopSettingsPatchSchema>
