/**
 * kefu's read-only skills offered to the model as tools: find the customer's orders, track one of
 * them, search products, check one product's price and stock. Arguments are the model's JSON, checked
 * with zod before anything runs; orders are only ever the current customer's (signed in or verified):
 * another customer's order number answers exactly like an unknown one. Every result is a fact: it is
 * labelled `[Fn]` for the model to cite and joins the facts the answer guard checks the final answer
 * against. Nothing here writes: the write tools (write-proposals.ts) only propose, and the dialogue
 * asks the customer to confirm before the skill acts.
 */
import { z } from 'zod'
import type { TurnContext } from '../dialogue/types.js'
import type { Customer } from '../domain/schemas.js'
import type { ToolCall, ToolSpec } from '../ports/language-model.js'
import { type Fact, orderFact, productFact } from './collect-facts.js'
import {
  isWriteTool,
  proposeWrite,
  WRITE_DESCRIPTIONS,
  WRITE_SCHEMAS,
  type WriteProposal,
  type WriteToolName,
} from './write-proposals.js'

const MAX_ORDERS = 5
const MAX_PRODUCTS = 3

const schemas = {
  find_orders: z.object({}).strict(),
  track_shipment: z.object({ orderNo: z.string().trim().min(4).max(40) }).strict(),
  search_products: z.object({ query: z.string().trim().min(1).max(100) }).strict(),
  check_stock: z.object({ sku: z.string().trim().min(1).max(40) }).strict(),
}
type ToolName = keyof typeof schemas

const DESCRIPTIONS: Record<ToolName, string> = {
  find_orders:
    "The current customer's most recent orders (status, items, totals, shipping). Needs a signed-in or verified customer.",
  track_shipment: "Status and latest tracking of one of the current customer's orders, by order number.",
  search_products: "Search the shop's catalog; returns up to 3 products with live price and stock.",
  check_stock: 'Live price and stock of one product, by SKU.',
}

let cachedSpecs: readonly ToolSpec[] | undefined

/**
 * The tool specs offered to the model: the same for every turn, so their JSON schemas are built once
 * (zod's toJSONSchema costs ~0.5 ms per turn, on the way to the model's first token).
 */
function toolSpecs(): ToolSpec[] {
  if (!cachedSpecs) {
    const spec = (name: string, schema: z.ZodType, description: string): ToolSpec => {
      const { $schema: _drop, ...parameters } = z.toJSONSchema(schema) as Record<string, unknown>
      return Object.freeze({ name, description, parameters: deepFreeze(parameters) })
    }
    cachedSpecs = Object.freeze([
      ...(Object.keys(schemas) as ToolName[]).map((name) => spec(name, schemas[name], DESCRIPTIONS[name])),
      ...(Object.keys(WRITE_SCHEMAS) as WriteToolName[]).map((name) =>
        spec(name, WRITE_SCHEMAS[name], WRITE_DESCRIPTIONS[name]),
      ),
    ])
  }
  return [...cachedSpecs]
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const x of Object.values(v)) deepFreeze(x)
    Object.freeze(v)
  }
  return v
}

export type ToolOutcome = {
  ok: boolean
  content: string
  facts: Fact[]
  error?: string
  /** A write the model proposed (not performed): the dialogue asks the customer to confirm it. */
  proposal?: WriteProposal
}

export type SkillTools = {
  specs: ToolSpec[]
  /** Runs one call; new facts are appended to `facts` (so their labels continue `[Fn]`). */
  run(call: ToolCall, facts: Fact[]): Promise<ToolOutcome>
}

/**
 * The tools for one turn, scoped to `customer` (null = anonymous: no order tools answer).
 *
 * @example
 * const tools = skillTools(ctx, customer)
 * await llm.generate({ messages, tools: tools.specs })
 */
export function skillTools(ctx: TurnContext, customer: Customer | null): SkillTools {
  const locale = ctx.locale
  const specs = toolSpecs()

  async function execute(name: ToolName, args: unknown): Promise<Fact[] | string> {
    switch (name) {
      case 'find_orders': {
        if (!customer) return 'not_verified'
        const orders = await ctx.store.orders.listByCustomer(ctx.shop.id, customer.id)
        const recent = [...orders].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, MAX_ORDERS)
        return Promise.all(recent.map((o) => orderFact(ctx, o, locale)))
      }
      case 'track_shipment': {
        if (!customer) return 'not_verified'
        const { orderNo } = schemas.track_shipment.parse(args)
        const o = await ctx.store.orders.get(ctx.shop.id, orderNo.toUpperCase())
        // Someone else's order answers exactly like one that does not exist.
        if (!o || o.customerId !== customer.id) return 'not_found'
        return [await orderFact(ctx, o, locale)]
      }
      case 'search_products': {
        const { query } = schemas.search_products.parse(args)
        const hits = await ctx.knowledge.search(query, { locale, kinds: ['product'], limit: MAX_PRODUCTS })
        const out: Fact[] = []
        for (const h of hits) {
          const p = h.score > 0 ? await ctx.store.products.get(ctx.shop.id, h.id) : null
          if (p) out.push(productFact(p, locale))
        }
        return out
      }
      case 'check_stock': {
        const { sku } = schemas.check_stock.parse(args)
        const p = await ctx.store.products.get(ctx.shop.id, sku.toUpperCase())
        return p ? [productFact(p, locale)] : 'not_found'
      }
    }
  }

  async function proposal(name: WriteToolName, raw: string): Promise<ToolOutcome> {
    let args: unknown
    try {
      args = JSON.parse(raw || '{}')
    } catch {
      return { ok: false, content: 'error: invalid_arguments', facts: [], error: 'invalid_arguments' }
    }
    if (!WRITE_SCHEMAS[name].safeParse(args).success)
      return { ok: false, content: 'error: invalid_arguments', facts: [], error: 'invalid_arguments' }
    const p = await proposeWrite(ctx, customer, name, args)
    if (p === 'not_found') return { ok: false, content: 'error: not_found', facts: [], error: 'not_found' }
    return { ok: true, content: 'proposed: waiting for the customer to confirm', facts: [], proposal: p }
  }

  return {
    specs,
    async run(call, facts) {
      if (isWriteTool(call.name)) return proposal(call.name, call.arguments)
      if (!(call.name in schemas))
        return { ok: false, content: 'error: unknown_tool', facts: [], error: 'unknown_tool' }
      const name = call.name as ToolName
      let args: unknown
      try {
        args = JSON.parse(call.arguments || '{}')
      } catch {
        return { ok: false, content: 'error: invalid_arguments', facts: [], error: 'invalid_arguments' }
      }
      const checked = schemas[name].safeParse(args)
      if (!checked.success)
        return { ok: false, content: 'error: invalid_arguments', facts: [], error: 'invalid_arguments' }
      const result = await execute(name, checked.data)
      if (typeof result === 'string') return { ok: false, content: `error: ${result}`, facts: [], error: result }
      const added: Fact[] = []
      const lines: string[] = []
      for (const f of result) {
        let index = facts.findIndex((x) => x.id === f.id)
        if (index < 0) {
          facts.push(f)
          added.push(f)
          index = facts.length - 1
        }
        lines.push(`[F${index + 1}] ${f.text.replace(/\n/g, '\n    ')}`)
      }
      return { ok: true, content: lines.length > 0 ? lines.join('\n') : 'no results', facts: added }
    },
  }
}
