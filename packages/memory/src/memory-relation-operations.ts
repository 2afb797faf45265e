import type { RelationDriver } from '@ticketbridge/core'
import { mapMemoryRelation } from './map-memory-records'
import type { MemoryDriverContext } from './memory-driver-context'

/** The relation operations of the memory driver; the runtime refuses them where `capabilities.relations` is off. */
export function createMemoryRelationOperations(context: MemoryDriverContext): RelationDriver {
  const { call, resolve, store } = context
  return {
    list: (ticketId, callContext) =>
      call('GET', `/tickets/${ticketId}/relations`, callContext, () => {
        const ticket = resolve.ticket(ticketId)
        return store.relations.filter((relation) => relation.ticketId === ticket.id).map(mapMemoryRelation)
      }),

    create: (ticketId, input, writeContext) =>
      call('POST', `/tickets/${ticketId}/relations`, writeContext, () => {
        const ticket = resolve.ticket(ticketId, 'POST')
        const related = resolve.ticket(input.relatedTicketId, 'POST')
        const record = { ticketId: ticket.id, relatedTicketId: related.id, kind: input.kind }
        // Linking twice keeps one link, as vendors do.
        const exists = store.relations.some(
          (relation) => relation.ticketId === record.ticketId && relation.relatedTicketId === record.relatedTicketId && relation.kind === record.kind,
        )
        if (!exists) store.relations.push(record)
        return { record: mapMemoryRelation(record), warnings: [] }
      }),
  }
}
