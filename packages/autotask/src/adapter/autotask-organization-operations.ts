import type { OrganizationDriver } from '@ticketbridge/core'
import { autotaskFilter } from '../client/autotask-filter'
import type { AutotaskDriverContext } from './autotask-driver-context'
import { autotaskIdPage, mapPage } from './autotask-id-page'
import { autotaskId } from './autotask-input-resolver'
import { mapAutotaskCompany } from './map-autotask-organization'

/** Organizations are companies; a new one gets the type and owner Autotask requires. */
export function createAutotaskOrganizationOperations(driver: AutotaskDriverContext): OrganizationDriver {
  const { client, options } = driver
  return {
    listPage: (cursor, context) => mapPage(autotaskIdPage(client.companies, {}, cursor, context), mapAutotaskCompany),

    async get(id, context) {
      return mapAutotaskCompany(await driver.reads.byId.company(autotaskId(id, 'id'), context))
    },

    async findByName(name, context) {
      const page = await client.companies.query({ filter: [autotaskFilter.eq('companyName', name)], maxRecords: 1 }, context)
      return page.items[0] ? mapAutotaskCompany(page.items[0]) : undefined
    },

    async create(input, context) {
      const body: Record<string, unknown> = { ...options.organizationDefaults, companyName: input.name, ...(input.vendorOptions?.autotask ?? {}) }
      if (body.companyType === undefined) {
        const types = await client.companies.picklist('companyType', context)
        body.companyType = Number(types.defaultValue() ?? types.valueOf('Customer') ?? types.active[0]?.value ?? 1)
      }
      if (body.ownerResourceID === undefined) {
        // Autotask requires an owner; the API user's own resource is the honest default.
        const owner = await driver.resolve.apiUserResourceId(context)
        if (owner !== undefined) body.ownerResourceID = owner
      }
      const companyId = await client.companies.create(body, context)
      return { record: mapAutotaskCompany(await client.companies.get(companyId, context)), warnings: [] }
    },
  }
}
