/**
 * Small shared state a channel needs across instances: access tokens until expiry, sync cursors,
 * per-message idempotency. Implemented over the store (`store.channelState`) and over Redis when
 * configured (src/adapters/redis/redis-channel-state.ts).
 */
export type ChannelStateStore = {
  get(shopId: string, key: string): Promise<string | null>
  /**
   * `ttlSeconds` absent = kept until overwritten; 0 = gone at once (over Redis within a second) —
   * writing a claimed key with 0 releases the claim.
   */
  set(shopId: string, key: string, value: string, ttlSeconds?: number): Promise<void>
  /** True the first time `key` is claimed for the shop (atomically, across instances); false after. */
  claimOnce(shopId: string, key: string, ttlSeconds: number): Promise<boolean>
}
