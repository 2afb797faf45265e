/**
 * REST 1.0 `search/user` and `search/queue` as RT 5.0.3 answers them (checked against the real
 * server): without a query, privileged users and every enabled queue; with one, `Field op 'value'`
 * conditions over the object's columns (case-insensitive `=`, LIKE as "contains"), RT's internal
 * users (RT_System, Nobody) and hidden or disabled queues left out; ordered by Name unless
 * `orderby=±Field`; `format=i` (`user/14` lines) or `s` (`14: root`), an unknown field a 400.
 */
import { nobodyUserId, systemUserId } from '../rt-database'
import type { RtQueue, RtUser } from '../rt-records'
import { TicketSqlError, compareSqlNumber, compareSqlText, evaluateTicketSql, parseTicketSql, ticketSqlConditions } from '../rt-ticket-sql'
import type { Rest1Context } from './rt-rest1-context'

type SearchedObject = { id: number; name: string } & Record<string, unknown>

/** The columns a query may name, by their lower-case name, with the record property behind each. */
const userColumns = new Map(['id', 'Name', 'EmailAddress', 'RealName', 'Gecos', 'Comments', 'Organization'].map((name) => [name.toLowerCase(), name]))
const queueColumns = new Map(
  ['id', 'Name', 'Description', 'CorrespondAddress', 'CommentAddress', 'Lifecycle'].map((name) => [name.toLowerCase(), name]),
)

const propertyOf = (column: string): string => (column === 'id' ? 'id' : column.charAt(0).toLowerCase() + column.slice(1))

function candidates(context: Rest1Context, type: 'user' | 'queue', hasQuery: boolean): SearchedObject[] {
  if (type === 'queue') return [...context.database.queues.values()].filter((queue: RtQueue) => queue.disabled === 0) as unknown as SearchedObject[]
  const users = [...context.database.users.values()].filter((user: RtUser) => user.id !== systemUserId && user.id !== nobodyUserId && !user.disabled)
  // Without a query RT lists the privileged users only.
  return (hasQuery ? users : users.filter((user) => user.privileged)) as unknown as SearchedObject[]
}

/** Answers `search/user` or `search/queue`: the status line and the listing, or an error. */
export function searchRest1Objects(
  context: Rest1Context,
  type: 'user' | 'queue',
  request: { query: string; format: string; orderBy: string | undefined },
): { status: string; output: string } {
  const columns = type === 'user' ? userColumns : queueColumns
  let parsed
  try {
    parsed = parseTicketSql(request.query, columns)
  } catch (error) {
    if (!(error instanceof TicketSqlError)) throw error
    // RT checks each field against the object's columns before anything else.
    const unknownField = /Unknown field: ([^;]+)/.exec(error.message)?.[1]
    return {
      status: '400 Bad Request',
      output: unknownField ? `Invalid field specification: ${unknownField.trim()}` : `Invalid query: ${error.message}`,
    }
  }
  const unknown = ticketSqlConditions(parsed).find((condition) => condition.field === undefined)
  if (unknown) return { status: '400 Bad Request', output: `Invalid field specification: ${unknown.key}` }
  if (!/^[is]$/.test(request.format)) return { status: '400 Bad Request', output: `The simulator lists ${type}s with format i or s only.` }
  const found = candidates(context, type, request.query !== '').filter((object) =>
    evaluateTicketSql(parsed, (condition) => {
      const value = object[propertyOf(condition.field!)]
      return typeof value === 'number'
        ? compareSqlNumber(value, condition.operator, condition.value)
        : compareSqlText(String(value ?? ''), condition.operator, condition.value)
    }),
  )
  const order = /^([+-])?(.+)$/.exec(request.orderBy ?? '+Name')
  const key = propertyOf(columns.get(order?.[2]?.toLowerCase() ?? 'name') ?? 'Name')
  const direction = order?.[1] === '-' ? -1 : 1
  found.sort((left, right) => {
    const [a, b] = [left[key], right[key]]
    const compared =
      typeof a === 'number' && typeof b === 'number' ? a - b : String(a ?? '').localeCompare(String(b ?? ''), 'en', { sensitivity: 'base' })
    return compared * direction
  })
  if (found.length === 0) return { status: '200 Ok', output: request.format === 'i' ? '' : 'No matching results.\n' }
  const lines = found.map((object) => (request.format === 'i' ? `${type}/${object.id}` : `${object.id}: ${object.name}`))
  return { status: '200 Ok', output: `${lines.join('\n')}\n` }
}
