import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../core/errors.js'
import { nodeHttpFetch } from './node-http-fetch.js'

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))))
})

/** A local server; `connections` counts the TCP connections it accepted. */
async function serve(handler: Handler): Promise<{ url: string; connections: () => number }> {
  let connections = 0
  const server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (c: string) => {
      body += c
    })
    req.on('end', () => handler(req, body, res))
  })
  server.on('connection', () => {
    connections++
  })
  servers.push(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  server.keepAliveTimeout = 60_000
  return { url: `http://127.0.0.1:${port}`, connections: () => connections }
}

const limits = { maxBytes: 1000, what: 'test response' }

describe('nodeHttpFetch', () => {
  it('sends the method, headers and body and gives the status, headers and body', async () => {
    const s = await serve((req, body, res) => {
      res.writeHead(201, 'Made', { 'content-type': 'application/json', 'x-echo': String(req.headers['x-key']) })
      res.end(JSON.stringify({ method: req.method, url: req.url, body, type: req.headers['content-type'] }))
    })
    const f = nodeHttpFetch(limits)
    const res = await f(`${s.url}/v1/chat?x=1`, {
      method: 'post',
      headers: new Headers({ 'Content-Type': 'application/json', 'X-Key': 'k1' }),
      body: '{"q":"你好"}',
    })
    expect(res.status).toBe(201)
    expect(res.ok).toBe(true)
    expect(res.statusText).toBe('Made')
    expect(res.headers.get('x-echo')).toBe('k1')
    expect(await res.json()).toEqual({
      method: 'POST',
      url: '/v1/chat?x=1',
      body: '{"q":"你好"}',
      type: 'application/json',
    })
  })

  it('streams the body as it comes and reuses the connection', async () => {
    let second: (() => void) | undefined
    const s = await serve((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' })
      res.write('data: one\n\n')
      second = () => res.end('data: two\n\n')
    })
    const f = nodeHttpFetch({ ...limits, idleMs: 100 })
    const res = await f(s.url, { method: 'POST', body: '{}' })
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    expect(decoder.decode((await reader.read()).value)).toBe('data: one\n\n')
    // A pause in the stream longer than the idle limit does not end it.
    await new Promise((r) => setTimeout(r, 250))
    second?.()
    expect(decoder.decode((await reader.read()).value)).toBe('data: two\n\n')
    expect((await reader.read()).done).toBe(true)
    const again = await f(s.url, { method: 'POST', body: '{}' })
    second?.()
    await again.text()
    expect(s.connections()).toBe(1)
  })

  it('caps the body: a declared length over the cap is refused, a growing body errors at the cap', async () => {
    const s = await serve((req, _body, res) => {
      if (req.url === '/declared') {
        res.writeHead(200, { 'content-length': '5000' })
        res.end('x'.repeat(5000))
      } else if (req.url === '/error') {
        res.writeHead(500)
        res.end('e'.repeat(3000))
      } else {
        res.writeHead(200)
        res.write('x'.repeat(600))
        setTimeout(() => res.end('x'.repeat(600)), 20)
      }
    })
    const f = nodeHttpFetch(limits)
    const declared = await f(`${s.url}/declared`).catch((e: unknown) => e)
    expect(AppError.isInstance(declared) && declared.options.details).toMatchObject({ tooLarge: true, maxBytes: 1000 })
    const grown = await f(`${s.url}/grown`)
    const err = await grown.text().catch((e: unknown) => e)
    expect(AppError.isInstance(err) && err.options.details).toMatchObject({ tooLarge: true })
    const error = await nodeHttpFetch({ ...limits, maxErrorBytes: 100 })(`${s.url}/error`)
    expect(error.status).toBe(500)
    await expect(error.text()).rejects.toMatchObject({ code: 'upstream_failed' })
  })

  it('gives no body for 204', async () => {
    const s = await serve((_req, _body, res) => {
      res.writeHead(204)
      res.end()
    })
    const res = await nodeHttpFetch(limits)(s.url, { method: 'DELETE' })
    expect(res.status).toBe(204)
    expect(res.body).toBeNull()
  })

  it('rejects with the abort reason before the response, and errors the body after it', async () => {
    const s = await serve((req, _body, res) => {
      if (req.url === '/slow') return
      res.writeHead(200)
      res.write('part')
    })
    const f = nodeHttpFetch(limits)
    const early = new AbortController()
    const pending = f(`${s.url}/slow`, { signal: early.signal })
    setTimeout(() => early.abort(), 20)
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    const already = AbortSignal.abort()
    await expect(f(s.url, { signal: already })).rejects.toMatchObject({ name: 'AbortError' })

    const late = new AbortController()
    const res = await f(s.url, { signal: late.signal })
    const reader = res.body!.getReader()
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('part')
    late.abort()
    await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('rejects an unreachable server with a TypeError carrying the network error', async () => {
    const s = await serve(() => undefined)
    const url = s.url
    await new Promise((r) => servers.pop()!.close(r))
    const e = (await nodeHttpFetch(limits)(url).catch((x: unknown) => x)) as TypeError
    expect(e).toBeInstanceOf(TypeError)
    expect(e.message).toBe('fetch failed')
    expect((e.cause as { code?: string }).code).toBe('ECONNREFUSED')
  })

  it('follows redirects as fetch does', async () => {
    const other = await serve((req, body, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ method: req.method, body, auth: req.headers.authorization ?? null }))
    })
    const s = await serve((req, body, res) => {
      if (req.url === '/307') res.writeHead(307, { location: '/final' }).end()
      else if (req.url === '/302') res.writeHead(302, { location: '/final' }).end()
      else if (req.url === '/away') res.writeHead(308, { location: `${other.url}/x` }).end()
      else {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ method: req.method, body, auth: req.headers.authorization ?? null }))
      }
    })
    const f = nodeHttpFetch(limits)
    const init = { method: 'POST', body: 'b', headers: { authorization: 'Bearer k' } }
    expect(await (await f(`${s.url}/307`, init)).json()).toEqual({ method: 'POST', body: 'b', auth: 'Bearer k' })
    expect(await (await f(`${s.url}/302`, init)).json()).toEqual({ method: 'GET', body: '', auth: 'Bearer k' })
    // Another origin never gets the credentials.
    expect(await (await f(`${s.url}/away`, init)).json()).toEqual({ method: 'POST', body: 'b', auth: null })
  })

  it('hands what it does not handle to the fallback', async () => {
    const seen: unknown[] = []
    const fallback = (async (input: unknown) => {
      seen.push(input)
      return new Response('from fallback')
    }) as typeof fetch
    const f = nodeHttpFetch({ ...limits, fallback })
    const form = new FormData()
    form.set('file', new Blob(['x']), 'a.wav')
    expect(await (await f('http://127.0.0.1:1/upload', { method: 'POST', body: form })).text()).toBe('from fallback')
    expect(seen).toEqual(['http://127.0.0.1:1/upload'])
  })
})
