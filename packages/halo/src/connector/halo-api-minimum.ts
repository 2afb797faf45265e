import type { ApiMinimum } from '@ticketbridge/http'

/**
 * The fewest requests Halo's documented API needs to read a help desk (as a source) and to write
 * it (as a target), from halo.md and Halo's swagger. Left out: tokens, lookups and the people
 * directory, a fixed cost. Time entries ride on the action reads.
 */
export const haloApiMinimum: ApiMinimum = {
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
}
