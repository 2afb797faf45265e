import { type DriverCallContext, runConcurrently, type Ticket, ValidationError } from '@ticketbridge/core'
import type { HaloTicket } from '../client/resources/halo-tickets'
import type { HaloDriverContext } from './halo-driver-context'
import { externalIdMarkerStart, externalIdSearchText } from './halo-external-id'
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

/** Values below which one search each is as cheap as a listing by their shared prefix. */
const prefixSearchMinimum = 3

/** The longest start every value shares. */
function commonPrefix(values: readonly string[]): string {
  let prefix = values[0] ?? ''
  for (const value of values) while (!value.startsWith(prefix)) prefix = prefix.slice(0, -1)
  return prefix
}

/**
 * The tickets of many external ids marked with a shared start (`autotask:1`, `autotask:2`, …),
 * by listing the tickets Halo's search finds for the marker text up to that start, where that
 * costs fewer requests than one search per value: a target without such tickets answers in one
 * request. Undefined where the listing would cost more (its first page gives the count).
 */
async function findByMarkerPrefix(
  halo: HaloDriverContext,
  values: readonly string[],
  context: DriverCallContext,
): Promise<Map<string, Ticket[]> | undefined> {
  const prefix = commonPrefix(values.map(externalIdSearchText))
  if (prefix.length < prefixSearchMinimum) return undefined
  const query = { search: externalIdMarkerStart(prefix), page_size: 100 }
  const first = await halo.client.tickets.listPage({ ...query, page_no: 1 }, context)
  const pages = Math.ceil((first.recordCount ?? first.rows.length) / 100)
  if (pages > values.length) return undefined
  const rows = [...first.rows]
  for (let page = 2; page <= pages; page += 1) rows.push(...(await halo.client.tickets.listPage({ ...query, page_no: page }, context)).rows)
  const wanted = new Set(values)
  const found = new Map<string, Ticket[]>(values.map((value) => [value, []]))
  for (const row of rows) {
    const full = (row.details ?? row.details_html ?? null) !== null ? row : await halo.client.tickets.get(row.id, {}, context)
    const ticket = await mapHaloTicketRow(halo, full, context)
    if (ticket.externalId !== undefined && wanted.has(ticket.externalId)) found.get(ticket.externalId)!.push(ticket)
  }
  return found
}

/**
 * The tickets of many external ids. Halo's search has no `in`: values sharing a start are found
 * with one listing of the tickets marked with it (see findByMarkerPrefix), others with one
 * search per value, a few at once.
 */
export async function findHaloTicketsByExternalIds(
  halo: HaloDriverContext,
  values: readonly string[],
  context: DriverCallContext,
): Promise<Map<string, Ticket[]>> {
  if (halo.externalId.storage === 'marker' && values.length >= prefixSearchMinimum) {
    const byPrefix = await findByMarkerPrefix(halo, values, context)
    if (byPrefix) return byPrefix
  }
  const found = new Map<string, Ticket[]>()
  // The rate limiter still sets the pace.
  await runConcurrently(values, 4, async (value) => void found.set(value, await findHaloTicketsByExternalId(halo, value, context)))
  return found
}
