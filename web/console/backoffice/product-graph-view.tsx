/**
 * The product graph, read only: a searchable list paged by the server (25 at a time, "load more"),
 * filtered by category, and one product as a graph node — attributes, variants, aliases, related and
 * alternative products (click to follow), and the faults of its category (click to open the fault graph).
 */
import { useEffect, useState } from 'preact/hooks'
import { ApiError, type BackofficeApi, type ProductNode, type ProductSummary } from './backoffice-api.js'
import type { BackofficeStrings } from './backoffice-i18n.js'

const money = (p: { price: number; currency: string }) => `${p.currency} ${p.price.toLocaleString()}`

export function ProductGraphView(props: {
  api: BackofficeApi
  bo: BackofficeStrings
  onFault: (category: string, symptom: string) => void
}) {
  const { api, bo } = props
  const g = bo.graph
  const [q, setQ] = useState('')
  const [category, setCategory] = useState('')
  const [categories, setCategories] = useState<Array<{ category: string; products: number }>>([])
  const [items, setItems] = useState<ProductSummary[] | null>(null)
  const [total, setTotal] = useState(0)
  const [next, setNext] = useState<string | null>(null)
  const [node, setNode] = useState<ProductNode | null>(null)
  const [error, setError] = useState<string | null>(null)
  const fail = (e: unknown) => setError(e instanceof ApiError ? `${e.code}: ${e.message}` : String(e))

  useEffect(() => {
    api
      .categories()
      .then((r) => setCategories(r.categories))
      .catch(fail)
  }, [])

  const load = async (cursor?: string) => {
    try {
      const r = await api.products({ q: q.trim(), category, ...(cursor ? { cursor } : {}) })
      setItems((prev) => (cursor && prev ? [...prev, ...r.items] : r.items))
      setTotal(r.total)
      setNext(r.next)
      setError(null)
    } catch (e) {
      fail(e)
    }
  }
  useEffect(() => {
    const timer = setTimeout(() => void load(), 200)
    return () => clearTimeout(timer)
  }, [q, category])

  const open = (sku: string) =>
    api
      .product(sku)
      .then((n) => {
        setNode(n)
        setError(null)
      })
      .catch(fail)

  return (
    <div class="bo-graph">
      <section class="bo-card" aria-label={g.tabs.products}>
        <div class="bo-filters">
          <input
            type="search"
            name="product-search"
            placeholder={g.searchProducts}
            value={q}
            onInput={(e) => setQ((e.target as HTMLInputElement).value)}
          />
          <select
            name="product-category"
            value={category}
            onChange={(e) => setCategory((e.target as HTMLSelectElement).value)}
          >
            <option value="">{g.allCategories}</option>
            {categories.map((c) => (
              <option key={c.category} value={c.category}>
                {'\u00a0'.repeat(2 * (c.category.split('/').length - 1))}
                {c.category} ({c.products})
              </option>
            ))}
          </select>
        </div>
        {error && (
          <div class="form-error" role="alert">
            {error}
          </div>
        )}
        <p class="faq-meta" data-testid="product-total">
          {g.products(total)}
        </p>
        <table class="bo-table" data-testid="product-list">
          <tbody>
            {items?.length === 0 && (
              <tr>
                <td class="bo-empty">{g.none}</td>
              </tr>
            )}
            {items?.map((p) => (
              <tr key={p.sku} class={node?.product.sku === p.sku ? 'selected' : ''} onClick={() => void open(p.sku)}>
                <td>
                  <button type="button" class="link-button" data-product={p.sku}>
                    {p.sku}
                  </button>
                </td>
                <td>{p.title}</td>
                <td class="faq-meta">{p.category}</td>
                <td>{money(p)}</td>
                <td>{p.stock}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {next && (
          <button type="button" class="button" data-action="more-products" onClick={() => void load(next)}>
            {g.more}
          </button>
        )}
      </section>

      <section class="bo-card" aria-label={node?.product.title ?? g.pick} data-testid="product-node">
        {!node ? (
          <p class="bo-empty">{g.pick}</p>
        ) : (
          <ProductCard bo={bo} node={node} open={open} onFault={props.onFault} />
        )}
      </section>
    </div>
  )
}

function ProductCard(props: {
  bo: BackofficeStrings
  node: ProductNode
  open: (sku: string) => void
  onFault: (category: string, symptom: string) => void
}) {
  const g = props.bo.graph
  const { product: p } = props.node
  const plain = Object.entries(p.attributes).filter(
    ([, v]) => !Array.isArray(v) && (typeof v !== 'object' || v === null),
  )
  const links = (title: string, list: ProductSummary[], id: string) =>
    list.length > 0 && (
      <>
        <h3>{title}</h3>
        <ul class="bo-list graph-links" data-testid={id}>
          {list.map((r) => (
            <li key={r.sku}>
              <button type="button" class="link-button" data-product-link={r.sku} onClick={() => props.open(r.sku)}>
                {r.sku}
              </button>{' '}
              {r.title} <span class="faq-meta">{money(r)}</span>
            </li>
          ))}
        </ul>
      </>
    )
  return (
    <>
      <div class="bo-card-head">
        <h2>
          {p.sku} · {p.title}
        </h2>
      </div>
      {p.titleEn && <p class="faq-meta">{p.titleEn}</p>}
      <p class="graph-facts">
        <span class="bo-badge">{p.category}</span> <span class="bo-badge">{p.brand}</span> {g.price}: {money(p)} ·{' '}
        {g.stock}: {p.stock} · {g.sameBrand(props.node.brandProducts)} · {g.sameCategory(props.node.categoryProducts)}
      </p>
      {props.node.variants.length > 0 && (
        <>
          <h3>{g.variants}</h3>
          <dl class="graph-variants" data-testid="product-variants">
            {props.node.variants.map((v) => (
              <div key={v.name}>
                <dt>{v.name}</dt>
                <dd>
                  {v.values.map((value, i) => (
                    <span key={value} class="bo-badge">
                      {value}
                      {v.valuesEn?.[i] && v.valuesEn[i] !== value ? ` / ${v.valuesEn[i]}` : ''}
                    </span>
                  ))}
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {p.aliases && p.aliases.length > 0 && (
        <p>
          <strong>{g.aliases}:</strong> {p.aliases.join(' · ')}
        </p>
      )}
      {links(g.related, props.node.related, 'product-related')}
      {props.node.missingRelated.length > 0 && (
        <p class="form-error">
          {g.missingRelated}: {props.node.missingRelated.join(', ')}
        </p>
      )}
      {links(g.alternatives, props.node.alternatives, 'product-alternatives')}
      <h3>{g.faults}</h3>
      {props.node.faults.length === 0 ? (
        <p class="bo-empty">{g.noFaults}</p>
      ) : (
        <ul class="bo-list graph-links" data-testid="product-faults">
          {props.node.faults.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                class="link-button"
                data-fault-link={f.id}
                onClick={() => props.onFault(f.category, f.symptom)}
              >
                {f.symptom}
              </button>{' '}
              <span class="faq-meta">{f.locale}</span>
            </li>
          ))}
        </ul>
      )}
      {plain.length > 0 && (
        <details class="bo-rule">
          <summary>{g.attributes}</summary>
          <table class="bo-table">
            <tbody>
              {plain.map(([k, v]) => (
                <tr key={k}>
                  <td class="faq-meta">{k}</td>
                  <td>{String(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {p.description && <p class="faq-meta">{p.description}</p>}
    </>
  )
}
