/**
 * Fan-out of conversation events to every server instance (WebSocket pushes,
 * knowledge invalidation). In-process by default; Redis when scaled out.
 */
export type PubSub = {
  readonly specificationVersion: 'v1'
  publish(channel: string, payload: unknown): Promise<void>
  /** Returns an unsubscribe function. Handlers must not throw. */
  subscribe(channel: string, handler: (payload: unknown) => void): Promise<() => Promise<void>>
  close(): Promise<void>
}

/**
 * Serialises work per key (one conversation's turns run one at a time, across
 * instances when backed by Redis). `ttlMs` bounds how long a crashed holder blocks.
 */
export type KeyedLock = {
  readonly specificationVersion: 'v1'
  withLock<T>(key: string, fn: () => Promise<T>, opts?: { ttlMs?: number; waitMs?: number }): Promise<T>
  close(): Promise<void>
}
