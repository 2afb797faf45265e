import {
  type Attachment,
  type CallOptions,
  type Comment,
  listForTickets,
  type Ticket,
  type TicketChildren as ChildGroup,
  type TimeEntry,
} from '@ticketbridge/core'
import type { KeptChildKind } from './kept-source-reads'
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
 * kinds side by side. Only tickets that will be moved are asked for, and only what the
 * preflight did not already read for them (`context.keptReads`).
 */
export async function readTicketChildren(context: MigrationContext, tickets: readonly Ticket[]): Promise<TicketChildren> {
  const { source, signal } = context
  const ids = tickets.map((ticket) => ticket.id)
  const options = signal ? { signal } : {}
  // Side by side; a failure is thrown once the other reads have settled, so none goes on unseen.
  const read = async <T>(kind: KeptChildKind, group: ChildGroup<T>, call: CallOptions): Promise<Map<string, T[]>> => {
    const { kept, unread } = context.keptReads.takeChildren<T>(kind, ids)
    if (unread.length === 0) return kept
    const answer = await listForTickets(group, unread, call)
    return new Map(ids.map((ticketId) => [ticketId, kept.get(ticketId) ?? answer.get(ticketId) ?? []]))
  }
  const [comments, files, timeEntries] = await Promise.allSettled([
    read('comments', source.comments, options),
    read('files', source.attachments, options),
    movesTimeEntries(context) ? read('timeEntries', source.timeEntries, options) : Promise.resolve(undefined),
  ])
  for (const read of [comments, files, timeEntries]) if (read.status === 'rejected') throw read.reason
  const value = <T>(read: PromiseSettledResult<T>) => (read as PromiseFulfilledResult<T>).value
  const entries = value(timeEntries)
  return { comments: value(comments), files: value(files), ...(entries ? { timeEntries: entries } : {}) }
}
