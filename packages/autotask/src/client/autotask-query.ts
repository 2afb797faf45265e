import {
  type CallOptions,
  ConfigurationError,
  closestName,
  createPaginated,
  InvalidResponseError,
  type Paginated,
  ValidationError,
} from '@ticketbridge/core'
import { autotaskQueryModelFields } from '../generated/autotask-entities'
import type { AutotaskConnection } from './autotask-connection'
import { type AutotaskFilter, type AutotaskWireFilter, countOrConditions, maximumOrConditions, toWireFilters } from './autotask-filter'
import { type AutotaskPageDetails, autotaskCountResultSchema, autotaskQueryResultSchema, parseAutotaskResponse } from './autotask-schemas'

/** Largest page Autotask returns, whatever is asked. */
export const autotaskPageSizeLimit = 500

/** A query of Autotask's query language (`QueryModel`). */
export interface AutotaskQuery {
  /** Conditions, ANDed. Without any, every record matches (`id gte 0`: Autotask wants a filter). */
  filter?: readonly AutotaskFilter[]
  /** Only these fields come back (UDFs by name); `id` is added when paging needs it. */
  includeFields?: readonly string[]
  /** Records per page, 1 to 500 (Autotask's cap). Defaults to 500. */
  maxRecords?: number
}

/** One page of a query, as Autotask returned it. */
export interface AutotaskQueryPage<T> {
  items: T[]
  pageDetails: AutotaskPageDetails
}

/** How a listing moves from page to page. */
export type AutotaskPagingMode = 'id' | 'next-page-url'

/** Options of listings that walk every page. */
export interface AutotaskListOptions extends CallOptions {
  /**
   * `id` (default): each page asks for `id > last id seen`, which survives concurrent inserts and
   * never depends on server-side cursors. `next-page-url`: follow `pageDetails.nextPageUrl`,
   * POSTing the same body, and only on the zone's own origin.
   */
  paging?: AutotaskPagingMode
}

/** A record as the client returns it: every field optional and possibly null (as Autotask sends them), and a numeric id. */
export type AutotaskRecord<Model> = { [Key in keyof Model]?: Model[Key] | null } & { id: number }

/** The body of a query as it is sent. */
export interface AutotaskQueryBody {
  filter: AutotaskWireFilter[]
  includeFields?: string[]
  maxRecords?: number
}

const everyRecord: AutotaskWireFilter = { op: 'gte', field: 'id', value: 0 }

/** Options of the query calls, which plain JavaScript can pass where the query goes (`query({ timeoutMs })`). */
const callOptionNames = new Set(['signal', 'timeoutMs', 'paging', 'udf'])

/**
 * Refuses a query key that is not a field of the spec's `QueryModel` (ConfigurationError naming
 * it). Such a key would be dropped from the body without a word, and a query without its
 * filter matches every record; a call option passed in the query's place is the common case.
 */
function checkQueryKeys(query: AutotaskQuery): void {
  const fields: readonly string[] = autotaskQueryModelFields
  const unknown = Object.entries(query as Record<string, unknown>)
    .filter(([name, value]) => value !== undefined && !fields.includes(name))
    .map(([name]) => name)
  const [first] = unknown
  if (first === undefined) return
  const suggestion = closestName(first, fields)
  const advice = callOptionNames.has(first)
    ? `'${first}' is a call option: give it in the options argument that follows the query, as in client.tickets.query({ filter }, { ${first} }).`
    : suggestion
      ? `Did you mean '${suggestion}'?`
      : `A query takes ${fields.join(', ')} (QueryModel in the spec).`
  throw new ConfigurationError(
    `Autotask query ${unknown.length === 1 ? 'key' : 'keys'} ${unknown.map((name) => `'${name}'`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a field of a query. ${advice} Nothing was sent.`,
    { vendor: 'autotask', option: `query.${first}` },
  )
}

/**
 * Checks a query and builds its body; problems are a ValidationError (status 0), or a
 * ConfigurationError for a key a query does not have, before anything is sent.
 */
export function toQueryBody(query: AutotaskQuery, options: { needsId?: boolean } = {}): AutotaskQueryBody {
  checkQueryKeys(query)
  const filter = toWireFilters(query.filter ?? [])
  if (query.maxRecords !== undefined && (!Number.isInteger(query.maxRecords) || query.maxRecords < 1 || query.maxRecords > autotaskPageSizeLimit)) {
    throw new ValidationError(
      `maxRecords must be a whole number from 1 to ${autotaskPageSizeLimit} (Autotask's page cap); got ${query.maxRecords}. Nothing was sent.`,
      {
        status: 0,
        vendor: 'autotask',
        issues: [{ field: 'maxRecords', message: `must be 1 to ${autotaskPageSizeLimit}` }],
      },
    )
  }
  const body: AutotaskQueryBody = { filter: filter.length > 0 ? filter : [everyRecord] }
  if (query.includeFields && query.includeFields.length > 0) {
    const fields = [...query.includeFields]
    // Autotask requires `id` among the fields of a result set past 500 rows; paging by id needs it too.
    if (options.needsId && !fields.some((field) => field.toLowerCase() === 'id')) fields.unshift('id')
    body.includeFields = fields
  }
  if (query.maxRecords !== undefined) body.maxRecords = query.maxRecords
  return body
}

/** Sends one query and returns the page as Autotask answered it. */
export async function queryPage<T>(
  connection: AutotaskConnection,
  entity: string,
  body: AutotaskQueryBody,
  options: CallOptions & { url?: string } = {},
): Promise<AutotaskQueryPage<T>> {
  const response = await connection.send<unknown>({
    method: 'POST',
    ...(options.url !== undefined ? { url: options.url } : { path: `/${entity}/query` }),
    body,
    // A query only reads: retrying it after a timeout or a 5xx is safe.
    idempotent: true,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  })
  const parsed = parseAutotaskResponse(autotaskQueryResultSchema, response.data, `POST /${entity}/query`)
  return { items: parsed.items as T[], pageDetails: parsed.pageDetails ?? {} }
}

/** `POST /{entity}/query/count`: how many records match, in one request. */
export async function queryCount(
  connection: AutotaskConnection,
  entity: string,
  filter: readonly AutotaskFilter[] = [],
  options: CallOptions = {},
): Promise<number> {
  const { filter: wire } = toQueryBody({ filter })
  const response = await connection.send<unknown>({
    method: 'POST',
    path: `/${entity}/query/count`,
    body: { filter: wire },
    idempotent: true,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  })
  return parseAutotaskResponse(autotaskCountResultSchema, response.data, `POST /${entity}/query/count`).queryCount
}

interface IdCursor {
  after?: number
  next?: string
}

/**
 * Lists every record matching a query, page by page (500 at most each). A page that fails,
 * whichever it is, rejects the listing: the pages before it were yielded, but nothing is
 * returned as if it were complete (`toArray` rejects as a whole).
 */
export function queryAll<T extends { id: number }>(
  connection: AutotaskConnection,
  entity: string,
  query: AutotaskQuery = {},
  options: AutotaskListOptions = {},
): Paginated<T> {
  const paging = options.paging ?? 'id'
  const body = toQueryBody({ maxRecords: autotaskPageSizeLimit, ...query }, { needsId: true })
  const pageSize = body.maxRecords ?? autotaskPageSizeLimit
  const callOptions: CallOptions = {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  }
  return createPaginated<T>(async (cursor, pageOptions) => {
    const position: IdCursor = cursor === undefined ? {} : (JSON.parse(cursor) as IdCursor)
    if (paging === 'next-page-url') {
      const url = position.next === undefined ? undefined : await pinnedNextPageUrl(connection, position.next, pageOptions)
      const page = await queryPage<T>(connection, entity, body, { ...pageOptions, ...(url !== undefined ? { url } : {}) })
      const next = page.pageDetails.nextPageUrl
      return next ? { items: page.items, nextCursor: JSON.stringify({ next }) } : { items: page.items }
    }
    return idPage<T>(connection, entity, body, pageSize, position.after, pageOptions)
  }, callOptions)
}

/** One page of id paging: `id > after`, sorted by id, with a check that the server honoured it. */
async function idPage<T extends { id: number }>(
  connection: AutotaskConnection,
  entity: string,
  body: AutotaskQueryBody,
  pageSize: number,
  after: number | undefined,
  options: CallOptions,
): Promise<{ items: T[]; nextCursor?: string }> {
  const pageBody = after === undefined ? body : { ...body, filter: [...body.filter, { op: 'gt', field: 'id', value: after }] }
  const page = await queryPage<T>(connection, entity, pageBody, options)
  const items = [...page.items].sort((left, right) => left.id - right.id)
  if (after !== undefined && items.length > 0 && items[0]!.id <= after) {
    throw new InvalidResponseError(
      `Autotask returned ${entity} ${items[0]!.id} for a page of ids above ${after}; it did not apply the id filter, so paging stopped instead of repeating records.`,
      { vendor: 'autotask' },
    )
  }
  // More pages exist when Autotask says so, or when it filled the page (a full last page costs one empty request).
  const more = items.length > 0 && (Boolean(page.pageDetails.nextPageUrl) || items.length >= pageSize)
  return more ? { items, nextCursor: JSON.stringify({ after: items.at(-1)!.id }) } : { items }
}

/**
 * A next-page URL is followed only on the zone's own origin and REST path: credentials are
 * attached to it, and a URL pointing elsewhere (a tampered answer, a proxy's rewrite) must never
 * receive them.
 */
async function pinnedNextPageUrl(connection: AutotaskConnection, next: string, options: CallOptions): Promise<string> {
  const zone = await connection.zone(options)
  const base = new URL(zone.apiBaseUrl)
  let target: URL
  try {
    target = new URL(next, base)
  } catch {
    throw new InvalidResponseError('Autotask returned a next-page URL that is not a URL; paging stopped.', { vendor: 'autotask' })
  }
  if (target.origin !== base.origin || !target.pathname.toLowerCase().startsWith(base.pathname.toLowerCase())) {
    throw new InvalidResponseError(
      `Autotask returned a next-page URL on ${target.origin}${target.pathname.split('/').slice(0, 3).join('/')}, outside the zone ${base.origin}${base.pathname}; it was not followed and no credentials were sent.`,
      { vendor: 'autotask' },
    )
  }
  return target.toString()
}

interface InCursor {
  chunk: number
  after?: number
}

/**
 * Lists the records whose `field` is one of `values`, however many: the list is split into
 * `in` conditions of at most 500 values (Autotask's OR-condition cap, less what the rest of the
 * filter uses), and each part is paged by id. Records come part by part, each part by id.
 */
export function queryIn<T extends { id: number }>(
  connection: AutotaskConnection,
  entity: string,
  field: string,
  values: readonly (string | number)[],
  query: AutotaskQuery = {},
  options: CallOptions & { udf?: boolean } = {},
): Paginated<T> {
  const unique = [...new Set(values)]
  const body = toQueryBody({ maxRecords: autotaskPageSizeLimit, ...query }, { needsId: true })
  const pageSize = body.maxRecords ?? autotaskPageSizeLimit
  const baseFilter = query.filter && query.filter.length > 0 ? body.filter : []
  const room = maximumOrConditions - countOrConditions(baseFilter)
  if (room < 1) {
    throw new ValidationError(`The filter already uses ${maximumOrConditions} OR conditions; no room is left for an in list. Nothing was sent.`, {
      status: 0,
      vendor: 'autotask',
      issues: [{ field: 'filter', message: 'too many OR conditions' }],
    })
  }
  const chunks: (string | number)[][] = []
  for (let start = 0; start < unique.length; start += room) chunks.push(unique.slice(start, start + room))
  const callOptions: CallOptions = {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  }
  return createPaginated<T>(async (cursor, pageOptions) => {
    if (chunks.length === 0) return { items: [] }
    const position: InCursor = cursor === undefined ? { chunk: 0 } : (JSON.parse(cursor) as InCursor)
    const chunk = chunks[position.chunk]!
    const chunkBody: AutotaskQueryBody = {
      ...body,
      filter: [...baseFilter, { op: 'in', field, value: chunk, ...(options.udf ? { udf: true } : {}) }],
    }
    const page = await idPage<T>(connection, entity, chunkBody, pageSize, position.after, pageOptions)
    if (page.nextCursor !== undefined)
      return { items: page.items, nextCursor: JSON.stringify({ chunk: position.chunk, after: (JSON.parse(page.nextCursor) as IdCursor).after }) }
    if (position.chunk + 1 < chunks.length) return { items: page.items, nextCursor: JSON.stringify({ chunk: position.chunk + 1 }) }
    return { items: page.items }
  }, callOptions)
}
