/**
 * Hosts a WeChat MP channel on a real HTTP server for adapter tests (the kefu routes come with the
 * channel foundation): GET → verify, POST → receive, with a scripted "bridge" that records each
 * inbound event, can be held at a gate (a slow turn), and sends the scripted replies through the
 * adapter the way the bridge does.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  createWechatMpChannel,
  type WechatMpChannel,
  type WechatMpChannelOptions,
} from '../../src/adapters/channel-wechat-mp/wechat-mp-channel.js'
import type { Reply } from '../../src/core/dialogue/types.js'
import type { InboundEvent, SendResult } from '../../src/core/ports/channel.js'

export type MpTestHost = {
  url: string
  channel: WechatMpChannel
  events: InboundEvent[]
  sendResults: SendResult[]
  posts(): number
  /** Callbacks the caller hung up on before they were answered. */
  hangups(): number
  /** Turns wait at the gate until `release()`. */
  hold(): void
  release(): void
  close(): Promise<void>
}

export async function startMpTestHost(
  options: WechatMpChannelOptions,
  script: (e: InboundEvent) => Reply[],
): Promise<MpTestHost> {
  const channel = createWechatMpChannel(options)
  const events: InboundEvent[] = []
  const sendResults: SendResult[] = []
  let posts = 0
  let hangups = 0
  let gate: { promise: Promise<void>; open: () => void } | null = null

  const dispatch = async (event: InboundEvent) => {
    events.push(event)
    if (gate) await gate.promise
    const replies = script(event)
    if (replies.length === 0) return
    sendResults.push(
      await channel.adapter.send({ shopId: options.shopId, externalUserId: event.externalUserId }, replies, 'zh'),
    )
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host')
    const query = Object.fromEntries(url.searchParams)
    const ctrl = new AbortController()
    res.on('close', () => {
      if (res.writableFinished) return
      hangups += 1
      ctrl.abort()
    })
    const answer = (a: { status: number; contentType: string; body: string }) => {
      if (res.destroyed) return
      res.writeHead(a.status, { 'content-type': a.contentType })
      res.end(a.body)
    }
    if (req.method === 'GET') return answer(channel.verify(query))
    posts += 1
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      void channel
        .receive({ query, body: Buffer.concat(chunks).toString('utf8'), signal: ctrl.signal }, dispatch)
        .then(answer)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/channels/wechat-mp/${options.shopId}`,
    channel,
    events,
    sendResults,
    posts: () => posts,
    hangups: () => hangups,
    hold() {
      let open = () => {}
      const promise = new Promise<void>((r) => {
        open = r
      })
      gate = { promise, open }
    },
    release() {
      gate?.open()
      gate = null
    },
    close: () =>
      new Promise<void>((r) => {
        gate?.open()
        server.closeAllConnections()
        server.close(() => r())
      }),
  }
}
