import { Writable } from 'node:stream'
import type { FastifyBaseLogger } from 'fastify'
import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import { lazyChildLogger } from './lazy-child-logger.js'

describe('lazyChildLogger', () => {
  it('builds the child when a line is first written, with the request bindings', () => {
    const lines: Array<Record<string, unknown>> = []
    const out = new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)) as Record<string, unknown>)
        done()
      },
    })
    const root = pino({ level: 'info' }, out)
    let children = 0
    const counted = new Proxy(root, {
      get(target, key, receiver) {
        if (key === 'child') {
          return (...a: Parameters<typeof root.child>) => {
            children++
            return target.child(...a)
          }
        }
        return Reflect.get(target, key, receiver)
      },
    }) as unknown as FastifyBaseLogger
    const log = lazyChildLogger(counted, { reqId: 'req_1' }, {})
    expect(children).toBe(0)
    log.debug('not written')
    log.error({ code: 'x' }, 'request failed')
    log.info('client error')
    expect(children).toBe(1)
    expect(log.level).toBe('info')
    expect(lines.map((l) => [l.reqId, l.msg, l.code])).toEqual([
      ['req_1', 'request failed', 'x'],
      ['req_1', 'client error', undefined],
    ])
  })
})
