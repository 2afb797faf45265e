/**
 * A raw call of the native Halo client answers with the spec's type for its path: a ticket read
 * by id is Halo's `Faults` record, so the caller's code reads its fields typed and a field Halo
 * does not have fails to compile. Compiled from the installed packages under every setup (no
 * top-level await, so the CommonJS one takes it too).
 */
import type { HaloClient } from '@ticketbridge/halo'

export async function readTicketSummary(halo: HaloClient): Promise<string | null | undefined> {
  const ticket = await halo.get('/Tickets/{id}', { params: { id: 1 } })
  const summary: string | null | undefined = ticket.summary
  // @ts-expect-error not a Halo field
  ticket.not_a_halo_field
  return summary
}
