import { type CheckedTicketQuery, type DriverCallContext, matchesTicketQuery, type Ticket } from '@ticketbridge/core'
import type { HaloTicket, HaloTicketQuery } from '../client/resources/halo-tickets'
import { toHaloDate } from './halo-dates'
import type { HaloDriverContext } from './halo-driver-context'
import { requireNumericId } from './halo-numeric-id'

/** Halo's filters for a query; `undefined` when no ticket can match (no status in the categories). */
export async function haloServerFilters(
  halo: HaloDriverContext,
  query: CheckedTicketQuery,
  context: DriverCallContext,
): Promise<HaloTicketQuery | undefined> {
  const filters: HaloTicketQuery = {}
  if (query.text !== undefined) filters.search = query.text
  if (query.organizationId !== undefined) filters.client_id = requireNumericId(query.organizationId, 'organizationId', 'ticket query')
  if (query.queueId !== undefined) filters.team = requireNumericId(query.queueId, 'queueId', 'ticket query').toString()
  if (query.statusCategories !== undefined) {
    const categories = query.statusCategories
    const ids = (await halo.lookups.statuses(context)).filter((status) => categories.includes(status.category)).map((status) => status.id)
    if (ids.length === 0) return undefined
    filters.status = ids.join(',')
  }
  if (query.createdSince !== undefined) {
    // The spec's own example spells the field `dateoccured`.
    filters.datesearch = 'dateoccured'
    filters.startdate = toHaloDate(query.createdSince)
  }
  return filters
}

/**
 * Every filter holds on what is returned, whatever Halo did with it. Text is checked on the
 * subject, and on the description when the list row carries it (list rows are abbreviated;
 * without the details, Halo's own search is trusted).
 */
export function matchesHaloTicketQuery(ticket: Ticket, row: HaloTicket, query: CheckedTicketQuery): boolean {
  if (!matchesTicketQuery(ticket, query, ['updatedSince', 'createdSince', 'statusCategories', 'queueId', 'organizationId'])) return false
  if (query.text === undefined) return true
  const needle = query.text.toLowerCase()
  if (ticket.subject.toLowerCase().includes(needle)) return true
  const hasDetails = (row.details ?? row.details_html ?? null) !== null
  return hasDetails ? ticket.description.text.toLowerCase().includes(needle) : true
}
