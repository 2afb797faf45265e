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
const maximumOrConditions = 500

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
  const compiling: FilterCompilation = { fields, errors: [], unknownOperators: [], orConditions: 0 }
  const predicates = conditions.map((condition) => compileCondition(compiling, condition))
  if (compiling.orConditions > maximumOrConditions) {
    compiling.errors.push(`Invalid query syntax. Queries are limited to ${maximumOrConditions} or fewer 'OR' conditions.`)
  }
  return {
    matches: (record) => predicates.every((predicate) => predicate(record)),
    errors: compiling.errors,
    unknownOperators: compiling.unknownOperators,
  }
}

/** What compiling one query collects: its errors, the operators dropped, the OR conditions counted. */
interface FilterCompilation {
  fields: AutotaskQueryFields
  errors: string[]
  unknownOperators: string[]
  orConditions: number
}

/** How a condition reads its field from a record, and the kind of value it holds. */
interface FieldAccess {
  read: (record: AutotaskRecord) => unknown
  kind: ValueKind
}

type Converted = { ok: true; value: number | boolean | string | null } | { ok: false }

const knownOperators = ['eq', 'noteq', 'gt', 'gte', 'lt', 'lte', 'beginswith', 'endswith', 'contains', 'exist', 'notexist', 'in', 'notin']

/** A condition's value as the field's kind compares it; a value that does not convert is an error. */
function convert(errors: string[], raw: unknown, kind: ValueKind, fieldName: string): Converted {
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

/** A record's value as the field's kind compares it (strings lower-cased: SQL Server's collation). */
function stored(raw: unknown, kind: ValueKind): number | boolean | string | null {
  if (raw === null || raw === undefined) return null
  if (kind === 'date') return parseAutotaskDate(raw) ?? null
  if (kind === 'number') return typeof raw === 'number' ? raw : Number(raw)
  if (kind === 'string') return String(raw).toLowerCase()
  return raw as boolean
}

function compileCondition(compiling: FilterCompilation, condition: unknown): Predicate {
  const { errors } = compiling
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) {
    errors.push('Each filter condition must be an object.')
    return always
  }
  const entry = condition as Record<string, unknown>
  const operator = String(readPropertyIgnoringCase(entry, 'op') ?? '').toLowerCase()
  if (operator === 'and' || operator === 'or') return compileGroup(compiling, entry, operator)

  if (!knownOperators.includes(operator)) {
    compiling.unknownOperators.push(String(readPropertyIgnoringCase(entry, 'op')))
    return always
  }
  const fieldName = readPropertyIgnoringCase(entry, 'field')
  if (typeof fieldName !== 'string' || fieldName === '') {
    errors.push('Each filter condition requires a field.')
    return always
  }
  const access = resolveField(compiling, fieldName, readPropertyIgnoringCase(entry, 'udf') === true)
  if (!access) return always
  const { read } = access

  if (operator === 'exist') return (record) => read(record) !== null && read(record) !== undefined
  if (operator === 'notexist') return (record) => read(record) === null || read(record) === undefined

  const rawValue = readPropertyIgnoringCase(entry, 'value')
  if (operator === 'in' || operator === 'notin') return compileMembership(compiling, operator, access, fieldName, rawValue)
  return compileComparison(compiling, operator, access, fieldName, rawValue)
}

/** `and` / `or` over `items`; an empty group matches everything. */
function compileGroup(compiling: FilterCompilation, entry: Record<string, unknown>, operator: 'and' | 'or'): Predicate {
  const items = readPropertyIgnoringCase(entry, 'items')
  if (!Array.isArray(items)) {
    compiling.errors.push(`The '${operator}' condition requires an items array.`)
    return always
  }
  if (operator === 'or') compiling.orConditions += items.length
  const children = items.map((item) => compileCondition(compiling, item))
  if (children.length === 0) return always
  return operator === 'and' ? (record) => children.every((child) => child(record)) : (record) => children.some((child) => child(record))
}

/** A model field (which must be queryable) or, with `udf: true`, a user-defined field. */
function resolveField(compiling: FilterCompilation, fieldName: string, userDefined: boolean): FieldAccess | undefined {
  const { errors, fields } = compiling
  if (userDefined) {
    const definition = fields.userDefinedField(fieldName)
    if (!definition) {
      errors.push(`Unable to find ${fieldName} in the ${fields.entityLabel} Entity`)
      return undefined
    }
    return { kind: definition.type === 'list' ? 'string' : kindOf(definition.type), read: (record) => userDefinedValue(record, definition.name) }
  }
  const definition = fields.field(fieldName)
  if (!definition) {
    errors.push(`Unable to find ${fieldName} in the ${fields.entityLabel} Entity`)
    return undefined
  }
  if (!definition.isQueryable) {
    errors.push(`The field ${definition.name} of the ${fields.entityLabel} entity is not queryable.`)
    return undefined
  }
  return { kind: kindOf(definition.dataType), read: (record) => record[definition.name] }
}

/** `in` / `notIn`: each listed value counts as an OR condition; a null field matches neither. */
function compileMembership(
  compiling: FilterCompilation,
  operator: 'in' | 'notin',
  access: FieldAccess,
  fieldName: string,
  rawValue: unknown,
): Predicate {
  const { read, kind } = access
  if (!Array.isArray(rawValue)) {
    compiling.errors.push(`The '${operator === 'in' ? 'in' : 'notIn'}' operator requires an array value for field ${fieldName}.`)
    return always
  }
  compiling.orConditions += rawValue.length
  const converted = rawValue.map((item) => convert(compiling.errors, item, kind, fieldName))
  if (converted.some((result) => !result.ok)) return always
  const values = converted.map((result) => (result as { value: unknown }).value)
  return (record) => {
    const actual = stored(read(record), kind)
    if (actual === null) return false
    const found = values.includes(actual)
    return operator === 'in' ? found : !found
  }
}

/** The comparisons and text matches; null on either side matches nothing. */
function compileComparison(compiling: FilterCompilation, operator: string, access: FieldAccess, fieldName: string, rawValue: unknown): Predicate {
  const { read, kind } = access
  const converted = convert(compiling.errors, rawValue, kind, fieldName)
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
