/**
 * Waits until `cond` holds, checking every `intervalMs`, and fails naming `what` after
 * `timeoutMs`. Tests wait for the event or condition they need instead of sleeping against a
 * poll interval; the deadline is generous because it only bounds a hung test.
 */
export async function waitFor(
  cond: () => boolean | Promise<boolean>,
  opts: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<void> {
  const deadline = performance.now() + (opts.timeoutMs ?? 20_000)
  while (!(await cond())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting${opts.what ? ` for ${opts.what}` : ''}`)
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 25))
  }
}
