/** The ticket service a skill files tickets with: the turn's store, clock, id source and hooks. */
import { createTicketService } from '../tickets/ticket-service.js'
import type { SkillContext } from './skill-types.js'

export function ticketsOf(sc: SkillContext): ReturnType<typeof createTicketService> {
  return createTicketService({ store: sc.ctx.store, now: () => sc.ctx.now, newId: sc.ctx.newId, ...sc.hooks })
}
