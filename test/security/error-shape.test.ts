/**
 * Issue 10, point 9: every error answer has the shape {error:{code,message}}, including the ones
 * Fastify and Node produce before a route runs (bad URL encoding, path parameter too long, headers
 * too large, a malformed request). Requests are written on raw sockets to reach those paths.
 */
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server/start-server.js'
import { tempDir } from '../helpers/temp-dir.js'

let server: RunningServer
const dir = tempDir()

beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: dir.path, env: { LOG_LEVEL: 'warn' } })
})
afterAll(async () => {
  await server?.close()
  dir.remove()
})

/** Writes `raw` and reads until the server closes or a full response has arrived. */
function rawRequest(raw: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1')
    let data = ''
    const finish = () => {
      const [head = '', ...rest] = data.split('\r\n\r\n')
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0)
      resolve({ status, body: rest.join('\r\n\r\n') })
      socket.destroy()
    }
    socket.setEncoding('utf8')
    socket.on('data', (c: string) => {
      data += c
      const len = Number(/content-length: (\d+)/i.exec(data)?.[1] ?? Number.NaN)
      const sep = data.indexOf('\r\n\r\n')
      if (sep >= 0 && Buffer.byteLength(data.slice(sep + 4)) >= len) finish()
    })
    socket.on('end', finish)
    socket.on('error', (e) => (data ? finish() : reject(e)))
    socket.write(raw)
  })
}

const get = (path: string, headers = '') =>
  rawRequest(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n${headers}Connection: close\r\n\r\n`)

const post = (path: string, contentType: string, body: string) =>
  rawRequest(
    `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )

function expectKefuError(r: { status: number; body: string }, status: number) {
  expect(r.status).toBe(status)
  const body = JSON.parse(r.body) as { error: { code: unknown; message: unknown } }
  expect(typeof body.error).toBe('object')
  expect(typeof body.error.code).toBe('string')
  expect(typeof body.error.message).toBe('string')
}

describe('error answers have one shape', () => {
  it('400 for a bad URL encoding', async () => {
    expectKefuError(await get('/api/v1/conversations/%E0%A4%A'), 400)
    expectKefuError(await get('/api/v1/shops/%zz/products'), 400)
  })

  it('414 for a path parameter that is too long', async () => {
    expectKefuError(await get(`/api/v1/conversations/${'a'.repeat(300)}`), 414)
  })

  it('431 for headers that are too large', async () => {
    expectKefuError(await get('/healthz', `X-Big: ${'a'.repeat(70_000)}\r\n`), 431)
  })

  it('400 for a malformed request', async () => {
    expectKefuError(await rawRequest('NOT A REQUEST\r\n\r\n'), 400)
    expectKefuError(await get('/healthz', 'Bad Header\r\n'), 400)
  })

  it('the errors routes produce: bad JSON, wrong media type, body too large, unknown route', async () => {
    expectKefuError(await post('/api/v1/conversations', 'application/json', '{"a":'), 400)
    expectKefuError(await post('/api/v1/conversations', 'text/xml', '<a/>'), 415)
    expectKefuError(await post('/api/v1/conversations', 'application/json', `"${'a'.repeat(300_000)}"`), 413)
    expectKefuError(await get('/nope'), 404)
    // A plain GET on the WebSocket route (no upgrade).
    expectKefuError(await get('/api/v1/conversations/x/stream?token=bad'), 404)
  })
})
