/**
 * Speech to text for voice messages: an OpenAI-compatible `POST /audio/transcriptions`
 * (src/adapters/llm-openai/openai-transcriber.ts). Optional: without one, a customer who sends a voice
 * message is asked to type.
 */

/**
 * A speech-to-text model. Throws AppError('upstream_failed') when the provider fails or times out.
 *
 * @example
 * const { text } = await transcriber.transcribe({ data, mime: 'audio/ogg', filename: 'voice.ogg' })
 */
export type Transcriber = {
  readonly specificationVersion: 'v1'
  readonly modelId: string
  transcribe(
    audio: { data: Uint8Array; mime: string; filename: string },
    signal?: AbortSignal,
  ): Promise<{ text: string }>
}
