import { AppError, type ErrorCode } from '../../core/errors.js'

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
  not_implemented: 501,
  upstream_failed: 502,
  unavailable: 503,
}

export type HttpError = { status: number; body: { error: { code: string; message: string; details?: unknown } } }

/** The one mapping from any thrown value to an HTTP status + `{error:{code,message}}` body. */
export function toHttpError(e: unknown): HttpError {
  if (AppError.isInstance(e)) {
    const body: HttpError['body'] = { error: { code: e.code, message: e.message } }
    if (e.options.details !== undefined && e.code !== 'internal') body.error.details = e.options.details
    return { status: STATUS[e.code] ?? 500, body }
  }
  const fe = e as { statusCode?: number; code?: string; message?: string; validation?: unknown }
  // Fastify's own client errors: bad JSON, wrong content type, body too large.
  if (typeof fe?.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code =
      fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
        ? 'invalid_json'
        : fe.statusCode === 404
          ? 'not_found'
          : fe.statusCode === 413
            ? 'invalid_input'
            : fe.statusCode === 415
              ? 'invalid_input'
              : fe.statusCode === 429
                ? 'rate_limited'
                : 'invalid_input'
    const message =
      code === 'invalid_json' ? 'request body is not valid JSON' : (fe.message ?? 'bad request').slice(0, 300)
    return { status: fe.statusCode, body: { error: { code, message } } }
  }
  return { status: 500, body: { error: { code: 'internal', message: 'internal error' } } }
}
