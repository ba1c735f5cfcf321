/**
 * Row types of the SQL schema (see migrations/), as Kysely sees them. JSON columns are TEXT,
 * timestamps ISO-8601 TEXT, booleans 0/1.
 */

export type ShopsTable = {
  id: string
  name: string
  widget_secret: string
  api_key: string
  demo: number
  settings: string
  created_at: string
}

type CatalogRow = { shop_id: string; data: string; updated_at: string }

export type ProductsTable = CatalogRow & {
  sku: string
  title: string
  category: string
  brand: string
  price: number
  stock: number
}

export type FaqTable = CatalogRow & { id: string; category: string; locale: string; status: string }

export type KnowledgeVersionsTable = {
  shop_id: string
  kind: string
  entry_id: string
  version: number
  status: string
  data: string
  author: string
  note: string
  created_at: string
}

export type CustomersTable = CatalogRow & { id: string; name: string; phone: string; tier: string }

export type OrdersTable = CatalogRow & {
  order_no: string
  customer_id: string
  status: string
  total: number
  created_at: string
}

export type ShipmentsTable = {
  shop_id: string
  order_no: string
  carrier: string
  tracking_no: string
  status: string
  eta: string | null
  events: string
  updated_at: string
}

export type FaultsTable = CatalogRow & { id: string; category: string }

export type ConversationsTable = {
  shop_id: string
  id: string
  customer_id: string | null
  channel: string
  status: string
  locale: string | null
  state: string
  created_at: string
  updated_at: string
  /** 0002: the platform's user and thread of a channel conversation (null for the widget/API). */
  external_user_id: string | null
  external_thread_id: string | null
}

export type MessagesTable = {
  shop_id: string
  id: string
  conversation_id: string
  seq: number
  role: string
  text: string
  meta: string
  created_at: string
}

export type TicketsTable = {
  shop_id: string
  id: string
  conversation_id: string | null
  customer_id: string | null
  queue: string
  category: string
  priority: string
  status: string
  assignee: string | null
  subject: string
  data: string
  sla_due_at: string
  created_at: string
  updated_at: string
}

export type TicketCommentsTable = {
  shop_id: string
  id: string
  ticket_id: string
  author: string
  text: string
  created_at: string
}

export type ReturnRequestsTable = {
  shop_id: string
  id: string
  order_no: string
  customer_id: string
  kind: string
  reason: string
  status: string
  items: string
  refund_amount: number
  created_at: string
  updated_at: string
}

export type EventsTable = {
  shop_id: string
  id: string
  type: string
  conversation_id: string | null
  data: string
  created_at: string
}

export type ChannelStateTable = {
  shop_id: string
  key: string
  value: string
  expires_at: string | null
  updated_at: string
}

export type ChannelCustomersTable = {
  shop_id: string
  channel: string
  external_user_id: string
  customer_id: string
  source: string
  updated_at: string
}

export type StaffAccountsTable = {
  shop_id: string
  id: string
  username: string
  display_name: string
  role: string
  password_hash: string
  status: string
  max_chats: number
  created_at: string
  updated_at: string
}

export type StaffSessionsTable = {
  id: string
  shop_id: string
  account_id: string
  csrf_token: string
  created_at: string
  expires_at: string
  revoked_at: string | null
}

export type AuditLogTable = {
  shop_id: string
  id: string
  actor_id: string
  actor_name: string
  actor_kind: string
  action: string
  target: string | null
  data: string
  created_at: string
}

/** The whole database, as Kysely's type parameter. */
export type Database = {
  shops: ShopsTable
  products: ProductsTable
  faq: FaqTable
  knowledge_versions: KnowledgeVersionsTable
  customers: CustomersTable
  orders: OrdersTable
  shipments: ShipmentsTable
  faults: FaultsTable
  conversations: ConversationsTable
  messages: MessagesTable
  tickets: TicketsTable
  ticket_comments: TicketCommentsTable
  return_requests: ReturnRequestsTable
  events: EventsTable
  channel_state: ChannelStateTable
  channel_customers: ChannelCustomersTable
  staff_accounts: StaffAccountsTable
  staff_sessions: StaffSessionsTable
  audit_log: AuditLogTable
}
