import type { Page, Ticket, TicketingAdapter, TicketQuery } from '@ticketbridge/core'

/** How far the vendor's clock may run behind ours: changes this long before the listing began are read again. */
const clockSkewMs = 5 * 60_000

/**
 * Pages of the tickets changed while a listing sorted by change ran, that it did not return. Sorted newest
 * first, a ticket changed mid-listing jumps to pages already read, so the listing never sees it;
 * one more listing of what changed since it began (a page or two, cut short by the same order)
 * finds it. Only for ordered listings: in id order a changed ticket keeps its place.
 */
export async function* changedWhileListing(
  source: TicketingAdapter,
  query: TicketQuery,
  listingStartedAt: number,
  seen: ReadonlySet<string>,
  signal?: AbortSignal,
): AsyncGenerator<Page<Ticket>> {
  if (query.order === undefined) return
  const from = new Date(listingStartedAt - clockSkewMs).toISOString()
  const updatedSince = query.updatedSince !== undefined && Date.parse(query.updatedSince) > Date.parse(from) ? query.updatedSince : from
  for await (const page of source.tickets.list({ ...query, updatedSince }, signal ? { signal } : {}).pages()) {
    yield { items: page.items.filter((ticket) => !seen.has(ticket.id)) }
  }
}
