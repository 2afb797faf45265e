import type { TimeEntryDriver } from '@ticketbridge/core'
import { mapMemoryTimeEntry } from './map-memory-records'
import type { MemoryDriverContext } from './memory-driver-context'
import { nextMemoryId } from './memory-store'

/** The time entry operations of the memory driver; the runtime refuses them where `capabilities.timeEntries` is off. */
export function createMemoryTimeEntryOperations(context: MemoryDriverContext): TimeEntryDriver {
  const { call, resolve, store, vendor } = context
  return {
    // A ticket's entries fit one page.
    listPage: (ticketId, _cursor, callContext) =>
      call('GET', `/tickets/${ticketId}/time-entries`, callContext, () => {
        const ticket = resolve.ticket(ticketId)
        const entries = [...store.timeEntries.values()].filter((entry) => entry.ticketId === ticket.id)
        return { items: entries.map((entry) => mapMemoryTimeEntry(store, entry, vendor)) }
      }),

    create: ({ ticketId, input }, writeContext) =>
      call('POST', `/tickets/${ticketId}/time-entries`, writeContext, () => {
        const ticket = resolve.ticket(ticketId, 'POST')
        const record = {
          id: nextMemoryId(store),
          ticketId: ticket.id,
          minutes: input.minutes,
          ...(input.note !== undefined ? { note: input.note } : {}),
          ...(input.person ? { personId: resolve.person(input.person, 'person') } : {}),
          ...(input.startedAt !== undefined ? { startedAt: input.startedAt } : {}),
          ...(input.billable !== undefined ? { billable: input.billable } : {}),
        }
        store.timeEntries.set(record.id, record)
        return { record: mapMemoryTimeEntry(store, record, vendor), warnings: [] }
      }),
  }
}
