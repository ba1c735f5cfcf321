/**
 * String-keyed maps and sets for vocabularies of hundreds of thousands of keys (a 100,000-product
 * catalog's names, its index terms), split over 64 plain Maps by a hash of the key. A single Map
 * rehashes all of its entries at once whenever it doubles: at 262,144 / 1,048,576 / 2,097,152
 * entries one `set` blocked the event loop for ~64 / ~257 / ~673 ms on the 2-core VM. Here each
 * shard holds a 64th of the keys, so the rehash a `set` may trigger costs a 64th as well. Lookups
 * cost one short hash of the key more.
 */

const SHARDS = 64

/** FNV-1a over the UTF-16 units, reduced to a shard number. */
function shardOf(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  return (h ^ (h >>> 16)) & (SHARDS - 1)
}

/** What readers of a sharded map use (a Map offers the same). */
export type StringMapView<V> = {
  get(key: string): V | undefined
  has(key: string): boolean
  readonly size: number
  entries(): IterableIterator<[string, V]>
}

/** A Map<string, V> split in shards; iteration visits the shards in turn (not insertion order). */
export class ShardedMap<V> implements StringMapView<V> {
  private readonly shards: Array<Map<string, V>> = Array.from({ length: SHARDS }, () => new Map())
  private count = 0

  get size(): number {
    return this.count
  }

  get(key: string): V | undefined {
    return this.shards[shardOf(key)]!.get(key)
  }

  has(key: string): boolean {
    return this.shards[shardOf(key)]!.has(key)
  }

  set(key: string, value: V): this {
    const shard = this.shards[shardOf(key)]!
    const before = shard.size
    shard.set(key, value)
    this.count += shard.size - before
    return this
  }

  delete(key: string): boolean {
    const gone = this.shards[shardOf(key)]!.delete(key)
    if (gone) this.count--
    return gone
  }

  *entries(): IterableIterator<[string, V]> {
    for (const shard of this.shards) yield* shard.entries()
  }

  *keys(): IterableIterator<string> {
    for (const shard of this.shards) yield* shard.keys()
  }
}

/** A Set<string> split in shards, like ShardedMap. */
export class ShardedSet {
  private readonly shards: Array<Set<string>> = Array.from({ length: SHARDS }, () => new Set())
  private count = 0

  get size(): number {
    return this.count
  }

  has(key: string): boolean {
    return this.shards[shardOf(key)]!.has(key)
  }

  add(key: string): this {
    const shard = this.shards[shardOf(key)]!
    const before = shard.size
    shard.add(key)
    this.count += shard.size - before
    return this
  }

  delete(key: string): boolean {
    const gone = this.shards[shardOf(key)]!.delete(key)
    if (gone) this.count--
    return gone
  }
}
