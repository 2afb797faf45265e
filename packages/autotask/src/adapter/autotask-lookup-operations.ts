import type { CustomFieldDefinition, CustomFieldType, LookupDriver } from '@ticketbridge/core'
import type { AutotaskField } from '../client/autotask-schemas'
import type { AutotaskDriverContext } from './autotask-driver-context'

/** The common custom-field type of a user-defined field. */
function customFieldTypeOf(field: AutotaskField): CustomFieldType {
  if (field.isPickList) return 'select'
  const type = (field.type ?? field.dataType ?? '').toLowerCase()
  if (/int|long|short|double|decimal|number|currency|float/.test(type)) return 'number'
  if (/date|time/.test(type)) return 'date'
  if (/bool/.test(type)) return 'boolean'
  return 'text'
}

/**
 * Statuses, priorities, queues and issue types are the tenant's ticket picklists, mapped to the
 * common categories and levels by label; custom fields are the tickets' user-defined fields.
 * Each asks Autotask anew (and refreshes the cached copy the other operations use).
 */
export function createAutotaskLookupOperations(driver: AutotaskDriverContext): LookupDriver {
  return {
    async statuses(context) {
      const lookups = await driver.ticketLookups(context, true)
      return lookups.statuses.active.map((value) => ({ id: value.value, name: value.label, category: lookups.statusCategory(Number(value.value)) }))
    },
    async priorities(context) {
      const lookups = await driver.ticketLookups(context, true)
      return lookups.priorities.active.map((value) => ({ id: value.value, name: value.label, level: lookups.priorityLevel(Number(value.value)) }))
    },
    async queues(context) {
      const lookups = await driver.ticketLookups(context, true)
      return lookups.queues.active.map((value) => ({ id: value.value, name: value.label }))
    },
    async ticketTypes(context) {
      const lookups = await driver.ticketLookups(context, true)
      return lookups.issueTypes.active.map((value) => ({ id: value.value, name: value.label }))
    },
    async customFields(context) {
      const fields = await driver.client.metadata.userDefinedFields('Tickets', { ...context, refresh: true })
      return fields.map((field): CustomFieldDefinition => {
        const type = customFieldTypeOf(field)
        const choices = (field.picklistValues ?? []).filter((value) => value.isActive !== false).map((value) => value.label)
        return {
          key: field.name,
          label: field.label ?? field.name,
          type,
          ...(type === 'select' ? { options: choices } : {}),
          required: field.isRequired === true,
        }
      })
    },
  }
}
