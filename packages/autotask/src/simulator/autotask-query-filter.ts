import { readPropertyIgnoringCase } from '../spec/check-autotask-request'
import { parseAutotaskDate } from './autotask-date'
import type { AutotaskRecord, AutotaskUserDefinedFieldValue } from './autotask-simulator-state'

/** How the evaluator learns about the queried entity's fields. */
export interface AutotaskQueryFields {
  /** Singular entity name for messages (`Ticket`). */
  entityLabel: string
  /** A model field by any casing: its spec name, Autotask data type and whether it may be queried. */
  field(name: string): { name: string; dataType: string; isQueryable: boolean } | undefined
  /** A user-defined field by name (any casing). */
  userDefinedField(name: string): { name: string; type: string } | undefined
}

/** A filter compiled once per request. */
export interface CompiledAutotaskFilter {
  matches(record: AutotaskRecord): boolean
  /** Autotask's error messages (HTTP 500); the query must fail when there is any. */
  errors: string[]
  /** Operators Autotask does not know: their conditions were dropped, as Autotask drops them. */
  unknownOperators: string[]
}

/** Autotask's cap on OR conditions (or-group members and `in` values) in one query. */
export const maximumOrConditions = 500

type Predicate = (record: AutotaskRecord) => boolean
type ValueKind = 'number' | 'date' | 'boolean' | 'string'

const always: Predicate = () => true

function kindOf(dataType: string): ValueKind {
  switch (dataType) {
    case 'integer':
    case 'long':
    case 'short':
    case 'double':
    case 'decimal':
      return 'number'
    case 'datetime':
    case 'date':
      return 'date'
    case 'boolean':
      return 'boolean'
    default:
      return 'string'
  }
}

function userDefinedValue(record: AutotaskRecord, name: string): string | null {
  const values = (record.userDefinedFields ?? []) as AutotaskUserDefinedFieldValue[]
  const lower = name.toLowerCase()
  return values.find((entry) => entry.name.toLowerCase() === lower)?.value ?? null
}

/**
 * Compiles Autotask query conditions (`[{op, field, value, udf, items}]`, entries ANDed) into a
 * predicate with Autotask's semantics: names ignore case, string comparisons ignore case (SQL
 * Server collation), a condition on a null field is false for every operator but
 * `notExist` (SQL three-valued logic: `noteq 5` does not match nulls), integers may come as
 * strings, dates as ISO strings, booleans only as `true`/`false`. Unknown fields and bad values
 * become errors; unknown operators are dropped (and reported) like Autotask drops them.
 */
export function compileAutotaskFilter(conditions: unknown[], fields: AutotaskQueryFields): CompiledAutotaskFilter {
  const errors: string[] = []
  const unknownOperators: string[] = []
  let orConditions = 0

  const convert = (raw: unknown, kind: ValueKind, fieldName: string): { ok: true; value: number | boolean | string | null } | { ok: false } => {
    if (raw === null || raw === undefined) {
      if (kind === 'boolean') {
        errors.push(`The value for the boolean field ${fieldName} must be true or false.`)
        return { ok: false }
      }
      return { ok: true, value: null }
    }
    switch (kind) {
      case 'number': {
        const number = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN
        if (Number.isNaN(number)) {
          errors.push(`Unable to convert the value '${String(raw)}' to a number for field ${fieldName}.`)
          return { ok: false }
        }
        return { ok: true, value: number }
      }
      case 'date': {
        const parsed = parseAutotaskDate(raw)
        if (parsed === undefined) {
          errors.push(`Unable to convert the value '${String(raw)}' to a date for field ${fieldName}.`)
          return { ok: false }
        }
        return { ok: true, value: parsed }
      }
      case 'boolean':
        if (typeof raw !== 'boolean') {
          errors.push(`The value for the boolean field ${fieldName} must be true or false.`)
          return { ok: false }
        }
        return { ok: true, value: raw }
      default:
        return { ok: true, value: String(raw).toLowerCase() }
    }
  }

  const stored = (raw: unknown, kind: ValueKind): number | boolean | string | null => {
    if (raw === null || raw === undefined) return null
    if (kind === 'date') return parseAutotaskDate(raw) ?? null
    if (kind === 'number') return typeof raw === 'number' ? raw : Number(raw)
    if (kind === 'string') return String(raw).toLowerCase()
    return raw as boolean
  }

  const compile = (condition: unknown): Predicate => {
    if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) {
      errors.push('Each filter condition must be an object.')
      return always
    }
    const entry = condition as Record<string, unknown>
    const operator = String(readPropertyIgnoringCase(entry, 'op') ?? '').toLowerCase()
    if (operator === 'and' || operator === 'or') {
      const items = readPropertyIgnoringCase(entry, 'items')
      if (!Array.isArray(items)) {
        errors.push(`The '${operator}' condition requires an items array.`)
        return always
      }
      if (operator === 'or') orConditions += items.length
      const children = items.map(compile)
      if (children.length === 0) return always
      return operator === 'and' ? (record) => children.every((child) => child(record)) : (record) => children.some((child) => child(record))
    }

    const known = ['eq', 'noteq', 'gt', 'gte', 'lt', 'lte', 'beginswith', 'endswith', 'contains', 'exist', 'notexist', 'in', 'notin']
    if (!known.includes(operator)) {
      unknownOperators.push(String(readPropertyIgnoringCase(entry, 'op')))
      return always
    }
    const fieldName = readPropertyIgnoringCase(entry, 'field')
    if (typeof fieldName !== 'string' || fieldName === '') {
      errors.push('Each filter condition requires a field.')
      return always
    }
    let read: (record: AutotaskRecord) => unknown
    let kind: ValueKind
    if (readPropertyIgnoringCase(entry, 'udf') === true) {
      const definition = fields.userDefinedField(fieldName)
      if (!definition) {
        errors.push(`Unable to find ${fieldName} in the ${fields.entityLabel} Entity`)
        return always
      }
      kind = definition.type === 'list' ? 'string' : kindOf(definition.type)
      read = (record) => userDefinedValue(record, definition.name)
    } else {
      const definition = fields.field(fieldName)
      if (!definition) {
        errors.push(`Unable to find ${fieldName} in the ${fields.entityLabel} Entity`)
        return always
      }
      if (!definition.isQueryable) {
        errors.push(`The field ${definition.name} of the ${fields.entityLabel} entity is not queryable.`)
        return always
      }
      kind = kindOf(definition.dataType)
      read = (record) => record[definition.name]
    }

    if (operator === 'exist') return (record) => read(record) !== null && read(record) !== undefined
    if (operator === 'notexist') return (record) => read(record) === null || read(record) === undefined

    const rawValue = readPropertyIgnoringCase(entry, 'value')
    if (operator === 'in' || operator === 'notin') {
      if (!Array.isArray(rawValue)) {
        errors.push(`The '${operator === 'in' ? 'in' : 'notIn'}' operator requires an array value for field ${fieldName}.`)
        return always
      }
      orConditions += rawValue.length
      const converted = rawValue.map((item) => convert(item, kind, fieldName))
      if (converted.some((result) => !result.ok)) return always
      const values = converted.map((result) => (result as { value: unknown }).value)
      return (record) => {
        const actual = stored(read(record), kind)
        if (actual === null) return false
        const found = values.includes(actual)
        return operator === 'in' ? found : !found
      }
    }

    const converted = convert(rawValue, kind, fieldName)
    if (!converted.ok) return always
    const expected = converted.value
    if (expected === null) return () => false
    const text = (value: unknown): string => String(value).toLowerCase()
    return (record) => {
      const actual = stored(read(record), kind)
      if (actual === null) return false
      switch (operator) {
        case 'eq':
          return actual === expected
        case 'noteq':
          return actual !== expected
        case 'gt':
          return actual > expected
        case 'gte':
          return actual >= expected
        case 'lt':
          return actual < expected
        case 'lte':
          return actual <= expected
        case 'beginswith':
          return text(actual).startsWith(text(expected))
        case 'endswith':
          return text(actual).endsWith(text(expected))
        default:
          return text(actual).includes(text(expected))
      }
    }
  }

  const predicates = conditions.map(compile)
  if (orConditions > maximumOrConditions) {
    errors.push(`Invalid query syntax. Queries are limited to ${maximumOrConditions} or fewer 'OR' conditions.`)
  }
  return {
    matches: (record) => predicates.every((predicate) => predicate(record)),
    errors,
    unknownOperators,
  }
}
