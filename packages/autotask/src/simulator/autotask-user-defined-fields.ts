import type { AutotaskPicklistValue } from './autotask-picklists'

/**
 * A user-defined field of the tenant. On records UDFs travel as
 * `userDefinedFields: [{ "name": "<label>", "value": "<string>" }]` (values always strings);
 * queries name them with `"udf": true`.
 */
export interface AutotaskUserDefinedField {
  name: string
  type: 'string' | 'integer' | 'double' | 'datetime' | 'list'
  length?: number
  description?: string
  isRequired?: boolean
  defaultValue?: string
  picklistValues?: AutotaskPicklistValue[]
}

/** The UDFs of the default simulated tenant, per entity. */
export function createDefaultUserDefinedFields(): Record<string, AutotaskUserDefinedField[]> {
  return {
    Tickets: [
      { name: 'External Reference', type: 'string', length: 100, description: 'Reference of the ticket in another system.' },
      {
        name: 'Customer Impact',
        type: 'list',
        description: 'How badly the customer is affected.',
        picklistValues: [
          { value: 'Low', label: 'Low' },
          { value: 'Medium', label: 'Medium', isDefaultValue: true },
          { value: 'High', label: 'High' },
        ],
      },
      { name: 'Billable Hours Estimate', type: 'double', description: 'Hours quoted to the customer.' },
    ],
    Companies: [
      { name: 'Number of Employees', type: 'integer', description: 'Head count, for licensing.' },
      { name: 'Customer Since', type: 'datetime' },
    ],
    Contacts: [{ name: 'Preferred Language', type: 'string', length: 50 }],
    ConfigurationItems: [{ name: 'Warranty Provider', type: 'string', length: 100 }],
    Contracts: [],
    Projects: [],
  }
}
