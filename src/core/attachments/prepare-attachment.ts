/**
 * Loads the attachment a customer message refers to and makes it ready for the turn: a picture's bytes
 * for a vision model, a voice message's transcript (or null: no transcriber configured, it failed, or it
 * heard nothing). Also the part stored with the customer message (`meta.attachment`) and, after the turn,
 * the pictures added to a ticket the turn opened.
 */
import type { TurnAttachment } from '../dialogue/types.js'
import type { Ticket } from '../domain/records.js'
import { AppError } from '../errors.js'
import type { AttachmentStore } from '../ports/attachment-store.js'
import type { Store } from '../ports/store.js'
import type { Transcriber } from '../ports/transcriber.js'

export type PreparedAttachment = {
  turn: TurnAttachment
  /** Stored with the customer message: what it was, never the bytes. */
  meta: Record<string, unknown>
  /** The text the turn runs on when the customer typed none (a voice message's transcript). */
  text: string | null
}

/**
 * @example
 * const a = await prepareAttachment(attachments, transcriber, { shopId, conversationId, id })
 */
export async function prepareAttachment(
  attachments: AttachmentStore | undefined,
  transcriber: Transcriber | undefined,
  ref: { shopId: string; conversationId: string; id: string },
): Promise<PreparedAttachment> {
  const found = attachments ? await attachments.get(ref.shopId, ref.conversationId, ref.id) : null
  if (!found) throw new AppError('not_found', 'attachment not found in this conversation')
  const { meta, data } = found
  const base = { id: meta.id, kind: meta.kind, mime: meta.mime, bytes: meta.bytes }
  if (meta.kind === 'image') {
    return { turn: { id: meta.id, kind: 'image', mime: meta.mime, data }, meta: base, text: null }
  }
  let transcript: string | null = null
  let failed = false
  if (transcriber) {
    try {
      const r = await transcriber.transcribe({ data, mime: meta.mime, filename: `voice.${meta.mime.split('/')[1]}` })
      transcript = r.text.trim().slice(0, 2000) || null
    } catch {
      failed = true
    }
  }
  return {
    turn: { id: meta.id, kind: 'audio', mime: meta.mime, transcript },
    meta: { ...base, transcript, ...(failed ? { transcriptionFailed: true } : {}) },
    text: transcript,
  }
}

/** Adds the conversation's pictures (`state.pictures`) to the ticket the turn opened, once each. */
export async function attachPictures(store: Store, shopId: string, ticketId: string, pictures: unknown): Promise<void> {
  if (!Array.isArray(pictures) || pictures.length === 0) return
  const t: Ticket | null = await store.tickets.get(shopId, ticketId)
  if (!t) return
  const had = Array.isArray(t.data.attachments) ? (t.data.attachments as string[]) : []
  const all = [...new Set([...had, ...pictures.filter((p): p is string => typeof p === 'string')])]
  if (all.length === had.length) return
  await store.tickets.update(shopId, ticketId, { data: { ...t.data, attachments: all } })
}
