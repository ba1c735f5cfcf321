/**
 * Streams a model's answer to the customer sentence by sentence, each only after it passed the answer
 * guard. Deltas are buffered; when a sentence is complete (its end mark is followed by more text, so a
 * trailing `[F2]` marker stays with it) the answer so far is verified against the facts, and the
 * newly verified text is released. The first sentence that fails stops the stream for good: a blocked
 * sentence is never shown, and the final message (verified whole, or the offline answer) replaces
 * what was streamed.
 */
import type { Fact } from './collect-facts.js'
import { type Verification, type VerifyOptions, verifyGroundedAnswer } from './verify-grounded-answer.js'

const SENTENCE_END = /[。！？!?；;\n]|\.(?=\s)/g
const MARKER_OR_SPACE = /^(\s|[[【(（]\s*F\d+(\s*[,，、]\s*F\d+)*\s*[\]】)）])*$/

export type SentenceGate = {
  /** Feeds a delta; returns the text newly cleared for the customer ('' when none). */
  push(delta: string): string
  /** End of stream: the rest, if it verifies; '' otherwise. */
  end(): string
  /** Whether a sentence failed (nothing more is released). */
  readonly blocked: boolean
}

/**
 * A gate over `facts` (which may still grow while tools run), or over a verification function
 * (`(text) => verifyGroundedAnswer(text, facts, opts)`, e.g. one that remembers its last verdict).
 *
 * @example
 * const gate = createSentenceGate(facts, { findProducts })
 * for await (const p of llm.stream(req)) if (p.type === 'text-delta') emit(gate.push(p.text))
 * emit(gate.end())
 */
export function createSentenceGate(facts: Fact[], opts: VerifyOptions): SentenceGate
export function createSentenceGate(verify: (text: string) => Verification): SentenceGate
export function createSentenceGate(
  factsOrVerify: Fact[] | ((text: string) => Verification),
  opts: VerifyOptions = {},
): SentenceGate {
  const verify =
    typeof factsOrVerify === 'function'
      ? factsOrVerify
      : (text: string) => verifyGroundedAnswer(text, factsOrVerify, opts)
  let buffer = ''
  let released = ''
  let blocked = false
  let releasedUpTo = 0

  function release(upTo: number): string {
    if (blocked || upTo <= 0) return ''
    const v = verify(buffer.slice(0, upTo))
    if (!v.ok || !v.text.startsWith(released)) {
      blocked = true
      return ''
    }
    const fresh = v.text.slice(released.length)
    released = v.text
    return fresh
  }

  return {
    get blocked() {
      return blocked
    },
    push(delta) {
      buffer += delta
      let complete = 0
      for (const m of buffer.matchAll(SENTENCE_END)) {
        const after = m.index + m[0].length
        // Complete once something other than a citation marker follows the end mark.
        if (!MARKER_OR_SPACE.test(buffer.slice(after))) complete = cutAfterMarkers(buffer, after)
      }
      if (complete <= releasedUpTo) return ''
      releasedUpTo = complete
      return release(complete)
    },
    end() {
      return release(buffer.length)
    },
  }
}

/** The end of the citation markers (and spaces) right after `at`. */
function cutAfterMarkers(s: string, at: number): number {
  const m = /^(\s|[[【(（]\s*F\d+(\s*[,，、]\s*F\d+)*\s*[\]】)）])*/.exec(s.slice(at))
  return at + (m ? m[0].length : 0)
}
