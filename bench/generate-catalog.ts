/**
 * A large synthetic catalog, generated deterministically from the demo shop's products: each
 * generated product is a variant of a demo product (same category, brand, attributes and
 * description) with its own SKU, a model number in its title, its own price and stock.
 * `hotCategory` products go into one category (the demo's down jackets), the rest round-robin
 * over the demo catalog.
 *
 *   npx tsx bench/generate-catalog.ts --count 100000 --hot 20000 > catalog.jsonl
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { type Product, productSchema } from '../src/core/domain/schemas.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Mulberry32: a tiny seeded PRNG so every run generates the same catalog. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The demo shop's products, the templates of every generated one. */
export function demoProducts(): Product[] {
  return readFileSync(join(ROOT, 'data/demo/products.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => productSchema.parse(JSON.parse(l)))
}

const SERIES = ['经典', '轻薄', '加厚', '旗舰', '青春', '商务', '户外', '都市', '复古', '极简', '运动', '亲肤']
const SERIES_EN = [
  'Classic',
  'Light',
  'Thick',
  'Flagship',
  'Youth',
  'Business',
  'Outdoor',
  'Urban',
  'Retro',
  'Minimal',
  'Sport',
  'Soft',
]

/** Product number `i` of a generated catalog (deterministic in `i` and `seed`). */
export function generatedProduct(templates: Product[], i: number, opts: { hot: number; seed?: number }): Product {
  const r = rng((opts.seed ?? 7) * 1_000_003 + i)
  const hotTemplates = templates.filter((p) => p.category === 'apparel/down-jacket')
  const t =
    i < opts.hot && hotTemplates.length > 0 ? hotTemplates[i % hotTemplates.length]! : templates[i % templates.length]!
  const s = Math.floor(r() * SERIES.length)
  const model = `${t.sku.split('-')[0]}${(i + 1000).toString(36).toUpperCase()}`
  const titleEn =
    typeof t.attributes.titleEn === 'string' ? `${t.attributes.titleEn} ${SERIES_EN[s]} ${model}` : undefined
  const price = Math.max(1, Math.round(t.price * (0.6 + r() * 0.8)))
  const p: Product = {
    ...t,
    sku: `G${String(i).padStart(6, '0')}`,
    title: `${t.title} ${SERIES[s]}款 ${model}`,
    price,
    stock: Math.floor(r() * 500),
    attributes: { ...t.attributes, ...(titleEn ? { titleEn } : {}) },
    aliases: [model],
    related: [],
  }
  delete p.images
  delete p.listPrice
  return p
}

/** `count` generated products, `hot` of them in one category. */
export function generateCatalog(count: number, hot: number, seed = 7): Product[] {
  const templates = demoProducts()
  const out: Product[] = []
  for (let i = 0; i < count; i++) out.push(generatedProduct(templates, i, { hot, seed }))
  return out
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '100000' },
      hot: { type: 'string', default: '20000' },
      out: { type: 'string' },
    },
  })
  const rows = generateCatalog(Number(values.count), Number(values.hot))
  const text = `${rows.map((p) => JSON.stringify(p)).join('\n')}\n`
  if (values.out) writeFileSync(values.out, text)
  else process.stdout.write(text)
}
