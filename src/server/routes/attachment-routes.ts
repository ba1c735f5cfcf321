/**
 * Pictures and voice messages in a conversation:
 *
 * - `POST /api/v1/conversations/{id}/attachments` — the raw file as the body (any Content-Type; the
 *   type is read from the file's own bytes: JPEG, PNG, WebP, MP3, WAV, Ogg, WebM, M4A, FLAC, AMR),
 *   at most KEFU_ATTACHMENT_MAX_BYTES (413 above, 415 for anything else). Answers 201
 *   `{id, kind, mime, bytes}`; the customer then sends `POST …/messages {text?, attachmentId}`.
 * - `GET /api/v1/conversations/{id}/attachments/{attachmentId}` — the file, for the widget and agents.
 *
 * Both need the conversation token, like every chat route.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { sniffAttachment } from '../../core/attachments/sniff-attachment.js'
import { AppError } from '../../core/errors.js'
import type { AttachmentStore } from '../../core/ports/attachment-store.js'
import type { Clock } from '../../core/ports/clock.js'
import type { TokenClaims } from '../auth/conversation-token.js'
import { parseBody } from '../http/validate.js'

export type AttachmentRouteDeps = {
  attachments: AttachmentStore
  maxBytes: number
  newId: (prefix: string) => string
  clock: Clock
  claimsFor(req: FastifyRequest, conversationId: string): TokenClaims
  /** Throws not_found / conflict when the conversation does not exist or is closed. */
  conversationOpen(shopId: string, id: string): Promise<void>
  /** Per-minute limit on uploads per conversation (the messages limit). */
  perMinute: number
}

const params = z.object({ id: z.string().min(1).max(100) })
const fileParams = params.extend({ attachmentId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/) })

export function registerAttachmentRoutes(app: FastifyInstance, deps: AttachmentRouteDeps): void {
  void app.register(async (scope) => {
    // Only in this scope: every body is a Buffer, capped at the limit (Fastify answers 413 above it).
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: deps.maxBytes }, (_req, body, done) =>
      done(null, body),
    )
    const limit =
      deps.perMinute > 0
        ? {
            config: {
              rateLimit: {
                max: deps.perMinute,
                timeWindow: 60_000,
                keyGenerator: (req: FastifyRequest) => `att:${(req.params as { id?: string }).id ?? ''}`,
              },
            },
          }
        : {}

    scope.post('/api/v1/conversations/:id/attachments', limit, async (req, reply) => {
      const { id } = parseBody(params, req.params)
      const claims = deps.claimsFor(req, id)
      await deps.conversationOpen(claims.shopId, id)
      const body = req.body
      if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('invalid_input', 'the file is empty')
      const type = sniffAttachment(new Uint8Array(body.buffer, body.byteOffset, body.length))
      if (!type) {
        // 415 through the one error mapping (to-http-error.ts maps a client status it is given).
        throw Object.assign(
          new Error('only JPEG, PNG or WebP pictures and MP3, WAV, Ogg, WebM, M4A, FLAC or AMR audio are accepted'),
          { statusCode: 415 },
        )
      }
      const meta = {
        id: deps.newId('att'),
        shopId: claims.shopId,
        conversationId: id,
        kind: type.kind,
        mime: type.mime,
        bytes: body.length,
        createdAt: deps.clock.now().toISOString(),
      }
      await deps.attachments.put(meta, new Uint8Array(body))
      reply.code(201)
      return { id: meta.id, kind: meta.kind, mime: meta.mime, bytes: meta.bytes }
    })

    scope.get('/api/v1/conversations/:id/attachments/:attachmentId', async (req, reply) => {
      const { id, attachmentId } = parseBody(fileParams, req.params)
      const claims = deps.claimsFor(req, id)
      const found = await deps.attachments.get(claims.shopId, id, attachmentId)
      if (!found) throw new AppError('not_found', 'attachment not found')
      reply.header('content-type', found.meta.mime)
      reply.header('x-content-type-options', 'nosniff')
      reply.header('cache-control', 'private, max-age=3600')
      return reply.send(Buffer.from(found.data))
    })
  })
}
