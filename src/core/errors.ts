const marker = Symbol.for('kefu.error')

/** Closed set of failure codes; HTTP mapping lives in src/server/http/to-http-error.ts. */
export type ErrorCode =
  | 'not_found'
  | 'invalid_input'
  | 'invalid_json'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'upstream_failed'
  | 'not_implemented'
  | 'unavailable'
  | 'internal'

export type AppErrorOptions = { cause?: unknown; retryable?: boolean; details?: unknown }

/** The one exception type of kefu. Expected outcomes are values; this is for failures. */
export class AppError extends Error {
  readonly [marker] = true
  readonly code: ErrorCode
  readonly options: AppErrorOptions
  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause })
    this.code = code
    this.options = options
    this.name = `AppError(${code})`
  }
  static isInstance(e: unknown): e is AppError {
    return typeof e === 'object' && e !== null && marker in e
  }
}
