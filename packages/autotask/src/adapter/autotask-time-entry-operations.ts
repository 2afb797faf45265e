import type { DriverCallContext, TimeEntryDriver } from '@ticketbridge/core'
import type { AutotaskDriverContext } from './autotask-driver-context'
import { autotaskReadsForTickets } from './autotask-reads-for-tickets'
import { autotaskId, invalidInput } from './autotask-input-resolver'
import { parseAutotaskTimestamp } from './autotask-timestamp'
import { mapAutotaskTimeEntry } from './map-autotask-time-entry'

/**
 * Time entries on tickets, logged as a resource in a role it holds. A ticket's entries are read,
 * and new ones read back, together with those other callers ask for at the same time.
 */
export function createAutotaskTimeEntryOperations(driver: AutotaskDriverContext): TimeEntryDriver {
  const { client, options, reads } = driver
  const entriesOf = async (ticketId: string, context: DriverCallContext) =>
    (await reads.timeEntriesOfTicket.read(autotaskId(ticketId, 'ticketId'), context)).map((raw) => mapAutotaskTimeEntry(raw, ticketId))
  return {
    // Every entry of the ticket in one page: the coalesced read returns them all.
    listPage: async (ticketId, _cursor, context) => ({ items: await entriesOf(ticketId, context) }),

    listForTickets: (ticketIds, context) => autotaskReadsForTickets(ticketIds, (ticketId) => entriesOf(ticketId, context)),

    async create({ ticketId, input }, context) {
      const id = autotaskId(ticketId, 'ticketId')
      const resourceId = input.person
        ? await driver.resolve.resource(input.person, 'person', context)
        : (options.timeEntryResourceId ?? driver.impersonationResourceId)
      if (resourceId === undefined)
        throw invalidInput('person', 'Autotask logs time as a resource: name the person, or set timeEntryResourceId in the settings')
      const vendorFields = input.vendorOptions?.autotask ?? {}
      const roleID = typeof vendorFields.roleID === 'number' ? vendorFields.roleID : await driver.resolve.defaultRoleOf(resourceId, 'person', context)
      // In epoch milliseconds: the end is the start plus the minutes, across a daylight-saving change
      // too, and the day worked is the start's day in UTC, midnight UTC as Autotask takes a date
      // (autotask.md §14), whatever the machine's zone.
      const start = new Date((input.startedAt !== undefined ? parseAutotaskTimestamp(input.startedAt) : undefined) ?? Date.now())
      const end = new Date(start.getTime() + input.minutes * 60_000)
      const body = {
        ticketID: id,
        resourceID: resourceId,
        roleID,
        dateWorked: `${start.toISOString().slice(0, 10)}T00:00:00Z`,
        startDateTime: start.toISOString(),
        endDateTime: end.toISOString(),
        hoursWorked: Math.round((input.minutes / 60) * 10_000) / 10_000,
        ...(input.note !== undefined ? { summaryNotes: input.note } : {}),
        ...(input.billable !== undefined ? { isNonBillable: !input.billable } : {}),
        ...vendorFields,
      }
      const entryId = await client.timeEntries.create(body, context)
      return { record: mapAutotaskTimeEntry(await reads.readBack.timeEntry(entryId, context), ticketId), warnings: [] }
    },
  }
}
