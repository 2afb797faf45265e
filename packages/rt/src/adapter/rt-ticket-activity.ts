import { type CallOptions, createSharedTicketReads, runConcurrently, type SharedTicketReads } from '@ticketbridge/core'
import type { RtPort } from './port/rt-port'
import type { RtPage, RtTicketActivity } from './port/rt-port-records'

/** The three kinds of record a ticket's history holds. */
export type RtActivityReader = 'comments' | 'files' | 'timeEntries'

/** Tickets read through their own history at a time (merged ones, or ones the search found nothing of). */
const ticketsReadAloneAtOnce = 4

/** Every page of a port listing. */
async function everyPage<T>(read: (cursor: string | undefined) => Promise<RtPage<T>>): Promise<T[]> {
  const items: T[] = []
  let cursor: string | undefined
  do {
    const page = await read(cursor)
    items.push(...page.items)
    cursor = page.nextCursor
  } while (cursor !== undefined)
  return items
}

/** One ticket's activity through its own history and file list, as the per-ticket pages read it. */
async function readAlone(port: RtPort, ticketId: string, call: CallOptions): Promise<RtTicketActivity> {
  const [messages, timeWorked, files] = await Promise.all([
    everyPage((cursor) => port.ticketTransactions(ticketId, 'messages', cursor, call)),
    everyPage((cursor) => port.ticketTransactions(ticketId, 'time-worked', cursor, call)),
    everyPage((cursor) => port.ticketFiles(ticketId, cursor, call)),
  ])
  return { messages, timeWorked, files }
}

/**
 * Comments, files and time worked of many tickets, read once for all three where the port reads
 * tickets together (REST2): the engine asks for the three kinds side by side, and each takes the
 * same answer. `undefined` where the port reads one ticket at a time (REST 1.0).
 */
export function createRtTicketActivity(port: RtPort): SharedTicketReads<RtActivityReader, RtTicketActivity> | undefined {
  const readTogether = port.ticketsActivity?.bind(port)
  if (!readTogether) return undefined
  return createSharedTicketReads<RtActivityReader, RtTicketActivity, CallOptions>({
    readers: ['comments', 'files', 'timeEntries'],
    async load(ticketIds, call) {
      const found = await readTogether(ticketIds, call)
      const alone = ticketIds.filter((ticketId) => found.get(ticketId) === undefined)
      const answer = new Map<string, RtTicketActivity>()
      for (const [ticketId, activity] of found) if (activity) answer.set(ticketId, activity)
      await runConcurrently(alone, ticketsReadAloneAtOnce, async (ticketId) => void answer.set(ticketId, await readAlone(port, ticketId, call)))
      return answer
    },
  })
}
