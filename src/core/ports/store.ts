/**
 * The storage port. Two adapters implement it (SQLite, PostgreSQL) and both
 * pass test/contract/store.contract.ts. Every method is scoped by shop id:
 * one store holds many shops.
 */
import type {
  ChannelCustomerLink,
  Conversation,
  ConversationStatus,
  DomainEvent,
  KnowledgeVersion,
  Message,
  ReturnRequest,
  Shop,
  Ticket,
  TicketComment,
  TicketStatus,
} from '../domain/records.js'
import type { Customer, FaqEntry, Fault, Order, Product } from '../domain/schemas.js'
import type { AuditEntry, StaffAccount, StaffSession } from '../domain/staff-records.js'
import type { ChannelStateStore } from './channel-state.js'

export type Page = { limit?: number; offset?: number }

export type TicketFilter = Page & {
  status?: TicketStatus
  queue?: string
  assignee?: string
  customerId?: string
  conversationId?: string
}

/**
 * The writes of one chat turn (Store.writeTurn), stored in one transaction: all of them or none.
 * Messages are appended in order, each with the conversation's next seq; then the conversation
 * patch (as conversations.update, also the not_found check), then the events.
 */
export type TurnWrites = {
  shopId: string
  conversationId: string
  messages: ReadonlyArray<Omit<Message, 'seq'>>
  conversation?: Partial<Pick<Conversation, 'state' | 'status' | 'locale' | 'customerId' | 'updatedAt'>>
  events: readonly DomainEvent[]
}

export type StaffPatch = Partial<
  Pick<StaffAccount, 'displayName' | 'role' | 'passwordHash' | 'status' | 'maxChats' | 'updatedAt'>
>

export type Store = {
  readonly specificationVersion: 'v1'
  readonly dialect: 'sqlite' | 'postgres'
  /** Applies pending migrations; idempotent. */
  migrate(): Promise<void>
  /** Throws when the database cannot answer a trivial query. */
  ping(): Promise<void>
  close(): Promise<void>
  /** Runs `fn` in one database transaction: all of its writes or none. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>
  /**
   * A turn's writes in one transaction, with the fewest statements the store can (SQLite: one
   * synchronous batch of prepared statements). Returns the stored messages, with their seq, in order.
   * Optional: without it the caller runs `transaction` with the single appends.
   */
  writeTurn?(w: TurnWrites): Promise<Message[]>

  shops: {
    get(id: string): Promise<Shop | null>
    upsert(shop: Shop): Promise<void>
    list(): Promise<Shop[]>
    /**
     * Deletes everything the shop holds (catalog, FAQ and its history, customers, orders, faults,
     * conversations, messages, tickets, returns, events) in one transaction; the shop itself, its
     * keys and settings stay. Used to reload the demo shop.
     */
    purgeData(id: string): Promise<void>
  }
  products: {
    upsertMany(shopId: string, rows: Product[]): Promise<void>
    get(shopId: string, sku: string): Promise<Product | null>
    /** The stored products among these SKUs (any order; missing SKUs are left out). */
    getMany(shopId: string, skus: readonly string[]): Promise<Product[]>
    /** Deletes these SKUs (undoing a failed import); returns how many were deleted. */
    deleteMany(shopId: string, skus: readonly string[]): Promise<number>
    /** By SKU; `afterSku` continues after that SKU (keyset paging, stable while rows are added). */
    list(shopId: string, page?: Page & { category?: string; afterSku?: string }): Promise<Product[]>
    count(shopId: string): Promise<number>
  }
  /** Current head of each FAQ entry (any status); history is in `knowledge`. */
  faq: {
    upsertMany(shopId: string, rows: FaqEntry[]): Promise<void>
    get(shopId: string, id: string): Promise<FaqEntry | null>
    list(shopId: string, page?: Page & { status?: FaqEntry['status']; locale?: string }): Promise<FaqEntry[]>
    count(shopId: string): Promise<number>
    delete(shopId: string, id: string): Promise<boolean>
  }
  knowledge: {
    /** Appends a version; `version` is assigned by the store (max + 1) and returned. */
    addVersion(v: Omit<KnowledgeVersion, 'version'>): Promise<KnowledgeVersion>
    listVersions(shopId: string, kind: 'faq', entryId: string): Promise<KnowledgeVersion[]>
  }
  customers: {
    upsertMany(shopId: string, rows: Customer[]): Promise<void>
    get(shopId: string, id: string): Promise<Customer | null>
    list(shopId: string, page?: Page): Promise<Customer[]>
    count(shopId: string): Promise<number>
  }
  /** Orders come back with their shipment (stored in its own table) attached. */
  orders: {
    upsertMany(shopId: string, rows: Order[]): Promise<void>
    get(shopId: string, orderNo: string): Promise<Order | null>
    listByCustomer(shopId: string, customerId: string): Promise<Order[]>
    /** Partial update of status / address (modify and cancel skills). */
    update(shopId: string, orderNo: string, patch: Partial<Pick<Order, 'status' | 'address'>>): Promise<void>
    list(shopId: string, page?: Page & { status?: Order['status'] }): Promise<Order[]>
    count(shopId: string): Promise<number>
  }
  faults: {
    upsertMany(shopId: string, rows: Fault[]): Promise<void>
    get(shopId: string, id: string): Promise<Fault | null>
    list(shopId: string): Promise<Fault[]>
    count(shopId: string): Promise<number>
  }
  conversations: {
    create(c: Conversation): Promise<void>
    get(shopId: string, id: string): Promise<Conversation | null>
    /**
     * The conversation and the seq of its newest message (0 when it has none), read in one statement:
     * a caller that kept the conversation's latest messages knows from `lastSeq` whether they are
     * still the latest (messages are only ever appended). Optional.
     */
    getWithLastSeq?(shopId: string, id: string): Promise<{ conversation: Conversation; lastSeq: number } | null>
    /** Updates state/status/locale/customerId and bumps updatedAt. */
    update(
      shopId: string,
      id: string,
      patch: Partial<Pick<Conversation, 'state' | 'status' | 'locale' | 'customerId' | 'updatedAt'>>,
    ): Promise<void>
    list(shopId: string, page?: Page & { status?: ConversationStatus; customerId?: string }): Promise<Conversation[]>
    /**
     * The most recently active conversation of this platform user on `channel` that is not closed;
     * when `externalThreadId` is given it must match too. Null when there is none.
     */
    findOpenByExternal(
      shopId: string,
      channel: string,
      externalUserId: string,
      externalThreadId?: string,
    ): Promise<Conversation | null>
  }
  messages: {
    /** Assigns `seq` (per conversation, from 1) and returns the stored message. */
    append(m: Omit<Message, 'seq'>): Promise<Message>
    /**
     * Messages in seq order: after `afterSeq`, at most `limit`; with `latest`, the last `limit` of them
     * (a turn's history, read without knowing the newest seq).
     */
    list(
      shopId: string,
      conversationId: string,
      opts?: { afterSeq?: number; limit?: number; latest?: boolean },
    ): Promise<Message[]>
  }
  tickets: {
    create(t: Ticket): Promise<void>
    get(shopId: string, id: string): Promise<Ticket | null>
    update(shopId: string, id: string, patch: Partial<Omit<Ticket, 'id' | 'shopId' | 'createdAt'>>): Promise<void>
    list(shopId: string, filter?: TicketFilter): Promise<Ticket[]>
    addComment(c: TicketComment): Promise<void>
    listComments(shopId: string, ticketId: string): Promise<TicketComment[]>
  }
  returns: {
    create(r: ReturnRequest): Promise<void>
    get(shopId: string, id: string): Promise<ReturnRequest | null>
    update(shopId: string, id: string, patch: Partial<Pick<ReturnRequest, 'status' | 'updatedAt'>>): Promise<void>
    listByOrder(shopId: string, orderNo: string): Promise<ReturnRequest[]>
  }
  /**
   * Small shared state of channels (idempotency claims, access tokens, cursors), with expiry read
   * against the store's clock. `claimOnce` is atomic across connections and instances.
   */
  channelState: ChannelStateStore
  /** Platform user → shop customer (merchant-provided or learned from a verification). */
  channelCustomers: {
    get(shopId: string, channel: string, externalUserId: string): Promise<ChannelCustomerLink | null>
    /** Insert or replace. */
    set(link: ChannelCustomerLink): Promise<void>
    delete(shopId: string, channel: string, externalUserId: string): Promise<boolean>
    list(shopId: string, page?: Page & { channel?: string }): Promise<ChannelCustomerLink[]>
  }
  events: {
    append(e: DomainEvent): Promise<void>
    list(
      shopId: string,
      opts?: Page & { type?: string; conversationId?: string; since?: string },
    ): Promise<DomainEvent[]>
  }
  /** The shop's people. Usernames are unique per shop (`conflict` on a duplicate). */
  staff: {
    create(a: StaffAccount): Promise<void>
    get(shopId: string, id: string): Promise<StaffAccount | null>
    getByUsername(shopId: string, username: string): Promise<StaffAccount | null>
    /** By username. */
    list(shopId: string): Promise<StaffAccount[]>
    /** `not_found` when the account does not exist. */
    update(shopId: string, id: string, patch: StaffPatch): Promise<void>
    /** Deletes the account and its sessions; false when it did not exist. */
    delete(shopId: string, id: string): Promise<boolean>
  }
  /** Sign-in sessions, looked up by the hash of the cookie's token. */
  staffSessions: {
    create(s: StaffSession): Promise<void>
    get(id: string): Promise<StaffSession | null>
    revoke(id: string, at: string): Promise<void>
    /** Revokes every live session of an account (password reset, removal); returns how many. */
    revokeAll(shopId: string, accountId: string, at: string): Promise<number>
  }
  /** Who did what: append-only, newest first when listed. */
  audit: {
    append(e: AuditEntry): Promise<void>
    list(shopId: string, opts?: Page & { actorId?: string; action?: string; since?: string }): Promise<AuditEntry[]>
  }
}
