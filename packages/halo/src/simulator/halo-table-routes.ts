import { applyAdvancedSearch } from './halo-advanced-search'
import type { HaloScopeArea } from './halo-auth'
import { formatHaloDate } from './halo-date-format'
import { haloListWrapper, orderHaloRows, pageHaloRows } from './halo-pagination'
import type { HaloQuery } from './halo-query'
import { haloEmptyOk, haloError, haloJson } from './halo-responses'
import { integerParameter, type HaloRoute, type HaloRouteInput } from './halo-route'
import type { HaloSimulatorState } from './halo-simulator-state'
import type { HaloJson, HaloTable } from './halo-table'
import { upsertAnswer, upsertElements } from './halo-upsert-body'
import { splitWriteFlags } from './halo-write-flags'

/** How one Halo resource backed by a table is listed, read, upserted and deleted. */
export interface HaloTableResource {
  /** Collection path after `/api`, e.g. `/Users`. */
  path: string
  /** Singular noun for messages, e.g. `User`. */
  noun: string
  /** Scope family for reads. */
  area: HaloScopeArea
  /** Scope family for writes (configuration tables need `admin`). Default: `area`. */
  writeArea?: HaloScopeArea
  table(state: HaloSimulatorState): HaloTable
  /** Wrapper key of the list (`users`), or undefined for a bare JSON array (halo.md §3.2). */
  listKey?: string
  /** The list takes `pageinate`/`page_size`/`page_no`. */
  paged?: boolean
  /** Fields `search` matches (case-insensitive substring). */
  searchFields?: string[]
  /** Fields `advanced_search` may name; custom fields of `customFieldUsage` too. */
  advancedSearchFields?: string[]
  customFieldUsage?: number
  /** Hides inactive rows unless this boolean parameter is true (e.g. `includeinactive`). */
  inactive?: { field: string; parameter: string }
  /** Resource-specific list filters. */
  filter?(rows: HaloJson[], query: HaloQuery, state: HaloSimulatorState): HaloJson[]
  /** A list row (default: the record). */
  renderRow?(state: HaloSimulatorState, record: HaloJson, query: HaloQuery): HaloJson
  /** A single record answer (default: the record). */
  renderOne?(state: HaloSimulatorState, record: HaloJson, query: HaloQuery): HaloJson
  /**
   * Validates and completes a record before it is stored (throw a HaloRequestError to refuse).
   * `fields` holds what the client sent without flags; `previous` is set on updates.
   */
  prepare?(input: HaloRouteInput, fields: HaloJson, previous: HaloJson | undefined): HaloJson
  /** False when Halo offers no DELETE for the resource. */
  deletable?: boolean
  /** Ids are UUID strings (priority `Policy` rows) rather than integers. */
  uuidIds?: boolean
  /** Extra GET routes under the collection (e.g. `/Agent/me`), placed before `/{id}`. */
  extraRoutes?: HaloRoute[]
}

function copy(record: HaloJson): HaloJson {
  return structuredClone(record)
}

/** Lists with Halo's search, advanced search, inactive filter, ordering and paging. */
function listTableRows(resource: HaloTableResource, input: HaloRouteInput): Response {
  const { state } = input.simulator
  const { query } = input
  let rows = resource.table(state).all()
  if (resource.inactive && query.boolean(resource.inactive.parameter) !== true) {
    rows = rows.filter((row) => row[resource.inactive!.field] !== true)
  }
  const search = query.get('search')?.toLowerCase()
  if (search && resource.searchFields) {
    rows = rows.filter((row) =>
      resource.searchFields!.some((field) =>
        String(row[field] ?? '')
          .toLowerCase()
          .includes(search),
      ),
    )
  }
  if (resource.advancedSearchFields) {
    rows = applyAdvancedSearch(state, rows, query.get('advanced_search'), resource.advancedSearchFields, resource.customFieldUsage)
  }
  if (resource.filter) rows = resource.filter(rows, query, state)
  const rendered = rows.map((row) => (resource.renderRow ? resource.renderRow(state, copy(row), query) : copy(row)))
  const ordered = orderHaloRows(rendered, query)
  if (!resource.listKey) return haloJson(resource.paged ? pageHaloRows(ordered, query, input.simulator.options).rows : ordered)
  const page = resource.paged ? pageHaloRows(ordered, query, input.simulator.options) : { rows: ordered, recordCount: ordered.length }
  return haloJson(haloListWrapper(resource.listKey, page))
}

/** Upserts an array body into the table: every element is validated before any is stored. */
function upsertTableRows(resource: HaloTableResource, input: HaloRouteInput): Response {
  const table = resource.table(input.simulator.state)
  const prepared = upsertElements(input.body).map((element) => {
    if (typeof element !== 'object' || element === null || Array.isArray(element))
      throw haloError.exception(`Each ${resource.noun} must be a JSON object.`)
    const { fields, flags } = splitWriteFlags(element as HaloJson)
    const id = table.parseId(fields.id)
    const existing = id !== undefined && id !== 0 ? table.get(id) : undefined
    if (id !== undefined && id !== 0 && !existing) throw haloError.notFound(`${resource.noun} ${String(id)}`)
    const merged = existing ? { ...existing, ...fields, id: existing.id } : { ...fields }
    if (!existing) delete merged.id
    const record = resource.prepare ? resource.prepare(input, fields, existing) : merged
    return { record: resource.prepare ? { ...merged, ...record } : record, existing, flags }
  })
  const saved = prepared.map(({ record, existing, flags }) => {
    const stored = existing ? table.replace({ ...record, id: existing.id }) : table.insert(record)
    input.simulator.state.writes.push({
      resource: resource.path.slice(1),
      id: stored.id as number | string,
      operation: existing ? 'update' : 'create',
      flags,
      at: formatHaloDate(input.write.now),
    })
    return resource.renderOne ? resource.renderOne(input.simulator.state, copy(stored), input.query) : copy(stored)
  })
  return upsertAnswer(saved)
}

/** GET list, GET one, POST upsert and DELETE for a table-backed resource. */
export function tableRoutes(resource: HaloTableResource): HaloRoute[] {
  const idPattern = resource.uuidIds ? /^[0-9a-fA-F-]{36}$/ : integerParameter
  const writeArea = resource.writeArea ?? resource.area
  const routes: HaloRoute[] = [
    { method: 'get', path: resource.path, area: resource.area, resolve: (input) => listTableRows(resource, input) },
    ...(resource.extraRoutes ?? []),
    {
      method: 'get',
      path: `${resource.path}/:id`,
      area: resource.area,
      parameters: { id: idPattern },
      resolve: (input) => {
        const table = resource.table(input.simulator.state)
        const record = table.get(input.params.id)
        if (!record) throw haloError.notFound(`${resource.noun} ${input.params.id}`)
        return haloJson(resource.renderOne ? resource.renderOne(input.simulator.state, copy(record), input.query) : copy(record))
      },
    },
    { method: 'post', path: resource.path, area: writeArea, resolve: (input) => upsertTableRows(resource, input) },
  ]
  if (resource.deletable !== false) {
    routes.push({
      method: 'delete',
      path: `${resource.path}/:id`,
      area: writeArea,
      parameters: { id: idPattern },
      resolve: (input) => {
        const table = resource.table(input.simulator.state)
        if (!table.get(input.params.id)) throw haloError.notFound(`${resource.noun} ${input.params.id}`)
        const id = table.get(input.params.id)!.id as number | string
        table.delete(id)
        input.simulator.state.writes.push({
          resource: resource.path.slice(1),
          id,
          operation: 'delete',
          flags: {},
          at: formatHaloDate(input.write.now),
        })
        return haloEmptyOk()
      },
    })
  }
  return routes
}
