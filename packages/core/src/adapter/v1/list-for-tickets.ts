import { runConcurrently } from '../../concurrency/run-concurrently'
import type { CallOptions } from './call-options'
import type { Paginated } from './paginated'

/** A group of an adapter whose records belong to tickets: comments, attachments, time entries. */
export interface TicketChildren<T> {
  list(ticketId: string, options?: CallOptions): Paginated<T>
  listForTickets?(ticketIds: readonly string[], options?: CallOptions): Promise<Map<string, T[]>>
}

/** Tickets listed at a time where a group has no batch read. */
const fallbackConcurrency = 4

/**
 * Every record of many tickets (`adapter.comments`, `adapter.attachments`, `adapter.timeEntries`)
 * in as few requests as the adapter allows: its `listForTickets`, else `list` per ticket, a few
 * at once. Every ticket asked for is in the answer, `[]` where it holds none.
 */
export async function listForTickets<T>(group: TicketChildren<T>, ticketIds: readonly string[], options?: CallOptions): Promise<Map<string, T[]>> {
  const unique = [...new Set(ticketIds)]
  const found = new Map<string, T[]>(unique.map((ticketId) => [ticketId, []]))
  if (unique.length === 0) return found
  if (group.listForTickets) {
    const answer = await group.listForTickets(unique, options)
    for (const ticketId of unique) found.set(ticketId, answer.get(ticketId) ?? [])
    return found
  }
  await runConcurrently(unique, fallbackConcurrency, async (ticketId) => {
    // Every record, however many pages.
    const records: T[] = []
    for await (const record of group.list(ticketId, options)) records.push(record)
    found.set(ticketId, records)
  })
  return found
}
