import { type CallOptions, createSharedTicketReads, runConcurrently, type SharedTicketReads } from '@ticketbridge/core'
import type { HaloClient } from '../client/halo-client'
import type { HaloAction } from '../client/resources/halo-actions'
import { requireNumericId } from './halo-numeric-id'

/** The two kinds of record a ticket's actions hold. */
export type HaloActionReader = 'comments' | 'timeEntries'

/** Tickets whose actions are read at a time: `GET /Actions` takes one `ticket_id`. */
const ticketsAtOnce = 4

/**
 * Every action of many tickets, one `GET /Actions?ticket_id=…&includehtmlnote=true` a ticket,
 * shared by comments and time entries: Halo keeps both on actions, so a migration reading both
 * side by side reads each ticket's actions once, not once with `excludesys` and once with
 * `timeentriesonly`. The readers filter: comments leave out system actions (the outcomes
 * `excludesys` leaves out [I]), time entries keep actions with `timetaken`.
 */
export function createHaloTicketActions(client: HaloClient): SharedTicketReads<HaloActionReader, HaloAction[]> {
  return createSharedTicketReads<HaloActionReader, HaloAction[], CallOptions>({
    readers: ['comments', 'timeEntries'],
    async load(ticketIds, call) {
      const answer = new Map<string, HaloAction[]>()
      await runConcurrently(ticketIds, ticketsAtOnce, async (ticketId) => {
        const ticket = requireNumericId(ticketId, 'ticketId', 'action query')
        answer.set(ticketId, await client.actions.listForTicket(ticket, { includehtmlnote: true }, call))
      })
      return answer
    },
  })
}
