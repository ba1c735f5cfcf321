/** An event a model call leaves with the turn (usage, skips, rejections), stored by the conversation service. */
export type LlmEvent = { type: string; data: Record<string, unknown> }
