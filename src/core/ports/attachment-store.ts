/**
 * Files a customer sent in a conversation (pictures, voice messages), stored with the conversation and
 * referenced from its messages (`meta.attachment`). The default adapter keeps them under the data
 * directory (src/adapters/attachments-fs/).
 */
import type { AttachmentKind } from '../attachments/sniff-attachment.js'

export type AttachmentMeta = {
  id: string
  shopId: string
  conversationId: string
  kind: AttachmentKind
  /** From the file's own bytes, never from the client. */
  mime: string
  bytes: number
  createdAt: string
}

/**
 * Where attachments live.
 *
 * @example
 * await attachments.put(meta, bytes)
 * const a = await attachments.get('demo', 'conv_1', 'att_1') // { meta, data } | null
 */
export type AttachmentStore = {
  readonly specificationVersion: 'v1'
  put(meta: AttachmentMeta, data: Uint8Array): Promise<void>
  /** Null when the id does not exist in this conversation (another conversation's id included). */
  get(shopId: string, conversationId: string, id: string): Promise<{ meta: AttachmentMeta; data: Uint8Array } | null>
}
