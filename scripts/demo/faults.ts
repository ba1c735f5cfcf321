/**
 * The after-sales fault graph for 3C products, in Chinese and English. Each symptom has the ways
 * customers describe it, the questions to ask first, the solutions to try in order, and the repair
 * queue a ticket goes to when nothing works. fault-zh-KEY and fault-en-KEY describe the same fault.
 * The entries are data: data/demo/sources/faults/*.yaml, one file per device group, read in name order.
 */
import type { Fault } from '../../src/core/domain/schemas.js'
import { readSourceList } from '../read-source.js'

/** One entry of data/demo/sources/faults/*.yaml, per language. */
type Side = { symptom: string; similar: string[]; questions: string[]; solutions: string[] }
type Entry = {
  key: string
  category: string
  queue: string
  priority: Fault['escalate']['priority']
  zh: Side
  en: Side
}

const ENTRIES = readSourceList<Entry>('demo/sources/faults')

/** All fault entries: Chinese first, then English. */
export function buildFaults(): Fault[] {
  const side = (loc: 'zh' | 'en'): Fault[] =>
    ENTRIES.map((x) => {
      const s = x[loc]
      return {
        id: `fault-${loc}-${x.key}`,
        category: x.category,
        symptom: s.symptom,
        similar: s.similar,
        questions: s.questions,
        solutions: s.solutions,
        escalate: { queue: x.queue, priority: x.priority },
        locale: loc,
      }
    })
  return [...side('zh'), ...side('en')]
}
