/**
 * No import cycles in src/ (type-only imports count: a cycle of types is still two modules that cannot
 * be understood apart). In particular the dialogue and its skills: the dialogue manager runs skills,
 * skills never reach back into the dialogue manager.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, relativeImports, sourceFiles } from './source-files.js'

/** The file a relative specifier names (`./x.js` → `x.ts` / `x.tsx` / `x/index.ts`), or null. */
function resolve(from: string, spec: string): string | null {
  const base = path.posix.join(path.posix.dirname(from), spec)
  const stem = base.replace(/\.(js|jsx|ts|tsx)$/, '')
  for (const c of [`${stem}.ts`, `${stem}.tsx`, `${stem}/index.ts`, base])
    if (existsSync(path.join(ROOT, c)) && /\.tsx?$/.test(c)) return c
  return null
}

/** Import graph of the files. */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const g = new Map<string, string[]>()
  for (const f of files)
    g.set(
      f,
      relativeImports(f).flatMap((s) => resolve(f, s) ?? []),
    )
  return g
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(g: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const out: string[][] = []
  const connect = (v: string) => {
    index.set(v, next)
    low.set(v, next)
    next++
    stack.push(v)
    onStack.add(v)
    for (const w of g.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        scc.push(w)
      } while (w !== v)
      if (scc.length > 1 || (g.get(v) ?? []).includes(v)) out.push(scc.sort())
    }
  }
  for (const v of g.keys()) if (!index.has(v)) connect(v)
  return out
}

let graph: Map<string, string[]> | null = null
/** The import graph of src/, built once for this file's tests. */
const srcGraph = () => {
  graph ??= importGraph(sourceFiles('src'))
  return graph
}

describe('import cycles', () => {
  it('finds a cycle when there is one (the check can fail)', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ])
    expect(cycles(g)).toEqual([['a', 'b', 'c']])
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([])
  })

  it('src/ has none', () => {
    const g = srcGraph()
    expect(g.size).toBeGreaterThan(300)
    expect(cycles(g)).toEqual([])
  })

  it('no skill reaches the dialogue manager through its imports', () => {
    const g = srcGraph()
    const reaches = (from: string, target: (f: string) => boolean): boolean => {
      const seen = new Set<string>()
      const todo = [from]
      while (todo.length > 0) {
        const f = todo.pop()!
        for (const d of g.get(f) ?? []) {
          if (target(d)) return true
          if (!seen.has(d)) {
            seen.add(d)
            todo.push(d)
          }
        }
      }
      return false
    }
    const bad = [...g.keys()]
      .filter((f) => f.startsWith('src/core/skills/'))
      .filter((f) => reaches(f, (d) => d === 'src/core/dialogue/dialogue-manager.ts'))
    expect(bad).toEqual([])
  })
})
