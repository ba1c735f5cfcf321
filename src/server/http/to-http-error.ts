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
          : fe.statusCode === 414
            ? 'invalid_input'
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

/**
 * A complete raw HTTP/1.1 error response in kefu's shape, for the few errors Node answers before
 * Fastify has a request (malformed request line, headers too large, request timeout).
 */
export function rawHttpErrorResponse(err: { code?: string }): string {
  const [status, reason, code, message] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', 'invalid_input', 'the request was not received in time']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'invalid_input', 'request headers are too large']
        : err.code === 'HPE_URI_TOO_LONG'
          ? [414, 'URI Too Long', 'invalid_input', 'the request URL is too long']
          : [400, 'Bad Request', 'invalid_input', 'malformed HTTP request']
  const body = JSON.stringify({ error: { code, message } })
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${body}`
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  429: 'rate_limited',
  501: 'not_implemented',
  502: 'upstream_failed',
  503: 'unavailable',
}

/**
 * The safety net for error bodies written outside the error handler (plugins answering with an
 * empty body or Fastify's `{error: "Not Found", statusCode}`): returns the body in kefu's shape,
 * or null when `payload` already has it.
 */
export function normalizeErrorPayload(status: number, payload: unknown): string | null {
  if (status < 400 || (payload !== undefined && payload !== null && typeof payload !== 'string')) return null
  const text = typeof payload === 'string' ? payload : ''
  let message = text ? 'request failed' : 'no content'
  if (text) {
    try {
      const parsed = JSON.parse(text) as { error?: unknown; message?: unknown }
      if (typeof parsed.error === 'object' && parsed.error !== null) return null
      if (typeof parsed.message === 'string') message = parsed.message.slice(0, 300)
    } catch {
      return null
    }
  }
  const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal' : 'invalid_input')
  return JSON.stringify({ error: { code, message: status >= 500 && code === 'internal' ? 'internal error' : message } })
}
