/**
 * An append-only list of 32-bit integers in fixed-size typed-array chunks. A single Int32Array
 * pool grown by doubling copies everything it holds on each growth: at 100,000 products the
 * variant and body term pools reached 10–20 million integers, and one copy into fresh memory
 * blocked the event loop for 0.5–1.6 s on the 2-core VM (page faults dominate). Chunks are never
 * copied: a new one is started when the last is full, so an append costs the same at any size.
 */

/** Integers per chunk (256 KiB). */
const SHIFT = 16
const CHUNK = 1 << SHIFT
const MASK = CHUNK - 1

export class Int32Chunks {
  private readonly chunks: Int32Array[] = []
  private used = 0

  /** Integers appended so far (positions are 0 … length - 1). */
  get length(): number {
    return this.used
  }

  /** Appends one integer; returns its position. */
  push(value: number): number {
    const at = this.used++
    const k = at >>> SHIFT
    if (k === this.chunks.length) this.chunks.push(new Int32Array(CHUNK))
    this.chunks[k]![at & MASK] = value
    return at
  }

  /** The integer at a position below `length`. */
  get(at: number): number {
    return this.chunks[at >>> SHIFT]![at & MASK]!
  }

  /** Bytes held by the chunks. */
  bytes(): number {
    return this.chunks.length * CHUNK * 4
  }
}
