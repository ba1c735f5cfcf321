/**
 * The customer's estimated wait: the conversations ahead of them (and theirs) shared among the
 * agents serving the queue, times the recent average handling time:
 *
 *   minutes = ceil((ahead + 1) × averageHandlingMinutes / max(1, servingAgents))
 *
 * A simple, documented estimate (docs/staff.md), not a promise.
 */
export function estimateWaitMinutes(input: {
  ahead: number
  servingAgents: number
  averageHandlingMinutes: number
}): number {
  const agents = Math.max(1, input.servingAgents)
  return Math.max(1, Math.ceil(((input.ahead + 1) * input.averageHandlingMinutes) / agents))
}

/** The mean of recent handling durations (ms), or `fallbackMinutes` without any. */
export function averageHandlingMinutes(durationsMs: readonly number[], fallbackMinutes: number): number {
  const valid = durationsMs.filter((d) => Number.isFinite(d) && d > 0)
  if (valid.length === 0) return fallbackMinutes
  return valid.reduce((s, d) => s + d, 0) / valid.length / 60_000
}
