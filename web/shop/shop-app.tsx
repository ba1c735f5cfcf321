/** The demo shop storefront: header, demo banner, category tabs and the product grid. */
import { useEffect, useState } from 'preact/hooks'
import { PERSONAS, type ShopLocale, type ShopStrings, shopStrings } from './shop-i18n.js'

export type ShopProduct = {
  sku: string
  title: string
  brand: string
  price: number
  currency: string
  stock: number
  category: string
  images?: string[]
  attributes?: Record<string, unknown>
  locale?: string
  listPrice?: number
}

const CATEGORIES = ['all', 'apparel', 'shoes', 'beauty', 'electronics', 'home'] as const
type Category = (typeof CATEGORIES)[number]
const PAGE_SIZE = 24

const topCategory = (category: string) => category.split('/')[0] ?? category

function formatPrice(amount: number, currency: string, locale: ShopLocale): string {
  try {
    return new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', {
      style: 'currency',
      currency,
      maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
    }).format(amount)
  } catch {
    return `${amount} ${currency}`
  }
}

/** Line icons for products without a loadable picture (the demo data ships without image files). */
const ICONS: Record<string, string> = {
  apparel: 'M8 3 4 5.5 2.5 10l3 1.5L7 10v11h10V10l1.5 1.5 3-1.5L20 5.5 16 3c-.5 1.5-2 2.5-4 2.5S8.5 4.5 8 3Z',
  beauty: 'M10 2h4v6h-4zM8.5 8h7l.5 14H8zM10 12h4',
  electronics:
    'M7.5 2h9A1.5 1.5 0 0 1 18 3.5v17a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 6 20.5v-17A1.5 1.5 0 0 1 7.5 2ZM11 18.5h2',
  home: 'M3 11 12 3l9 8M5.5 9v12h13V9M10 21v-6h4v6',
  shoes: 'M3 17V8h5c0 2 1.5 3 3.5 3l2-1 5.5 3.5c1.5.9 2 2 2 3.5V17ZM3 17v3h18v-3M9 11l1.5-1.5M12 11.5l1.5-1.5',
}

/** Title and brand in the page's language (the demo catalog keeps English in attributes.titleEn / brandEn). */
function localized(p: ShopProduct, locale: ShopLocale): { title: string; brand: string } {
  const en = (key: string) => {
    const v = p.attributes?.[key]
    return locale === 'en' && typeof v === 'string' && v !== '' ? v : null
  }
  return { title: en('titleEn') ?? p.title, brand: en('brandEn') ?? p.brand }
}

function ProductImage({ product, brand }: { product: ShopProduct; brand: string }) {
  const [failed, setFailed] = useState(false)
  const top = topCategory(product.category)
  const src = product.images?.[0]
  if (src && !failed) {
    return <img class="thumb" src={src} alt="" loading="lazy" onError={() => setFailed(true)} />
  }
  return (
    <div class={`thumb placeholder cat-${top}`} aria-hidden="true">
      <svg viewBox="0 0 24 24" width="56" height="56" aria-hidden="true">
        <path
          d={ICONS[top] ?? ICONS.home}
          fill="none"
          stroke="currentColor"
          stroke-width="1.3"
          stroke-linejoin="round"
          stroke-linecap="round"
        />
      </svg>
      <span>{brand}</span>
    </div>
  )
}

function StockBadge({ stock, t }: { stock: number; t: ShopStrings }) {
  if (stock <= 0) return <span class="stock out">{t.outOfStock}</span>
  if (stock <= 10) return <span class="stock low">{t.lowStock(stock)}</span>
  return <span class="stock ok">{t.inStock}</span>
}

function ask(text: string) {
  window.kefu?.send(text)
}

function ProductCard({ p, locale, t }: { p: ShopProduct; locale: ShopLocale; t: ShopStrings }) {
  const discounted = typeof p.listPrice === 'number' && p.listPrice > p.price
  const { title, brand } = localized(p, locale)
  return (
    <article class="product">
      <ProductImage product={p} brand={brand} />
      <div class="product-body">
        <span class="brand">{brand}</span>
        <h3 title={title}>{title}</h3>
        <div class="product-foot">
          <span class="price">
            {formatPrice(p.price, p.currency, locale)}
            {discounted && <s>{formatPrice(p.listPrice!, p.currency, locale)}</s>}
          </span>
          <StockBadge stock={p.stock} t={t} />
        </div>
        <button type="button" class="ask" onClick={() => ask(t.askTemplate(title))}>
          {t.askAbout}
        </button>
      </div>
    </article>
  )
}

type Load = { state: 'loading' } | { state: 'error' } | { state: 'done'; products: ShopProduct[] }

async function fetchCategory(category: string | null, limit: number, signal: AbortSignal): Promise<ShopProduct[]> {
  const url = new URL('/api/v1/shops/demo/products', location.origin)
  url.searchParams.set('limit', String(limit))
  if (category) url.searchParams.set('category', category)
  const res = await fetch(url, { signal, headers: { accept: 'application/json' } })
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  const body = (await res.json()) as { products?: ShopProduct[] }
  return Array.isArray(body.products) ? body.products : []
}

/** One category, or for "all" a few of each category interleaved, so the front page shows the whole range. */
async function fetchProducts(category: Category, signal: AbortSignal): Promise<ShopProduct[]> {
  if (category !== 'all') return fetchCategory(category, PAGE_SIZE, signal)
  const tops = CATEGORIES.filter((c) => c !== 'all')
  const perCategory = Math.ceil(PAGE_SIZE / tops.length)
  const lists = await Promise.all(tops.map((c) => fetchCategory(c, perCategory, signal)))
  const mixed: ShopProduct[] = []
  for (let i = 0; i < perCategory; i++) for (const list of lists) if (list[i]) mixed.push(list[i]!)
  return mixed.slice(0, PAGE_SIZE)
}

/** Prefers products written in the page's language when the catalog has both. */
function forLocale(products: ShopProduct[], locale: ShopLocale): ShopProduct[] {
  const same = products.filter((p) => p.locale === locale)
  return same.length > 0 ? same : products
}

const PERSONA_KEY = 'kefu-demo-persona'

function initialPersona(): string | null {
  try {
    const stored = localStorage.getItem(PERSONA_KEY)
    if (stored === 'guest') return null
    if (stored && PERSONAS.some((p) => p.id === stored)) return stored
  } catch {
    // storage unavailable
  }
  return PERSONAS[0]?.id ?? null
}

export function ShopApp({ initialLocale }: { initialLocale: ShopLocale }) {
  const [locale, setLocale] = useState<ShopLocale>(initialLocale)
  const [persona, setPersona] = useState<string | null>(initialPersona)
  const [category, setCategory] = useState<Category>('all')
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const t = shopStrings[locale]

  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en'
    document.title = `${t.shopName} · kefu`
    try {
      localStorage.setItem('kefu-demo-locale', locale)
    } catch {
      // storage unavailable: the choice just is not remembered
    }
  }, [locale, t.shopName])

  // Tell the widget the page's language and who the visitor is, as a signed-in shop would. The widget loads
  // async, so this runs again when it announces itself.
  useEffect(() => {
    try {
      localStorage.setItem(PERSONA_KEY, persona ?? 'guest')
    } catch {
      // storage unavailable
    }
    const apply = () => {
      window.kefu?.setLocale(locale)
      window.kefu?.identify(persona)
    }
    apply()
    window.addEventListener('kefu:ready', apply)
    return () => window.removeEventListener('kefu:ready', apply)
  }, [locale, persona])

  useEffect(() => {
    const ctrl = new AbortController()
    setLoad({ state: 'loading' })
    fetchProducts(category, ctrl.signal)
      .then((products) => setLoad({ state: 'done', products }))
      .catch((err: unknown) => {
        if (!ctrl.signal.aborted) {
          console.error('kefu demo shop: loading products failed', err)
          setLoad({ state: 'error' })
        }
      })
    return () => ctrl.abort()
  }, [category])

  const snippet = `<script src="${location.origin}/widget.js" data-kefu-shop="demo" async></script>`

  return (
    <div class="page">
      <header class="topbar">
        <div class="wrap topbar-inner">
          <a class="logo" href="/">
            <span class="logo-mark" aria-hidden="true">
              客
            </span>
            <span>{t.shopName}</span>
          </a>
          <fieldset class="lang">
            <legend class="sr-only">{t.language}</legend>
            {(['zh', 'en'] as const).map((l) => (
              <button type="button" key={l} aria-pressed={locale === l} onClick={() => setLocale(l)}>
                {l === 'zh' ? '中文' : 'EN'}
              </button>
            ))}
          </fieldset>
        </div>
      </header>

      <section class="hero">
        <div class="wrap">
          <h1>{t.heroTitle}</h1>
          <p>{t.heroText}</p>
        </div>
      </section>

      <main class="wrap">
        <section class="demo" aria-labelledby="demo-title">
          <div class="demo-icon" aria-hidden="true">
            <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true">
              <path
                fill="currentColor"
                d="M12 3C6.5 3 2 6.9 2 11.7c0 2.6 1.3 4.9 3.4 6.5L4.6 21a.6.6 0 0 0 .8.7l3.6-1.6c.9.2 1.9.3 3 .3 5.5 0 10-3.9 10-8.7S17.5 3 12 3Z"
              />
            </svg>
          </div>
          <div>
            <h2 id="demo-title">{t.demoTitle}</h2>
            <p>{t.demoText}</p>
            <label class="persona">
              <span>{t.chatAs}</span>
              <select
                value={persona ?? 'guest'}
                onChange={(e) => {
                  const v = (e.currentTarget as HTMLSelectElement).value
                  setPersona(v === 'guest' ? null : v)
                }}
              >
                {PERSONAS.map((p) => (
                  <option key={p.id ?? 'guest'} value={p.id ?? 'guest'}>
                    {p.name[locale]}
                    {locale === 'zh' ? `（${p.note[locale]}）` : ` (${p.note[locale]})`}
                  </option>
                ))}
              </select>
            </label>
            <div class="tries">
              {t.demoTries.map((q) => (
                <button type="button" key={q} onClick={() => ask(q)}>
                  “{q}”
                </button>
              ))}
            </div>
          </div>
        </section>

        <nav class="tabs" aria-label={t.categories.all}>
          {CATEGORIES.map((c) => (
            <button type="button" key={c} aria-pressed={category === c} onClick={() => setCategory(c)}>
              {t.categories[c]}
            </button>
          ))}
        </nav>

        {load.state === 'loading' && <p class="status">{t.loading}</p>}
        {load.state === 'error' && (
          <p class="status error" role="alert">
            {t.loadFailed}
          </p>
        )}
        {load.state === 'done' &&
          (load.products.length === 0 ? (
            <p class="status">{t.empty}</p>
          ) : (
            <section class="grid" aria-live="polite">
              {forLocale(load.products, locale).map((p) => (
                <ProductCard key={p.sku} p={p} locale={locale} t={t} />
              ))}
            </section>
          ))}

        <section class="embed">
          <h2>{t.embedTitle}</h2>
          <p>{t.embedText}</p>
          <pre>
            <code>{snippet}</code>
          </pre>
        </section>
      </main>

      <footer class="footer">
        <div class="wrap">{t.footer}</div>
      </footer>
    </div>
  )
}
