import type { DriverCallContext, Ticket, TicketDriver } from '@ticketbridge/core'
import { runAutotaskBatch } from '../client/autotask-batch'
import { autotaskThreadLimit } from '../client/autotask-client-settings'
import { maximumOrConditions } from '../client/autotask-filter'
import { autotaskPageSizeLimit } from '../client/autotask-query'
import type { AutotaskDriverContext } from './autotask-driver-context'
import { autotaskIdPage, mapPage } from './autotask-id-page'
import { autotaskId } from './autotask-input-resolver'
import type { AutotaskTicketLookups } from './autotask-lookups'
import { checkAutotaskTicketUnmodified } from './autotask-ticket-conflict'
import { autotaskTicketFilter, externalIdCondition } from './autotask-ticket-filter'
import { type TicketBodyContext, buildAutotaskTicketBody } from './build-autotask-ticket-body'
import { mapAutotaskTicket } from './map-autotask-ticket'

/**
 * Tickets: every query filter runs in Autotask, pages go by id (500 at most); writes fill what
 * Autotask requires and read the ticket back; the external id is found with one query (`in`
 * lists of 500 for many). Autotask's REST API has no ticket delete.
 */
export function createAutotaskTicketOperations(driver: AutotaskDriverContext): TicketDriver {
  const { client, options, reads } = driver
  const bodyContext = (lookups: AutotaskTicketLookups, context: DriverCallContext): TicketBodyContext => ({
    lookups,
    resolver: driver.resolve,
    options,
    userDefinedFields: () => client.metadata.userDefinedFields('Tickets', context),
    callOptions: context,
  })

  return {
    async listPage(query, cursor, context) {
      const lookups = await driver.ticketLookups(context)
      const filter = autotaskTicketFilter(query, lookups)
      if (filter === undefined) return { items: [] }
      const maxRecords = Math.min(query.pageSize ?? autotaskPageSizeLimit, autotaskPageSizeLimit)
      return mapPage(autotaskIdPage(client.tickets, { filter, maxRecords }, cursor, context), (raw) => mapAutotaskTicket(raw, lookups, options))
    },

    async get(id, context) {
      const [raw, lookups] = await Promise.all([client.tickets.get(autotaskId(id, 'id'), context), driver.ticketLookups(context)])
      return mapAutotaskTicket(raw, lookups, options)
    },

    async create(input, context) {
      const lookups = await driver.ticketLookups(context)
      const { body, warnings } = await buildAutotaskTicketBody(input, 'create', bodyContext(lookups, context))
      const id = await client.tickets.create(body, context)
      return { record: mapAutotaskTicket(await reads.readBack.ticket(id, context), lookups, options), warnings }
    },

    // Autotask has no array form: one POST a ticket (the per-endpoint thread limit at once), and
    // its `itemId` is the receipt; nothing is read back.
    async createMany(inputs, context) {
      const lookups = await driver.ticketLookups(context)
      const results = await runAutotaskBatch(
        inputs,
        async (input) => {
          const { body, warnings } = await buildAutotaskTicketBody(input, 'create', bodyContext(lookups, context))
          return { id: String(await client.tickets.create(body, context)), warnings }
        },
        { concurrency: autotaskThreadLimit },
      )
      return results.map((result) => (result.ok ? { ok: true as const, ...result.value } : { ok: false as const, error: result.error }))
    },

    async update(id, input, context) {
      const ticketId = autotaskId(id, 'id')
      // `ifUnmodifiedSince` is the adapter's own option, not a ticket field: checked here, not sent.
      const { ifUnmodifiedSince, ...vendorFields } = input.vendorOptions?.autotask ?? {}
      const checked = input.vendorOptions?.autotask ? { ...input, vendorOptions: { ...input.vendorOptions, autotask: vendorFields } } : input
      if (ifUnmodifiedSince !== undefined) await checkAutotaskTicketUnmodified(client, ticketId, ifUnmodifiedSince, context)
      const lookups = await driver.ticketLookups(context)
      const { body, warnings } = await buildAutotaskTicketBody(checked, 'update', bodyContext(lookups, context))
      if (Object.keys(body).length > 0) await client.tickets.update({ ...body, id: ticketId }, context)
      return { record: mapAutotaskTicket(await reads.readBack.ticket(ticketId, context), lookups, options), warnings }
    },

    async findByExternalId(externalId, context) {
      const [page, lookups] = await Promise.all([
        client.tickets.query({ filter: [externalIdCondition(options, externalId)], maxRecords: 1 }, context),
        driver.ticketLookups(context),
      ])
      return page.items[0] ? mapAutotaskTicket(page.items[0], lookups, options) : undefined
    },

    async findAllByExternalIds(externalIds, context) {
      const found = new Map<string, Ticket[]>(externalIds.map((value) => [value, []]))
      const lookups = await driver.ticketLookups(context)
      // One `in` query per 500 values (Autotask's cap on OR conditions), every page of each.
      for (let start = 0; start < externalIds.length; start += maximumOrConditions) {
        const condition = externalIdCondition(options, externalIds.slice(start, start + maximumOrConditions))
        for await (const raw of client.tickets.queryAll({ filter: [condition] }, context)) {
          const ticket = mapAutotaskTicket(raw, lookups, options)
          if (ticket.externalId !== undefined) found.get(ticket.externalId)?.push(ticket)
        }
      }
      return found
    },
  }
}
