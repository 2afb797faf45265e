import type { CustomFieldDefinition, CustomFieldType, LookupDriver } from '@ticketbridge/core'
import type { RtCustomFieldRecord } from './port/rt-port-records'
import type { RtDriverContext } from './rt-driver-context'

/** Custom field types whose values are a list to choose from. */
const listTypes = ['Select', 'Combobox', 'Autocomplete']

function customFieldType(field: RtCustomFieldRecord): CustomFieldType {
  if (field.type === 'Select') return field.maxValues === 1 ? 'select' : 'multiselect'
  if (field.type === 'Date' || field.type === 'DateTime') return 'date'
  return 'text'
}

/**
 * RT's lookups, read afresh on every call: statuses of the queues' lifecycles (every known one
 * where the API does not show a queue's), the priority bands, queues, lifecycles as ticket types,
 * and the ticket custom fields (names only through REST 1.0) without the external id's.
 */
export function createRtLookupOperations(context: RtDriverContext): LookupDriver {
  const { port, lifecycles } = context

  return {
    async statuses(call) {
      const queues = await port.queues(call, true)
      if (!port.showsQueueLifecycles) return lifecycles.statuses()
      const known = [...new Set(queues.map((queue) => queue.lifecycle ?? 'default'))].filter((lifecycle) => lifecycles.knows(lifecycle))
      return lifecycles.statuses(known.length > 0 ? known : ['default'])
    },

    priorities: async () => context.priorities.definitions(),

    queues: async (call) => (await port.queues(call, true)).map((queue) => ({ id: queue.id, name: queue.name })),

    async ticketTypes(call) {
      const queues = await port.queues(call, true)
      return [...new Set(queues.flatMap((queue) => (queue.lifecycle !== undefined ? [queue.lifecycle] : [])))].map((lifecycle) => ({
        id: lifecycle,
        name: lifecycle,
      }))
    },

    async customFields(call) {
      const fields = await context.customFieldsByName(call, true)
      const definitions: CustomFieldDefinition[] = []
      for (const field of fields.values()) {
        if (field.name === context.externalIdField) continue
        const options =
          field.type !== undefined && listTypes.includes(field.type) && port.customFieldValues ? await port.customFieldValues(field, call) : undefined
        definitions.push({
          key: field.name,
          label: field.name,
          type: customFieldType(field),
          ...(options ? { options } : {}),
          required: /\(\?#Mandatory\)/.test(field.pattern ?? ''),
        })
      }
      return definitions
    },
  }
}
