import {
  type AdapterCapabilities,
  type AdapterWarning,
  type CheckedTicketCreate,
  type CheckedTicketQuery,
  clientSideFilters,
  matchesTicketQuery,
  type Page,
  type Ticket,
  type TicketDriver,
} from '@ticketbridge/core'
import { mapMemoryTicket } from './map-memory-records'
import { memoryBatches, memoryBatchItem } from './memory-batches'
import type { MemoryDriverContext } from './memory-driver-context'
import { buildMemoryTicket, buildMemoryTicketUpdate } from './memory-ticket-writes'
import { storeCarriedFiles } from './memory-store'

/**
 * One page of tickets, filtered as a vendor would: the filters declared `server` before paging,
 * the `client` ones on the page afterwards (so a page may come back short, as it does there).
 */
function memoryTicketPage(context: MemoryDriverContext, query: CheckedTicketQuery, cursor: string | undefined): Page<Ticket> {
  const { capabilities, store, vendor } = context
  const pageSize = Math.min(query.pageSize ?? capabilities.tickets.pageSizeLimit, capabilities.tickets.pageSizeLimit)
  const serverFilters = (Object.keys(capabilities.query) as (keyof AdapterCapabilities['query'])[]).filter(
    (filter) => capabilities.query[filter] === 'server',
  )
  // Keyset paging, as a server would do it: by id (stable while records are added), or by
  // (updatedAt, id) newest first when asked; the cursor is the last record's key.
  const byUpdate = query.order === 'recently-updated-first'
  const key = (record: { id: number; updatedAt: string }) => (byUpdate ? `${record.updatedAt}|${String(record.id).padStart(12, '0')}` : '')
  const after = (record: { id: number; updatedAt: string }) =>
    cursor === undefined ? true : byUpdate ? key(record) < cursor : record.id > Number(cursor)
  const candidates = [...store.tickets.values()]
    .filter(after)
    .sort((left, right) => (byUpdate ? key(right).localeCompare(key(left)) : left.id - right.id))
    .map((record) => ({ record, ticket: mapMemoryTicket(store, record, vendor) }))
    .filter(({ ticket }) => matchesTicketQuery(ticket, query, serverFilters))
  const pageItems = candidates.slice(0, pageSize)
  const last = pageItems.at(-1)
  const items = pageItems.map(({ ticket }) => ticket).filter((ticket) => matchesTicketQuery(ticket, query, clientSideFilters(query, capabilities)))
  if (candidates.length <= pageSize || !last) return { items }
  return { items, nextCursor: byUpdate ? key(last.record) : last.ticket.id }
}

/** Removes a ticket and everything that hangs off it, as deleting it on a vendor does. */
function deleteMemoryTicket(context: MemoryDriverContext, ticketId: number): void {
  const { store } = context
  store.tickets.delete(ticketId)
  for (const [commentId, comment] of store.comments) if (comment.ticketId === ticketId) store.comments.delete(commentId)
  for (const [attachmentId, attachment] of store.attachments) if (attachment.ticketId === ticketId) store.attachments.delete(attachmentId)
  for (const [entryId, entry] of store.timeEntries) if (entry.ticketId === ticketId) store.timeEntries.delete(entryId)
  store.relations = store.relations.filter((relation) => relation.ticketId !== ticketId && relation.relatedTicketId !== ticketId)
}

/** The ticket operations of the memory driver: every one, whatever the capabilities (the runtime refuses what they switch off). */
export function createMemoryTicketOperations(context: MemoryDriverContext): TicketDriver {
  const { call, resolve, store, vendor } = context
  const createOne = (input: CheckedTicketCreate) => {
    const warnings: AdapterWarning[] = []
    const record = buildMemoryTicket(context, input, warnings)
    store.tickets.set(record.id, record)
    // Files the ticket carries (`tickets.attachments`; the runtime refuses them elsewhere).
    storeCarriedFiles(store, input.attachments, { ticketId: record.id, createdAt: record.createdAt })
    return { record: mapMemoryTicket(store, record, vendor), warnings }
  }
  return {
    listPage: (query, cursor, callContext) => call('GET', '/tickets', callContext, () => memoryTicketPage(context, query, cursor)),

    get: (id, callContext) => call('GET', `/tickets/${id}`, callContext, () => mapMemoryTicket(store, resolve.ticket(id), vendor)),

    create: (input, writeContext) => call('POST', '/tickets', writeContext, () => createOne(input)),

    // One "request" per batch of `createBatchLimit` (one ticket where the capabilities give none),
    // as the vendor it stands in for: dry runs count what the real target costs.
    createMany: (inputs, writeContext) =>
      memoryBatches(inputs, context.capabilities.tickets.createBatchLimit, (batch) =>
        call('POST', '/tickets', writeContext, () => batch.map((input) => memoryBatchItem(() => createOne(input)))),
      ),

    update: (id, input, writeContext) =>
      call('PUT', `/tickets/${id}`, writeContext, () => {
        const warnings: AdapterWarning[] = []
        const record = buildMemoryTicketUpdate(context, resolve.ticket(id, 'PUT'), input, warnings)
        store.tickets.set(record.id, record)
        return { record: mapMemoryTicket(store, record, vendor), warnings }
      }),

    delete: (id, callContext) => call('DELETE', `/tickets/${id}`, callContext, () => deleteMemoryTicket(context, resolve.ticket(id, 'DELETE').id)),

    findAllByExternalIds: (externalIds, callContext) =>
      // One request, as a vendor's `in` query would be: dry runs count what the real target costs.
      call('GET', `/tickets?externalId=${externalIds.map(encodeURIComponent).join(',')}`, callContext, () => {
        const found = new Map<string, Ticket[]>(externalIds.map((value) => [value, []]))
        for (const record of store.tickets.values()) {
          if (record.externalId !== undefined) found.get(record.externalId)?.push(mapMemoryTicket(store, record, vendor))
        }
        return found
      }),
  }
}
