import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { AppError } from '../../core/errors.js'

/**
 * Checks the owner's bearer token (KEFU_ADMIN_TOKEN) for the server-level admin API. Shop API keys
 * never pass: creating a shop is above any one shop. Without a configured token the API is closed.
 *
 * @example
 * app.post('/api/v1/admin/shops', async (req) => { requireOwner(req, config.KEFU_ADMIN_TOKEN); … })
 */
export function requireOwner(req: FastifyRequest, token: string | undefined): void {
  if (!token) {
    throw new AppError('unauthorized', 'the owner admin API is disabled: set KEFU_ADMIN_TOKEN on the server')
  }
  const h = req.headers.authorization
  const given = h?.startsWith('Bearer ') ? h.slice(7).trim() : ''
  // Hashing both makes the comparison constant-time whatever the lengths.
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(token).digest()
  if (!given || !timingSafeEqual(a, b)) throw new AppError('unauthorized', 'invalid owner token (KEFU_ADMIN_TOKEN)')
}
