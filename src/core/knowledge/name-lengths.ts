/**
 * The lengths of a set of names (every one two characters long at least), per first two characters:
 * how many names have each length, and those lengths longest first. A lookup of names in a text
 * skips the places no name starts at, and at the others tries only the lengths of the names that
 * start there, not every length of the catalog (one slice and one hash lookup per try).
 */
export type NameLengths = {
  /** Counts one name more (+1) or less (-1). */
  count(name: string, delta: 1 | -1): void
  /** The lengths of the names starting with `prefix` (two characters), longest first. */
  startingWith(prefix: string): readonly number[] | undefined
  /** Whether a name of `length` starts with `prefix`. */
  has(prefix: string, length: number): boolean
}

export function createNameLengths(): NameLengths {
  const counts = new Map<string, Map<number, number>>()
  const lists = new Map<string, number[]>()
  return {
    count(name, delta) {
      const prefix = name.slice(0, 2)
      let byLength = counts.get(prefix)
      if (!byLength) {
        byLength = new Map()
        counts.set(prefix, byLength)
      }
      const n = (byLength.get(name.length) ?? 0) + delta
      if (n > 0) byLength.set(name.length, n)
      else byLength.delete(name.length)
      // Only a length appearing or disappearing changes the prefix's (short) list of lengths.
      if (delta === 1 ? n !== 1 : n > 0) return
      if (byLength.size === 0) {
        counts.delete(prefix)
        lists.delete(prefix)
      } else
        lists.set(
          prefix,
          [...byLength.keys()].sort((a, b) => b - a),
        )
    },
    startingWith: (prefix) => lists.get(prefix),
    has: (prefix, length) => counts.get(prefix)?.has(length) === true,
  }
}
