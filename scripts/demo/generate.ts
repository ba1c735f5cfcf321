/**
 * Writes the demo shop's import files into data/demo/ from the hand-written sources in
 * data/demo/sources/ (the scripts in this folder hold the logic that expands them). Deterministic:
 * running it twice yields byte-identical files. `buildDemoData()` returns the file contents
 * (test/data/generated-data.test.ts compares them with the committed files); the CLI writes them.
 *
 * Usage: npx tsx scripts/demo/generate.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { repoRoot } from '../read-source.js'
import { apparelDrafts } from './catalog-apparel.js'
import { beautyDrafts } from './catalog-beauty.js'
import { electronicsDrafts } from './catalog-electronics.js'
import { homeDrafts } from './catalog-home.js'
import { buildCustomers } from './customers.js'
import { buildFaq } from './faq.js'
import { buildFaults } from './faults.js'
import { finishProduct } from './lib.js'
import { buildOrders } from './orders.js'

/** The generated files of data/demo/, by name, in the order they are written. */
export type DemoData = { files: Record<string, string>; rows: Record<string, number> }

const toJsonl = (rows: readonly unknown[]): string => `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`

/** RFC 4180: quote every field that contains a comma, quote, CR or LF; double embedded quotes. */
function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v
}

/** Builds the contents of every generated file of data/demo/ from the sources. Writes nothing. */
export function buildDemoData(): DemoData {
  const files: Record<string, string> = {}
  const rows: Record<string, number> = {}
  const add = (name: string, list: readonly unknown[], text = toJsonl(list)): void => {
    files[name] = text
    rows[name] = list.length
  }

  const products = [...apparelDrafts(), ...beautyDrafts(), ...electronicsDrafts(), ...homeDrafts()].map(finishProduct)
  add('products.jsonl', products)

  const customers = buildCustomers()
  add(
    'customers.jsonl',
    customers.map(({ city: _city, ...c }) => c),
  )

  add('orders.jsonl', buildOrders(customers, products))

  const faq = buildFaq()
  add('faq.jsonl', faq)
  const header = 'id,question,answer,similar,category,locale'
  const lines = faq.map((f) =>
    [f.id, f.question, f.answer, f.similar.join('|'), f.category, f.locale].map(csvField).join(','),
  )
  add('faq.csv', faq, `${[header, ...lines].join('\r\n')}\r\n`)

  add('faults.jsonl', buildFaults())
  return { files, rows }
}

function main(): void {
  const out = join(repoRoot, 'data', 'demo')
  mkdirSync(out, { recursive: true })
  const { files, rows } = buildDemoData()
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(out, name), text)
    console.log(`wrote data/demo/${name}: ${rows[name]} rows`)
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
