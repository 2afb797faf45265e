import type { CheckedTicketQuery } from '@ticketbridge/core'
import type { HaloTicketQuery } from '../client/resources/halo-tickets'

/**
 * The Halo order of a ticket listing. `recently-updated-first` sorts by `last_update` newest
 * first, then by id, so rows changed at the same instant keep one order from page to page (GET
 * /Tickets `order`/`orderdesc`, `order2`/`orderdesc2`; halo.md §3.4). Halo's own example shows an
 * action moving `last_update` with `lastactiondate`; where a build did not, the order would be
 * near, not exact, to `updatedAt` (the latest of both). So paging never stops early on it: the
 * `updatedSince` filter still reads every page. Without an order, Halo's own (by id) stays.
 */
export function haloTicketOrder(query: CheckedTicketQuery): Pick<HaloTicketQuery, 'order' | 'orderdesc' | 'order2' | 'orderdesc2'> {
  if (query.order !== 'recently-updated-first') return {}
  return { order: 'last_update', orderdesc: true, order2: 'id', orderdesc2: true }
}
