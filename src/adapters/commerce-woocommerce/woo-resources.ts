/**
 * The WooCommerce REST API v3 resources kefu reads, as lenient zod schemas: only the fields kefu
 * maps are declared, unknown fields pass through, and the ones WooCommerce leaves empty or null on
 * real shops ('' prices, null stock, missing phone) get defaults, so one odd product does not stop
 * a sync. Shapes follow the public REST API reference (woocommerce.github.io/woocommerce-rest-api-docs).
 */
import { z } from 'zod'

/** WooCommerce writes money as decimal strings (`"399.00"`), sometimes '' for "no price". */
const money = z.union([z.string(), z.number()]).nullish()
const text = z.string().nullish()

const metaSchema = z.object({ id: z.number().optional(), key: z.string(), value: z.unknown() }).passthrough()
export type WooMeta = z.infer<typeof metaSchema>

export const wooAddressSchema = z
  .object({
    first_name: text,
    last_name: text,
    company: text,
    address_1: text,
    address_2: text,
    city: text,
    state: text,
    postcode: text,
    country: text,
    email: text,
    phone: text,
  })
  .passthrough()
export type WooAddress = z.infer<typeof wooAddressSchema>

const term = z.object({ id: z.number().optional(), name: z.string(), slug: z.string().optional() }).passthrough()

export const wooProductSchema = z
  .object({
    id: z.number(),
    name: z.string().default(''),
    slug: z.string().optional(),
    /** simple | variable | grouped | external | variation (a variation read through /products/{id}). */
    type: z.string().default('simple'),
    status: z.string().default('publish'),
    parent_id: z.number().optional(),
    sku: text,
    price: money,
    regular_price: money,
    sale_price: money,
    manage_stock: z.union([z.boolean(), z.literal('parent')]).nullish(),
    stock_quantity: z.number().nullish(),
    /** instock | outofstock | onbackorder */
    stock_status: z.string().nullish(),
    description: text,
    short_description: text,
    categories: z.array(term).default([]),
    /** WooCommerce ≥ 9.6 ships a core brands taxonomy; older shops have none. */
    brands: z.array(term).optional(),
    images: z.array(z.object({ src: z.string() }).passthrough()).default([]),
    attributes: z
      .array(
        z
          .object({
            name: z.string(),
            /** Product level: the values offered. */
            options: z.array(z.string()).optional(),
            /** Variation level: this variation's value. */
            option: z.string().optional(),
          })
          .passthrough(),
      )
      .default([]),
    variations: z.array(z.number()).default([]),
    date_modified_gmt: text,
  })
  .passthrough()
export type WooProduct = z.infer<typeof wooProductSchema>

export const wooVariationSchema = z
  .object({
    id: z.number(),
    sku: text,
    price: money,
    regular_price: money,
    sale_price: money,
    status: z.string().default('publish'),
    manage_stock: z.union([z.boolean(), z.literal('parent')]).nullish(),
    stock_quantity: z.number().nullish(),
    stock_status: z.string().nullish(),
    attributes: z.array(z.object({ name: z.string(), option: z.string() }).passthrough()).default([]),
  })
  .passthrough()
export type WooVariation = z.infer<typeof wooVariationSchema>

export const wooCustomerSchema = z
  .object({
    id: z.number(),
    email: text,
    first_name: text,
    last_name: text,
    username: text,
    billing: wooAddressSchema.nullish(),
    shipping: wooAddressSchema.nullish(),
  })
  .passthrough()
export type WooCustomer = z.infer<typeof wooCustomerSchema>

export const wooLineItemSchema = z
  .object({
    id: z.number(),
    name: z.string().default(''),
    product_id: z.number().default(0),
    variation_id: z.number().default(0),
    quantity: z.number().default(0),
    sku: text,
    /** Unit price (a number in v3, after discounts); `total` is the line total as a string. */
    price: money,
    total: money,
    meta_data: z.array(metaSchema).default([]),
  })
  .passthrough()
export type WooLineItem = z.infer<typeof wooLineItemSchema>

export const wooOrderSchema = z
  .object({
    id: z.number(),
    number: z.union([z.string(), z.number()]).optional(),
    /** pending | processing | on-hold | completed | cancelled | refunded | failed | trash (+ plugin statuses). */
    status: z.string(),
    currency: z.string().default(''),
    total: money,
    customer_id: z.number().default(0),
    billing: wooAddressSchema.nullish(),
    shipping: wooAddressSchema.nullish(),
    line_items: z.array(wooLineItemSchema).default([]),
    meta_data: z.array(metaSchema).default([]),
    refunds: z.array(z.object({ id: z.number(), total: money }).passthrough()).default([]),
    date_created_gmt: text,
    date_modified_gmt: text,
    date_paid_gmt: text,
    date_completed_gmt: text,
  })
  .passthrough()
export type WooOrder = z.infer<typeof wooOrderSchema>

/** The error body of every WooCommerce REST failure. */
export const wooErrorSchema = z
  .object({
    code: z.string(),
    message: z.string().default(''),
    data: z.object({ status: z.number().optional() }).passthrough().nullish(),
  })
  .passthrough()
export type WooErrorBody = z.infer<typeof wooErrorSchema>
