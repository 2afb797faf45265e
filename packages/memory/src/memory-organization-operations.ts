import { NotFoundError, type OrganizationDriver } from '@ticketbridge/core'
import { mapMemoryOrganization } from './map-memory-records'
import type { MemoryDriverContext } from './memory-driver-context'
import { memoryOffsetPage } from './memory-offset-page'
import { nextMemoryId } from './memory-store'

/** The organization operations of the memory driver. */
export function createMemoryOrganizationOperations(context: MemoryDriverContext): OrganizationDriver {
  const { call, store, vendor } = context
  return {
    listPage: (cursor, callContext) =>
      call('GET', '/organizations', callContext, () =>
        memoryOffsetPage([...store.organizations.values()], cursor, 100, (organization) => mapMemoryOrganization(organization, vendor)),
      ),

    get: (id, callContext) =>
      call('GET', `/organizations/${id}`, callContext, () => {
        const record = store.organizations.get(Number(id))
        if (!record) {
          const url = `memory://${vendor}/organizations/${id}`
          throw new NotFoundError(`Organization ${id} does not exist.`, { status: 404, vendor, method: 'GET', url })
        }
        return mapMemoryOrganization(record, vendor)
      }),

    findByName: (name, callContext) =>
      call('GET', '/organizations?name', callContext, () => {
        const record = [...store.organizations.values()].find((organization) => organization.name.toLowerCase() === name.toLowerCase())
        return record ? mapMemoryOrganization(record, vendor) : undefined
      }),

    create: (input, writeContext) =>
      call('POST', '/organizations', writeContext, () => {
        const record = { id: nextMemoryId(store), name: input.name }
        store.organizations.set(record.id, record)
        return { record: mapMemoryOrganization(record, vendor), warnings: [] }
      }),
  }
}
