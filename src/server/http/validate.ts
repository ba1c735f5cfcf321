import type { z } from 'zod'
import { AppError } from '../../core/errors.js'

/** Parses input with a zod schema; a failure becomes 400 invalid_input naming each bad field. */
export function parseBody<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input)
  if (r.success) return r.data
  const issues = r.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }))
  const first = issues[0]
  throw new AppError('invalid_input', first ? `${first.field}: ${first.message}` : 'invalid input', {
    details: { issues },
  })
}
