/**
 * The demo shop's FAQ, hand-written in Chinese and English (data/demo/sources/faq/*.yaml, one file
 * per topic group, read in name order). Entry N in each language covers the
 * same topic (faq-zh-N ↔ faq-en-N) and states the same policy (docs/demo-shop.md). The `similar`
 * lists are deliberately varied: colloquial, terse, sometimes misspelt, as customers type.
 */

import { readSourceList } from '../read-source.js'

/** One topic of data/demo/sources/faq/*.yaml: the same question and policy in both languages. */
type Side = { question: string; answer: string; similar: string[] }
type Topic = { category: string; zh: Side; en: Side }

const TOPICS = readSourceList<Topic>('demo/sources/faq')

/** One FAQ import row. */
export type DemoFaq = {
  id: string
  question: string
  answer: string
  similar: string[]
  category: string
  locale: 'zh' | 'en'
}

/** All FAQ entries, Chinese first, then English; faq-zh-N and faq-en-N share a topic. */
export function buildFaq(): DemoFaq[] {
  const id = (loc: string, i: number) => `faq-${loc}-${String(i + 1).padStart(3, '0')}`
  const side = (loc: 'zh' | 'en') =>
    TOPICS.map((tp, i) => {
      const { question, answer, similar } = tp[loc]
      return { id: id(loc, i), question, answer, similar, category: tp.category, locale: loc }
    })
  return [...side('zh'), ...side('en')]
}
