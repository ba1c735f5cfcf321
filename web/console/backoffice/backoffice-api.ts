/**
 * The back office's HTTP client: knowledge (FAQ review workflow, search preview, mined candidates),
 * tickets, analytics, shop settings and staff accounts. Same session cookie + `x-kefu-csrf` as the desk.
 */
import type { DailyMetrics, MetricsSummary } from '../../../src/core/analytics/compute-metrics.js'
import type { FieldDiff } from '../../../src/core/knowledge/review-workflow.js'
import type { KnowledgeAnswer, KnowledgeHit } from '../../../src/core/knowledge/types.js'
import type { FaqCandidate } from '../../../src/core/knowledge/unanswered-questions.js'
import { ApiError, type StaffAccountView, type StaffRole } from '../agent-client.js'

export type { DailyMetrics, FaqCandidate, FieldDiff, MetricsSummary }
export { ApiError }

export type FaqStatus = 'draft' | 'in_review' | 'published' | 'archived'
export type Faq = {
  id: string
  question: string
  answer: string
  similar: string[]
  category: string
  locale: 'zh' | 'en'
  status: FaqStatus
}
export type FaqVersion = {
  version: number
  status: FaqStatus
  data: Record<string, unknown>
  author: string
  note: string
  createdAt: string
  diff: FieldDiff[]
}
export type SearchPreview = { query: string; decision: string; answer: KnowledgeAnswer; hits: KnowledgeHit[] }
export type TicketStatus = 'open' | 'assigned' | 'in_progress' | 'waiting_customer' | 'resolved' | 'closed'
export const TICKET_STATUS_LIST: TicketStatus[] = [
  'open',
  'assigned',
  'in_progress',
  'waiting_customer',
  'resolved',
  'closed',
]
export type Ticket = {
  id: string
  conversationId: string | null
  customerId: string | null
  queue: string
  category: string
  priority: string
  status: TicketStatus
  assignee: string | null
  subject: string
  data: Record<string, unknown>
  slaDueAt: string
  createdAt: string
  updatedAt: string
  slaBreached: boolean
  comments?: Array<{ id: string; author: string; text: string; createdAt: string }>
}
export type Assignee = {
  id: string
  name: string
  kind: 'staff' | 'queue'
  role?: string
  status?: string
  queues: string[]
}
/** A report request: no `from`/`to` = the last 7 days in the shop's time zone; no channel = all. */
export type ReportQuery = { from?: string; to?: string; channel?: string }
export type Notice = { kind?: string; type?: string; sentAt?: string; createdAt?: string } & Record<string, unknown>
export type ProductSummary = {
  sku: string
  title: string
  titleEn: string | null
  brand: string
  category: string
  price: number
  currency: string
  stock: number
}
export type ProductNode = {
  product: ProductSummary & {
    attributes: Record<string, unknown>
    description: string
    aliases?: string[]
    related?: string[]
  }
  variants: Array<{ name: string; values: string[]; valuesEn?: string[] }>
  related: ProductSummary[]
  missingRelated: string[]
  alternatives: ProductSummary[]
  brandProducts: number
  categoryProducts: number
  faults: Array<{ id: string; category: string; symptom: string; locale: string }>
}
export type FaultNode = {
  id: string
  symptom: string
  similar: string[]
  questions: string[]
  solutions: string[]
  escalate: { queue: string; priority: string }
  locale: string
}
export type FaultCategory = { category: string; products: number; faults: FaultNode[] }
export type ShopView = { id: string; name: string; demo: boolean; settings: Record<string, unknown> }

const qs = (params: Record<string, string | number | undefined>) => {
  const u = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') u.set(k, String(v))
  const s = u.toString()
  return s ? `?${s}` : ''
}

export class BackofficeApi {
  constructor(
    private readonly csrf: string,
    private readonly base = '',
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response
    try {
      res = await fetch(`${this.base}/api/v1${path}`, {
        method,
        credentials: 'same-origin',
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(method !== 'GET' ? { 'x-kefu-csrf': this.csrf } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      })
    } catch (e) {
      throw new ApiError(0, 'network', e instanceof Error ? e.message : 'network error')
    }
    const json = (await res.json().catch(() => null)) as
      | (T & { error?: { code?: string; message?: string; details?: Record<string, unknown> } })
      | null
    if (!res.ok) {
      const err = json?.error
      throw new ApiError(res.status, err?.code ?? 'internal', err?.message ?? `HTTP ${res.status}`, err?.details)
    }
    return json as T
  }

  // Knowledge
  listFaq(f: { q?: string; status?: string; locale?: string }): Promise<{ items: Faq[]; total: number }> {
    return this.call('GET', `/admin/faq${qs({ ...f, limit: 500 })}`)
  }
  getFaq(id: string): Promise<{ entry: Faq; live: Faq | null; version: number }> {
    return this.call('GET', `/admin/faq/${encodeURIComponent(id)}`)
  }
  createFaq(draft: Omit<Faq, 'status'>): Promise<{ entry: Faq }> {
    return this.call('POST', '/admin/faq', draft)
  }
  updateFaq(id: string, patch: Partial<Omit<Faq, 'id' | 'status'>> & { baseVersion?: number }) {
    return this.call<{ entry: Faq }>('PATCH', `/admin/faq/${encodeURIComponent(id)}`, patch)
  }
  transition(id: string, action: 'submit' | 'publish' | 'archive', note?: string): Promise<{ entry: Faq }> {
    return this.call('POST', `/admin/faq/${encodeURIComponent(id)}/${action}`, note ? { note } : {})
  }
  versions(id: string): Promise<{ versions: FaqVersion[] }> {
    return this.call('GET', `/admin/faq/${encodeURIComponent(id)}/versions`)
  }
  rollback(id: string, version: number): Promise<{ entry: Faq }> {
    return this.call('POST', `/admin/faq/${encodeURIComponent(id)}/rollback`, { version })
  }
  preview(q: string, locale?: string): Promise<SearchPreview> {
    return this.call('GET', `/admin/knowledge/search${qs({ q, locale, limit: 5 })}`)
  }
  candidates(): Promise<{ candidates: FaqCandidate[] }> {
    return this.call('GET', '/admin/knowledge/candidates?limit=50')
  }

  // Product and fault graphs
  categories(): Promise<{ categories: Array<{ category: string; products: number }>; products: number }> {
    return this.call('GET', '/admin/catalog/categories')
  }
  products(f: { q?: string; category?: string; cursor?: string; limit?: number }) {
    return this.call<{ items: ProductSummary[]; total: number; next: string | null }>(
      'GET',
      `/admin/catalog/products${qs({ limit: 25, ...f })}`,
    )
  }
  product(sku: string): Promise<ProductNode> {
    return this.call('GET', `/admin/catalog/products/${encodeURIComponent(sku)}`)
  }
  faults(f: { q?: string; category?: string; locale?: string }) {
    return this.call<{ categories: FaultCategory[]; total: number; all: number }>(
      'GET',
      `/admin/catalog/faults${qs(f)}`,
    )
  }

  // Tickets
  tickets(f: { status?: string; slaBreached?: string }): Promise<{ tickets: Ticket[] }> {
    return this.call('GET', `/admin/tickets${qs({ ...f, limit: 200 })}`)
  }
  assignees(): Promise<{ assignees: Assignee[] }> {
    return this.call('GET', '/admin/tickets/assignees')
  }
  ticket(id: string): Promise<Ticket> {
    return this.call('GET', `/admin/tickets/${encodeURIComponent(id)}`)
  }
  patchTicket(id: string, patch: { status?: TicketStatus; assignee?: string | null }): Promise<Ticket> {
    return this.call('PATCH', `/admin/tickets/${encodeURIComponent(id)}`, patch)
  }
  comment(id: string, text: string): Promise<unknown> {
    return this.call('POST', `/admin/tickets/${encodeURIComponent(id)}/comments`, { text })
  }

  // Analytics
  // Days are the shop's (its time zone, server side).
  summary(q: ReportQuery): Promise<MetricsSummary> {
    return this.call('GET', `/admin/analytics/summary${qs(q)}`)
  }
  timeseries(q: ReportQuery): Promise<{ days: DailyMetrics[] }> {
    return this.call('GET', `/admin/analytics/timeseries${qs(q)}`)
  }
  notices(): Promise<{ notices?: Notice[]; items?: Notice[] }> {
    return this.call('GET', '/admin/proactive/notices?limit=500')
  }

  // Settings
  shop(): Promise<ShopView> {
    return this.call('GET', '/admin/shop')
  }
  patchSettings(patch: Record<string, unknown>): Promise<ShopView> {
    return this.call('PATCH', '/admin/shop/settings', patch)
  }
  widget(): Promise<{ shopId: string; widgetSecret: string }> {
    return this.call('GET', '/admin/shop/widget')
  }
  staff(): Promise<{ staff: StaffAccountView[] }> {
    return this.call('GET', '/admin/staff')
  }
  addStaff(a: { username: string; displayName: string; role: StaffRole; password: string }) {
    return this.call<{ account: StaffAccountView }>('POST', '/admin/staff', a)
  }
  resetPassword(id: string, password: string): Promise<unknown> {
    return this.call('POST', `/admin/staff/${encodeURIComponent(id)}/password`, { password })
  }
  removeStaff(id: string): Promise<unknown> {
    return this.call('DELETE', `/admin/staff/${encodeURIComponent(id)}`)
  }
}
