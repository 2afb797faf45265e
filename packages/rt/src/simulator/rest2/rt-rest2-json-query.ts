/**
 * REST2's JSON searches (RT::REST2::Resource::Collection::QueryByJSON): `POST /users` (and
 * /queues, /transactions, /attachments, /customfields, /groups) with a body such as
 * `[{"field":"EmailAddress","value":"a@example.com"},{"field":"id","operator":"IN","value":[1,2]}]`.
 * As in DBIx::SearchBuilder, conditions on the same field are joined by their
 * `entry_aggregator` (OR unless told otherwise), different fields by AND; comparisons ignore
 * case unless `case_sensitive`; LIKE means "contains"; unknown fields are ignored.
 */
import { formatSqlDate } from '../rt-dates'
import { PerlJsonSyntaxError, parsePerlJson } from '../rt-perl-json'
import type { SimulatorRequest } from '../rt-request'
import { columnText } from './rt-rest2-columns'
import type { CollectionItem, Rest2Context } from './rt-rest2-context'
import { errorAnswer } from './rt-rest2-http'

/** One JSON search condition. */
export interface JsonCondition {
  field: string
  operator?: string
  value: unknown
  case_sensitive?: boolean
  entry_aggregator?: string
}

/** The conditions of a JSON search body, or RT's 400 answer when the body is not a JSON array. */
export function readJsonConditions(request: SimulatorRequest): JsonCondition[] | Response {
  const text = request.method === 'GET' ? (request.url.searchParams.get('query') ?? '') : request.body.toString('utf8')
  if (!text || !/\s*\[/.test(text)) return []
  try {
    const value = parsePerlJson(text)
    if (!Array.isArray(value)) return errorAnswer(400, 'JSON object must be a ARRAY')
    return value.filter((item): item is JsonCondition => typeof item === 'object' && item !== null && !Array.isArray(item))
  } catch (error) {
    if (error instanceof PerlJsonSyntaxError) return errorAnswer(400, `JSON parse error: ${error.message}\n`)
    throw error
  }
}

function likeTest(stored: string, pattern: string, caseSensitive: boolean): boolean {
  const wrapped = pattern.includes('%') ? pattern : `%${pattern}%`
  const source = [...wrapped]
    .map((character) => (character === '%' ? '[\\s\\S]*' : character === '_' ? '[\\s\\S]' : character.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('')
  return new RegExp(`^${source}$`, caseSensitive ? 'u' : 'iu').test(stored)
}

function compare(stored: string, operator: string, value: unknown, caseSensitive: boolean): boolean {
  const fold = (text: string): string => (caseSensitive ? text : text.toLowerCase())
  const values = Array.isArray(value) ? value.map((item) => String(item)) : [String(value)]
  const first = values[0] ?? ''
  const numeric = /^-?\d+(\.\d+)?$/.test(stored) && /^-?\d+(\.\d+)?$/.test(first)
  const order = (): number => (numeric ? Number(stored) - Number(first) : fold(stored) < fold(first) ? -1 : fold(stored) > fold(first) ? 1 : 0)
  switch (operator.toUpperCase().replace(/\s+/g, ' ')) {
    case '=':
      return fold(stored) === fold(first)
    case '!=':
    case '<>':
      return fold(stored) !== fold(first)
    case '<':
      return order() < 0
    case '>':
      return order() > 0
    case '<=':
      return order() <= 0
    case '>=':
      return order() >= 0
    case 'LIKE':
    case 'MATCHES':
      return likeTest(stored, first, caseSensitive)
    case 'NOT LIKE':
      return !likeTest(stored, first, caseSensitive)
    case 'STARTSWITH':
      return fold(stored).startsWith(fold(first))
    case 'ENDSWITH':
      return fold(stored).endsWith(fold(first))
    case 'IN':
      return values.some((item) => fold(item) === fold(stored))
    case 'NOT IN':
      return !values.some((item) => fold(item) === fold(stored))
    case 'IS':
      return stored === ''
    case 'IS NOT':
      return stored !== ''
    default:
      return false
  }
}

/** The stored column value a condition compares with (ids for references, SQL text for dates). */
function storedValue(context: Rest2Context, item: CollectionItem, field: string): string | undefined {
  const value = columnText(context, item, field)
  if (value === undefined) return undefined
  if ('date' in value) return formatSqlDate(value.date ?? 0)
  if ('object' in value) return String(value.object.row.id)
  return value.text ?? ''
}

/** Filters items with JSON conditions; `searchable` limits the fields (RT: ReadableAttributes). */
export function filterByJson(
  context: Rest2Context,
  items: CollectionItem[],
  conditions: JsonCondition[],
  searchable?: Set<string>,
): CollectionItem[] {
  const groups = new Map<string, JsonCondition[]>()
  for (const condition of conditions) {
    if (!condition.field || condition.value === undefined || condition.value === null) continue
    if (searchable && !searchable.has(condition.field)) continue
    const group = groups.get(condition.field) ?? []
    group.push(condition)
    groups.set(condition.field, group)
  }
  return items.filter((item) =>
    [...groups.entries()].every(([field, group]) => {
      const stored = storedValue(context, item, field)
      if (stored === undefined) return true
      let result: boolean | undefined
      for (const condition of group) {
        const matches = compare(stored, condition.operator ?? '=', condition.value, condition.case_sensitive === true)
        const aggregator = (condition.entry_aggregator ?? 'OR').toUpperCase()
        result = result === undefined ? matches : aggregator === 'AND' ? result && matches : result || matches
      }
      return result ?? true
    }),
  )
}
