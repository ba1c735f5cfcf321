import type { Locale } from '../domain/schemas.js'
import type { KnowledgeAnswer, KnowledgeBase } from './types.js'

/** One evaluation query: `expected` is an FAQ id, or null when the right answer is "don't know". */
export type RetrievalQuery = { query: string; expected: string | null; locale?: Locale }

export type RetrievalFailure = {
  query: string
  expected: string | null
  decision: KnowledgeAnswer['status']
  got: string | null
  score: number | null
}

export type RetrievalReport = {
  /** All queries. */
  n: number
  answerable: number
  unanswerable: number
  /** Answerable queries whose first ranked hit is the expected entry (the IR metric, like recall@3 and MRR). */
  top1: number
  /** Stricter: answerable queries the bot answered directly (status `answer`) with the expected entry. */
  answeredTop1: number
  recallAt3: number
  mrr: number
  /** Decisions on answerable queries. */
  answerRate: number
  clarifyRate: number
  /** Answerable queries answered with the wrong entry. */
  wrongAnswerRate: number
  /** Unanswerable queries answered with any entry. */
  falseAnswerRate: number
  p50Ms: number
  p99Ms: number
  failures: RetrievalFailure[]
}

/**
 * Runs queries through `answer()` (the decision a customer sees; timed) and
 * `search()` (the ranking, for recall@3 and MRR) and computes the metrics of
 * `kefu eval retrieval`.
 */
export async function evaluateRetrieval(
  kb: KnowledgeBase,
  queries: RetrievalQuery[],
  opts: { onProgress?: (done: number, total: number) => void } = {},
): Promise<RetrievalReport> {
  const latencies: number[] = []
  let answerable = 0
  let top1 = 0
  let top1Ranked = 0
  let recall3 = 0
  let rr = 0
  let answered = 0
  let clarified = 0
  let wrong = 0
  let unanswerable = 0
  let falseAnswers = 0
  const failures: RetrievalFailure[] = []
  // Warm-up (JIT, lazy dictionaries): latency is reported for the steady state a server runs in.
  for (const q of queries.slice(0, 20)) await kb.answer(q.query, q.locale ? { locale: q.locale } : {})
  for (let i = 0; i < queries.length; i++) {
    const q = queries[i]!
    const locale = q.locale ? { locale: q.locale } : {}
    const t0 = performance.now()
    const decision = await kb.answer(q.query, locale)
    latencies.push(performance.now() - t0)
    const got = decision.status === 'answer' ? decision.hit.id : null
    if (q.expected === null) {
      unanswerable++
      if (decision.status === 'answer') {
        falseAnswers++
        failures.push({ query: q.query, expected: null, decision: decision.status, got, score: decision.hit.score })
      }
    } else {
      answerable++
      const ranked = (await kb.search(q.query, { ...locale, limit: 10 })).map((h) => h.id)
      const rank = ranked.indexOf(q.expected)
      if (rank === 0) top1Ranked++
      if (rank >= 0 && rank < 3) recall3++
      if (rank >= 0) rr += 1 / (rank + 1)
      if (decision.status === 'answer') {
        answered++
        if (got === q.expected) top1++
        else wrong++
      } else if (decision.status === 'clarify') clarified++
      if (got !== q.expected) {
        const first = decision.status === 'answer' ? decision.hit : decision.candidates[0]
        failures.push({
          query: q.query,
          expected: q.expected,
          decision: decision.status,
          got: first?.id ?? null,
          score: first?.score ?? null,
        })
      }
    }
    opts.onProgress?.(i + 1, queries.length)
  }
  const share = (x: number, n: number) => (n === 0 ? 0 : Math.round((x / n) * 10000) / 10000)
  return {
    n: queries.length,
    answerable,
    unanswerable,
    top1: share(top1Ranked, answerable),
    answeredTop1: share(top1, answerable),
    recallAt3: share(recall3, answerable),
    mrr: share(rr, answerable),
    answerRate: share(answered, answerable),
    clarifyRate: share(clarified, answerable),
    wrongAnswerRate: share(wrong, answerable),
    falseAnswerRate: share(falseAnswers, unanswerable),
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    failures,
  }
}

/** Nearest-rank percentile, rounded to 0.001 ms. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))
  return Math.round(sorted[idx]! * 1000) / 1000
}
