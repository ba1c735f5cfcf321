/**
 * The 5-second rule of Official Accounts, in one place. WeChat waits 5 s for the answer to a
 * callback; the answer may carry one passive reply. While a callback is waiting, a `send` for that
 * customer is *captured* instead of calling the customer-service API; the callback then answers
 * with the captured text as soon as the turn is done, or when its budget (default 4 s) runs out.
 * A turn that has produced nothing by then is answered `success` and its replies later go through
 * `message/custom/send`.
 *
 * WeChat retries a callback it got no answer to (up to 3 times): a retry of a message whose turn is
 * still running here joins it as one more waiter instead of running the turn again. When WeChat
 * hangs up on every waiter, whatever was captured is handed back to be sent through the API.
 */
import type { Reply } from '../../core/dialogue/types.js'

export type PassiveOutcome =
  | { kind: 'reply'; replies: Reply[] }
  | { kind: 'empty' }
  /** The turn failed before saying anything: let WeChat retry. */
  | { kind: 'failed' }

type Waiter = { settle(o: PassiveOutcome): void }

type Pending = {
  messageKey: string
  userKey: string
  captured: Reply[]
  waiters: Set<Waiter>
  open: boolean
}

export type CaptureResult =
  | { captured: true }
  /** Not captured; `flushFirst` are earlier captured replies that must be sent (via the API) before these. */
  | { captured: false; flushFirst: Reply[] }

export type PassiveReplies = {
  /** The turn of `messageKey` is starting here; `false` when it is already running (a retry). */
  begin(messageKey: string, userKey: string): boolean
  /** Whether the turn of `messageKey` is running in this process. */
  running(messageKey: string): boolean
  /**
   * Waits for the outcome of `messageKey` for at most `budgetMs`. `signal` aborting (WeChat hung
   * up) withdraws this waiter.
   */
  wait(messageKey: string, budgetMs: number, signal?: AbortSignal): Promise<PassiveOutcome>
  /**
   * Offers `replies` for `userKey` to the oldest callback of that customer that is still waiting
   * (its turn running, WeChat still on the line, budget left). `fits` says
   * whether the captured replies plus these still fit one passive reply.
   */
  capture(userKey: string, replies: Reply[], fits: (all: Reply[]) => boolean): CaptureResult
  /** The turn of `messageKey` is over: every waiter gets what was captured (`failed`: nothing, retry). */
  finish(messageKey: string, failed?: boolean): void
}

/**
 * @param onOrphaned replies captured for callbacks WeChat hung up on: send them another way.
 */
export function createPassiveReplies(onOrphaned: (userKey: string, replies: Reply[]) => void): PassiveReplies {
  const byMessage = new Map<string, Pending>()
  const byUser = new Map<string, Pending[]>()

  function close(p: Pending): void {
    if (!p.open) return
    p.open = false
    const list = byUser.get(p.userKey)?.filter((x) => x !== p) ?? []
    if (list.length > 0) byUser.set(p.userKey, list)
    else byUser.delete(p.userKey)
  }

  function answerAll(p: Pending, outcome: PassiveOutcome): void {
    for (const w of [...p.waiters]) w.settle(outcome)
    p.waiters.clear()
  }

  /** Answers every waiter with the captured replies (or empty) and stops capturing. */
  function deliver(p: Pending): void {
    close(p)
    answerAll(p, p.captured.length > 0 ? { kind: 'reply', replies: p.captured } : { kind: 'empty' })
    p.captured = []
  }

  return {
    begin(messageKey, userKey) {
      if (byMessage.has(messageKey)) return false
      const p: Pending = { messageKey, userKey, captured: [], waiters: new Set(), open: true }
      byMessage.set(messageKey, p)
      byUser.set(userKey, [...(byUser.get(userKey) ?? []), p])
      return true
    },

    running: (messageKey) => byMessage.has(messageKey),

    wait(messageKey, budgetMs, signal) {
      const p = byMessage.get(messageKey)
      if (!p?.open || signal?.aborted) return Promise.resolve({ kind: 'empty' })
      return new Promise<PassiveOutcome>((resolve) => {
        let timer: ReturnType<typeof setTimeout> | undefined
        const onAbort = () => {
          waiter.settle({ kind: 'empty' })
          p.waiters.delete(waiter)
          // Nobody left to answer: what was captured goes out another way. The turn stays joinable
          // (a retry may still arrive and wait for the rest of it).
          if (p.waiters.size === 0 && p.captured.length > 0) {
            const orphaned = p.captured
            p.captured = []
            onOrphaned(p.userKey, orphaned)
          }
        }
        const waiter: Waiter = {
          settle(o) {
            clearTimeout(timer)
            signal?.removeEventListener('abort', onAbort)
            resolve(o)
          },
        }
        p.waiters.add(waiter)
        signal?.addEventListener('abort', onAbort, { once: true })
        timer = setTimeout(() => {
          if (p.captured.length > 0) return deliver(p)
          // Nothing yet: answer `success`; with no waiter left, later sends go through the API.
          waiter.settle({ kind: 'empty' })
          p.waiters.delete(waiter)
        }, budgetMs)
      })
    },

    capture(userKey, replies, fits) {
      const p = byUser.get(userKey)?.find((x) => x.open && x.waiters.size > 0)
      if (!p) return { captured: false, flushFirst: [] }
      const all = [...p.captured, ...replies]
      if (fits(all)) {
        p.captured = all
        return { captured: true }
      }
      // Too much for one passive reply: everything goes through the API, in order.
      const flushFirst = p.captured
      p.captured = []
      close(p)
      answerAll(p, { kind: 'empty' })
      return { captured: false, flushFirst }
    },

    finish(messageKey, failed = false) {
      const p = byMessage.get(messageKey)
      if (!p) return
      byMessage.delete(messageKey)
      if (failed && p.captured.length === 0) {
        close(p)
        answerAll(p, { kind: 'failed' })
      } else if (p.open) deliver(p)
      else answerAll(p, { kind: 'empty' })
    },
  }
}
