import { NotFoundError, type OrganizationDriver } from '@ticketbridge/core'

/** RT has no organizations: none are listed or found, and none can be created (the runtime refuses). */
export function createRtOrganizationOperations(): OrganizationDriver {
  return {
    listPage: async () => ({ items: [] }),
    async get(id) {
      throw new NotFoundError(`Organization ${id} does not exist: RT has no organizations.`, { status: 404, vendor: 'rt' })
    },
    findByName: async () => undefined,
  }
}
