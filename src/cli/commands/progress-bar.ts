/**
 * A one-line progress bar on stderr for long CLI work. Redraws in place on a terminal and
 * prints one line per phase otherwise, so logs stay readable.
 */
export type ProgressBar = { update(phase: string, done: number, total: number): void; done(message?: string): void }

/** Creates a progress bar writing to `stream` (default stderr). */
export function createProgressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  const tty = stream.isTTY === true
  let lastPhase = ''
  let lastDraw = 0
  return {
    update(phase, done, total) {
      const ratio = total > 0 ? Math.min(1, done / total) : 1
      if (!tty) {
        if (phase !== lastPhase) stream.write(`${phase}…\n`)
        lastPhase = phase
        return
      }
      const now = Date.now()
      if (phase === lastPhase && now - lastDraw < 50 && done < total) return
      lastPhase = phase
      lastDraw = now
      const width = 30
      const filled = Math.round(ratio * width)
      stream.write(
        `\r${phase.padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}%`,
      )
    },
    done(message) {
      if (tty) stream.write('\r\x1b[K')
      if (message) stream.write(`${message}\n`)
    },
  }
}
