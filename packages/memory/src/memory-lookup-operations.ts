import type { LookupDriver } from '@ticketbridge/core'
import type { MemoryDriverContext } from './memory-driver-context'

/** The lookups of the memory driver: copies of the store's, so callers cannot change them. */
export function createMemoryLookupOperations(context: MemoryDriverContext): LookupDriver {
  const { call, store } = context
  return {
    statuses: (callContext) => call('GET', '/statuses', callContext, () => structuredClone(store.statuses)),
    priorities: (callContext) => call('GET', '/priorities', callContext, () => structuredClone(store.priorities)),
    queues: (callContext) => call('GET', '/queues', callContext, () => structuredClone(store.queues)),
    ticketTypes: (callContext) => call('GET', '/ticket-types', callContext, () => structuredClone(store.ticketTypes)),
    customFields: (callContext) => call('GET', '/custom-fields', callContext, () => structuredClone(store.customFields)),
  }
}
