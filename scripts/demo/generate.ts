/**
 * Writes the demo shop's import files into data/demo/. Deterministic: running it twice yields
 * byte-identical files.
 *
 * Usage: npx tsx scripts/demo/generate.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { apparelDrafts } from './catalog-apparel.js'
import { beautyDrafts } from './catalog-beauty.js'
import { electronicsDrafts } from './catalog-electronics.js'
import { homeDrafts } from './catalog-home.js'
import { buildCustomers } from './customers.js'
import { buildFaq } from './faq.js'
import { buildFaults } from './faults.js'
import { finishProduct } from './lib.js'
import { buildOrders } from './orders.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const out = join(root, 'data', 'demo')

function writeJsonl(name: string, rows: readonly unknown[]): void {
  writeFileSync(join(out, name), `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`)
  console.log(`wrote data/demo/${name}: ${rows.length} rows`)
}

/** RFC 4180: quote every field that contains a comma, quote, CR or LF; double embedded quotes. */
function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v
}

mkdirSync(out, { recursive: true })
const products = [...apparelDrafts(), ...beautyDrafts(), ...electronicsDrafts(), ...homeDrafts()].map(finishProduct)
writeJsonl('products.jsonl', products)

const customers = buildCustomers()
writeJsonl(
  'customers.jsonl',
  customers.map(({ city: _city, ...c }) => c),
)

const orders = buildOrders(customers, products)
writeJsonl('orders.jsonl', orders)

const faq = buildFaq()
writeJsonl('faq.jsonl', faq)
const header = 'id,question,answer,similar,category,locale'
const lines = faq.map((f) =>
  [f.id, f.question, f.answer, f.similar.join('|'), f.category, f.locale].map(csvField).join(','),
)
writeFileSync(join(out, 'faq.csv'), `${[header, ...lines].join('\r\n')}\r\n`)
console.log(`wrote data/demo/faq.csv: ${faq.length} rows`)

writeJsonl('faults.jsonl', buildFaults())
