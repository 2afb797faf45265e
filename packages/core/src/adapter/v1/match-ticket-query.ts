import type { Ticket } from '../../model/ticket'
import type { AdapterCapabilities } from './adapter-capabilities'
import type { TicketQuery, TicketQueryFilter } from './ticket-query'

/**
 * Whether a ticket passes the query's filters. Adapters call it on what the server returned,
 * for the filters their vendor cannot run server-side (`only`), so every filter always holds.
 */
export function matchesTicketQuery(ticket: Ticket, query: TicketQuery, only?: readonly TicketQueryFilter[]): boolean {
  const applies = (filter: TicketQueryFilter) => query[filter] !== undefined && (only === undefined || only.includes(filter))
  if (applies('updatedSince') && Date.parse(ticket.updatedAt) < Date.parse(query.updatedSince!)) return false
  if (applies('createdSince') && Date.parse(ticket.createdAt) < Date.parse(query.createdSince!)) return false
  if (applies('statusCategories') && !query.statusCategories!.includes(ticket.status.category)) return false
  if (applies('queueId') && ticket.queue?.id !== query.queueId) return false
  if (applies('organizationId') && ticket.organization?.id !== query.organizationId) return false
  if (applies('text')) {
    const needle = query.text!.toLowerCase()
    const haystack = `${ticket.subject}\n${ticket.description.text}`.toLowerCase()
    if (!haystack.includes(needle)) return false
  }
  return true
}

/** The filters of a query that the adapter must apply itself, per its capabilities. */
export function clientSideFilters(query: TicketQuery, capabilities: AdapterCapabilities): TicketQueryFilter[] {
  return (Object.keys(capabilities.query) as TicketQueryFilter[]).filter(
    (filter) => query[filter] !== undefined && capabilities.query[filter] === 'client',
  )
}
