/**
 * Import formats and domain records. One zod schema per record kind; the
 * importers, the demo shop and the stores all use these, so they are the
 * contract between data files and the rest of kefu.
 */
import { z } from 'zod'

export const LOCALES = ['zh', 'en'] as const
export const localeSchema = z.enum(LOCALES)
export type Locale = z.infer<typeof localeSchema>

const range = z.tuple([z.number(), z.number()])

/** The full locale tag an import carried when it said more than the language (`zh-Hant-TW`, `en-GB`). */
const localeTagSchema = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 tag such as zh-CN or en-GB')
  .max(35)

/** One row of a size chart: a size label and the body ranges it fits. */
export const sizeChartRowSchema = z
  .object({
    size: z.string().min(1),
    heightCm: range.optional(),
    weightKg: range.optional(),
    chestCm: range.optional(),
    waistCm: range.optional(),
    hipCm: range.optional(),
    footLengthMm: range.optional(),
    eu: z.number().optional(),
    us: z.number().optional(),
  })
  .strict()

export const sizeChartSchema = z.object({ rows: z.array(sizeChartRowSchema).min(1) }).strict()
export type SizeChart = z.infer<typeof sizeChartSchema>

export const productSchema = z
  .object({
    sku: z.string().min(1).max(64),
    title: z.string().min(1).max(300),
    /** Hierarchical, slash separated: `apparel/down-jacket`, `electronics/phone`. */
    category: z.string().min(1).max(100),
    brand: z.string().min(1).max(100),
    price: z.number().nonnegative(),
    currency: z.string().length(3).default('CNY'),
    stock: z.number().int().nonnegative(),
    /** Free-form specs: material, colours[], sizes[], battery, wirelessCharging, warrantyMonths… */
    attributes: z.record(z.string(), z.unknown()).default({}),
    description: z.string().max(5000).default(''),
    sizeChart: sizeChartSchema.optional(),
    images: z.array(z.string()).optional(),
    locale: localeSchema.optional(),
    localeTag: localeTagSchema.optional(),
    /** Other names customers use: model numbers, nicknames, the other language's title. */
    aliases: z.array(z.string()).optional(),
    /** SKUs of related / alternative products. */
    related: z.array(z.string()).optional(),
    /** Set when the price dropped; used by price alerts. */
    listPrice: z.number().nonnegative().optional(),
  })
  .strict()
export type Product = z.infer<typeof productSchema>

export const KNOWLEDGE_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const
export type KnowledgeStatus = (typeof KNOWLEDGE_STATUSES)[number]

export const faqSchema = z
  .object({
    id: z.string().min(1).max(64),
    question: z.string().min(1).max(1000),
    answer: z.string().min(1).max(5000),
    similar: z.array(z.string().min(1).max(1000)).default([]),
    category: z.string().min(1).max(100),
    locale: localeSchema,
    localeTag: localeTagSchema.optional(),
    /** Imported entries are published unless the file says otherwise. */
    status: z.enum(KNOWLEDGE_STATUSES).default('published'),
  })
  .strict()
export type FaqEntry = z.infer<typeof faqSchema>

export const customerSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(100),
    phone: z.string().regex(/^\+?[0-9 -]{6,20}$/, 'phone must be digits, optionally with +, spaces or dashes'),
    /**
     * The shop's own tier name (normal, VIP1, 黄金会员…); rules use its rank (customer-tier.ts:
     * `settings.customers.tierRanks`, then the built-in regular < silver < gold < platinum < vip).
     */
    tier: z.string().trim().min(1).max(64).default('regular'),
    locale: localeSchema.optional(),
    localeTag: localeTagSchema.optional(),
    email: z.string().email().optional(),
    /** Profile used by size advice and recommendations. */
    profile: z
      .object({
        heightCm: z.number().positive().optional(),
        weightKg: z.number().positive().optional(),
        gender: z.enum(['female', 'male', 'other']).optional(),
        interests: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
export type Customer = z.infer<typeof customerSchema>

export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  'refunding',
  'refunded',
] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export const trackingEventSchema = z
  .object({
    time: z.string().datetime({ offset: true }),
    location: z.string().max(200).default(''),
    description: z.string().min(1).max(500),
  })
  .strict()
export type TrackingEvent = z.infer<typeof trackingEventSchema>

export const shipmentSchema = z
  .object({
    carrier: z.string().min(1).max(100),
    trackingNo: z.string().min(1).max(64),
    eta: z.string().datetime({ offset: true }).optional(),
    /** `exception` = lost/damaged/returned to sender; `delayed` = past ETA without delivery. */
    status: z.enum(['in_transit', 'delivered', 'delayed', 'exception']).default('in_transit'),
    events: z.array(trackingEventSchema).default([]),
  })
  .strict()
export type Shipment = z.infer<typeof shipmentSchema>

export const addressSchema = z
  .object({
    name: z.string().min(1).max(100),
    phone: z.string().min(6).max(20),
    region: z.string().max(200).default(''),
    detail: z.string().min(1).max(500),
  })
  .strict()
export type Address = z.infer<typeof addressSchema>

export const orderItemSchema = z
  .object({
    sku: z.string().min(1),
    qty: z.number().int().positive(),
    price: z.number().nonnegative(),
    title: z.string().optional(),
    size: z.string().optional(),
    color: z.string().optional(),
  })
  .strict()
export type OrderItem = z.infer<typeof orderItemSchema>

export const orderSchema = z
  .object({
    orderNo: z.string().min(1).max(64),
    customerId: z.string().min(1),
    status: z.enum(ORDER_STATUSES),
    items: z.array(orderItemSchema).min(1),
    total: z.number().nonnegative(),
    currency: z.string().length(3).default('CNY'),
    createdAt: z.string().datetime({ offset: true }),
    paidAt: z.string().datetime({ offset: true }).optional(),
    deliveredAt: z.string().datetime({ offset: true }).optional(),
    address: addressSchema.optional(),
    shipment: shipmentSchema.optional(),
  })
  .strict()
export type Order = z.infer<typeof orderSchema>

export const faultSchema = z
  .object({
    id: z.string().min(1).max(64),
    /** Product category the fault applies to, e.g. `electronics/phone`, `electronics/earbuds`. */
    category: z.string().min(1),
    symptom: z.string().min(1).max(500),
    similar: z.array(z.string()).default([]),
    /** Diagnostic questions asked before the solutions, in order. */
    questions: z.array(z.string().min(1)).default([]),
    /** Solutions proposed one at a time, in order. */
    solutions: z.array(z.string().min(1)).min(1),
    escalate: z.object({ queue: z.string().min(1), priority: z.enum(['low', 'normal', 'high', 'urgent']) }).strict(),
    locale: localeSchema.default('zh'),
    localeTag: localeTagSchema.optional(),
  })
  .strict()
export type Fault = z.infer<typeof faultSchema>

export const IMPORT_KINDS = ['products', 'faq', 'customers', 'orders', 'faults'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

export const importSchemas = {
  products: productSchema,
  faq: faqSchema,
  customers: customerSchema,
  orders: orderSchema,
  faults: faultSchema,
} as const
