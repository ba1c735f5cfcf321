/** Runs in a worker thread: fits FAQ matcher SVMs sent by the main thread (see faq-fitter.ts). */
import { parentPort } from 'node:worker_threads'
import { type FaqFitInput, fitFaqWeights } from '../../core/knowledge/faq-classifier.js'

type Request = { id: number; input: FaqFitInput }

const port = parentPort
if (!port) throw new Error('fit-worker.ts must run in a worker thread')

// Loaded (tsx registered, modules imported): fits may be sent here from now on.
port.postMessage({ ready: true })

port.on('message', (m: Request) => {
  try {
    const out = fitFaqWeights(m.input)
    const buffers = [out.offsets, out.classIdx, out.weight, out.bias].map((a) => a.buffer as ArrayBuffer)
    port.postMessage({ id: m.id, out }, buffers)
  } catch (e) {
    port.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) })
  }
})
