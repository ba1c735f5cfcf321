/**
 * The chat models of this deployment: the default one (KEFU_LLM_BASE_URL + KEFU_LLM_MODEL +
 * KEFU_LLM_API_KEY) and, per shop, the same provider with the shop's own `settings.llm.model` and/or
 * key (`settings.llm.apiKeyRef: "NAME"` → KEFU_LLM_KEY_NAME). One client per (model, key) pair,
 * created on first use, all behind one circuit breaker for the provider (clock-driven). Failures
 * and circuit changes are logged here (code + message: no prompt, no key).
 */
import type { Logger } from 'pino'
import { createOpenAiLanguageModel } from '../adapters/llm-openai/openai-language-model.js'
import { createOpenAiTranscriber } from '../adapters/llm-openai/openai-transcriber.js'
import type { Shop } from '../core/domain/records.js'
import { type CircuitBreaker, createCircuitBreaker } from '../core/llm-routing/circuit-breaker.js'
import { llmSettings } from '../core/llm-routing/llm-settings.js'
import type { Clock } from '../core/ports/clock.js'
import type { LanguageModel } from '../core/ports/language-model.js'
import type { Transcriber } from '../core/ports/transcriber.js'
import type { Config } from './config/schema.js'

export type LanguageModels = {
  /** The deployment's model; undefined = no LLM configured. */
  readonly default: LanguageModel | undefined
  /** The model a shop's turns use: its override, the default, or none (unknown key name). */
  forShop(shop: Shop): LanguageModel | undefined
  /** The provider's circuit breaker (every model of the deployment shares the one provider). */
  readonly circuit: CircuitBreaker | undefined
  /**
   * The model that sees pictures for a shop: KEFU_LLM_VISION_MODEL, or the shop's own chat model when
   * its `settings.llm.vision` is true; none when the shop sets it false or has no model.
   */
  visionFor(shop: Shop): LanguageModel | undefined
}

/**
 * Builds the deployment's models from the config.
 *
 * @example
 * const models = languageModelsFromConfig(config, logger, clock)
 * const llm = models.forShop(shop) // undefined → kefu answers offline
 */
export function languageModelsFromConfig(config: Config, logger: Logger, clock: Clock): LanguageModels {
  const baseUrl = config.KEFU_LLM_BASE_URL
  const defaultModel = config.KEFU_LLM_MODEL
  if (!baseUrl || !defaultModel)
    return { default: undefined, forShop: () => undefined, circuit: undefined, visionFor: () => undefined }
  const circuit = createCircuitBreaker({
    clock,
    failureThreshold: config.KEFU_LLM_CIRCUIT_FAILURES,
    openMs: config.KEFU_LLM_CIRCUIT_OPEN_MS,
    onStateChange: (to, from) =>
      (to === 'open' ? logger.error.bind(logger) : logger.warn.bind(logger))(
        { llm: { circuit: to, from } },
        `LLM provider circuit ${to}`,
      ),
  })
  const cache = new Map<string, LanguageModel>()
  const warned = new Set<string>()

  function build(model: string, apiKey: string | undefined): LanguageModel {
    const provider = createOpenAiLanguageModel({
      baseUrl: baseUrl as string,
      ...(apiKey ? { apiKey } : {}),
      model,
      timeoutMs: config.KEFU_LLM_TIMEOUT_MS,
      onRetry: (r) => logger.warn({ llm: { model, ...r } }, 'LLM request retried'),
    })
    const logFailure = (e: unknown) => {
      const err = e as { code?: string; message?: string; options?: { retryable?: boolean } }
      logger.warn(
        { llm: { model, code: err.code, retryable: err.options?.retryable } },
        `LLM request failed: ${err.message ?? 'unknown error'}`,
      )
    }
    const stream = provider.stream?.bind(provider)
    return circuit.wrap({
      ...provider,
      async generate(req, signal) {
        try {
          return await provider.generate(req, signal)
        } catch (e) {
          logFailure(e)
          throw e
        }
      },
      ...(stream
        ? {
            async *stream(req, signal) {
              try {
                yield* stream(req, signal)
              } catch (e) {
                logFailure(e)
                throw e
              }
            },
          }
        : {}),
    })
  }

  function get(model: string, keyRef: string | undefined): LanguageModel {
    const cacheKey = `${model}\u0000${keyRef ?? ''}`
    let llm = cache.get(cacheKey)
    if (!llm) {
      llm = build(model, keyRef ? config.llmKeys[keyRef] : config.KEFU_LLM_API_KEY)
      cache.set(cacheKey, llm)
    }
    return llm
  }

  const chatModel: string = defaultModel
  const fallback = get(chatModel, undefined)
  const visionModel = config.KEFU_LLM_VISION_MODEL
  function forShop(shop: Shop): LanguageModel | undefined {
    const s = llmSettings(shop)
    if (!s.model && !s.apiKeyRef) return fallback
    if (s.apiKeyRef && !config.llmKeys[s.apiKeyRef]) {
      // A shop that wants its own key is never billed to the deployment's: it goes offline.
      if (!warned.has(`${shop.id}:${s.apiKeyRef}`)) {
        warned.add(`${shop.id}:${s.apiKeyRef}`)
        logger.warn({ shopId: shop.id, llm: { apiKeyRef: s.apiKeyRef } }, 'LLM key not configured for shop')
      }
      return undefined
    }
    return get(s.model ?? chatModel, s.apiKeyRef)
  }
  return {
    default: fallback,
    circuit,
    forShop,
    visionFor(shop) {
      const s = llmSettings(shop)
      const chat = forShop(shop)
      if (!chat || !s.enabled || s.vision === false) return undefined
      if (s.vision === true) return chat
      if (!visionModel) return undefined
      return get(visionModel, s.apiKeyRef)
    },
  }
}

/**
 * Speech to text on the deployment's provider when KEFU_LLM_TRANSCRIPTION_MODEL is set.
 *
 * @example
 * const stt = transcriberFromConfig(config) // undefined → voice messages: "please type"
 */
export function transcriberFromConfig(config: Config): Transcriber | undefined {
  const baseUrl = config.KEFU_LLM_BASE_URL
  const model = config.KEFU_LLM_TRANSCRIPTION_MODEL
  if (!baseUrl || !model) return undefined
  return createOpenAiTranscriber({
    baseUrl,
    model,
    ...(config.KEFU_LLM_API_KEY ? { apiKey: config.KEFU_LLM_API_KEY } : {}),
    timeoutMs: config.KEFU_LLM_TIMEOUT_MS,
  })
}
