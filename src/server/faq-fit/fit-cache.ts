/**
 * Remembers FAQ matcher fits on disk, keyed by a hash of the whole training problem (the feature
 * matrix, the labels and the solver's settings). A restart, a `kefu ask` process or another instance
 * holding the same FAQ skips the SVM — seconds of CPU on a busy machine — and a changed FAQ is a
 * different problem, so a stale fit is never used. The cache is an optimisation only: a missing,
 * unreadable or unwritable directory or a damaged file means the fit is computed as before.
 */
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from 'pino'
import type { FaqFitInput, FaqFitOutput, FaqFitter } from '../../core/knowledge/faq-classifier.js'

/** Bump when the solver or the layout of a fit changes: older files are then never read. */
const FORMAT = 'faq-fit-v1'
const MAGIC = 0x6b666631 // "kff1"

export type FaqFitCacheStats = { hits: number; misses: number }

/** The hash naming a problem's file. */
export function faqFitKey(input: FaqFitInput): string {
  const h = createHash('sha256')
  h.update(`${FORMAT}:${input.entries}:${input.C}:${input.maxIter}:${input.seed}:${input.x.rows}:${input.x.cols}`)
  for (const a of [input.x.indptr, input.x.indices, input.x.values, input.y]) {
    h.update(`|${a.length}|`)
    h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength))
  }
  return h.digest('hex').slice(0, 32)
}

function encode(out: FaqFitOutput): Buffer {
  const parts = [out.offsets, out.classIdx, out.weight, out.bias]
  const head = Buffer.alloc(4 * 5)
  head.writeUInt32LE(MAGIC, 0)
  for (const [i, p] of parts.entries()) head.writeUInt32LE(p.length, 4 * (i + 1))
  return Buffer.concat([head, ...parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength))])
}

/** Null when the bytes are not a whole fit of this format. */
function decode(buf: Buffer): FaqFitOutput | null {
  if (buf.length < 20 || buf.readUInt32LE(0) !== MAGIC) return null
  const n = [1, 2, 3, 4].map((i) => buf.readUInt32LE(4 * i))
  const sizes = [n[0]! * 4, n[1]! * 4, n[2]! * 4, n[3]! * 8]
  if (20 + sizes.reduce((a, b) => a + b, 0) !== buf.length) return null
  let at = 20
  // Copied out of the file's buffer so every array starts on its own aligned buffer.
  const take = (bytes: number): ArrayBuffer => {
    const ab = new ArrayBuffer(bytes)
    new Uint8Array(ab).set(buf.subarray(at, at + bytes))
    at += bytes
    return ab
  }
  return {
    offsets: new Int32Array(take(sizes[0]!)),
    classIdx: new Int32Array(take(sizes[1]!)),
    weight: new Float32Array(take(sizes[2]!)),
    bias: new Float64Array(take(sizes[3]!)),
  }
}

/**
 * Wraps a fitter with the cache in `dir` (created when needed). The newest `keep` fits are kept;
 * older ones are removed after each write.
 */
export function cachedFaqFitter(
  fitUncached: FaqFitter,
  opts: { dir: string; logger?: Logger; keep?: number },
): { fit: FaqFitter; stats(): FaqFitCacheStats } {
  const keep = opts.keep ?? 32
  const stats: FaqFitCacheStats = { hits: 0, misses: 0 }

  // The files are read and written off the event loop (fs/promises): a fit is ~4.5 MB, and the
  // synchronous write (and the directory walk of prune) blocked the serving thread at every FAQ
  // publish, 30–100 ms on the loaded 2-core machine.
  async function read(file: string): Promise<FaqFitOutput | null> {
    try {
      return decode(await readFile(file))
    } catch {
      return null
    }
  }

  async function write(file: string, out: FaqFitOutput): Promise<void> {
    try {
      await mkdir(opts.dir, { recursive: true })
      const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
      await writeFile(tmp, encode(out))
      await rename(tmp, file)
      await prune()
    } catch (e) {
      opts.logger?.debug({ err: e, dir: opts.dir }, 'FAQ matcher fit not cached')
    }
  }

  async function prune(): Promise<void> {
    const names = (await readdir(opts.dir)).filter((f) => f.endsWith('.fit'))
    const files = await Promise.all(
      names.map(async (f) => {
        const path = join(opts.dir, f)
        try {
          return { path, at: (await stat(path)).mtimeMs }
        } catch {
          return { path, at: 0 }
        }
      }),
    )
    files.sort((a, b) => b.at - a.at)
    for (const f of files.slice(keep)) {
      try {
        await unlink(f.path)
      } catch {
        // another process removed it first
      }
    }
  }

  return {
    stats: () => ({ ...stats }),
    fit: async (input) => {
      const file = join(opts.dir, `${faqFitKey(input)}.fit`)
      const hit = await read(file)
      if (hit) {
        stats.hits++
        return hit
      }
      stats.misses++
      const out = await fitUncached(input)
      await write(file, out)
      return out
    },
  }
}

/**
 * The machine-wide cache next to the shipped intent model's (`node_modules/.cache/kefu`): fits depend
 * only on the problem, so every data directory, test and CLI process on the machine can share them.
 */
export function faqFitCacheDir(rootDir: string): string {
  return join(rootDir, 'node_modules/.cache/kefu/faq-fit')
}
