import { describe, expect, it } from 'vitest'
import { createUserDictionary } from './user-dictionary.js'

describe('createUserDictionary', () => {
  it('gives the longest entry starting at a position', () => {
    const d = createUserDictionary(['云朵', '云朵系列', '羽绒服', 'x2pro'])
    expect(d.size).toBe(4)
    expect(d.longestAt('云朵系列羽绒服', 0)).toBe(4)
    expect(d.longestAt('云朵系羽绒服', 0)).toBe(2)
    expect(d.longestAt('云朵系列羽绒服', 4)).toBe(3)
    expect(d.longestAt('云朵系列羽绒服', 1)).toBe(0)
    // An entry longer than the rest of the text does not match.
    expect(d.longestAt('羽绒', 0)).toBe(0)
  })

  it('ignores one-character and repeated words, and words added later count at once', () => {
    const d = createUserDictionary(['云', ' 云朵 ', '云朵'])
    expect(d.size).toBe(1)
    d.add('朵系列')
    expect(d.size).toBe(2)
    expect(d.longestAt('云朵系列', 1)).toBe(3)
  })

  it('never matches a word with a character outside the BMP (as the character trie did)', () => {
    const d = createUserDictionary(['好物😀'])
    expect(d.size).toBe(1)
    expect(d.longestAt('好物😀推荐', 0)).toBe(0)
  })
})
