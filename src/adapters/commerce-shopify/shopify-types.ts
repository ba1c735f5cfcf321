/** The parts of Shopify Admin REST resources kefu reads (API version 2024-10). */

export type ShopifyVariant = {
  id: number
  product_id?: number
  title?: string
  price: string
  compare_at_price?: string | null
  sku?: string | null
  inventory_quantity?: number | null
  option1?: string | null
  option2?: string | null
  option3?: string | null
}

export type ShopifyProduct = {
  id: number
  title: string
  body_html?: string | null
  vendor?: string | null
  product_type?: string | null
  status?: string
  tags?: string
  updated_at?: string
  variants: ShopifyVariant[]
  options?: Array<{ name: string; values?: string[] }>
  images?: Array<{ src: string }>
}

export type ShopifyAddress = {
  first_name?: string | null
  last_name?: string | null
  name?: string | null
  phone?: string | null
  address1?: string | null
  address2?: string | null
  city?: string | null
  province?: string | null
  zip?: string | null
  country?: string | null
}

export type ShopifyCustomer = {
  id: number
  first_name?: string | null
  last_name?: string | null
  email?: string | null
  phone?: string | null
  tags?: string
  default_address?: ShopifyAddress | null
  updated_at?: string
}

export type ShopifyLineItem = {
  id: number
  sku?: string | null
  title: string
  variant_title?: string | null
  variant_id?: number | null
  quantity: number
  price: string
}

export type ShopifyFulfillment = {
  id: number
  status?: string
  created_at: string
  updated_at?: string
  tracking_company?: string | null
  tracking_number?: string | null
  shipment_status?: string | null
  estimated_delivery_at?: string | null
}

export type ShopifyOrder = {
  id: number
  name: string
  email?: string | null
  phone?: string | null
  created_at: string
  updated_at?: string
  processed_at?: string | null
  cancelled_at?: string | null
  closed_at?: string | null
  financial_status?: string | null
  fulfillment_status?: string | null
  currency: string
  total_price: string
  tags?: string
  note?: string | null
  customer?: { id: number; phone?: string | null } | null
  line_items: ShopifyLineItem[]
  shipping_address?: ShopifyAddress | null
  fulfillments?: ShopifyFulfillment[]
}
