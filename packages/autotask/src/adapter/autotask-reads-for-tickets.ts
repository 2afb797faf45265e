/**
 * Many tickets' records, asked for all at once: the driver's coalesced reads
 * (autotask-coalesced-reads.ts) answer every ticket asked for together with one
 * `ticketID in [≤500]` query (autotask.md §6), so a batch of 100 tickets costs one request per
 * kind of record instead of 100.
 */
export async function autotaskReadsForTickets<T>(ticketIds: readonly string[], read: (ticketId: string) => Promise<T[]>): Promise<Map<string, T[]>> {
  const lists = await Promise.all(ticketIds.map(read))
  return new Map(ticketIds.map((ticketId, index) => [ticketId, lists[index]!]))
}
