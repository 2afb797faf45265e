import type { AutotaskSpecModel } from './autotask-spec-index'

/** One field of an answer that departs from its model in the spec. */
export interface AutotaskRecordIssue {
  field: string
  message: string
}

/** Whether a value has the JSON form of one of the index's data types. */
function fits(type: string, value: unknown): boolean {
  switch (type) {
    case 'integer':
    case 'long':
    case 'short':
      return typeof value === 'number' && Number.isInteger(value)
    case 'double':
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value)
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value))
    case 'array':
      return Array.isArray(value)
    case 'object':
      return typeof value === 'object' && !Array.isArray(value)
    default:
      return typeof value === type
  }
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return `${Array.isArray(value) ? 'an array' : typeof value} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`
}

/**
 * Checks one record of an answer against its model in the spec index, field by field:
 * - each field's JSON type must fit the model's data type (`integer`/`long` whole numbers,
 *   `double` numbers, `datetime` a string that parses as a date, `string`, `boolean`, `array`,
 *   `object`); nested values (user-defined fields) are not checked further;
 * - `null` is accepted for every field: Swagger 2.0 cannot say which fields are nullable, and
 *   Autotask answers null for every empty field (autotask.md §9);
 * - a field the model does not declare is an issue; an absent one is not (`includeFields`
 *   answers only the fields asked for).
 */
export function checkAutotaskRecord(modelName: string, model: AutotaskSpecModel, record: unknown): AutotaskRecordIssue[] {
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    return [{ field: '(record)', message: `expected a ${modelName} object, got ${describe(record)}` }]
  const issues: AutotaskRecordIssue[] = []
  for (const [field, value] of Object.entries(record)) {
    const type = model.properties[field]
    if (type === undefined) issues.push({ field, message: `not in the spec's ${modelName} (${describe(value)})` })
    else if (value !== null && !fits(type, value)) issues.push({ field, message: `expected ${type}, got ${describe(value)}` })
  }
  return issues
}
