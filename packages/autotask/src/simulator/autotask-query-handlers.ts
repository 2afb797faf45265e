import { readPropertyIgnoringCase } from '../spec/check-autotask-request'
import { definitionOf, singularEntityName } from './autotask-entity-definitions'
import { queryFieldsOf } from './autotask-entity-metadata'
import { routeEntity, routeParentId, type AutotaskHandlerContext } from './autotask-handler-context'
import { compileAutotaskFilter } from './autotask-query-filter'
import { pageAutotaskRows, pagingUrl, parsePagingCursor, type AutotaskPagingCursor } from './autotask-query-paging'
import { outputRecord, resolveIncludeFields, sourceRows } from './autotask-record-output'
import { autotaskErrors, autotaskJson, methodNotAllowed } from './autotask-responses'

/** A query body read with Autotask's rules. */
interface ParsedQuery {
  conditions: unknown[]
  includeFields?: string[]
  /** Page size: `maxRecords`, else the simulator's page size. */
  pageSize: number
}

/**
 * Reads a `QueryModel` (`{filter, includeFields, maxRecords}`, names in any casing). A filter is
 * required (to list everything, filter `id gte 0`); `maxRecords` must be 1..page size
 * (Autotask: "maxCountOfRecordsToReturn must be between 1 and 500").
 */
function parseQueryModel(raw: unknown, pageLimit: number): { ok: true; query: ParsedQuery } | { ok: false; errors: string[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: ['The query must be a JSON object: {"filter":[...], "includeFields":[...], "maxRecords":500}.'] }
  }
  const body = raw as Record<string, unknown>
  const filter = readPropertyIgnoringCase(body, 'filter')
  if (!Array.isArray(filter) || filter.length === 0) {
    return { ok: false, errors: ['A query needs at least one filter condition; to return every row filter on {"op":"gte","field":"id","value":0}.'] }
  }
  const maxRecords = readPropertyIgnoringCase(body, 'maxRecords')
  if (
    maxRecords !== undefined &&
    maxRecords !== null &&
    (typeof maxRecords !== 'number' || !Number.isInteger(maxRecords) || maxRecords < 1 || maxRecords > pageLimit)
  ) {
    return { ok: false, errors: [`maxCountOfRecordsToReturn must be between 1 and ${pageLimit}`] }
  }
  const includeFields = readPropertyIgnoringCase(body, 'includeFields')
  if (
    includeFields !== undefined &&
    includeFields !== null &&
    (!Array.isArray(includeFields) || includeFields.some((name) => typeof name !== 'string'))
  ) {
    return { ok: false, errors: ['includeFields must be an array of field names.'] }
  }
  return {
    ok: true,
    query: {
      conditions: filter,
      ...(Array.isArray(includeFields) && includeFields.length > 0 ? { includeFields: includeFields as string[] } : {}),
      pageSize: typeof maxRecords === 'number' ? maxRecords : pageLimit,
    },
  }
}

function searchParameter(url: URL): string | undefined {
  return [...url.searchParams].find(([name]) => name.toLowerCase() === 'search')?.[1]
}

/**
 * `POST /{Entity}/query`, `GET /{Entity}/query?search=`, `.../query/count`, the next-page
 * cursors `.../query/next?paging=` (POST with the original body; GET only when the query came
 * as `?search=`: a GET of a POST cursor answers 405, as peers observed) and child lists
 * `GET /{Parent}/{parentId}/{Child}`. Pages hold up to 500 rows in id order with absolute
 * next/previous URLs on the zone's origin.
 */
export function answerQuery(context: AutotaskHandlerContext): Response {
  const entity = routeEntity(context)
  const kind = context.route.spec.kind
  const pageLimit = context.settings.pageSize
  let rawQuery: unknown
  let search: string | undefined
  if (kind === 'childCollection') {
    const parentId = routeParentId(context)
    const link = definitionOf(entity).parentLinks?.[context.route.spec.parent ?? '']
    if (parentId === undefined || !link)
      return autotaskErrors(500, [`Unable to list ${entity} of ${context.route.spec.parent} ${context.route.parameters.parentId}.`])
    rawQuery = { filter: [{ op: 'eq', field: link, value: parentId }] }
    // Child lists page on through the root entity's GET cursor, which carries the same filter.
    search = JSON.stringify(rawQuery)
  } else if (context.method === 'GET') {
    search = searchParameter(context.url)
    if (search === undefined) {
      if (kind === 'next') return methodNotAllowed('GET', ['POST'])
      return autotaskErrors(500, ['The search parameter is required: send the query as ?search={"filter":[...]} or POST it.'])
    }
    try {
      rawQuery = JSON.parse(search)
    } catch {
      return autotaskErrors(500, ['The search parameter is not valid JSON.'])
    }
  } else {
    rawQuery = context.body
  }

  const parsed = parseQueryModel(rawQuery, pageLimit)
  if (!parsed.ok) return autotaskErrors(500, parsed.errors)
  const query = parsed.query
  const compiled = compileAutotaskFilter(query.conditions, queryFieldsOf(entity, context.state))
  if (compiled.errors.length > 0) return autotaskErrors(500, compiled.errors)
  const matching = sourceRows(entity, context.state).filter(compiled.matches)
  if (kind === 'count') return autotaskJson({ queryCount: matching.length })

  let include: { fields: string[]; userDefinedFields: string[] } | undefined
  if (query.includeFields) {
    const resolved = resolveIncludeFields(entity, context.state, query.includeFields)
    if (resolved.unknown.length > 0)
      return autotaskErrors(
        500,
        resolved.unknown.map((name) => `Unable to find ${name} in the ${singularEntityName(entity)} Entity`),
      )
    include = resolved
  }

  let cursor: AutotaskPagingCursor | undefined
  if (kind === 'next') {
    const pagingValue = [...context.url.searchParams].find(([name]) => name.toLowerCase() === 'paging')?.[1] ?? null
    cursor = parsePagingCursor(pagingValue)
    if (!cursor) return autotaskErrors(500, ['The paging parameter of the next-page URL is missing or not valid.'])
  }
  const pageSize = Math.min(cursor?.pageSize ?? query.pageSize, pageLimit)
  const page = pageAutotaskRows(matching, pageSize, cursor)
  if (include && !include.fields.includes('id') && (page.next || page.previous)) {
    return autotaskErrors(500, [`includeFields must contain id when a query returns more than ${pageSize} rows, so the next page can be found.`])
  }
  const origin = context.url.origin
  return autotaskJson({
    items: page.rows.map((row) => outputRecord(entity, row, include ? { include } : {})),
    pageDetails: {
      count: page.rows.length,
      requestCount: pageSize,
      prevPageUrl: page.previous ? pagingUrl(origin, entity, page.previous, search) : null,
      nextPageUrl: page.next ? pagingUrl(origin, entity, page.next, search) : null,
    },
  })
}
