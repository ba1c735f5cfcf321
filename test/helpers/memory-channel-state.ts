/**
 * An in-memory `ChannelStateStore` for adapter tests (the store-backed one belongs to the channel
 * foundation). TTLs count on the clock it is given, so a test can expire entries by moving it.
 */
import type { ChannelStateStore } from '../../src/core/ports/channel.js'
import type { Clock } from '../../src/core/ports/clock.js'

export function memoryChannelState(clock: Clock): ChannelStateStore & { size(): number; dump(): Map<string, string> } {
  const entries = new Map<string, { value: string; expiresAt: number | null }>()
  const live = (k: string) => {
    const e = entries.get(k)
    if (!e) return null
    if (e.expiresAt !== null && e.expiresAt <= clock.now().getTime()) {
      entries.delete(k)
      return null
    }
    return e
  }
  return {
    async get(shopId, key) {
      return live(`${shopId}\u0000${key}`)?.value ?? null
    },
    async set(shopId, key, value, ttlSeconds) {
      const expiresAt = ttlSeconds === undefined ? null : clock.now().getTime() + ttlSeconds * 1000
      entries.set(`${shopId}\u0000${key}`, { value, expiresAt })
    },
    async claimOnce(shopId, key, ttlSeconds) {
      const k = `${shopId}\u0000${key}`
      if (live(k)) return false
      entries.set(k, { value: '1', expiresAt: clock.now().getTime() + ttlSeconds * 1000 })
      return true
    },
    size: () => entries.size,
    /** Live entries as `shop key` → value (for debugging a test). */
    dump: () => new Map([...entries].map(([k, v]) => [k.replace('\u0000', ' '), v.value])),
  }
}
