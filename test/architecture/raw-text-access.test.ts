/**
 * Skills and the dialogue never read the customer's raw words: the understanding stage (src/core/nlu,
 * `understandTurn`) reads them once and the rest of the turn works on its typed result
 * (`sc.understanding`: the intent, slots, cues, the knowledge query, and lazy readings such as the
 * recommendation request or the category a message names). Two checks keep it that way:
 *  - no module of the dialogue, the skills or the proactive skills reads the turn's `text` field
 *    (`ctx.text`, `input.text`, `sc.ctx.text`, or destructured), except the one call that hands it to
 *    the understanding stage;
 *  - none of them calls an understanding-stage helper that takes the raw text (a function of
 *    src/core/nlu whose first parameter is `text` / `raw` / `message`): those run inside the stage.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseAst } from 'vite'
import { describe, expect, it } from 'vitest'
import { type Node, ROOT, sourceFiles, visit } from './source-files.js'

/** Modules that act on the understanding's result, never on the words. */
const CONSUMERS = ['src/core/dialogue/', 'src/core/skills/', 'src/core/proactive/']

/** The one place the raw text is read: handing it to the understanding stage. */
const ALLOWED_READS: Record<string, string[]> = {
  'src/core/dialogue/dialogue-manager.ts': ['input.text'],
}

const TURN_NAMES = new Set(['ctx', 'input', 'turn'])

/** `ctx.text`, `input.text`, `sc.ctx.text`, `{ text } = ctx`: reads of a turn's raw text in a source. */
function rawTextReads(source: string): string[] {
  const out: string[] = []
  /** The turn context an expression names (`ctx`, `input`, `sc.ctx`…), or null. */
  const isTurn = (o: Node | undefined): string | null => {
    if (o?.type === 'Identifier' && TURN_NAMES.has(String(o.name))) return String(o.name)
    if (o?.type !== 'MemberExpression' || o.computed) return null
    const p = o.property as Node
    const obj = o.object as Node
    return p.type === 'Identifier' && p.name === 'ctx'
      ? `${obj.type === 'Identifier' ? String(obj.name) : '…'}.ctx`
      : null
  }
  visit(parseAst(source, { lang: 'ts' }), (n) => {
    if (n.type === 'MemberExpression' && !n.computed) {
      const p = n.property as Node
      const owner = isTurn(n.object as Node)
      if (owner && p.type === 'Identifier' && p.name === 'text') out.push(`${owner}.text`)
    }
    if (n.type === 'VariableDeclarator') {
      const id = n.id as Node
      const owner = isTurn(n.init as Node)
      if (owner && id.type === 'ObjectPattern')
        for (const prop of id.properties as Node[]) {
          const key = prop.key as Node | undefined
          if (key?.type === 'Identifier' && key.name === 'text') out.push(`{ text } = ${owner}`)
        }
    }
  })
  return out
}

/** Exported functions of a source whose first parameter is the raw text (`text`, `raw`, `message`). */
function textReaders(source: string): string[] {
  const out: string[] = []
  const first = (params: unknown): boolean => {
    const p = Array.isArray(params) ? (params[0] as Node | undefined) : undefined
    const id = p?.type === 'AssignmentPattern' ? (p.left as Node) : p
    return id?.type === 'Identifier' && ['text', 'raw', 'message'].includes(String(id.name))
  }
  const ast = parseAst(source, { lang: 'ts' }) as unknown as { body: Node[] }
  for (const s of ast.body) {
    const d = s.type === 'ExportNamedDeclaration' ? (s.declaration as Node | null) : null
    if (!d) continue
    if (d.type === 'FunctionDeclaration' && first(d.params)) out.push(String((d.id as Node).name))
    if (d.type === 'VariableDeclaration')
      for (const v of d.declarations as Node[]) {
        const init = v.init as Node | null
        if (
          init &&
          (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression') &&
          first(init.params)
        )
          out.push(String((v.id as Node).name))
      }
  }
  return out
}

/** Value imports (`import { a }`, not `import type`) of a source: specifier → imported names. */
function valueImports(source: string): Array<{ from: string; name: string }> {
  const out: Array<{ from: string; name: string }> = []
  const ast = parseAst(source, { lang: 'ts' }) as unknown as { body: Node[] }
  for (const s of ast.body) {
    if (s.type !== 'ImportDeclaration' || s.importKind === 'type') continue
    const from = String((s.source as Node).value)
    for (const sp of s.specifiers as Node[])
      if (sp.type === 'ImportSpecifier' && sp.importKind !== 'type')
        out.push({ from, name: String((sp.imported as Node).name) })
  }
  return out
}

const read = (f: string) => readFileSync(path.join(ROOT, f), 'utf8')
const consumers = () => sourceFiles('src/core').filter((f) => CONSUMERS.some((d) => f.startsWith(d)))

/** The understanding stage's raw-text helpers, by module (repo-relative path without extension). */
function nluReaders(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  for (const f of sourceFiles('src/core/nlu')) out.set(f.replace(/\.tsx?$/, ''), new Set(textReaders(read(f))))
  return out
}

describe('skills and the dialogue never read the raw customer text', () => {
  it('finds reads of the raw text and raw-text helpers (the checks can fail)', () => {
    const src = [
      'const a = sc.ctx.text.trim()',
      'const b = ctx.text',
      'const { text, nlu } = sc.ctx',
      'const c = input.text.length',
      'const d = sc.understanding.query // fine',
      'const e = reply.text // a reply, not the turn',
    ].join('\n')
    expect(rawTextReads(src)).toEqual(['sc.ctx.text', 'ctx.text', '{ text } = sc.ctx', 'input.text'])
    expect(
      textReaders(
        'export function f(text: string) {}\nexport const g = (raw = "") => 1\nexport function h(n: number) {}',
      ),
    ).toEqual(['f', 'g'])
  })

  it('no dialogue or skill module reads the turn text, except the hand-over to the understanding stage', () => {
    const offenders: string[] = []
    for (const f of consumers()) {
      const allowed = ALLOWED_READS[f] ?? []
      const reads = rawTextReads(read(f)).filter((r) => !allowed.includes(r))
      if (reads.length > 0) offenders.push(`${f}: ${reads.join(', ')}`)
    }
    expect(offenders, 'read the typed result instead: sc.understanding (src/core/nlu/understand-turn.ts)').toEqual([])
    // The hand-over is exactly one read.
    expect(rawTextReads(read('src/core/dialogue/dialogue-manager.ts'))).toEqual(['input.text'])
  })

  it('no dialogue or skill module calls an understanding-stage helper that takes the raw text', () => {
    const readers = nluReaders()
    expect(readers.get('src/core/nlu/parse-recommend-request')?.has('parseRecommendRequest')).toBe(true)
    const offenders: string[] = []
    for (const f of consumers()) {
      for (const imp of valueImports(read(f))) {
        if (!imp.from.startsWith('.')) continue
        const target = path.posix.join(path.posix.dirname(f), imp.from).replace(/\.js$/, '')
        if (imp.name !== 'understandTurn' && readers.get(target)?.has(imp.name))
          offenders.push(`${f}: ${imp.name} (${target})`)
      }
    }
    expect(offenders, 'compute it in the understanding stage and read the result from sc.understanding').toEqual([])
  })
})
