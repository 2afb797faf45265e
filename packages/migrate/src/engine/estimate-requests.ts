import type { AdapterCapabilities } from '@ticketbridge/core'
import { ticketBatchSize } from './ticket-batches'

/** What the preflight counted and sampled: the shape of the help desk to move. */
export interface HelpDeskShape {
  tickets: number
  closedTickets: number
  /** People tickets name (requesters and assignees), each found or created once. */
  people: number
  commentsPerTicket: number
  attachmentsPerTicket: number
  timeEntriesPerTicket: number
  relationsPerTicket: number
  timeEntriesMove: boolean
  relationsMove: boolean
}

/** Lookups read from the target once: statuses, priorities, queues, ticket types, custom fields. */
const targetLookupReads = 5
/** Source tickets looked up on the target in one call (adopt-existing-tickets.ts). */
const ticketsPerTargetLookup = 1_000

/**
 * The requests a run costs each end, by the rules the run plans its work with: batches of 100
 * tickets, reads that cover many tickets where the source has them
 * (`childrenReadBatchLimit`), creates in arrays where the target takes them
 * (`createBatchLimit`), files inside creates where it takes them, a closed ticket's status on its
 * last comment where a comment can carry it. A dry run counts the same planner exactly; this is
 * what the preflight can say before anything runs.
 */
export function estimateRequests(shape: HelpDeskShape, source: AdapterCapabilities, target: AdapterCapabilities): { source: number; target: number } {
  const { tickets } = shape
  const batches = (limit: number | undefined, count: number) => (limit ? Math.ceil(count / limit) : count)

  // Comments and files always; time entries where they move, in the same read where the
  // source keeps them on its comments (Halo's actions, RT's history).
  const kinds = 2 + (shape.timeEntriesMove && !source.timeEntriesAreComments ? 1 : 0)
  const readLimit = source.childrenReadBatchLimit ? Math.min(source.childrenReadBatchLimit, ticketBatchSize) : undefined
  const sourceRequests =
    Math.ceil(tickets / source.tickets.pageSizeLimit) +
    batches(readLimit, tickets) * kinds +
    tickets * shape.attachmentsPerTicket +
    (shape.relationsMove ? tickets : 0) +
    shape.people

  const comments = tickets * shape.commentsPerTicket
  const filesCarried = target.comments.attachments === true || target.tickets.attachments === true
  // A closed ticket rides its status on its last comment where a comment can carry it, or is
  // created closed; elsewhere its status is set after its comments, one request each.
  const statusUpdates = target.comments.setTicketStatus ? 0 : shape.closedTickets
  // Time recorded on comments at both ends (Halo's actions, RT's history) rides the comment's own
  // write (migrate-time-entries.ts, timeOnComments); elsewhere each entry is a request.
  const timeOnComments = source.timeEntriesAreComments === true && target.timeEntriesAreComments === true
  const timeEntryWrites = shape.timeEntriesMove && !timeOnComments ? tickets * shape.timeEntriesPerTicket : 0
  const targetRequests =
    targetLookupReads +
    Math.ceil(tickets / ticketsPerTargetLookup) +
    shape.people +
    batches(target.tickets.createBatchLimit, tickets) +
    batches(target.comments.createBatchLimit, comments) +
    (filesCarried ? 0 : tickets * shape.attachmentsPerTicket) +
    timeEntryWrites +
    statusUpdates +
    // Each link shows on both its tickets and is created once.
    (shape.relationsMove ? (tickets * shape.relationsPerTicket) / 2 : 0)
  return { source: Math.ceil(sourceRequests), target: Math.ceil(targetRequests) }
}
