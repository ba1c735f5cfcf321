/** An in-memory ChannelStateStore for adapter tests (TTL counted on the given clock). */
import type { ChannelStateStore } from '../../../src/core/ports/channel.js'
import type { Clock } from '../../../src/core/ports/clock.js'

export function memoryChannelState(clock: Clock): ChannelStateStore & { dump(): Map<string, string> } {
  const data = new Map<string, { value: string; expiresAt: number | null }>()
  const live = (k: string) => {
    const e = data.get(k)
    if (!e) return null
    if (e.expiresAt !== null && e.expiresAt <= clock.now().getTime()) {
      data.delete(k)
      return null
    }
    return e
  }
  return {
    async get(shopId, key) {
      return live(`${shopId}\u0000${key}`)?.value ?? null
    },
    async set(shopId, key, value, ttlSeconds) {
      data.set(`${shopId}\u0000${key}`, {
        value,
        expiresAt: ttlSeconds === undefined ? null : clock.now().getTime() + ttlSeconds * 1000,
      })
    },
    async claimOnce(shopId, key, ttlSeconds) {
      const k = `${shopId}\u0000${key}`
      if (live(k)) return false
      data.set(k, { value: '1', expiresAt: clock.now().getTime() + ttlSeconds * 1000 })
      return true
    },
    dump() {
      return new Map([...data].map(([k, v]) => [k.replace('\u0000', ' '), v.value]))
    },
  }
}
