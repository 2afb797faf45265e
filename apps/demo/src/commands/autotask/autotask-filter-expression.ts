import type { AutotaskFilter } from '@ticketbridge/autotask'
import { ConfigurationError } from '@ticketbridge/core'

const comparisonOperators = ['eq', 'noteq', 'gt', 'gte', 'lt', 'lte'] as const
const textOperators = ['beginsWith', 'endsWith', 'contains'] as const
const existenceOperators = ['exist', 'notExist'] as const
const listOperators = ['in', 'notIn'] as const
const operators: readonly string[] = [...comparisonOperators, ...textOperators, ...existenceOperators, ...listOperators]

/** Spellings people bring from other query languages, with Autotask's name (Autotask would ignore them silently). */
const otherSpellings: Record<string, string> = {
  '=': 'eq',
  '==': 'eq',
  '!=': 'noteq',
  ne: 'noteq',
  neq: 'noteq',
  '>': 'gt',
  '>=': 'gte',
  '<': 'lt',
  '<=': 'lte',
  like: 'contains',
  startsWith: 'beginsWith',
  exists: 'exist',
  isNull: 'notExist',
  nin: 'notIn',
}

const acceptedForm = `write it as "<field> <operator> [value]", e.g. "isActive eq true", "companyName beginsWith Acme", "id in 1,2,3" or "lastActivityDate exist"; operators: ${operators.join(', ')}; a user-defined field is "udf:<name> <operator> [value]"`

function refuse(expression: string, problem: string): ConfigurationError {
  return new ConfigurationError(`--filter "${expression}": ${problem}; ${acceptedForm}.`, { option: 'filter' })
}

/** Text without the quotes around it, if it has them: a quoted value stays a string. */
function unquoted(text: string): string | undefined {
  return /^(['"])(.*)\1$/.exec(text)?.[2]
}

/** A value as Autotask compares it: true/false as booleans, numbers as numbers, quoted text as text. */
function scalar(text: string): string | number | boolean {
  const quoted = unquoted(text)
  if (quoted !== undefined) return quoted
  if (text === 'true' || text === 'false') return text === 'true'
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text)
  return text
}

/**
 * One `--filter` of `ticketbridge autotask query` as an Autotask filter condition: `<field>
 * <operator> [value]`, the value the rest of the line (`in`/`notIn` take a comma-separated list).
 * Mistakes are a ConfigurationError that names the accepted form: Autotask itself would drop an
 * unknown operator and return every row.
 */
export function parseAutotaskFilterExpression(expression: string): AutotaskFilter {
  const match = /^\s*(\S+)\s+(\S+)(?:\s+(.*?))?\s*$/.exec(expression)
  if (!match) throw refuse(expression, 'a condition needs a field and an operator')
  const [, rawField, operator, rawValue] = match as unknown as [string, string, string, string | undefined]
  const udf = rawField.startsWith('udf:')
  const field = udf ? rawField.slice(4) : rawField
  if (field === '') throw refuse(expression, 'the field name is missing after udf:')
  const flag = udf ? { udf: true } : {}
  if (!operators.includes(operator)) {
    const known = otherSpellings[operator] ?? operators.find((name) => name.toLowerCase() === operator.toLowerCase())
    throw refuse(expression, `"${operator}" is not an Autotask operator${known ? ` (did you mean ${known}?)` : ''}`)
  }
  if ((existenceOperators as readonly string[]).includes(operator)) {
    if (rawValue !== undefined) throw refuse(expression, `${operator} takes no value`)
    return { op: operator as (typeof existenceOperators)[number], field, ...flag }
  }
  if (rawValue === undefined || rawValue === '') throw refuse(expression, `${operator} needs a value`)
  if ((listOperators as readonly string[]).includes(operator)) {
    const values = rawValue
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '')
      .map((item) => scalar(item))
    if (values.length === 0 || values.some((value) => typeof value === 'boolean'))
      throw refuse(expression, `${operator} needs a comma-separated list of numbers or words`)
    return { op: operator as (typeof listOperators)[number], field, value: values as (string | number)[], ...flag }
  }
  if ((textOperators as readonly string[]).includes(operator)) {
    return { op: operator as (typeof textOperators)[number], field, value: unquoted(rawValue) ?? rawValue, ...flag }
  }
  return { op: operator as (typeof comparisonOperators)[number], field, value: scalar(rawValue), ...flag }
}

/** A commander parser for a repeatable `--filter`: each one is parsed at once and added (they are ANDed). */
export function collectAutotaskFilter(expression: string, previous: AutotaskFilter[] | undefined): AutotaskFilter[] {
  return [...(previous ?? []), parseAutotaskFilterExpression(expression)]
}
