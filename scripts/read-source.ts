/**
 * Reads the hand-written source data of the generators: YAML files under data/ (data/nlu/sources/,
 * data/demo/sources/). The files are data, reviewed like data; the scripts only hold the logic that
 * expands them into the committed outputs.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

/** The repository root. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Parses data/<path>. The shape is asserted, not validated: callers check what a mistake could
 * silently change, and test/data/generated-data.test.ts catches any drift in the outputs.
 */
export function readSource<T>(path: string): T {
  const file = join(repoRoot, 'data', path)
  try {
    return parse(readFileSync(file, 'utf8')) as T
  } catch (err) {
    throw new Error(`data/${path}: ${(err as Error).message}`)
  }
}

/** The .yaml files of data/<dir>, in name order, each parsed as a list; the rows of all files concatenated. */
export function readSourceList<T>(dir: string): T[] {
  const names = readdirSync(join(repoRoot, 'data', dir))
    .filter((n) => n.endsWith('.yaml'))
    .sort()
  return names.flatMap((n) => {
    const rows = readSource<T[]>(`${dir}/${n}`)
    if (!Array.isArray(rows)) throw new Error(`data/${dir}/${n}: expected a list`)
    return rows
  })
}
