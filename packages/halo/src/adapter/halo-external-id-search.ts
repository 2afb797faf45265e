import { type DriverCallContext, runConcurrently, type Ticket, ValidationError } from '@ticketbridge/core'
import type { HaloTicket } from '../client/resources/halo-tickets'
import type { HaloDriverContext } from './halo-driver-context'
import { externalIdSearchText } from './halo-external-id'
import { mapHaloTicketRow } from './halo-mapping-context'

/** Candidates Halo's search returns for one value, at most. */
const candidateLimit = 200

/** The tickets Halo's search offers for an external id: by the custom field where it is kept there, else by the marker's text. */
async function searchCandidates(halo: HaloDriverContext, value: string, context: DriverCallContext): Promise<HaloTicket[]> {
  const { client, externalId } = halo
  const search = (query: Parameters<typeof client.tickets.list>[0]) => client.tickets.list(query, context).toArray({ limit: candidateLimit })
  if (externalId.storage === 'marker') return search({ search: externalIdSearchText(value), page_size: 100 })
  try {
    return await search({ advanced_search: JSON.stringify([{ filter_name: externalId.field, filter_type: 2, filter_value: value }]), page_size: 100 })
  } catch (error) {
    // Builds that cannot search this custom field ("Invalid advanced search parameter"): fall
    // back to the plain search, then read the candidates' custom fields.
    if (!ValidationError.isInstance(error)) throw error
    return search({ search: value, page_size: 100 })
  }
}

/** Every ticket carrying this external id, checked on the ticket itself (Halo's search matches loosely). */
async function findHaloTicketsByExternalId(halo: HaloDriverContext, value: string, context: DriverCallContext): Promise<Ticket[]> {
  const matches: Ticket[] = []
  for (const candidate of await searchCandidates(halo, value, context)) {
    // List rows may leave out the details or custom fields: read those tickets in full.
    const hasEvidence =
      halo.externalId.storage === 'marker' ? (candidate.details ?? candidate.details_html ?? null) !== null : Array.isArray(candidate.customfields)
    const full = hasEvidence ? candidate : await halo.client.tickets.get(candidate.id, {}, context)
    const ticket = await mapHaloTicketRow(halo, full, context)
    if (ticket.externalId === value) matches.push(ticket)
  }
  return matches
}

/** The tickets of many external ids: Halo's search has no `in`, so one search per value, a few at once. */
export async function findHaloTicketsByExternalIds(
  halo: HaloDriverContext,
  values: readonly string[],
  context: DriverCallContext,
): Promise<Map<string, Ticket[]>> {
  const found = new Map<string, Ticket[]>()
  // The rate limiter still sets the pace.
  await runConcurrently(values, 4, async (value) => void found.set(value, await findHaloTicketsByExternalId(halo, value, context)))
  return found
}
