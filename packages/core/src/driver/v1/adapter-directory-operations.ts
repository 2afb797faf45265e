import type { TicketingAdapterV1 } from '../../adapter/v1/ticketing-adapter-v1'
import { organizationCreateInputSchema, personCreateInputSchema } from '../../model/person-input'
import type { AdapterRuntime } from './adapter-runtime'
import { writeOne } from './driver-write'

/** `people` of the adapter over the driver's. */
function createAdapterPersonOperations(runtime: AdapterRuntime): TicketingAdapterV1['people'] {
  const { people } = runtime.driver
  return {
    list: (query = {}, options) => runtime.paginate(options, (cursor, context) => people.listPage(query, cursor, context)),
    get: (id, options) => runtime.read(options, (context) => people.get(id, context)),
    findByEmail: (email, options) => runtime.read(options, (context) => people.findByEmail(email, context)),
    create: (input, options) =>
      runtime.write('people.create', runtime.driver.capabilities.people.create, options, (context) =>
        writeOne(people, runtime.parse(personCreateInputSchema, input, 'person'), context),
      ),
  }
}

/** `organizations` of the adapter over the driver's. */
function createAdapterOrganizationOperations(runtime: AdapterRuntime): TicketingAdapterV1['organizations'] {
  const { organizations } = runtime.driver
  return {
    list: (options) => runtime.paginate(options, (cursor, context) => organizations.listPage(cursor, context)),
    get: (id, options) => runtime.read(options, (context) => organizations.get(id, context)),
    findByName: (name, options) => runtime.read(options, (context) => organizations.findByName(name, context)),
    create: (input, options) =>
      runtime.write('organizations.create', runtime.driver.capabilities.organizations.create, options, (context) =>
        writeOne(organizations, runtime.parse(organizationCreateInputSchema, input, 'organization'), context),
      ),
  }
}

/** `lookups` of the adapter over the driver's. */
function createAdapterLookupOperations(runtime: AdapterRuntime): TicketingAdapterV1['lookups'] {
  const { lookups } = runtime.driver
  return {
    statuses: (options) => runtime.read(options, (context) => lookups.statuses(context)),
    priorities: (options) => runtime.read(options, (context) => lookups.priorities(context)),
    queues: (options) => runtime.read(options, (context) => lookups.queues(context)),
    ticketTypes: (options) => runtime.read(options, (context) => lookups.ticketTypes(context)),
    customFields: (options) => runtime.read(options, (context) => lookups.customFields(context)),
  }
}

/** The directory groups together: people, organizations and lookups. */
export function createAdapterDirectoryOperations(runtime: AdapterRuntime): Pick<TicketingAdapterV1, 'people' | 'organizations' | 'lookups'> {
  return {
    people: createAdapterPersonOperations(runtime),
    organizations: createAdapterOrganizationOperations(runtime),
    lookups: createAdapterLookupOperations(runtime),
  }
}
