import { type CallOptions, NotFoundError } from '@ticketbridge/core'
import { createReadCoalescer, type ReadCoalescer } from '@ticketbridge/http'
import type { AutotaskClient } from '../client/autotask-client'
import type { AutotaskTicket, AutotaskTicketNote } from '../client/autotask-tickets'
import type { AutotaskTicketAttachment, AutotaskTicketNoteAttachment } from '../client/autotask-attachments'
import type { AutotaskTimeEntry } from './map-autotask-time-entry'
import type { AutotaskContact } from './map-autotask-person'
import type { AutotaskCompany } from './map-autotask-organization'

/** What a coalesced read needs of an entity: its `in` query (autotask.md §6). */
interface QueryableEntity<Row> {
  readonly name: string
  queryIn(field: string, values: readonly number[], query: object, options: CallOptions): { toArray(options: { limit: number }): Promise<Row[]> }
}

/** Autotask's largest `in` list (autotask.md §6). */
const inListLimit = 500

/**
 * Rows of an entity by one of its number fields, read for every caller asking at about the same
 * time with one `field in [...]` query (see createReadCoalescer): a migration moving several
 * tickets at once asks for the notes of each, or reads back each note it wrote.
 */
function coalescedByField<Row>(entity: QueryableEntity<Row>, field: string): ReadCoalescer<number, Row> {
  return createReadCoalescer(
    (values: number[], options) => entity.queryIn(field, values, {}, options).toArray({ limit: 100_000 }),
    (row: Row) => Number((row as Record<string, unknown>)[field]),
    { maxBatch: inListLimit },
  )
}

/**
 * One record by id through a coalesced `id in [...]` query: the read-back after a write, which
 * Autotask answers with the new id only (autotask.md §8). Missing is NotFoundError, as a GET.
 */
function coalescedById<Row>(entity: QueryableEntity<Row>): (id: number, options: CallOptions) => Promise<Row> {
  const reads = coalescedByField(entity, 'id')
  return async (id, options) => {
    const [row] = await reads.read(id, options)
    if (row === undefined) {
      throw new NotFoundError(`Not found: ${entity.name} ${id} does not exist or is not visible to this API user.`, {
        status: 404,
        vendor: 'autotask',
        method: 'POST',
        url: `/${entity.name}/query`,
      })
    }
    return row
  }
}

/** The driver's coalesced reads: what a ticket holds, by ticket id, and records read back after writes, by id. */
export interface AutotaskCoalescedReads {
  notesOfTicket: ReadCoalescer<number, AutotaskTicketNote>
  filesOfTicket: ReadCoalescer<number, AutotaskTicketAttachment>
  noteFilesOfTicket: ReadCoalescer<number, AutotaskTicketNoteAttachment>
  timeEntriesOfTicket: ReadCoalescer<number, AutotaskTimeEntry>
  readBack: {
    ticket(id: number, options: CallOptions): Promise<AutotaskTicket>
    note(id: number, options: CallOptions): Promise<AutotaskTicketNote>
    timeEntry(id: number, options: CallOptions): Promise<AutotaskTimeEntry>
  }
  /** The people and companies tickets name, read by id (a migration resolves several tickets' at once). */
  byId: {
    contact(id: number, options: CallOptions): Promise<AutotaskContact>
    company(id: number, options: CallOptions): Promise<AutotaskCompany>
  }
}

/**
 * A ticket's notes, files and time, and the records read back after writes, asked for by callers
 * together (a migration moving several tickets at once), are read with one `field in [...]`
 * query instead of one request each: the hourly budget is spent per request.
 */
export function createAutotaskCoalescedReads(client: AutotaskClient): AutotaskCoalescedReads {
  return {
    notesOfTicket: coalescedByField(client.ticketNotes, 'ticketID'),
    filesOfTicket: coalescedByField(client.ticketAttachments.entity, 'ticketID'),
    noteFilesOfTicket: coalescedByField(client.ticketNoteAttachments.entity, 'ticketID'),
    timeEntriesOfTicket: coalescedByField(client.timeEntries, 'ticketID'),
    readBack: {
      ticket: coalescedById(client.tickets),
      note: coalescedById(client.ticketNotes),
      timeEntry: coalescedById(client.timeEntries),
    },
    byId: {
      contact: coalescedById(client.contacts),
      company: coalescedById(client.companies),
    },
  }
}
