/**
 * Fastify gives every request its own child logger (`req.log`, bound to the request id). Building a
 * pino child costs on every request — on the way to a chat turn's answer too — while kefu's request
 * logging is off and a request logs only when it fails. This factory hands out a stand-in that
 * builds the same child when a line is first written (or its level read).
 */
import type { FastifyBaseLogger } from 'fastify'

type Bindings = Record<string, unknown>

/**
 * `childLoggerFactory` for Fastify: the child of `logger` with `bindings`, built on first use.
 *
 * @example
 * Fastify({ loggerInstance, childLoggerFactory: lazyChildLogger })
 */
export function lazyChildLogger(
  logger: FastifyBaseLogger,
  bindings: Bindings,
  opts: Parameters<FastifyBaseLogger['child']>[1],
): FastifyBaseLogger {
  let real: FastifyBaseLogger | undefined
  const child = () => {
    real ??= logger.child(bindings, opts)
    return real
  }
  return {
    get level() {
      return child().level
    },
    set level(v: string) {
      child().level = v
    },
    fatal: (...a: Parameters<FastifyBaseLogger['fatal']>) => child().fatal(...a),
    error: (...a: Parameters<FastifyBaseLogger['error']>) => child().error(...a),
    warn: (...a: Parameters<FastifyBaseLogger['warn']>) => child().warn(...a),
    info: (...a: Parameters<FastifyBaseLogger['info']>) => child().info(...a),
    debug: (...a: Parameters<FastifyBaseLogger['debug']>) => child().debug(...a),
    trace: (...a: Parameters<FastifyBaseLogger['trace']>) => child().trace(...a),
    silent: (...a: Parameters<FastifyBaseLogger['silent']>) => child().silent(...a),
    child: (b, o) => child().child(b, o),
  } as FastifyBaseLogger
}
