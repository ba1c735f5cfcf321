/**
 * A circuit breaker around a language model, one per provider: after `failureThreshold` consecutive
 * provider failures (timeouts, 408/409/429, ≥ 500, unreachable — the `retryable` ones; a 401 or a
 * rejected answer says nothing about the provider's health) it opens, and every call fails at once
 * (`details.circuitOpen`) so customers get the offline answer without waiting for a dead provider.
 * After `openMs` on the injected clock it lets one probe through (half-open): success closes it,
 * failure opens it again for another `openMs`.
 */
import { AppError } from '../errors.js'
import type { Clock } from '../ports/clock.js'
import type { GenerateRequest, LanguageModel, StreamPart } from '../ports/language-model.js'

export type CircuitState = 'closed' | 'open' | 'half_open'

export type CircuitBreakerOptions = {
  clock: Clock
  /** Consecutive provider failures that open the circuit. Default 5. */
  failureThreshold?: number
  /** How long it stays open before a probe. Default 30 s. */
  openMs?: number
  /** Told when the state changes (a log line, a metric). */
  onStateChange?: (to: CircuitState, from: CircuitState) => void
}

export type CircuitBreaker = {
  state(): CircuitState
  /** Wraps a model so its calls pass through this breaker (several models may share one). */
  wrap(llm: LanguageModel): LanguageModel
}

/**
 * Creates a breaker.
 *
 * @example
 * const breaker = createCircuitBreaker({ clock, failureThreshold: 5, openMs: 30_000 })
 * const llm = breaker.wrap(createOpenAiLanguageModel({ … }))
 */
export function createCircuitBreaker(opts: CircuitBreakerOptions): CircuitBreaker {
  const threshold = Math.max(1, opts.failureThreshold ?? 5)
  const openMs = Math.max(0, opts.openMs ?? 30_000)
  let current: CircuitState = 'closed'
  let failures = 0
  let openedAt = 0
  let probing = false

  const move = (to: CircuitState) => {
    if (to === current) return
    const from = current
    current = to
    opts.onStateChange?.(to, from)
  }

  function state(): CircuitState {
    if (current === 'open' && opts.clock.now().getTime() - openedAt >= openMs) move('half_open')
    return current
  }

  /** Admits a call or throws; returns whether the call is the half-open probe. */
  function admit(): boolean {
    const s = state()
    if (s === 'closed') return false
    if (s === 'half_open' && !probing) {
      probing = true
      return true
    }
    throw new AppError('upstream_failed', 'LLM provider circuit is open', {
      retryable: true,
      details: { circuitOpen: true, attempts: 0 },
    })
  }

  function succeeded(probe: boolean): void {
    if (probe) probing = false
    failures = 0
    move('closed')
  }

  function failed(probe: boolean, e: unknown): void {
    if (probe) probing = false
    const providerFault = AppError.isInstance(e) && e.options.retryable === true
    if (!providerFault) {
      // Not the provider's health (bad key, cancelled): a probe that ends like this proves nothing.
      if (probe) move('half_open')
      return
    }
    failures++
    if (probe || failures >= threshold) {
      openedAt = opts.clock.now().getTime()
      move('open')
    }
  }

  return {
    state,
    wrap(llm) {
      const wrapped: LanguageModel = {
        specificationVersion: 'v1',
        provider: llm.provider,
        modelId: llm.modelId,
        ...(llm.timeoutMs !== undefined ? { timeoutMs: llm.timeoutMs } : {}),
        async generate(req, signal) {
          const probe = admit()
          try {
            const r = await llm.generate(req, signal)
            succeeded(probe)
            return r
          } catch (e) {
            failed(probe, e)
            throw e
          }
        },
      }
      const stream = llm.stream?.bind(llm)
      if (stream) {
        wrapped.stream = async function* (req: GenerateRequest, signal?: AbortSignal): AsyncIterable<StreamPart> {
          const probe = admit()
          let settled = false
          try {
            yield* stream(req, signal)
            settled = true
            succeeded(probe)
          } catch (e) {
            settled = true
            failed(probe, e)
            throw e
          } finally {
            // A reader that stops early proves nothing either way, but must not hold the probe slot.
            if (!settled && probe) probing = false
          }
        }
      }
      return wrapped
    },
  }
}
