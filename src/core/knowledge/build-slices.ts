/**
 * The time slices of a long build on the serving thread (a catalog index of 100,000 products):
 * work runs until the slice's budget is used, then the build yields to the event loop (`pause`).
 * One slicer per build, shared by the build and the store reads that feed it, so a page read
 * only yields when the slice has used half its budget (it used to yield before every page as
 * well, one more turn of a busy event loop per 200 products).
 */
export type BuildSlicesOptions = {
  /** Yields to the event loop (the server passes a `setImmediate` promise); none: never yields. */
  pause?: () => Promise<void>
  /** Work between two pauses, in milliseconds (default 8), when the event loop has little else to do. */
  sliceMs?: number
  /**
   * The longest slice when the loop is busy (default 100 ms): after a pause that took `away` ms,
   * the next slice is `away / 2`, between sliceMs and this.
   */
  maxSliceMs?: number
}

export type BuildSlices = {
  /** Called after each unit of work (a product): yields when the slice's budget is used. */
  step(): Promise<void>
  /** Before a large synchronous unit (a store page): yields when half the budget is used. */
  beforeBlock(): Promise<void>
  /** Pauses taken so far. */
  readonly pauses: number
}

/** A slicer for one build. */
export function createBuildSlices(options: BuildSlicesOptions = {}): BuildSlices {
  const pause = options.pause
  const sliceMs = options.sliceMs ?? 8
  const maxSliceMs = Math.max(sliceMs, options.maxSliceMs ?? 100)
  let budget = sliceMs
  let sliceStart = performance.now()
  let n = 0
  let pauses = 0
  const yieldNow = async () => {
    const paused = performance.now()
    pauses++
    await pause!()
    sliceStart = performance.now()
    // A busy loop (an update stream, chat) kept the build away for `away` ms: the next slice is
    // half of that, up to maxSliceMs, so the build keeps a third of the thread whatever the
    // backlog, and a request waits at most half again what the loop's other work made it wait.
    // 8 ms per loop turn, then `away / 3` up to 25 ms, starved: on a loaded 2-core machine a turn
    // of the loop serving an update stream took ~250 ms, so the build got a tenth of the thread
    // and 100,000 products never finished while the stream ran.
    const away = sliceStart - paused
    budget = Math.min(maxSliceMs, Math.max(sliceMs, away / 2))
  }
  return {
    async step() {
      if (!pause || ++n % 8 !== 0 || performance.now() - sliceStart < budget) return
      await yieldNow()
    },
    async beforeBlock() {
      if (!pause || performance.now() - sliceStart < budget / 2) return
      await yieldNow()
    },
    get pauses() {
      return pauses
    },
  }
}
