import { type AdapterWarning, type CheckedTicketCreate, type DriverWriteContext, settleBatchItem, type TicketDriver } from '@ticketbridge/core'
import { buildHaloTicketPayload } from './build-halo-ticket-payload'
import type { HaloDriverContext } from './halo-driver-context'
import { findHaloTicketsByExternalIds } from './halo-external-id-search'
import { mapHaloTicketRow } from './halo-mapping-context'
import { requireNumericId } from './halo-numeric-id'
import { haloRowWarnings } from './halo-row-warnings'
import { haloSilentTicketFlags } from './halo-silent-flags'
import { listHaloTicketPage } from './halo-ticket-list-page'

/**
 * Tickets (Halo's `/Tickets`, "Faults"). Creates go through the ticket queue, so tickets created
 * together leave as one array POST; the external id is kept as a marker or in a custom field and
 * found with Halo's search.
 */
export function createHaloTicketOperations(halo: HaloDriverContext): TicketDriver {
  const { client, resolver, externalId, options } = halo

  async function payloadOf(input: CheckedTicketCreate, context: DriverWriteContext) {
    const warnings: AdapterWarning[] = []
    const payload = await buildHaloTicketPayload(input, {
      resolver,
      externalId,
      ...(options.ticketTypeId !== undefined ? { ticketTypeId: options.ticketTypeId } : {}),
      callOptions: context,
      warnings,
    })
    return { payload: context.silent ? { ...payload, ...haloSilentTicketFlags } : payload, warnings }
  }

  // Async, so its row joins the queue before the first await.
  async function send({ payload, warnings }: Awaited<ReturnType<typeof payloadOf>>, context: DriverWriteContext) {
    const row = await halo.ticketWrites.write(payload, context)
    const record = await mapHaloTicketRow(halo, row, context)
    return { id: record.id, record, warnings: [...warnings, ...haloRowWarnings(row)] }
  }

  return {
    listPage: (query, cursor, context) => listHaloTicketPage(halo, query, cursor, context),

    get: async (id, context) => mapHaloTicketRow(halo, await client.tickets.get(requireNumericId(id, 'id', 'ticket id'), {}, context), context),

    async create(input, context) {
      const { id: _id, ...result } = await send(await payloadOf(input, context), context)
      return result
    },

    // Payloads are built first, then all join the queue at once: it sends them as arrays of 100
    // (splitting an array Halo refuses), and Halo's answer holds the records, so nothing is read back.
    async createMany(inputs, context) {
      const payloads = await Promise.allSettled(inputs.map((input) => payloadOf(input, context)))
      return Promise.all(
        payloads.map((payload) => {
          if (payload.status === 'rejected') return { ok: false as const, error: payload.reason as unknown }
          return settleBatchItem(send(payload.value, context))
        }),
      )
    },

    async update(id, input, context) {
      const ticketId = requireNumericId(id, 'id', 'ticket id')
      // Read first: Halo's upsert would create a new ticket for an id it does not have, and the
      // current details carry the external-id marker an edited description must keep.
      const existing = await client.tickets.get(ticketId, {}, context)
      const warnings: AdapterWarning[] = []
      const payload = await buildHaloTicketPayload(input, { resolver, externalId, existing, callOptions: context, warnings })
      if (Object.keys(payload).length === 0) return { record: await mapHaloTicketRow(halo, existing, context), warnings }
      const row = await client.tickets.update({ ...payload, ...(context.silent ? haloSilentTicketFlags : {}), id: ticketId }, context)
      return { record: await mapHaloTicketRow(halo, row, context), warnings: [...warnings, ...haloRowWarnings(row)] }
    },

    delete: (id, context) => client.tickets.delete(requireNumericId(id, 'id', 'ticket id'), {}, context),

    findAllByExternalIds: (values, context) => findHaloTicketsByExternalIds(halo, values, context),
  }
}
