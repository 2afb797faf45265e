import { runConcurrently } from '../../concurrency/run-concurrently'
import type { Ticket } from '../../model/ticket'
import type { CallOptions } from './call-options'
import type { TicketingAdapterV1 } from './ticketing-adapter-v1'

/** Lookups at once where an adapter has no batch form: enough to hide latency, few enough for any rate limit. */
const fallbackConcurrency = 4

/**
 * Every ticket of `adapter` stamped with each external id: the adapter's batch lookup where it
 * has one, else one `findByExternalId` per value (at most one ticket each). Every value asked
 * is a key of the answer.
 */
export async function findTicketsByExternalIds(
  adapter: TicketingAdapterV1,
  externalIds: readonly string[],
  options?: CallOptions,
): Promise<Map<string, Ticket[]>> {
  const unique = [...new Set(externalIds)]
  const found = new Map<string, Ticket[]>(unique.map((value) => [value, []]))
  if (unique.length === 0) return found
  if (adapter.tickets.findAllByExternalIds) {
    const answer = await adapter.tickets.findAllByExternalIds(unique, options)
    for (const value of unique) found.set(value, answer.get(value) ?? [])
    return found
  }
  await runConcurrently(unique, fallbackConcurrency, async (value) => {
    const ticket = await adapter.tickets.findByExternalId(value, options)
    if (ticket) found.set(value, [ticket])
  })
  return found
}
