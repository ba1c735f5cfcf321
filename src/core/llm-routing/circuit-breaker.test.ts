import { describe, expect, it } from 'vitest'
import { AppError } from '../errors.js'
import { manualClock } from '../ports/clock.js'
import type { LanguageModel } from '../ports/language-model.js'
import { type CircuitState, createCircuitBreaker } from './circuit-breaker.js'

function scripted(outcomes: Array<'ok' | 'down' | 'bad_key'>): LanguageModel & { calls: number } {
  const m = {
    specificationVersion: 'v1' as const,
    provider: 'fake',
    modelId: 'm',
    calls: 0,
    async generate() {
      const o = outcomes[m.calls++] ?? 'ok'
      if (o === 'down') throw new AppError('upstream_failed', 'HTTP 503', { retryable: true })
      if (o === 'bad_key') throw new AppError('upstream_failed', 'HTTP 401', { retryable: false })
      return { text: 'ok', finishReason: 'stop' as const, modelId: 'm', attempts: 1 }
    },
  }
  return m
}

const call = (llm: LanguageModel) =>
  llm.generate({ messages: [{ role: 'user', content: 'x' }] }).then(
    () => 'ok',
    (e: AppError) => ((e.options.details as { circuitOpen?: boolean })?.circuitOpen ? 'open' : 'failed'),
  )

describe('circuit breaker', () => {
  it('opens after repeated provider failures, fails fast, probes after the pause and closes on success', async () => {
    const clock = manualClock('2026-12-01T10:00:00Z')
    const changes: CircuitState[] = []
    const breaker = createCircuitBreaker({
      clock,
      failureThreshold: 3,
      openMs: 30_000,
      onStateChange: (s) => changes.push(s),
    })
    const inner = scripted(['down', 'down', 'down', 'ok', 'ok'])
    const llm = breaker.wrap(inner)
    expect([await call(llm), await call(llm), await call(llm)]).toEqual(['failed', 'failed', 'failed'])
    expect(breaker.state()).toBe('open')
    expect(await call(llm)).toBe('open')
    expect(inner.calls).toBe(3)
    clock.advance(29_999)
    expect(await call(llm)).toBe('open')
    clock.advance(1)
    expect(breaker.state()).toBe('half_open')
    expect(await call(llm)).toBe('ok')
    expect(breaker.state()).toBe('closed')
    expect(changes).toEqual(['open', 'half_open', 'closed'])
  })

  it('re-opens when the half-open probe fails, for another pause', async () => {
    const clock = manualClock('2026-12-01T10:00:00Z')
    const breaker = createCircuitBreaker({ clock, failureThreshold: 1, openMs: 1_000 })
    const llm = breaker.wrap(scripted(['down', 'down', 'ok']))
    expect(await call(llm)).toBe('failed')
    clock.advance(1_000)
    expect(await call(llm)).toBe('failed')
    expect(breaker.state()).toBe('open')
    clock.advance(999)
    expect(await call(llm)).toBe('open')
    clock.advance(1)
    expect(await call(llm)).toBe('ok')
  })

  it('lets one probe through at a time while half-open', async () => {
    const clock = manualClock('2026-12-01T10:00:00Z')
    const breaker = createCircuitBreaker({ clock, failureThreshold: 1, openMs: 0 })
    let release: () => void = () => undefined
    const slow: LanguageModel = {
      specificationVersion: 'v1',
      provider: 'fake',
      modelId: 'm',
      generate: () =>
        new Promise((resolve) => {
          release = () => resolve({ text: 'ok', finishReason: 'stop', modelId: 'm', attempts: 1 })
        }),
    }
    const fail = breaker.wrap(scripted(['down']))
    expect(await call(fail)).toBe('failed')
    const llm = breaker.wrap(slow)
    const probe = call(llm)
    expect(await call(llm)).toBe('open')
    release()
    expect(await probe).toBe('ok')
    expect(breaker.state()).toBe('closed')
  })

  it('is not opened by failures that say nothing about the provider (a bad key)', async () => {
    const breaker = createCircuitBreaker({ clock: manualClock('2026-12-01T10:00:00Z'), failureThreshold: 2 })
    const llm = breaker.wrap(scripted(['bad_key', 'bad_key', 'bad_key']))
    for (let i = 0; i < 3; i++) expect(await call(llm)).toBe('failed')
    expect(breaker.state()).toBe('closed')
  })

  it('frees the probe slot when a reader abandons a half-open stream', async () => {
    const clock = manualClock('2026-12-01T10:00:00Z')
    const breaker = createCircuitBreaker({ clock, failureThreshold: 1, openMs: 0 })
    expect(await call(breaker.wrap(scripted(['down'])))).toBe('failed')
    const streaming: LanguageModel = {
      ...scripted([]),
      async *stream() {
        yield { type: 'text-delta' as const, text: 'a' }
        yield { type: 'text-delta' as const, text: 'b' }
      },
    }
    const llm = breaker.wrap(streaming)
    for await (const _ of llm.stream!({ messages: [] })) break
    expect(await call(llm)).toBe('ok')
    expect(breaker.state()).toBe('closed')
  })
})
