/** The slice of a pino-style logger the knowledge layer uses; inject the server's logger. */
export type KnowledgeLogger = {
  warn(obj: Record<string, unknown>, msg: string): void
  info(obj: Record<string, unknown>, msg: string): void
  debug(obj: Record<string, unknown>, msg: string): void
}

export const silentLogger: KnowledgeLogger = { warn() {}, info() {}, debug() {} }
