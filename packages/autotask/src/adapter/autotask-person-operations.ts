import {
  type AdapterWarning,
  NotFoundError,
  type Page,
  type Person,
  type PersonDriver,
  type PersonQuery,
  UnsupportedOperationError,
} from '@ticketbridge/core'
import { type AutotaskFilter, autotaskFilter } from '../client/autotask-filter'
import type { AutotaskDriverContext } from './autotask-driver-context'
import { autotaskIdPage, mapPage } from './autotask-id-page'
import { autotaskId, contactEmailCondition, invalidInput } from './autotask-input-resolver'
import { mapAutotaskContact, mapAutotaskResource } from './map-autotask-person'

/** Where a people listing is: which entity, and the page cursor within it. */
interface PersonCursor {
  kind: 'contact' | 'agent'
  after?: string
}

/**
 * People are contacts (end users, under a company) and resources (technicians): separate
 * entities, listed contacts first. Only contacts can be created through the REST API.
 */
export function createAutotaskPersonOperations(driver: AutotaskDriverContext): PersonDriver {
  const { client, options } = driver
  return {
    async listPage(query, cursor, context) {
      const position = personCursor(query, cursor)
      const maxRecords = query.pageSize === undefined ? undefined : Math.min(Math.max(1, Math.floor(query.pageSize)), 500)
      const listing = { filter: textFilter(query.text, position.kind), ...(maxRecords !== undefined ? { maxRecords } : {}) }
      const page: Page<Person> =
        position.kind === 'contact'
          ? await mapPage(autotaskIdPage(client.contacts, listing, position.after, context), mapAutotaskContact)
          : await mapPage(autotaskIdPage(client.resources, listing, position.after, context), mapAutotaskResource)
      if (page.nextCursor !== undefined) return { items: page.items, nextCursor: JSON.stringify({ kind: position.kind, after: page.nextCursor }) }
      // Contacts done: resources follow, unless the query asked for contacts only.
      if (position.kind === 'contact' && query.kind === undefined) return { items: page.items, nextCursor: JSON.stringify({ kind: 'agent' }) }
      return { items: page.items }
    },

    async get(id, context) {
      const personId = autotaskId(id, 'id')
      // Contacts and resources are separate entities; an id is looked up as a contact first.
      try {
        return mapAutotaskContact(await driver.reads.byId.contact(personId, context))
      } catch (error) {
        if (!NotFoundError.isInstance(error)) throw error
      }
      return mapAutotaskResource(await client.resources.get(personId, context))
    },

    async findByEmail(email, context) {
      const contacts = await client.contacts.query({ filter: [contactEmailCondition(email)], maxRecords: 1 }, context)
      if (contacts.items[0]) return mapAutotaskContact(contacts.items[0])
      const resources = await client.resources.query({ filter: [autotaskFilter.eq('email', email)], maxRecords: 1 }, context)
      return resources.items[0] ? mapAutotaskResource(resources.items[0]) : undefined
    },

    async create(input, context) {
      if (input.kind === 'agent') {
        throw new UnsupportedOperationError('people.create(kind: agent)', {
          vendor: 'autotask',
          reason: 'resources (technicians) cannot be created through the Autotask REST API; only contacts can',
        })
      }
      const warnings: AdapterWarning[] = []
      const parts = input.name.split(/\s+/)
      let firstName = parts.slice(0, -1).join(' ')
      const lastName = parts.at(-1)!
      if (firstName === '') {
        firstName = lastName
        warnings.push({
          type: 'substituted',
          field: 'name',
          message: 'Autotask contacts need a first and a last name; the single name was used for both.',
        })
      }
      const companyID = input.organization ? await driver.resolve.company(input.organization, 'organization', context) : options.defaultCompanyId
      const body = {
        companyID,
        firstName,
        lastName,
        isActive: 1,
        ...(input.email !== undefined ? { emailAddress: input.email } : {}),
        ...(input.vendorOptions?.autotask ?? {}),
      }
      const contactId = await client.contacts.create(body, { ...context, parentId: companyID })
      return { record: mapAutotaskContact(await client.contacts.get(contactId, context)), warnings }
    },
  }
}

/** The listing's position: where the cursor says, else the first entity the query asks for. */
function personCursor(query: PersonQuery, cursor: string | undefined): PersonCursor {
  if (cursor === undefined) return { kind: query.kind ?? 'contact' }
  try {
    const parsed = JSON.parse(cursor) as Partial<PersonCursor>
    if (parsed.kind === 'contact' || parsed.kind === 'agent')
      return { kind: parsed.kind, ...(typeof parsed.after === 'string' ? { after: parsed.after } : {}) }
  } catch {
    // Not ours: refused below.
  }
  throw invalidInput('cursor', `not a page cursor of this adapter: ${JSON.stringify(cursor)}`)
}

/** Words in a contact's or resource's name or email (the entities name the email field differently). */
function textFilter(text: string | undefined, kind: 'contact' | 'agent'): AutotaskFilter[] {
  if (!text) return []
  const emailField = kind === 'contact' ? 'emailAddress' : 'email'
  return [
    autotaskFilter.or(
      autotaskFilter.contains('firstName', text),
      autotaskFilter.contains('lastName', text),
      autotaskFilter.contains(emailField, text),
    ),
  ]
}
