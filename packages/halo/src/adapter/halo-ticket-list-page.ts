import { type CheckedTicketQuery, type DriverCallContext, InvalidResponseError, type Page, type Ticket } from '@ticketbridge/core'
import { haloPageSizeLimit } from '../client/halo-collection'
import type { HaloDriverContext } from './halo-driver-context'
import { loadHaloMappingContext } from './halo-mapping-context'
import { haloServerFilters, matchesHaloTicketQuery } from './halo-ticket-filters'
import { haloTicketOrder } from './halo-ticket-order'
import { mapHaloTicket } from './map-halo-ticket'

/**
 * One page of tickets. The cursor holds the page to fetch, the rows fetched so far and the first
 * id of the last page: paging trusts what Halo returned (on while rows come and `record_count` is
 * not reached), and stops with an error where Halo ignored `page_no` and sent the same page again.
 */
export async function listHaloTicketPage(
  halo: HaloDriverContext,
  query: CheckedTicketQuery,
  cursor: string | undefined,
  context: DriverCallContext,
): Promise<Page<Ticket>> {
  const pageSize = Math.min(query.pageSize ?? haloPageSizeLimit, haloPageSizeLimit)
  const [pageText = '1', fetchedText = '0', previousFirstId = ''] = cursor?.split(':') ?? []
  const pageNumber = Number(pageText)
  const filters = await haloServerFilters(halo, query, context)
  if (filters === undefined) return { items: [] }
  const page = await halo.client.tickets.listPage({ ...filters, ...haloTicketOrder(query), page_no: pageNumber, page_size: pageSize }, context)
  const firstId = page.rows[0] ? String(page.rows[0].id) : ''
  if (pageNumber > 1 && firstId !== '' && firstId === previousFirstId) {
    throw new InvalidResponseError(
      `Halo returned the same tickets for page ${pageNumber} as for the page before; it ignored page_no. Paging stopped.`,
      {
        vendor: 'halo',
      },
    )
  }
  const mappingContext = await loadHaloMappingContext(halo, context)
  const tickets = page.rows.map((row) => mapHaloTicket(row, mappingContext))
  const items = tickets.filter((ticket, index) => matchesHaloTicketQuery(ticket, page.rows[index]!, query))
  const fetched = Number(fetchedText) + page.rows.length
  const moreRemain = page.rows.length > 0 && (page.recordCount === undefined || fetched < page.recordCount)
  return moreRemain ? { items, nextCursor: `${pageNumber + 1}:${fetched}:${firstId}` } : { items }
}
