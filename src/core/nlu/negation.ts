/**
 * Is a cue found in a message negated by what comes just before it, in the same clause? "没有焦味",
 * "没闻到焦味", "也没冒烟", "no burning smell", "it doesn't smell burnt", "no smoke or sparks" are; "没多久就
 * 鼓包了", "it won't charge and now it's swollen" are not. Questions are not negations: "是不是鼓包了",
 * "有没有焦味" keep the cue (a customer who asks already suspects it).
 */

/** Clause boundaries: punctuation, and in Chinese also spaces and contrast words. */
const CLAUSE_ZH = /[，。！？；、,.!?;\n]|\s+|但是|但|可是|不过|而且|然后|现在/g
const CLAUSE_EN = /[,.!?;\n]|\b(but|and|though|although|however|then|now|because|so)\b/gi

const QUESTION_ZH = /(是不是|有没有|会不会|是否|算不算)/g
/** A Chinese negation directly before the cue, allowing a few perception words in between. */
const NEG_ZH =
  /(没|无|不|未|别|并没|从没|从来没|还没)(有)?(闻到|闻见|看到|看见|见到|发现|出现|感觉到|觉得|什么|任何|一点|明显的?|啥|用|用过|试|试过|换|换过|做|弄|擦|清理|重启|配对)?(的)?(地方)?$/
const NEG_EN = /\b(no|not|never|without|nor|none|zero|hardly|n't)\b(\s+[\w']+){0,3}\s*$/i
/** Between two cues of one list ("没有鼓包和冒烟", "no smoke or sparks"). */
const LIST_JOIN = /^\s*(和|或|或者|或是|、|及|跟|也没有?|也无|,|，|or|and|nor|,? or)\s*$/i

function clauseStart(text: string, at: number, re: RegExp): number {
  let start = 0
  re.lastIndex = 0
  for (let m = re.exec(text); m && m.index < at; m = re.exec(text)) {
    if (m.index + m[0].length <= at) start = m.index + m[0].length
    if (m[0].length === 0) re.lastIndex++
  }
  return start
}

/** True when the text before `start` (same clause) negates what begins there. */
export function negatedAt(text: string, start: number): boolean {
  const cjk = /[\u4e00-\u9fff]/.test(text.slice(Math.max(0, start - 1), start + 1))
  if (cjk) {
    const from = clauseStart(text, start, CLAUSE_ZH)
    const before = text.slice(from, start).replace(QUESTION_ZH, '')
    return NEG_ZH.test(before)
  }
  const from = clauseStart(text, start, CLAUSE_EN)
  const before = text.slice(from, start).replace(/n't\b/gi, " n't")
  return NEG_EN.test(before)
}

/** A cue found in the text: which pattern, where. */
export type CueSpan<T extends string> = { id: T; start: number; end: number; text: string }

/**
 * Every match of the patterns in `text`, in text order, each marked negated or not. A cue joined to a
 * negated one by a list word ("没有鼓包和冒烟", "no smoke or sparks") is negated too, and so is one
 * overlapping a negated one.
 */
export function cueSpans<T extends string>(
  text: string,
  patterns: ReadonlyArray<{ id: T; re: RegExp }>,
): Array<CueSpan<T> & { negated: boolean }> {
  const all: Array<CueSpan<T>> = []
  for (const p of patterns) {
    const g = new RegExp(p.re.source, p.re.flags.includes('g') ? p.re.flags : `${p.re.flags}g`)
    for (let m = g.exec(text); m; m = g.exec(text)) {
      if (m[0].length === 0) {
        g.lastIndex++
        continue
      }
      all.push({ id: p.id, start: m.index, end: m.index + m[0].length, text: m[0] })
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end)
  const out: Array<CueSpan<T> & { negated: boolean }> = []
  let lastNegEnd = -1
  for (const s of all) {
    const inside = s.start < lastNegEnd
    const joined = lastNegEnd >= 0 && !inside && LIST_JOIN.test(text.slice(lastNegEnd, s.start))
    const negated = inside || joined || negatedAt(text, s.start)
    if (negated) lastNegEnd = Math.max(lastNegEnd, s.end)
    out.push({ ...s, negated })
  }
  return out
}

/** The matches of `cueSpans` that are not negated. */
export function affirmedSpans<T extends string>(
  text: string,
  patterns: ReadonlyArray<{ id: T; re: RegExp }>,
): Array<CueSpan<T>> {
  return cueSpans(text, patterns)
    .filter((s) => !s.negated)
    .map(({ negated: _n, ...s }) => s)
}
