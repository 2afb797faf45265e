import { ValidationError, type ValidationIssue } from '@ticketbridge/core'
import { autotaskFilterOperators } from '../spec/autotask-filter-operators'

/** Comparison operators: numbers, dates (ISO 8601 UTC) and strings. */
export type AutotaskComparisonOperator = 'eq' | 'noteq' | 'gt' | 'gte' | 'lt' | 'lte'
/** String operators. */
export type AutotaskTextOperator = 'beginsWith' | 'endsWith' | 'contains'
/** Null checks: `exist` is "not null", `notExist` is "null". */
export type AutotaskExistenceOperator = 'exist' | 'notExist'
/** Membership in a list of values. */
export type AutotaskListOperator = 'in' | 'notIn'
/** Groups: top-level conditions are ANDed; `or` (and nested `and`) groups combine `items`. */
export type AutotaskGroupOperator = 'and' | 'or'
export type AutotaskFilterOperator =
  | AutotaskComparisonOperator
  | AutotaskTextOperator
  | AutotaskExistenceOperator
  | AutotaskListOperator
  | AutotaskGroupOperator

/** A scalar a condition compares with; a Date is sent as ISO 8601 UTC. */
export type AutotaskFilterValue = string | number | boolean | Date

/** One condition or group of Autotask's query language (`Filter` in the spec). */
export type AutotaskFilter =
  | { op: AutotaskComparisonOperator; field: string; value: AutotaskFilterValue; udf?: boolean }
  | { op: AutotaskTextOperator; field: string; value: string; udf?: boolean }
  | { op: AutotaskExistenceOperator; field: string; udf?: boolean }
  | { op: AutotaskListOperator; field: string; value: readonly (string | number)[]; udf?: boolean }
  | { op: AutotaskGroupOperator; items: readonly AutotaskFilter[] }

/** A filter as it is sent: dates turned into strings. */
export interface AutotaskWireFilter {
  op: string
  field?: string
  value?: string | number | boolean | (string | number)[]
  udf?: boolean
  items?: AutotaskWireFilter[]
}

/** Most OR conditions (list values included) Autotask accepts in one query. */
export const maximumOrConditions = 500

const operators = new Set<string>(autotaskFilterOperators)
const scalarOperators = new Set<string>(['eq', 'noteq', 'gt', 'gte', 'lt', 'lte'])
const textOperators = new Set<string>(['beginsWith', 'endsWith', 'contains'])
const listOperators = new Set<string>(['in', 'notIn'])
const groupOperators = new Set<string>(['and', 'or'])

/** Common misspellings that Autotask silently ignores (returning unfiltered rows), with the right name. */
const misspelled: Record<string, string> = {
  ne: 'noteq',
  neq: 'noteq',
  not: 'noteq',
  '!=': 'noteq',
  '=': 'eq',
  equals: 'eq',
  like: 'contains',
  startsWith: 'beginsWith',
  isNull: 'notExist',
  isNotNull: 'exist',
  exists: 'exist',
  nin: 'notIn',
}

/**
 * Checks filters before they are sent and converts them to the wire form. Autotask drops a
 * misspelled operator without a word and returns unfiltered rows (a client asking for `ne`
 * gets everything), so every operator, field and value is checked here; problems come back as
 * one ValidationError (status 0: nothing was sent) whose issues name each condition.
 */
export function toWireFilters(filters: readonly AutotaskFilter[], path = 'filter'): AutotaskWireFilter[] {
  const issues: ValidationIssue[] = []
  const wire = filters.map((filter, index) => convert(filter, `${path}[${index}]`, issues))
  const orConditions = countOrConditions(wire)
  if (orConditions > maximumOrConditions) {
    issues.push({
      field: path,
      message: `${orConditions} OR conditions (list values count too); Autotask accepts at most ${maximumOrConditions} per query. Split the list (queryIn does it for you).`,
    })
  }
  if (issues.length > 0) {
    throw new ValidationError(`Invalid Autotask filter: ${issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')}. Nothing was sent.`, {
      status: 0,
      vendor: 'autotask',
      issues,
    })
  }
  return wire
}

function convert(filter: AutotaskFilter, path: string, issues: ValidationIssue[]): AutotaskWireFilter {
  const record = filter as unknown as Record<string, unknown>
  const op = record.op
  if (typeof op !== 'string' || !operators.has(op)) {
    const hint = typeof op === 'string' && misspelled[op] ? ` (did you mean ${misspelled[op]}?)` : ''
    issues.push({
      field: `${path}.op`,
      message: `unknown operator ${JSON.stringify(op)}${hint}; Autotask would ignore it and return unfiltered rows`,
    })
    return { op: String(op) }
  }
  if (groupOperators.has(op)) {
    const items = record.items
    if (!Array.isArray(items) || items.length === 0) {
      issues.push({ field: `${path}.items`, message: `an ${op} group needs at least one condition in items` })
      return { op, items: [] }
    }
    return { op, items: (items as AutotaskFilter[]).map((item, index) => convert(item, `${path}.items[${index}]`, issues)) }
  }
  const field = record.field
  if (typeof field !== 'string' || field.trim() === '') {
    issues.push({ field: `${path}.field`, message: 'a condition needs a field name' })
    return { op }
  }
  const udf = record.udf === true ? { udf: true } : {}
  if (op === 'exist' || op === 'notExist') return { op, field, ...udf }
  const value = record.value
  if (listOperators.has(op)) {
    if (!Array.isArray(value) || value.length === 0) {
      issues.push({ field: `${path}.value`, message: `${op} needs a non-empty list of values` })
      return { op, field, ...udf }
    }
    const bad = value.findIndex((item) => !(typeof item === 'string' || (typeof item === 'number' && Number.isFinite(item))))
    if (bad !== -1) issues.push({ field: `${path}.value[${bad}]`, message: 'list values must be numbers or strings' })
    return { op, field, value: [...(value as (string | number)[])], ...udf }
  }
  if (textOperators.has(op)) {
    if (typeof value !== 'string' || value === '') issues.push({ field: `${path}.value`, message: `${op} needs a non-empty string` })
    return { op, field, value: String(value), ...udf }
  }
  if (scalarOperators.has(op)) {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) issues.push({ field: `${path}.value`, message: 'the date is invalid' })
      return { op, field, value: Number.isNaN(value.getTime()) ? '' : value.toISOString(), ...udf }
    }
    if (typeof value === 'number' && !Number.isFinite(value)) issues.push({ field: `${path}.value`, message: 'the number must be finite' })
    else if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      // Autotask errors on null; booleans must be literally true or false.
      issues.push({ field: `${path}.value`, message: `${op} needs a string, number, boolean or Date (null is refused by Autotask; use notExist)` })
    }
    return { op, field, value: value as string | number | boolean, ...udf }
  }
  return { op, field }
}

/** OR conditions of a query: the values of every list, and the items of every `or` group. */
export function countOrConditions(filters: readonly AutotaskWireFilter[]): number {
  let count = 0
  for (const filter of filters) {
    if (Array.isArray(filter.value) && (filter.op === 'in' || filter.op === 'notIn')) count += filter.value.length
    if (filter.op === 'or') count += filter.items?.length ?? 0
    if (filter.items) count += countOrConditions(filter.items)
  }
  return count
}

/**
 * Builders for Autotask filters, so that operator names cannot be misspelled.
 *
 * @example
 * const open = [autotaskFilter.noteq('status', 5), autotaskFilter.or(autotaskFilter.eq('queueID', 8), autotaskFilter.eq('queueID', 9))]
 * const byUdf = autotaskFilter.udf.eq('External Ref', 'INC-42')
 */
export const autotaskFilter = {
  eq: (field: string, value: AutotaskFilterValue): AutotaskFilter => ({ op: 'eq', field, value }),
  noteq: (field: string, value: AutotaskFilterValue): AutotaskFilter => ({ op: 'noteq', field, value }),
  gt: (field: string, value: AutotaskFilterValue): AutotaskFilter => ({ op: 'gt', field, value }),
  gte: (field: string, value: AutotaskFilterValue): AutotaskFilter => ({ op: 'gte', field, value }),
  lt: (field: string, value: AutotaskFilterValue): AutotaskFilter => ({ op: 'lt', field, value }),
  lte: (field: string, value: AutotaskFilterValue): AutotaskFilter => ({ op: 'lte', field, value }),
  beginsWith: (field: string, value: string): AutotaskFilter => ({ op: 'beginsWith', field, value }),
  endsWith: (field: string, value: string): AutotaskFilter => ({ op: 'endsWith', field, value }),
  contains: (field: string, value: string): AutotaskFilter => ({ op: 'contains', field, value }),
  exist: (field: string): AutotaskFilter => ({ op: 'exist', field }),
  notExist: (field: string): AutotaskFilter => ({ op: 'notExist', field }),
  in: (field: string, values: readonly (string | number)[]): AutotaskFilter => ({ op: 'in', field, value: values }),
  notIn: (field: string, values: readonly (string | number)[]): AutotaskFilter => ({ op: 'notIn', field, value: values }),
  and: (...items: AutotaskFilter[]): AutotaskFilter => ({ op: 'and', items }),
  or: (...items: AutotaskFilter[]): AutotaskFilter => ({ op: 'or', items }),
  /** Conditions on user-defined fields, named by their label (`udf: true`). */
  udf: {
    eq: (name: string, value: AutotaskFilterValue): AutotaskFilter => ({ op: 'eq', field: name, value, udf: true }),
    noteq: (name: string, value: AutotaskFilterValue): AutotaskFilter => ({ op: 'noteq', field: name, value, udf: true }),
    gt: (name: string, value: AutotaskFilterValue): AutotaskFilter => ({ op: 'gt', field: name, value, udf: true }),
    gte: (name: string, value: AutotaskFilterValue): AutotaskFilter => ({ op: 'gte', field: name, value, udf: true }),
    lt: (name: string, value: AutotaskFilterValue): AutotaskFilter => ({ op: 'lt', field: name, value, udf: true }),
    lte: (name: string, value: AutotaskFilterValue): AutotaskFilter => ({ op: 'lte', field: name, value, udf: true }),
    contains: (name: string, value: string): AutotaskFilter => ({ op: 'contains', field: name, value, udf: true }),
    beginsWith: (name: string, value: string): AutotaskFilter => ({ op: 'beginsWith', field: name, value, udf: true }),
    endsWith: (name: string, value: string): AutotaskFilter => ({ op: 'endsWith', field: name, value, udf: true }),
    exist: (name: string): AutotaskFilter => ({ op: 'exist', field: name, udf: true }),
    notExist: (name: string): AutotaskFilter => ({ op: 'notExist', field: name, udf: true }),
    in: (name: string, values: readonly (string | number)[]): AutotaskFilter => ({ op: 'in', field: name, value: values, udf: true }),
    notIn: (name: string, values: readonly (string | number)[]): AutotaskFilter => ({ op: 'notIn', field: name, value: values, udf: true }),
  },
} as const
