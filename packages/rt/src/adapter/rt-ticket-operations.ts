import { matchesTicketQuery, type Ticket, type TicketDriver, writeEach } from '@ticketbridge/core'
import { rtPageWith } from './port/rt-port-records'
import type { RtDriverContext } from './rt-driver-context'
import { readTicket, toTickets } from './rt-ticket-reads'
import { buildTicketSql, ticketSqlCustomField, ticketSqlString } from './rt-ticket-sql'
import { createRtTicket, createRtTicketReceipt, rtWritesAtOnce, updateRtTicket } from './rt-ticket-writes'

/** External ids per TicketSQL search in findAllByExternalIds: about 2 KB of query each. */
const externalIdsPerSearch = 40

/**
 * RT's tickets: TicketSQL searches for lists (the filters RT cannot run, and the exact time
 * bounds, applied to what comes back), the ticket with its description, writes, delete (the
 * status `deleted`), and external ids in their custom field.
 */
export function createRtTicketOperations(context: RtDriverContext): TicketDriver {
  const { port } = context

  return {
    async listPage(query, cursor, call) {
      // RT reads TicketSQL dates in the user's zone: asked for (read from RT once) only when the query has one.
      const dated = query.updatedSince !== undefined || query.createdSince !== undefined
      const { sql, matchesNothing } = buildTicketSql(query, {
        lifecycles: context.lifecycles,
        fullTextSearch: context.settings.fullTextSearch,
        ...(dated ? { timeZone: await port.timeZone(call) } : {}),
      })
      if (matchesNothing) return { items: [] }
      const perPage = query.pageSize ?? context.capabilities.tickets.pageSizeLimit
      const page = await port.searchTickets(sql, { cursor, perPage, ...(query.order ? { order: query.order } : {}) }, call)
      // The exact bounds (RT compares to the second) and the filters RT cannot run.
      const items = (await toTickets(context, page.items, call)).filter((ticket) => matchesTicketQuery(ticket, query))
      return rtPageWith(page, items)
    },

    get: (id, call) => readTicket(context, id, call),

    create: (input, { silent: _silent, ...call }) => createRtTicket(context, input, call),

    // RT has no array form: one create a ticket, a few side by side; its id is the receipt.
    createMany: (inputs, { silent: _silent, ...call }) =>
      writeEach(inputs, rtWritesAtOnce, (input) => createRtTicketReceipt(context, input, call, { readBack: false })),

    update: (id, input, { silent: _silent, ...call }) => updateRtTicket(context, id, input, call),

    async delete(id, call) {
      const ticketId = context.ticketId(id)
      context.attachmentTickets.forgetTicket(ticketId)
      await port.deleteTicket(ticketId, call)
    },

    async findAllByExternalIds(externalIds, call) {
      const found = new Map<string, Ticket[]>(externalIds.map((value) => [value, []]))
      const field = context.externalIdField
      if (port.describesCustomFields && !(await context.customFieldsByName(call)).has(field)) return found
      // One TicketSQL search per chunk of ids: `CF = 'a' OR CF = 'b' …`, short enough for a URL.
      for (let start = 0; start < externalIds.length; start += externalIdsPerSearch) {
        const sql = externalIds
          .slice(start, start + externalIdsPerSearch)
          .map((value) => `${ticketSqlCustomField(field)} = ${ticketSqlString(value)}`)
          .join(' OR ')
        let cursor: string | undefined
        do {
          const page = await port.searchTickets(sql, { cursor, perPage: 100 }, call)
          for (const ticket of await toTickets(context, page.items, call))
            if (ticket.externalId !== undefined) found.get(ticket.externalId)?.push(ticket)
          cursor = page.nextCursor
        } while (cursor !== undefined)
      }
      return found
    },
  }
}
