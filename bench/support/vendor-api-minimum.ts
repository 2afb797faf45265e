import type { VendorName } from './vendor-sandbox'

/** What a migration has to move, counted as the source holds it. */
export interface HelpDeskShape {
  tickets: number
  comments: number
  files: number
  ticketsWithFiles: number
}

/**
 * The fewest requests each vendor's documented API needs to read a help desk (as a source) and
 * to write it (as a target), from shared/reference/<vendor>.md and the specs in
 * shared/vendor-specs/ (section numbers below are those files'). Left out on both sides: tokens,
 * zone discovery, lookups (statuses, priorities, types, fields) and the people directory, a fixed
 * cost that does not grow with the tickets; a case that counts them in its own figures says so.
 * Time entries ride on the same reads where the vendor keeps them with the comments.
 */
export const vendorApiMinimum: Record<VendorName, { read(shape: HelpDeskShape): number; write(shape: HelpDeskShape): number }> = {
  halo: {
    read: ({ tickets, ticketsWithFiles, files }) =>
      // GET /Tickets pages hold at most 100 rows (swagger /Tickets `page_size`: "Maximum size: 100"; halo.md §3.3).
      Math.ceil(tickets / 100) +
      // GET /Actions?ticket_id=…: the only ticket filter /Actions has, no paging (swagger; halo.md §3.3, §4.2); time entries are actions too.
      tickets +
      // GET /Tickets?withattachments=true finds the tickets with files (swagger: "Returns only tickets with 1 or more attachment").
      Math.ceil(ticketsWithFiles / 100) +
      // GET /Attachment?ticket_id=… lists one ticket's files (halo.md §4.3), only for those tickets.
      ticketsWithFiles +
      // GET /Attachment/{id} returns one file's bytes (halo.md §4.3).
      files,
    write: ({ tickets, comments }) =>
      // POST /Tickets takes an array (swagger: body `type: array`; halo.md §3.1, halocrm kbid 929); no maximum is documented,
      // HaloAPI's batch processor sends 100 a request (halo.md §7). Files ride in `Faults.attachments` (swagger), and a closed
      // ticket without replies is created in its final status.
      Math.ceil(tickets / 100) +
      // POST /Actions takes an array too; each action carries its files (`Actions.attachments`) and the last one of a closed
      // ticket its final status (`Actions.new_status`, swagger; halo.md §4.2).
      Math.ceil(comments / 100),
  },
  autotask: {
    read: ({ tickets, comments, files }) =>
      // POST /Tickets/query answers 500 rows a page (autotask.md §7).
      Math.ceil(tickets / 500) +
      // POST /TicketNotes/query with `ticketID in [≤500 ids]` (autotask.md §6: `in`, at most 500 conditions; §10), 500 rows a page.
      Math.max(Math.ceil(tickets / 500), Math.ceil(comments / 500)) +
      // POST /AttachmentInfo/query by ticketID covers ticket and note files alike (autotask.md §11).
      Math.max(Math.ceil(tickets / 500), Math.ceil(files / 500)) +
      // POST /TimeEntries/query with `ticketID in […]` (autotask.md §5, §6).
      Math.ceil(tickets / 500) +
      // GET /Tickets/{id}/Attachments/{id}: only the parent-child GET returns `data`, one file each (autotask.md §11).
      files,
    write: ({ tickets, comments, files }) =>
      // POST /Tickets creates one entity and answers `{itemId}`: no array form (autotask.md §5, §8); created in its final status.
      tickets +
      // POST /Tickets/{id}/Notes, one note each (autotask.md §10).
      comments +
      // POST /Tickets/{id}/Attachments (or /TicketNotes/{id}/Attachments) with base64 `data`, one file each (autotask.md §11).
      files,
  },
  rt: {
    read: ({ tickets, files }) =>
      // REST2 GET /tickets pages hold at most 100 (rt.md §3.2).
      Math.ceil(tickets / 100) +
      // REST 1.0 GET ticket/<n>/history?format=l: every transaction with its Content, TimeTaken and file list, one request a ticket (rt.md §2.4).
      tickets +
      // GET ticket/<n>/attachments/<id>/content: one file's exact bytes (rt.md §2.4).
      files,
    write: ({ tickets, comments }) =>
      // POST ticket/new (REST 1.0, multipart) or POST /ticket (REST2, `Attachments`) creates the ticket with its files and status (rt.md §2.3, §3.3).
      tickets +
      // POST ticket/<n>/comment with `Action: comment|correspond`, that reply's files, and `Status` on the last reply of a closed ticket (rt.md §2.3).
      comments,
  },
}

/** The minimum requests of a migration from `source` to `target`, both sides together. */
export function minimumRequests(source: VendorName, target: VendorName, shape: HelpDeskShape): number {
  return vendorApiMinimum[source].read(shape) + vendorApiMinimum[target].write(shape)
}
