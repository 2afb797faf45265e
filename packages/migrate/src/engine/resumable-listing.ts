import { isTransientError, type Ticket } from '@ticketbridge/core'

/**
 * The source's tickets, listed again from the start after a transient failure (a page that
 * answered 503, a connection dropped mid-body), skipping the tickets already yielded: one bad
 * moment of the source does not stop a run of thousands of tickets. Waits `wait` before each
 * new attempt; after `rounds` of them the failure stands. Listing again costs the pages already
 * read, never a write: the tickets they held are skipped here, before the ledger is even asked.
 */
export async function* resumableListing(
  listing: () => AsyncIterable<Ticket>,
  options: { rounds: number; wait: (event: { what: 'listing'; round: number; count: number; reason: string }) => Promise<void> },
): AsyncGenerator<Ticket> {
  const yielded = new Set<string>()
  for (let round = 0; ; round += 1) {
    try {
      for await (const ticket of listing()) {
        if (yielded.has(ticket.id)) continue
        yielded.add(ticket.id)
        yield ticket
      }
      return
    } catch (error) {
      if (!isTransientError(error) || round >= options.rounds) throw error
      await options.wait({ what: 'listing', round: round + 1, count: yielded.size, reason: (error as Error).message })
    }
  }
}
