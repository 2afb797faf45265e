import type { CallOptions } from '../../adapter/v1/call-options'
import { runConcurrently } from '../../concurrency/run-concurrently'
import type { AdapterRuntime } from './adapter-runtime'
import type { DriverCallContext, TicketChildReads } from './ticketing-driver-v1'

/** Tickets read at a time where the driver has no batch read. */
const ticketsAtOnce = 4

/** Every page of one ticket's records. */
async function everyPage<T>(reads: TicketChildReads<T>, ticketId: string, context: DriverCallContext): Promise<T[]> {
  const records: T[] = []
  let cursor: string | undefined
  do {
    const page = await reads.listPage(ticketId, cursor, context)
    records.push(...page.items)
    cursor = page.nextCursor
  } while (cursor !== undefined)
  return records
}

/**
 * The adapter's `listForTickets` over a driver's reads: its batch form where it has one, else
 * every page of each ticket, a few tickets at a time. Every ticket asked for is in the answer.
 * `reads` is asked at call time, so a group the capabilities switch off can refuse then.
 */
export function adapterListForTickets<T>(
  runtime: AdapterRuntime,
  reads: () => TicketChildReads<T>,
): (ticketIds: readonly string[], options?: CallOptions) => Promise<Map<string, T[]>> {
  return (ticketIds, options) =>
    runtime.read(options, async (context) => {
      const group = reads()
      const unique = [...new Set(ticketIds)]
      const found = new Map<string, T[]>(unique.map((ticketId) => [ticketId, []]))
      if (group.listForTickets) {
        const answer = await group.listForTickets(unique, context)
        for (const ticketId of unique) found.set(ticketId, answer.get(ticketId) ?? [])
        return found
      }
      await runConcurrently(unique, ticketsAtOnce, async (ticketId) => void found.set(ticketId, await everyPage(group, ticketId, context)))
      return found
    })
}
