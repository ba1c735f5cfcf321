/** Shared text processing for NLU and knowledge retrieval. */

export { characterNgrams } from './character-ngrams.js'
export { detectLocale } from './detect-locale.js'
export { englishTerms } from './english-terms.js'
export { normalizeText } from './normalize-text.js'
export { segmentChinese } from './segment-chinese.js'
export { EN_STOP_WORDS, ZH_PARTICLES, ZH_STOP_WORDS } from './stop-words.js'
export { createSynonymMatcher, type SynonymGroups, type SynonymMatcher } from './synonym-matcher.js'
export { createTokenizer, type Tokenizer, type TokenizerOptions } from './tokenizer.js'
export { createUserDictionary, type UserDictionary } from './user-dictionary.js'
