/**
 * The server fits FAQ matchers in a worker thread: the result is the same model as an in-process fit,
 * the event loop keeps serving while it runs, and a worker that fails or stalls falls back to an
 * in-process fit instead of leaving a shop without an index.
 */
import { readFileSync } from 'node:fs'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { fitFaqWeights, prepareFaqTraining } from '../../src/core/knowledge/faq-classifier.js'
import { characterNgrams } from '../../src/core/text/character-ngrams.js'
import { createWorkerFaqFitter, type WorkerFaqFitter } from '../../src/server/faq-fit/faq-fitter.js'

const logger = pino({ level: 'silent' })

/** The demo shop's Chinese FAQ as a training problem (question + similar questions per entry). */
function demoProblem() {
  const rows = readFileSync(new URL('../../data/demo/faq.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { question: string; similar?: string[]; locale?: string })
    .filter((f) => (f.locale ?? 'zh') === 'zh')
  const examples = rows.flatMap((f, entry) => [f.question, ...(f.similar ?? [])].map((text) => ({ text, entry })))
  const prepared = prepareFaqTraining(examples, rows.length, (t) => characterNgrams(t))
  if (!prepared) throw new Error('demo FAQ too small to train')
  return prepared
}

let fitter: WorkerFaqFitter | null = null
afterEach(async () => {
  await fitter?.close()
  fitter = null
})

describe('FAQ matcher fitting in a worker thread', () => {
  it('fits the same weights as an in-process fit while the event loop keeps turning', async () => {
    const prepared = demoProblem()
    const expected = fitFaqWeights(prepared.input)
    // Told not to wait, the first fit starts the worker and, while it loads, runs here.
    fitter = createWorkerFaqFitter({ logger, waitForWorkerMs: 0 })
    await fitter.fit(prepared.input)
    expect(fitter.stats()).toEqual({ inWorker: 0, inProcess: 1 })
    expect(await fitter.ready()).toBe(true)
    let ticks = 0
    const timer = setInterval(() => ticks++, 1)
    const out = await fitter.fit(prepared.input)
    clearInterval(timer)
    expect(fitter.stats()).toEqual({ inWorker: 1, inProcess: 1 })
    expect(ticks).toBeGreaterThan(0)
    expect(Array.from(out.offsets)).toEqual(Array.from(expected.offsets))
    expect(Array.from(out.classIdx)).toEqual(Array.from(expected.classIdx))
    expect(Array.from(out.weight)).toEqual(Array.from(expected.weight))
    expect(Array.from(out.bias)).toEqual(Array.from(expected.bias))
    // A second fit reuses the running worker.
    await fitter.fit(prepared.input)
    expect(fitter.stats().inWorker).toBe(2)
  })

  it('a fit asked while the worker loads waits for it instead of blocking the event loop', async () => {
    const prepared = demoProblem()
    fitter = createWorkerFaqFitter({ logger })
    fitter.start()
    const out = await fitter.fit(prepared.input)
    expect(fitter.stats()).toEqual({ inWorker: 1, inProcess: 0 })
    expect(Array.from(out.weight)).toEqual(Array.from(fitFaqWeights(prepared.input).weight))
  })

  it('stops a worker idle for idleMs and starts it again for the next fit', async () => {
    const prepared = demoProblem()
    fitter = createWorkerFaqFitter({ logger, idleMs: 50 })
    fitter.start()
    expect(fitter.running()).toBe(true)
    expect(await fitter.ready()).toBe(true)
    for (let i = 0; i < 200 && fitter.running(); i++) await new Promise((r) => setTimeout(r, 25))
    expect(fitter.running()).toBe(false)
    // The next fit starts the worker again and waits for it: still fitted off the event loop.
    const out = await fitter.fit(prepared.input)
    expect(fitter.stats()).toEqual({ inWorker: 1, inProcess: 0 })
    expect(Array.from(out.weight)).toEqual(Array.from(fitFaqWeights(prepared.input).weight))
    expect(fitter.running()).toBe(true)
    for (let i = 0; i < 200 && fitter.running(); i++) await new Promise((r) => setTimeout(r, 25))
    expect(fitter.running()).toBe(false)
  })

  it('fits in-process when the worker has not loaded within waitForWorkerMs', async () => {
    const prepared = demoProblem()
    fitter = createWorkerFaqFitter({ logger, waitForWorkerMs: 1 })
    await fitter.fit(prepared.input)
    expect(fitter.stats()).toEqual({ inWorker: 0, inProcess: 1 })
  })

  it('falls back to an in-process fit when the worker does not answer in time', async () => {
    const prepared = demoProblem()
    fitter = createWorkerFaqFitter({ logger, timeoutMs: 1 })
    await fitter.fit(prepared.input)
    expect(await fitter.ready()).toBe(true)
    const out = await fitter.fit(prepared.input)
    expect(fitter.stats()).toEqual({ inWorker: 0, inProcess: 2 })
    expect(Array.from(out.bias)).toEqual(Array.from(fitFaqWeights(prepared.input).bias))
  })
})
