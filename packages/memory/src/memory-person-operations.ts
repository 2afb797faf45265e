import { NotFoundError, type PersonDriver } from '@ticketbridge/core'
import { mapMemoryPerson } from './map-memory-records'
import type { MemoryDriverContext } from './memory-driver-context'
import { memoryOffsetPage } from './memory-offset-page'
import { nextMemoryId } from './memory-store'

/** The person operations of the memory driver. */
export function createMemoryPersonOperations(context: MemoryDriverContext): PersonDriver {
  const { call, resolve, store, vendor } = context
  return {
    listPage: (query, cursor, callContext) =>
      call('GET', '/people', callContext, () => {
        const text = query.text?.toLowerCase()
        const all = [...store.people.values()].filter(
          (person) =>
            (query.kind === undefined || person.kind === query.kind) &&
            (text === undefined || `${person.name} ${person.email ?? ''}`.toLowerCase().includes(text)),
        )
        return memoryOffsetPage(all, cursor, Math.min(query.pageSize ?? 100, 100), (person) => mapMemoryPerson(store, person, vendor))
      }),

    get: (id, callContext) =>
      call('GET', `/people/${id}`, callContext, () => {
        const record = store.people.get(Number(id))
        if (!record) {
          throw new NotFoundError(`Person ${id} does not exist.`, { status: 404, vendor, method: 'GET', url: `memory://${vendor}/people/${id}` })
        }
        return mapMemoryPerson(store, record, vendor)
      }),

    findByEmail: (email, callContext) =>
      call('GET', '/people?email', callContext, () => {
        const record = [...store.people.values()].find((person) => person.email?.toLowerCase() === email.toLowerCase())
        return record ? mapMemoryPerson(store, record, vendor) : undefined
      }),

    create: (input, writeContext) =>
      call('POST', '/people', writeContext, () => {
        const record = {
          id: nextMemoryId(store),
          kind: input.kind,
          name: input.name,
          ...(input.email !== undefined ? { email: input.email } : {}),
          ...(input.organization ? { organizationId: resolve.organization(input.organization, 'organization') } : {}),
        }
        store.people.set(record.id, record)
        return { record: mapMemoryPerson(store, record, vendor), warnings: [] }
      }),
  }
}
