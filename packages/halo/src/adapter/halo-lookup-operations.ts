import type { LookupDriver } from '@ticketbridge/core'
import type { HaloDriverContext } from './halo-driver-context'

/** The instance's lookups as the common model lists them: always read fresh from Halo (the cache serves mapping only). */
export function createHaloLookupOperations(halo: HaloDriverContext): LookupDriver {
  const { lookups } = halo
  return {
    statuses: async (context) => (await lookups.statuses({ ...context, fresh: true })).map(({ id, name, category }) => ({ id, name, category })),
    priorities: async (context) => (await lookups.priorities({ ...context, fresh: true })).map(({ id, name, level }) => ({ id, name, level })),
    queues: async (context) => (await lookups.teams({ ...context, fresh: true })).map(({ id, name }) => ({ id, name })),
    ticketTypes: async (context) => (await lookups.ticketTypes({ ...context, fresh: true })).map(({ id, name }) => ({ id, name })),
    customFields: async (context) => (await lookups.ticketFields({ ...context, fresh: true })).map((field) => field.definition),
  }
}
