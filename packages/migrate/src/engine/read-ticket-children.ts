import { type Attachment, type Comment, listForTickets, type Ticket, type TimeEntry } from '@ticketbridge/core'
import { movesTimeEntries } from './migrate-time-entries'
import type { MigrationContext } from './migration-context'

/** What a batch's tickets hold on the source, read together: per ticket id. */
export interface TicketChildren {
  comments: Map<string, Comment[]>
  files: Map<string, Attachment[]>
  /** Absent where the migration moves no time entries. */
  timeEntries?: Map<string, TimeEntry[]>
}

/**
 * Reads the comments, files and time entries of a batch's tickets in as few requests as the
 * source allows (`listForTickets`: Autotask one `ticketID in [...]` query per kind), the three
 * kinds side by side. Only tickets that will be moved are asked for.
 */
export async function readTicketChildren(context: MigrationContext, tickets: readonly Ticket[]): Promise<TicketChildren> {
  const { source, signal } = context
  const ids = tickets.map((ticket) => ticket.id)
  const options = signal ? { signal } : {}
  // Side by side; a failure is thrown once the other reads have settled, so none goes on unseen.
  const [comments, files, timeEntries] = await Promise.allSettled([
    listForTickets(source.comments, ids, options),
    listForTickets(source.attachments, ids, options),
    movesTimeEntries(context) ? listForTickets(source.timeEntries, ids, options) : Promise.resolve(undefined),
  ])
  for (const read of [comments, files, timeEntries]) if (read.status === 'rejected') throw read.reason
  const value = <T>(read: PromiseSettledResult<T>) => (read as PromiseFulfilledResult<T>).value
  const entries = value(timeEntries)
  return { comments: value(comments), files: value(files), ...(entries ? { timeEntries: entries } : {}) }
}
