/**
 * The columns a CSV or XLSX sheet of each kind may have, and how a cell becomes a value: `text`
 * as written (numbers and dates are normalised afterwards), `list` split on `|`, `json` parsed as
 * JSON (an object or array in one cell). Nested fields are dotted (`shipment.carrier`); an order's
 * lines are one row each (`items.sku`, `items.qty`…), grouped by `orderNo`.
 */
import type { ImportKind } from '../../core/domain/schemas.js'

export type CellType = 'text' | 'list' | 'json'

const text = (...names: string[]) => Object.fromEntries(names.map((n) => [n, 'text' as const]))
const list = (...names: string[]) => Object.fromEntries(names.map((n) => [n, 'list' as const]))
const json = (...names: string[]) => Object.fromEntries(names.map((n) => [n, 'json' as const]))

/** Columns of an order row that describe one order line. */
export const ORDER_LINE_COLUMNS = ['items.sku', 'items.qty', 'items.price', 'items.title', 'items.size', 'items.color']

export const TABLE_COLUMNS: Record<ImportKind, Readonly<Record<string, CellType>>> = {
  products: {
    ...text('sku', 'title', 'category', 'brand', 'price', 'currency', 'stock', 'description', 'listPrice'),
    ...text('locale', 'localeTag'),
    ...list('images', 'aliases', 'related'),
    ...json('attributes', 'sizeChart'),
  },
  faq: { ...text('id', 'question', 'answer', 'category', 'locale', 'localeTag', 'status'), ...list('similar') },
  customers: {
    ...text('id', 'name', 'phone', 'tier', 'locale', 'localeTag', 'email'),
    ...text('profile.heightCm', 'profile.weightKg', 'profile.gender'),
    ...list('profile.interests'),
    ...json('profile'),
  },
  orders: {
    ...text('orderNo', 'customerId', 'status', 'total', 'currency', 'createdAt', 'paidAt', 'deliveredAt'),
    ...text('address.name', 'address.phone', 'address.region', 'address.detail'),
    ...text('shipment.carrier', 'shipment.trackingNo', 'shipment.eta', 'shipment.status'),
    ...json('items', 'address', 'shipment', 'shipment.events'),
    ...text(...ORDER_LINE_COLUMNS),
  },
  faults: {
    ...text('id', 'category', 'symptom', 'locale', 'localeTag', 'escalate.queue', 'escalate.priority'),
    ...list('similar', 'questions', 'solutions'),
    ...json('escalate'),
  },
}

/** Product attributes as their own columns: `attributes.material`; a `|` makes a list. */
export const ATTRIBUTE_PREFIX = 'attributes.'

/** The type of a column of `kind`, or undefined when the kind has no such column. */
export function columnType(kind: ImportKind, column: string): CellType | undefined {
  const t = TABLE_COLUMNS[kind][column]
  if (t) return t
  if (kind === 'products' && column.startsWith(ATTRIBUTE_PREFIX) && column.length > ATTRIBUTE_PREFIX.length) {
    return 'list'
  }
  return undefined
}

/**
 * Parses `--map field=表头,price=售价` into header → field. Throws a message naming the bad pair.
 *
 * @example
 * parseColumnMap('title=商品名称,price=售价') // → Map { '商品名称' => 'title', '售价' => 'price' }
 */
export function parseColumnMap(spec: string | undefined): Map<string, string> {
  const map = new Map<string, string>()
  if (!spec) return map
  for (const pair of spec.split(',')) {
    if (pair.trim() === '') continue
    const eq = pair.indexOf('=')
    const field = eq > 0 ? pair.slice(0, eq).trim() : ''
    const header = eq > 0 ? pair.slice(eq + 1).trim() : ''
    if (!field || !header) throw new Error(`--map: '${pair}' is not field=column`)
    if (map.has(header)) throw new Error(`--map: column '${header}' is mapped twice`)
    map.set(header, field)
  }
  return map
}
