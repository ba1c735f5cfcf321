/**
 * `kefu eval dialogues FILE|DIR [--json]`: runs conversation stories (data/stories/*.yaml) against a
 * fresh temporary store loaded with the demo shop (or the file's `data:` directory) through the same
 * conversation service the server uses, and reports pass/fail per story with the first difference.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { pino } from 'pino'
import { parse as parseYaml } from 'yaml'
import { openStore } from '../../adapters/open-store.js'
import { createMemoryLock, createMemoryPubSub } from '../../adapters/pubsub-memory/memory-pub-sub.js'
import { createConversationService } from '../../core/conversation/conversation-service.js'
import { createDialogueManager } from '../../core/dialogue/dialogue-manager.js'
import { checkTurn, normalizeStoryFile, type Story, type StoryFile } from '../../core/dialogue/story-format.js'
import { AppError } from '../../core/errors.js'
import { loadShopDir, readShopFile } from '../../server/demo-seed.js'
import { faqFitCacheDir } from '../../server/faq-fit/fit-cache.js'
import { ensureShop } from '../../server/import/ensure-shop.js'
import { createKnowledgeProvider } from '../../server/knowledge-provider.js'
import { createNluProvider } from '../../server/nlu-provider.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

export type StoryResult = {
  file: string
  name: string
  passed: boolean
  turns: number
  /** Turns whose expectations held (the conversation goes on after a failed turn, as a customer's would). */
  turnsPassed: number
  /** 1-based turn of the first difference. */
  failedTurn?: number
  difference?: string
  /** Every failed turn's difference (the first one is also in `difference`). */
  differences?: string[]
}

export type StoryReport = {
  total: number
  passed: number
  failed: number
  turns: number
  turnsPassed: number
  stories: StoryResult[]
}

/** Lists story files: a file, or every .yaml/.yml/.json in a directory (sorted). */
export function storyFiles(path: string): string[] {
  const p = resolve(path)
  const st = statSync(p, { throwIfNoEntry: false })
  if (!st) throw new AppError('not_found', `no such file or directory: ${path}`)
  if (st.isFile()) return [p]
  return readdirSync(p)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => join(p, f))
}

/** Parses one story file; a bad file throws `invalid_input` naming the file and field. */
export function loadStoryFile(path: string): StoryFile {
  let raw: unknown
  try {
    const text = readFileSync(path, 'utf8')
    raw = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text)
  } catch (e) {
    throw new AppError('invalid_input', `${path}: cannot parse: ${(e as Error).message}`)
  }
  const r = normalizeStoryFile(raw)
  if (!r.ok) throw new AppError('invalid_input', `${path}: ${r.error}`)
  return r.file
}

/** Runs every story of the given files; each file gets its own fresh store. */
export async function runStories(
  paths: string[],
  opts: { onStory?: (r: StoryResult) => void } = {},
): Promise<StoryReport> {
  const results: StoryResult[] = []
  const files = paths.flatMap(storyFiles)
  for (const file of files) {
    const sf = loadStoryFile(file)
    const dataDir = sf.data
      ? isAbsolute(sf.data)
        ? sf.data
        : resolve(dirname(file), sf.data)
      : join(ROOT, 'data/demo')
    const shopId = sf.shop ?? (sf.data ? 'stories' : 'demo')
    for (const r of await runFile(file, sf, dataDir, shopId)) {
      results.push(r)
      opts.onStory?.(r)
    }
  }
  return summarize(results)
}

/** Story and turn totals of a list of results. */
export function summarize(results: StoryResult[]): StoryReport {
  const passed = results.filter((r) => r.passed).length
  return {
    total: results.length,
    passed,
    failed: results.length - passed,
    turns: results.reduce((n, r) => n + r.turns, 0),
    turnsPassed: results.reduce((n, r) => n + r.turnsPassed, 0),
    stories: results,
  }
}

async function runFile(file: string, sf: StoryFile, dataDir: string, shopId: string): Promise<StoryResult[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'kefu-stories-'))
  const logger = pino({ level: 'silent' })
  const store = await openStore(`sqlite://${join(tmp, 'kefu.db')}`)
  const pubsub = createMemoryPubSub()
  try {
    const shopFile = readShopFile(dataDir)
    // The story's clock: the story's `now`, else the file's, else the shop's reference moment.
    const startOf = (story?: Story): Date => {
      const at = story?.now ?? sf.now ?? shopFile?.asOf
      if (!at) {
        throw new AppError(
          'invalid_input',
          `${file}: set \`now:\` (the stories' clock) or give ${dataDir} a shop.json with asOf`,
        )
      }
      return new Date(at)
    }
    // Every story gets its own copy of the shop (same data, own shop id) so a story that cancels an
    // order or opens a return cannot change what the next story sees. Timestamps move with the story's
    // clock exactly as the demo moves with the server's (no move when the clock is the shop's asOf).
    const loadShop = async (id: string, at: Date) => {
      const shop = await ensureShop(store, id, { name: shopFile?.name ?? 'Story Shop' })
      if (shopFile) await store.shops.upsert({ ...shop, settings: { ...shop.settings, ...shopFile.settings } })
      const loaded = await loadShopDir(store, dataDir, id, at)
      if (!loaded) throw new AppError('not_found', `${file}: no shop data (*.jsonl) in ${dataDir}`)
    }
    let clock = startOf()
    await loadShop(shopId, clock)
    const nlu = createNluProvider({
      store,
      dataDir: tmp,
      rootDir: ROOT,
      logger,
      clock: { specificationVersion: 'v1', now: () => clock },
    })
    // One NLU model for all copies: they hold the same catalog, and training once keeps the run fast.
    const engine = await nlu.forShop(shopId)
    const knowledge = await createKnowledgeProvider({ store, pubsub, logger, fitCacheDir: faqFitCacheDir(ROOT) })
    const conversations = createConversationService({
      store,
      nluFor: async () => engine,
      knowledgeFor: (id) => knowledge.forShop(id),
      dialogue: createDialogueManager(),
      pubsub,
      lock: createMemoryLock(),
      clock: () => clock,
      newId: (p) => `${p}_${randomUUID().replace(/-/g, '').slice(0, 12)}`,
    })
    const out: StoryResult[] = []
    for (const [i, story] of sf.stories.entries()) {
      const storyShop = `${shopId}-s${i + 1}`
      clock = startOf(story)
      await loadShop(storyShop, clock)
      out.push(await runStory(file, story, storyShop, conversations, () => (clock = new Date(clock.getTime() + 1000))))
    }
    await knowledge.close()
    return out
  } finally {
    await store.close().catch(() => undefined)
    await pubsub.close?.().catch(() => undefined)
    rmSync(tmp, { recursive: true, force: true })
  }
}

async function runStory(
  file: string,
  story: Story,
  shopId: string,
  conversations: ReturnType<typeof createConversationService>,
  tick: () => void,
): Promise<StoryResult> {
  const base = { file, name: story.name, turns: story.turns.length }
  let turnsPassed = 0
  let first: { failedTurn: number; difference: string } | null = null
  const differences: string[] = []
  try {
    const conv = await conversations.startConversation({
      shopId,
      customerId: story.customer ?? null,
      channel: 'story',
      locale: story.locale ?? null,
    })
    for (const [i, turn] of story.turns.entries()) {
      tick()
      const res = await conversations.handleMessage({
        shopId,
        conversationId: conv.id,
        text: turn.user,
        ...(turn.payload ? { payload: turn.payload } : {}),
      })
      const diff = checkTurn(turn.expect, res as Parameters<typeof checkTurn>[1])
      if (!diff) turnsPassed++
      else {
        const said = (res as { replies?: Array<{ text: string }> }).replies?.map((r) => r.text).join(' / ') ?? ''
        differences.push(`turn ${i + 1} "${turn.user}": ${diff}\n        replied: ${said.slice(0, 400)}`)
        first ??= { failedTurn: i + 1, difference: `turn ${i + 1} "${turn.user}": ${diff}` }
      }
    }
    return first
      ? { ...base, turnsPassed, passed: false, ...first, differences }
      : { ...base, turnsPassed, passed: true }
  } catch (e) {
    const msg = AppError.isInstance(e) ? `${e.code}: ${e.message}` : String(e)
    return { ...base, turnsPassed, passed: false, ...(first ?? {}), difference: `error: ${msg}` }
  }
}

/** The sets `kefu eval dialogues` runs by default: the shipped stories (a gate) and the blind halves (measured). */
const DEFAULT_SETS = [
  { name: 'stories', path: 'data/stories', gate: true },
  { name: 'blind dev', path: 'data/eval/dialogues-blind/dev', gate: false },
  { name: 'blind test', path: 'data/eval/dialogues-blind/test', gate: false },
]

const SET_NAMES: Record<string, string> = { stories: 'stories', dev: 'blind dev', test: 'blind test' }

const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)} %`)

/**
 * CLI entry: `kefu eval dialogues [FILE|DIR …] [--json] [--summary]`. Without paths it runs the shipped
 * stories and both halves of the blind set (data/eval/dialogues-blind) and exits 1 only when a shipped
 * story fails; with paths, each path is a set and any failure exits 1.
 */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      summary: { type: 'boolean', default: false },
      set: { type: 'string', multiple: true },
      'all-turns': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    process.stdout.write(
      'usage: kefu eval dialogues [FILE|DIR …] [--set stories|dev|test …] [--json] [--summary] [--all-turns]\n' +
        '  (default: data/stories, then the blind dev and test halves in data/eval/dialogues-blind)\n' +
        '  --set NAME     run only that default set (repeatable): stories, dev (blind dev half), test (blind test half)\n' +
        '  --all-turns    print every failed turn of a failed story, not only the first\n',
    )
    return 0
  }
  const wanted = values.set ?? []
  const unknown = wanted.filter((n) => !SET_NAMES[n])
  if (unknown.length > 0) {
    process.stderr.write(`unknown --set ${unknown.join(', ')} (use stories, dev or test)\n`)
    return 2
  }
  const sets =
    positionals.length > 0
      ? positionals.map((p) => ({ name: p, path: p, gate: true }))
      : DEFAULT_SETS.filter((s) => wanted.length === 0 || wanted.some((n) => SET_NAMES[n] === s.name)).map((s) => ({
          ...s,
          path: join(ROOT, s.path),
        }))
  const reports: Array<{ set: string; gate: boolean } & StoryReport> = []
  for (const set of sets) {
    const report = await runStories([set.path], {
      onStory: (r) => {
        if (values.json || (values.summary && r.passed)) return
        const mark = r.passed ? 'PASS' : 'FAIL'
        const diffs = values['all-turns'] && r.differences ? r.differences : [r.difference]
        process.stdout.write(`${mark}  ${r.name}${r.passed ? '' : diffs.map((d) => `\n      ${d}`).join('')}\n`)
      },
    })
    reports.push({ set: set.name, gate: set.gate, ...report })
  }
  if (values.json) {
    const only = reports.length === 1 ? reports[0] : { sets: reports }
    process.stdout.write(`${JSON.stringify(only)}\n`)
  } else {
    process.stdout.write('\n')
    for (const r of reports) {
      process.stdout.write(
        `${r.set}: ${r.passed}/${r.total} conversations passed (${pct(r.passed, r.total)}), ` +
          `${r.turnsPassed}/${r.turns} turns (${pct(r.turnsPassed, r.turns)})\n`,
      )
    }
  }
  return reports.some((r) => r.gate && r.failed > 0) ? 1 : 0
}
