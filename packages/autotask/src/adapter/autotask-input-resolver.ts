import {
  type CallOptions,
  NotFoundError,
  type PriorityLevel,
  type PrioritySelector,
  type ReferenceSelector,
  type StatusCategory,
  type StatusSelector,
  ValidationError,
} from '@ticketbridge/core'
import type { AutotaskClient } from '../client/autotask-client'
import { type AutotaskFilter, autotaskFilter } from '../client/autotask-filter'
import type { AutotaskPicklist } from '../client/autotask-metadata'
import type { AutotaskTicketLookups } from './autotask-lookups'

/** A refusal of the input, before anything is sent. */
export function invalidInput(field: string, message: string): ValidationError {
  return new ValidationError(`Invalid ${field}: ${message}. Nothing was sent.`, { status: 0, vendor: 'autotask', issues: [{ field, message }] })
}

/** An Autotask id from the common model's string id, or a ValidationError naming the field. */
export function autotaskId(id: string | undefined, field: string): number {
  if (id === undefined || !/^\d{1,15}$/.test(id.trim())) throw invalidInput(field, `Autotask ids are whole numbers; got ${JSON.stringify(id)}`)
  return Number(id.trim())
}

/** A contact's email is any of its three addresses. */
export function contactEmailCondition(email: string): AutotaskFilter {
  return autotaskFilter.or(
    autotaskFilter.eq('emailAddress', email),
    autotaskFilter.eq('emailAddress2', email),
    autotaskFilter.eq('emailAddress3', email),
  )
}

function splitName(name: string): { firstName: string; lastName: string } | undefined {
  const parts = name.trim().split(/\s+/)
  if (parts.length < 2) return undefined
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts.at(-1)! }
}

/**
 * Turns the common model's selectors (by id, name, email, category or level) into Autotask ids:
 * picklist values from the tenant's metadata, contacts, resources and companies by query.
 */
export class AutotaskInputResolver {
  private apiUserResource: Promise<number | undefined> | undefined

  constructor(
    private readonly client: AutotaskClient,
    private readonly username: string,
  ) {}

  /** A status value: by id (must exist and be active), name, or the first active status of a category. */
  status(selector: StatusSelector, lookups: AutotaskTicketLookups, field = 'status'): number {
    if (selector.id !== undefined) return this.picklistId(lookups.statuses, selector.id, field)
    if (selector.name !== undefined) return this.picklistName(lookups.statuses, selector.name, field)
    const category = selector.category as StatusCategory
    const candidates = lookups.statuses.active.filter((value) => lookups.statusCategory(Number(value.value)) === category)
    const found = candidates.find((value) => value.isDefaultValue) ?? candidates.find((value) => value.isSystem) ?? candidates[0]
    if (!found) throw invalidInput(field, `the tenant has no active status in the ${category} category; see lookups.statuses()`)
    return Number(found.value)
  }

  /** A priority value: by id, name, or the first active priority of a level. */
  priority(selector: PrioritySelector, lookups: AutotaskTicketLookups, field = 'priority'): number {
    if (selector.id !== undefined) return this.picklistId(lookups.priorities, selector.id, field)
    if (selector.name !== undefined) return this.picklistName(lookups.priorities, selector.name, field)
    const level = selector.level as PriorityLevel
    const found = lookups.priorities.active.filter((value) => lookups.priorityLevel(Number(value.value)) === level)
    const chosen = found.find((value) => value.isDefaultValue) ?? found[0]
    if (!chosen) throw invalidInput(field, `the tenant has no active priority of level ${level}; see lookups.priorities()`)
    return Number(chosen.value)
  }

  /** A picklist value named by id or name (queues, issue types). */
  picklist(picklist: AutotaskPicklist, selector: ReferenceSelector, field: string): number {
    if (selector.id !== undefined) return this.picklistId(picklist, selector.id, field)
    if (selector.name !== undefined) return this.picklistName(picklist, selector.name, field)
    throw invalidInput(field, 'give an id or a name')
  }

  /** A picklist choice from the settings (value or label). */
  choice(picklist: AutotaskPicklist, choice: number | string, field: string): number {
    return typeof choice === 'number' ? choice : this.picklistName(picklist, choice, field)
  }

  /** A contact by id, email or name. */
  async contact(selector: ReferenceSelector, field: string, options: CallOptions): Promise<number> {
    if (selector.id !== undefined) return autotaskId(selector.id, `${field}.id`)
    if (selector.email !== undefined) {
      const email = selector.email
      const page = await this.client.contacts.query({ filter: [contactEmailCondition(email)], maxRecords: 1 }, options)
      if (page.items[0]) return page.items[0].id
      throw invalidInput(field, `no contact has the email ${email}`)
    }
    const name = splitName(selector.name ?? '')
    if (name) {
      const page = await this.client.contacts.query(
        { filter: [autotaskFilter.eq('firstName', name.firstName), autotaskFilter.eq('lastName', name.lastName)], maxRecords: 1 },
        options,
      )
      if (page.items[0]) return page.items[0].id
    }
    throw invalidInput(field, `no contact is named ${JSON.stringify(selector.name)}`)
  }

  /** A resource (technician) by id, email or name. */
  async resource(selector: ReferenceSelector, field: string, options: CallOptions): Promise<number> {
    if (selector.id !== undefined) return autotaskId(selector.id, `${field}.id`)
    if (selector.email !== undefined) {
      const page = await this.client.resources.query({ filter: [autotaskFilter.eq('email', selector.email)], maxRecords: 1 }, options)
      if (page.items[0]) return page.items[0].id
      throw invalidInput(field, `no resource has the email ${selector.email}`)
    }
    const name = splitName(selector.name ?? '')
    if (name) {
      const page = await this.client.resources.query(
        { filter: [autotaskFilter.eq('firstName', name.firstName), autotaskFilter.eq('lastName', name.lastName)], maxRecords: 1 },
        options,
      )
      if (page.items[0]) return page.items[0].id
    }
    throw invalidInput(field, `no resource is named ${JSON.stringify(selector.name)}`)
  }

  /** Whether a person id is a resource (else it may be a contact). */
  async isResource(id: number, options: CallOptions): Promise<boolean> {
    try {
      await this.client.resources.get(id, options)
      return true
    } catch (error) {
      if (NotFoundError.isInstance(error)) return false
      throw error
    }
  }

  /** A company by id or name. */
  async company(selector: ReferenceSelector, field: string, options: CallOptions): Promise<number> {
    if (selector.id !== undefined) return autotaskId(selector.id, `${field}.id`)
    if (selector.name !== undefined) {
      const page = await this.client.companies.query({ filter: [autotaskFilter.eq('companyName', selector.name)], maxRecords: 1 }, options)
      if (page.items[0]) return page.items[0].id
    }
    throw invalidInput(field, `no company is named ${JSON.stringify(selector.name ?? selector.email)}`)
  }

  /** The role a resource works tickets in: its default service-desk role. */
  async defaultRoleOf(resourceId: number, field: string, options: CallOptions): Promise<number> {
    const resource = await this.client.resources.get(resourceId, options)
    const role = resource.defaultServiceDeskRoleID
    if (typeof role !== 'number') {
      throw invalidInput(field, `resource ${resourceId} has no default service-desk role; pass vendorOptions.autotask.assignedResourceRoleID`)
    }
    return role
  }

  /**
   * The resource behind the API user (its `userName` or `email` is the API user name), found once:
   * the owner Autotask requires on a company when the input names none.
   */
  apiUserResourceId(options: CallOptions): Promise<number | undefined> {
    this.apiUserResource ??= (async () => {
      const page = await this.client.resources.query(
        { filter: [autotaskFilter.or(autotaskFilter.eq('userName', this.username), autotaskFilter.eq('email', this.username))], maxRecords: 1 },
        options,
      )
      return page.items[0]?.id
    })()
    const pending = this.apiUserResource
    pending.catch(() => {
      if (this.apiUserResource === pending) this.apiUserResource = undefined
    })
    return pending
  }

  private picklistId(picklist: AutotaskPicklist, id: string, field: string): number {
    const entry = picklist.values.find((value) => value.value === id.trim())
    if (!entry) throw invalidInput(field, `${picklist.field} ${id} does not exist on this tenant`)
    if (entry.isActive === false) throw invalidInput(field, `${picklist.field} ${id} (${entry.label}) is inactive and cannot be set`)
    return Number(entry.value)
  }

  private picklistName(picklist: AutotaskPicklist, name: string, field: string): number {
    const value = picklist.valueOf(name)
    if (value === undefined) {
      const labels = picklist.active.map((entry) => entry.label).join(', ')
      throw invalidInput(field, `no ${picklist.field} is labelled ${JSON.stringify(name)}; the tenant has ${labels}`)
    }
    return Number(value)
  }
}
