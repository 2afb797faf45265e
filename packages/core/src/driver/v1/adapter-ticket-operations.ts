import type { TicketingAdapterV1 } from '../../adapter/v1/ticketing-adapter-v1'
import { ticketQuerySchema } from '../../adapter/v1/ticket-query'
import { ticketCreateInputSchema, ticketUpdateInputSchema } from '../../model/ticket-input'
import type { AdapterRuntime } from './adapter-runtime'
import { checkCarriedFiles } from './check-carried-files'
import { writeMany, writeOne } from './driver-write'
import { ticketWriteWarnings, withStandardWarnings } from './standard-write-warnings'

/** `tickets` of the adapter over the driver's ticket operations. */
export function createAdapterTicketOperations(runtime: AdapterRuntime): TicketingAdapterV1['tickets'] {
  const { driver, source } = runtime
  const tickets = driver.tickets
  const capabilities = driver.capabilities.tickets
  const findAll = tickets.findAllByExternalIds?.bind(tickets)

  /** The ticket checked, and the files it carries (check-carried-files.ts). */
  function check(input: unknown) {
    const checked = runtime.parse(ticketCreateInputSchema, input, 'ticket')
    checkCarriedFiles(
      checked.attachments,
      capabilities.attachments,
      { vendor: driver.vendor, title: driver.title, capabilities: driver.capabilities },
      'ticket',
    )
    return checked
  }

  return {
    list(query = {}, options) {
      // Checked when asked, so a bad query fails at the call, before any page is fetched.
      const checked = runtime.parse(ticketQuerySchema, query, 'ticket query')
      if (checked.order !== undefined && !capabilities.orders?.includes(checked.order)) {
        throw runtime.unsupported(`tickets.list(order: ${checked.order})`)
      }
      return runtime.paginate(options, (cursor, context) => tickets.listPage(checked, cursor, context))
    },
    get: (id, options) => runtime.read(options, (context) => tickets.get(id, context)),
    create: (input, options) =>
      runtime.write('tickets.create', capabilities.create, options, async (context) => {
        const checked = check(input)
        const result = await writeOne(tickets, checked, context)
        return withStandardWarnings(result, ticketWriteWarnings(source, checked, result.record))
      }),
    createMany: (inputs, options) =>
      runtime.batch('tickets.create', capabilities.create, options, inputs, {
        check,
        send: (checked, context) => writeMany(tickets, checked, context),
        warnings: (checked, record) => ticketWriteWarnings(source, checked, record),
      }),
    update: (id, input, options) =>
      runtime.write('tickets.update', capabilities.update && tickets.update !== undefined, options, async (context) => {
        const checked = runtime.parse(ticketUpdateInputSchema, input, 'ticket update')
        const result = await tickets.update!(id, checked, context)
        return withStandardWarnings(result, ticketWriteWarnings(source, checked, result.record))
      }),
    async delete(id, options) {
      runtime.guard.check(options)
      if (!capabilities.delete || !tickets.delete) throw runtime.unsupported('tickets.delete')
      await runtime.read(options, (context) => tickets.delete!(id, context))
    },
    findByExternalId: (externalId, options) =>
      runtime.read(options, async (context) => {
        if (tickets.findByExternalId) return tickets.findByExternalId(externalId, context)
        return (await findAll!([externalId], context)).get(externalId)?.[0]
      }),
    // Offered only where the driver has the batch form: callers fall back to one lookup per value.
    ...(findAll ? { findAllByExternalIds: (externalIds, options) => runtime.read(options, (context) => findAll(externalIds, context)) } : {}),
  }
}
