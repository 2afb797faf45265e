import {
  type AdapterWarning,
  NotFoundError,
  type PrioritySelector,
  type ReferenceSelector,
  type StatusSelector,
  ValidationError,
} from '@ticketbridge/core'
import type { MemoryMethod } from './memory-attempt'
import type { MemoryStore, MemoryTicketRecord } from './memory-store'

type MemoryCustomFields = MemoryTicketRecord['customFields']

/**
 * Turns what callers name (selectors, ids, custom field keys) into the store's ids, the way a
 * vendor's API would: anything unknown is a ValidationError naming the field.
 */
export interface MemoryInputResolver {
  invalid(field: string, message: string): ValidationError
  /** The stored ticket, or the NotFoundError a vendor answers for a missing one. */
  ticket(id: string, method?: MemoryMethod): MemoryTicketRecord
  status(selector: StatusSelector, field: string): string
  priority(selector: PrioritySelector, field: string): string
  /** A queue, type or team: by id or name. */
  named(list: readonly { id: string; name: string }[], selector: ReferenceSelector, field: string): string
  person(selector: ReferenceSelector, field: string): string
  organization(selector: ReferenceSelector, field: string): string
  /** The values of fields that exist; an unknown key is left out with a warning, a bad select option refused. */
  customFields(values: Record<string, unknown>, warnings: AdapterWarning[]): MemoryCustomFields
}

const sameName = (left: string | undefined, right: string): boolean => left !== undefined && left.toLowerCase() === right.toLowerCase()

export function createMemoryInputResolver(store: MemoryStore, vendor: string): MemoryInputResolver {
  const invalid = (field: string, message: string) =>
    new ValidationError(`Invalid ${field}: ${message}.`, { status: 400, vendor, issues: [{ field, message }] })
  return {
    invalid,
    ticket(id, method = 'GET') {
      const record = store.tickets.get(Number(id))
      if (!record || !/^\d+$/.test(id)) {
        const url = `memory://${vendor}/tickets/${id}`
        throw new NotFoundError(`Ticket ${id} does not exist. Check the id.`, { status: 404, vendor, method, url })
      }
      return record
    },
    status(selector, field) {
      const found =
        (selector.id !== undefined && store.statuses.find((status) => status.id === selector.id)) ||
        (selector.name !== undefined && store.statuses.find((status) => sameName(selector.name, status.name))) ||
        (selector.category !== undefined && store.statuses.find((status) => status.category === selector.category))
      if (!found) throw invalid(field, `no status matches ${JSON.stringify(selector)}; see lookups.statuses()`)
      return found.id
    },
    priority(selector, field) {
      const found =
        (selector.id !== undefined && store.priorities.find((priority) => priority.id === selector.id)) ||
        (selector.name !== undefined && store.priorities.find((priority) => sameName(selector.name, priority.name))) ||
        (selector.level !== undefined && store.priorities.find((priority) => priority.level === selector.level))
      if (!found) throw invalid(field, `no priority matches ${JSON.stringify(selector)}; see lookups.priorities()`)
      return found.id
    },
    named(list, selector, field) {
      const found =
        (selector.id !== undefined && list.find((entry) => entry.id === selector.id)) ||
        (selector.name !== undefined && list.find((entry) => sameName(selector.name, entry.name)))
      if (!found) throw invalid(field, `nothing matches ${JSON.stringify(selector)}`)
      return found.id
    },
    person(selector, field) {
      const people = [...store.people.values()]
      const found =
        (selector.id !== undefined && store.people.get(Number(selector.id))) ||
        (selector.email !== undefined && people.find((person) => person.email !== undefined && sameName(selector.email, person.email))) ||
        (selector.name !== undefined && people.find((person) => sameName(selector.name, person.name)))
      if (!found) throw invalid(field, `no person matches ${JSON.stringify(selector)}`)
      return String(found.id)
    },
    organization(selector, field) {
      const found =
        (selector.id !== undefined && store.organizations.get(Number(selector.id))) ||
        (selector.name !== undefined && [...store.organizations.values()].find((organization) => sameName(selector.name, organization.name)))
      if (!found) throw invalid(field, `no organization matches ${JSON.stringify(selector)}`)
      return String(found.id)
    },
    customFields(values, warnings) {
      const accepted: MemoryCustomFields = {}
      for (const [key, value] of Object.entries(values)) {
        const definition = store.customFields.find((field) => field.key === key)
        if (!definition) {
          warnings.push({ type: 'unsupported', field: `customFields.${key}`, message: `No custom field "${key}" exists; the value was left out.` })
          continue
        }
        if (definition.type === 'select' && value !== null && !definition.options?.includes(String(value))) {
          throw invalid(`customFields.${key}`, `"${String(value)}" is not one of ${definition.options?.join(', ')}`)
        }
        accepted[key] = value as MemoryCustomFields[string]
      }
      return accepted
    },
  }
}
