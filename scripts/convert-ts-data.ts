/**
 * One-off converter (issue 9, point 6): imports the TypeScript modules that used to hold the NLU
 * fragments and the demo-shop content and dumps their values as YAML under data/nlu/sources/ and
 * data/demo/sources/. Kept in git history only; the generators now read those YAML files.
 *
 * Run (on the commit that still has the TS data modules): npx tsx scripts/convert-ts-data.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import { Document, isMap, isPair, isScalar, parse, visit } from 'yaml'
import * as apparel from './demo/catalog-apparel.js'
import * as beauty from './demo/catalog-beauty.js'
import * as electronics from './demo/catalog-electronics.js'
import * as home from './demo/catalog-home.js'
import * as customers from './demo/customers.js'
import * as faq from './demo/faq.js'
import * as faults from './demo/faults.js'
import * as geo from './demo/geo.js'
import * as lib from './demo/lib.js'
import * as orders from './demo/orders.js'
import { enIntents } from './nlu-data/en-intents.js'
import { moreEn1 } from './nlu-data/more-en-1.js'
import { moreEn2 } from './nlu-data/more-en-2.js'
import { moreEn3 } from './nlu-data/more-en-3.js'
import { moreEn4 } from './nlu-data/more-en-4.js'
import { moreEn5 } from './nlu-data/more-en-5.js'
import { moreEn6 } from './nlu-data/more-en-6.js'
import { moreEn7 } from './nlu-data/more-en-7.js'
import { moreEn8 } from './nlu-data/more-en-8.js'
import * as moreSlots from './nlu-data/more-slots.js'
import { moreZh1 } from './nlu-data/more-zh-1.js'
import { moreZh2 } from './nlu-data/more-zh-2.js'
import { moreZh3 } from './nlu-data/more-zh-3.js'
import { moreZh4 } from './nlu-data/more-zh-4.js'
import { moreZh5 } from './nlu-data/more-zh-5.js'
import { moreZh6 } from './nlu-data/more-zh-6.js'
import { moreZh7 } from './nlu-data/more-zh-7.js'
import * as slots from './nlu-data/slots.js'
import { enTestExtra } from './nlu-data/test-extra-en.js'
import { zhTestExtra } from './nlu-data/test-extra-zh.js'
import { zhIntents } from './nlu-data/zh-intents.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const written: string[] = []

/** The first doc comment of a TS file, as plain lines. */
function headerOf(tsFile: string): string[] {
  const src = readFileSync(join(root, tsFile), 'utf8')
  const m = /\/\*\*([\s\S]*?)\*\//.exec(src)
  if (!m) return []
  return m[1]!
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, '').trim())
    .filter((l, i, all) => !(l === '' && (i === 0 || i === all.length - 1)))
}

/** Scalar-only sequences short enough to read on one line are written `[a, b]`; lists of lines never. */
function compact(doc: Document): void {
  visit(doc, {
    Seq(_key, node, path) {
      const parent = path.at(-1)
      const key = isPair(parent) && isScalar(parent.key) ? String(parent.key.value) : ''
      if (key === 'lines' || key === 'templates') return
      if (!node.items.every((i) => isScalar(i))) return
      const text = JSON.stringify(node.items.map((i) => (isScalar(i) ? i.value : null)))
      if (node.items.length > 0 && text.length <= 72) node.flow = true
    },
  })
}

/** Writes `value` to data/<file> with `comment` lines on top and checks that it parses back equal. */
function dump(file: string, value: unknown, comment: string[], tweak?: (doc: Document) => void): void {
  const doc = new Document(value, { aliasDuplicateObjects: false })
  compact(doc)
  tweak?.(doc)
  if (comment.length > 0) doc.commentBefore = comment.map((l) => (l === '' ? '' : ` ${l}`)).join('\n')
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false })
  const back = parse(text)
  // JSON round trip drops `undefined` members exactly like the generators' JSON.stringify does.
  if (!isDeepStrictEqual(back, JSON.parse(JSON.stringify(value)))) throw new Error(`${file}: YAML does not round-trip`)
  const path = join(root, 'data', file)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
  written.push(file)
}

/** Adds a comment above a top-level key. */
const commentOn =
  (key: string, comment: string) =>
  (doc: Document): void => {
    if (!isMap(doc.contents)) return
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.value === key) pair.key.commentBefore = ` ${comment}`
    }
  }

// ------------------------------------------------------------------------------------------- NLU
const nlu = 'nlu/sources'
const nluBatches: [string, string, unknown, string][] = [
  ['zh', 'base', zhIntents, 'zh-intents.ts'],
  ['en', 'base', enIntents, 'en-intents.ts'],
  ['zh', 'test-extra', zhTestExtra, 'test-extra-zh.ts'],
  ['en', 'test-extra', enTestExtra, 'test-extra-en.ts'],
  ...[moreZh1, moreZh2, moreZh3, moreZh4, moreZh5, moreZh6, moreZh7].map(
    (v, i) => ['zh', `more-${i + 1}`, v, `more-zh-${i + 1}.ts`] as [string, string, unknown, string],
  ),
  ...[moreEn1, moreEn2, moreEn3, moreEn4, moreEn5, moreEn6, moreEn7, moreEn8].map(
    (v, i) => ['en', `more-${i + 1}`, v, `more-en-${i + 1}.ts`] as [string, string, unknown, string],
  ),
]
for (const [locale, name, value, ts] of nluBatches) {
  const tweak =
    locale === 'zh' && name === 'more-6'
      ? commentOn(
          'after_sales_fault',
          'A fault plus "can it be replaced": a warranty replacement (after_sales_fault), not a return.',
        )
      : undefined
  dump(`${nlu}/${locale}/${name}.yaml`, value, headerOf(`scripts/nlu-data/${ts}`), tweak)
}

type Listed = { items?: string[] }
const pools = (fns: Record<string, unknown>): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(fns).flatMap(([k, fn]) => ((fn as Listed).items ? [[k, (fn as Listed).items as string[]]] : [])),
  )
const slotsHeader = headerOf('scripts/nlu-data/slots.ts')
dump(
  `${nlu}/zh/slots.yaml`,
  {
    pools: pools(slots.zhSlots),
    prefixes: slots.zhPrefixes,
    suffixes: slots.zhSuffixes,
    typos: slots.zhTypos,
    lengthen: {
      train: { preambles: slots.zhPreamblesTrain, context: slots.zhContextTrain, closers: slots.zhClosersTrain },
      test: { preambles: slots.zhPreamblesTest, context: slots.zhContextTest, closers: slots.zhClosersTest },
    },
  },
  slotsHeader,
)
dump(
  `${nlu}/en/slots.yaml`,
  {
    pools: pools(slots.enSlots),
    prefixes: slots.enPrefixes,
    suffixes: slots.enSuffixes,
    typos: slots.enTypos,
    lengthen: {
      train: { preambles: slots.enPreamblesTrain, closers: slots.enClosersTrain },
      test: { preambles: slots.enPreamblesTest, closers: slots.enClosersTest },
    },
  },
  slotsHeader,
)
const moreSlotsHeader = headerOf('scripts/nlu-data/more-slots.ts')
dump(
  `${nlu}/zh/more-slots.yaml`,
  { pools: moreSlots.zhPools, wrap: { pre: moreSlots.zhPre, post: moreSlots.zhPost }, slips: moreSlots.zhSlips },
  moreSlotsHeader,
)
dump(
  `${nlu}/en/more-slots.yaml`,
  { pools: moreSlots.enPools, wrap: { pre: moreSlots.enPre, post: moreSlots.enPost }, slips: moreSlots.enSlips },
  moreSlotsHeader,
)

// ------------------------------------------------------------------------------------------ demo
const demo = 'demo/sources'
const rowShape = (type: string, ts: string): string => `Row shape: type \`${type}\` in scripts/demo/${ts}.`

dump(`${demo}/colors.yaml`, lib.COLORS, [
  'Chinese colour names used in the catalog, with the English name shown to English customers.',
  'Every colour a product or order line names must be listed here.',
])
dump(
  `${demo}/size-charts.yaml`,
  {
    menTops: lib.MEN_TOPS,
    womenTops: lib.WOMEN_TOPS,
    unisexTops: lib.UNISEX_TOPS,
    womenDresses: lib.WOMEN_DRESSES,
    kidsTops: apparel.KIDS_CHART,
    kidsShoes: apparel.KIDS_SHOES,
  },
  [
    'Fixed size charts (body measurements, not garment measurements). Jeans and adult shoe charts are',
    'computed in scripts/demo/lib.ts.',
  ],
  (doc) => {
    const notes: Record<string, string> = {
      menTops: "Men's tops and outerwear.",
      womenTops: "Women's tops and outerwear.",
      unisexTops: "Unisex cuts run one size larger than the women's chart.",
      womenDresses: "Women's dresses: bust, waist and hip matter more than height.",
      kidsTops: "Kids' sizes follow height, so DJ-1019 gets its own chart.",
      kidsShoes: "Kids' shoes use Chinese kids' sizes by foot length (SN-1013).",
    }
    for (const [k, v] of Object.entries(notes)) commentOn(k, v)(doc)
  },
)

const catalog = (cat: string, ts: string, tables: [string, unknown, string[]][]): void => {
  const header = headerOf(`scripts/demo/${ts}`)
  for (const [name, value, extra] of tables) dump(`${demo}/catalog/${cat}/${name}.yaml`, value, [...header, ...extra])
}
catalog('apparel', 'catalog-apparel.ts', [
  ['brands', apparel.BRANDS, ['Brand → English brand name.']],
  ['down-jackets', apparel.DOWN, [rowShape('Down', 'catalog-apparel.ts')]],
  ['tees', apparel.TEES, [rowShape('Tee', 'catalog-apparel.ts')]],
  ['jeans', apparel.JEANS, [rowShape('Jean', 'catalog-apparel.ts')]],
  ['dresses', apparel.DRESSES, [rowShape('Dress', 'catalog-apparel.ts')]],
  ['shoes', apparel.SHOES, [rowShape('Shoe', 'catalog-apparel.ts')]],
])
catalog('beauty', 'catalog-beauty.ts', [
  ['brands', beauty.BRANDS, ['Brand → English brand name.']],
  ['skin-types', beauty.SKIN, ['Skin type key → [Chinese, English] wording.']],
  ['skincare', beauty.SKINCARE, [rowShape('Care', 'catalog-beauty.ts')]],
  ['makeup', beauty.MAKEUP, [rowShape('Makeup', 'catalog-beauty.ts')]],
  ['perfumes', beauty.PERFUMES, [rowShape('Perfume', 'catalog-beauty.ts')]],
])
catalog('electronics', 'catalog-electronics.ts', [
  ['brands', electronics.BRANDS, ['Brand → English brand name.']],
  ['phones', electronics.PHONES, [rowShape('Phone', 'catalog-electronics.ts')]],
  ['earbuds', electronics.EARBUDS, [rowShape('Item', 'catalog-electronics.ts')]],
  ['laptops', electronics.LAPTOPS, [rowShape('Item', 'catalog-electronics.ts')]],
  ['watches', electronics.WATCHES, [rowShape('Item', 'catalog-electronics.ts')]],
  ['chargers', electronics.CHARGERS, [rowShape('Item', 'catalog-electronics.ts')]],
  ['accessories', electronics.ACCESSORIES, [rowShape('Item', 'catalog-electronics.ts')]],
])
catalog('home', 'catalog-home.ts', [
  ['brands', home.BRANDS, ['Brand → English brand name.']],
  ['home', home.HOME, [rowShape('Home', 'catalog-home.ts')]],
])

dump(
  `${demo}/customers.yaml`,
  {
    personas: customers.PERSONAS,
    zhNames: customers.ZH_NAMES,
    enNames: customers.EN_NAMES,
    zhInterests: customers.ZH_INTERESTS,
    enInterests: customers.EN_INTERESTS,
    cities: customers.CITIES,
    zhPrefixes: customers.ZH_PREFIXES,
    tiers: customers.TIERS,
  },
  [...headerOf('scripts/demo/customers.ts'), 'Shapes: see scripts/demo/customers.ts.'],
  (doc) => {
    commentOn('personas', 'Personas the demo script refers to by id; see docs/demo-shop.md.')(doc)
    commentOn(
      'zhNames',
      'Generated regulars draw their names from these lists: [name, pinyin, gender] / [name, gender].',
    )(doc)
    commentOn('cities', 'Home cities of generated customers, drawn uniformly; each must be in geo.yaml.')(doc)
    commentOn('zhPrefixes', 'Mobile prefixes for generated Chinese phone numbers.')(doc)
    commentOn(
      'tiers',
      'Membership tiers of generated customers, drawn uniformly from this list (repeats weight a tier).',
    )(doc)
  },
)
dump(`${demo}/geo.yaml`, { cities: geo.CITY_DATA, relay: geo.RELAY }, [
  ...headerOf('scripts/demo/geo.ts'),
  'Shapes: types `City`, `District` in scripts/demo/geo.ts.',
])
dump(
  `${demo}/orders.yaml`,
  {
    personaPlans: orders.PERSONA_PLANS,
    interestCategories: orders.INTEREST_CATEGORIES,
    carriers: orders.CARRIERS,
    couriers: orders.COURIERS,
  },
  [...headerOf('scripts/demo/orders.ts'), 'Shapes: type `Plan` and the loader in scripts/demo/orders.ts.'],
  (doc) => {
    commentOn('personaPlans', 'Persona orders, fixed so the demo script can rely on them.')(doc)
  },
)

/** Splits a list written with `// ----- name` section comments into one file per section. */
function sections(ts: string, opener: RegExp): { name: string; count: number }[] {
  const out: { name: string; count: number }[] = []
  for (const line of readFileSync(join(root, ts), 'utf8').split('\n')) {
    const m = /^ {2}\/\/ -+ (.+)$/.exec(line)
    if (m) out.push({ name: m[1]!, count: 0 })
    else if (opener.test(line)) out.at(-1)!.count++
  }
  return out
}
const slug = (s: string) => s.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '')

const topics = (faq as unknown as { TOPICS: { category: string; zh: unknown[]; en: unknown[] }[] }).TOPICS
const side = ([question, answer, similar]: unknown[]) => ({ question, answer, similar })
let at = 0
sections('scripts/demo/faq.ts', /^ {2}t\($/).forEach((s, i) => {
  const part = topics.slice(at, at + s.count).map((t) => ({ category: t.category, zh: side(t.zh), en: side(t.en) }))
  at += s.count
  dump(`${demo}/faq/${String(i + 1).padStart(2, '0')}-${slug(s.name)}.yaml`, part, [
    `FAQ, ${s.name}.`,
    ...headerOf('scripts/demo/faq.ts'),
    'Files are read in name order; topic N of all files together is faq-zh-N / faq-en-N.',
  ])
})
if (at !== topics.length) throw new Error(`faq sections cover ${at} of ${topics.length} topics`)

type Side = { s: string; sim: string[]; q: string[]; sol: string[] }
const entries = faults.ENTRIES as unknown as {
  key: string
  category: string
  queue: string
  priority: string
  zh: Side
  en: Side
}[]
const faultSide = (s: Side) => ({ symptom: s.s, similar: s.sim, questions: s.q, solutions: s.sol })
at = 0
sections('scripts/demo/faults.ts', /^ {2}e\($/).forEach((s, i) => {
  const part = entries.slice(at, at + s.count).map((x) => ({
    key: x.key,
    category: x.category,
    queue: x.queue,
    priority: x.priority,
    zh: faultSide(x.zh),
    en: faultSide(x.en),
  }))
  at += s.count
  dump(`${demo}/faults/${i + 1}-${slug(s.name)}.yaml`, part, [
    `Fault graph, ${s.name}.`,
    ...headerOf('scripts/demo/faults.ts'),
    'Files are read in name order.',
  ])
})
if (at !== entries.length) throw new Error(`fault sections cover ${at} of ${entries.length} entries`)

console.log(`wrote ${written.length} files:\n${written.join('\n')}`)
