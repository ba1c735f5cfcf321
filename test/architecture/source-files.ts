/** Source files and their parsed syntax, for the architecture tests (parsed with Vite's parser). */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseAst } from 'vite'

export const ROOT = path.resolve(import.meta.dirname, '../..')

/** Every .ts/.tsx file under `dir` (relative to the repo root), tests excluded, as repo-relative paths. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const e of readdirSync(path.join(ROOT, d), { withFileTypes: true })) {
      const rel = path.posix.join(d, e.name)
      if (e.isDirectory()) walk(rel)
      else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(rel)
    }
  }
  walk(dir)
  return out.sort()
}

export type Node = { type?: string; [k: string]: unknown }

/** Visits every syntax node of a parsed file (or any parsed source). */
export function visit(node: unknown, fn: (n: Node) => void): void {
  if (Array.isArray(node)) {
    for (const c of node) visit(c, fn)
    return
  }
  if (!node || typeof node !== 'object') return
  const n = node as Node
  if (typeof n.type === 'string') fn(n)
  for (const [k, v] of Object.entries(n)) if (k !== 'parent' && v && typeof v === 'object') visit(v, fn)
}

export function parse(file: string): unknown {
  const lang = file.endsWith('.tsx') ? 'tsx' : 'ts'
  return parseAst(readFileSync(path.join(ROOT, file), 'utf8'), { lang })
}

/** Regular expressions written in a source file: regex literals and `RegExp(…)` / `new RegExp(…)`, with offsets. */
export function regexUses(source: string, lang: 'ts' | 'tsx' = 'ts'): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = []
  visit(parseAst(source, { lang }), (n) => {
    if (n.type === 'Literal' && n.regex) out.push({ text: String(n.raw), start: Number(n.start) })
    if (n.type === 'NewExpression' || n.type === 'CallExpression') {
      const callee = n.callee as Node | undefined
      if (callee?.type === 'Identifier' && callee.name === 'RegExp')
        out.push({ text: source.slice(Number(n.start), Number(n.end)).slice(0, 80), start: Number(n.start) })
    }
  })
  return out
}

/** Relative module specifiers a file imports or re-exports (`import`, `export … from`, `import()`), types included. */
export function relativeImports(file: string): string[] {
  const out: string[] = []
  visit(parse(file), (n) => {
    const src =
      n.type === 'ImportDeclaration' || n.type === 'ExportNamedDeclaration' || n.type === 'ExportAllDeclaration'
        ? (n.source as Node | null)
        : n.type === 'ImportExpression'
          ? (n.source as Node)
          : null
    if (src && src.type === 'Literal' && typeof src.value === 'string' && src.value.startsWith('.')) out.push(src.value)
  })
  return out
}
