/**
 * Shared set-up of the WeCom kf adapter tests: a fresh WeCom fake, manual clock and in-memory
 * channel state per test, and a small HTTP endpoint that receives the fake's callbacks, verifies,
 * decrypts and pulls like kefu's route does (collecting the inbound events).
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { WecomKfChannel } from '../../src/adapters/channel-wecom-kf/wecom-kf-channel.js'
import type { WecomKfCredentials } from '../../src/adapters/channel-wecom-kf/wecom-kf-config.js'
import type { InboundEvent } from '../../src/core/ports/channel.js'
import { type ManualClock, manualClock } from '../../src/core/ports/clock.js'
import { startWecomFake, type WecomFake, type WecomFakeOptions } from '../fakes/wecom/wecom-fake.js'
import { memoryChannelState } from '../helpers/memory-channel-state.js'

export const CREDS = {
  corpId: 'ww0123456789abcdef',
  secret: 'kf-secret-for-tests',
  token: 'CallbackToken123',
  encodingAESKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  openKfId: 'wkTESTKFID0001',
} satisfies WecomKfCredentials
export const SHOP = 'shop-wecom'

export type WecomHarness = {
  fake: WecomFake
  clock: ManualClock
  state: ReturnType<typeof memoryChannelState>
  /** The adapter the callback endpoint uses (tests may replace it). */
  channel: WecomKfChannel
  received: InboundEvent[]
  rejected: string[]
  pulls: Array<Awaited<ReturnType<WecomKfChannel['pull']>>>
  makeChannel(creds?: WecomKfCredentials): WecomKfChannel
  /** Replaces the fake (other options), re-pointing its callbacks and `channel` at it. */
  restartFake(opts?: Partial<WecomFakeOptions>): Promise<void>
  /** The texts received so far. */
  texts(): string[]
}

/** Registers the hooks in the calling test file and returns the live harness. */
export function wecomHarness(): WecomHarness {
  let receiver: Server
  const h = {
    received: [],
    rejected: [],
    pulls: [],
    makeChannel(creds: WecomKfCredentials = CREDS) {
      return new WecomKfChannel({
        shopId: SHOP,
        credentials: creds,
        state: h.state,
        clock: h.clock,
        http: { baseUrl: h.fake.url, timeoutMs: 5000 },
      })
    },
    async restartFake(opts: Partial<WecomFakeOptions> = {}) {
      await h.fake?.close()
      h.fake = await startWecomFake({ ...CREDS, now: () => h.clock.now().getTime(), ...opts })
      h.fake.setCallbackUrl(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/cb`)
      h.channel = h.makeChannel()
    },
    texts() {
      return h.received.filter((e) => e.content.type === 'text').map((e) => (e.content as { text: string }).text)
    },
  } as unknown as WecomHarness

  beforeAll(async () => {
    receiver = createServer(async (req, res) => {
      const u = new URL(req.url ?? '/', 'http://x')
      const chunks: Buffer[] = []
      for await (const c of req) chunks.push(c as Buffer)
      const body = Buffer.concat(chunks).toString('utf8')
      const opened = h.channel.openCallback(Object.fromEntries(u.searchParams), body)
      if (!opened.ok) {
        h.rejected.push(opened.reason)
        res.writeHead(401).end()
        return
      }
      res.writeHead(200).end('success')
      if (opened.callback) h.pulls.push(await h.channel.pull(opened.callback, async (e) => void h.received.push(e)))
    })
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
  })
  afterAll(async () => {
    await new Promise<void>((r) => receiver.close(() => r()))
  })
  beforeEach(async () => {
    h.clock = manualClock('2026-03-01T08:00:00Z')
    h.state = memoryChannelState(h.clock)
    h.received = []
    h.rejected = []
    h.pulls = []
    await h.restartFake()
  })
  afterEach(async () => {
    await h.fake.close()
  })
  return h
}
