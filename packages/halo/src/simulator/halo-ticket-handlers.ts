import { applyAdvancedSearch } from './halo-advanced-search'
import { formatHaloDate, parseHaloDate } from './halo-date-format'
import { haloListWrapper, orderHaloRows, pageHaloRows } from './halo-pagination'
import type { HaloQuery } from './halo-query'
import { haloEmptyOk, haloError, haloJson } from './halo-responses'
import { integerParameter, type HaloRoute, type HaloRouteInput } from './halo-route'
import { haloStatusType } from './halo-seed-lookups'
import type { HaloSimulatorState, HaloTicketDomain } from './halo-simulator-state'
import type { HaloJson } from './halo-table'
import { renderTicket, renderTicketRow } from './halo-ticket-render'
import { commitTicketWrite, prepareTicketWrite } from './halo-ticket-rules'
import { upsertAnswer, upsertElements } from './halo-upsert-body'

/** Ticket fields `advanced_search` may name (plus the ticket custom fields by `CF…` name). */
const advancedSearchFields = [
  'id',
  'summary',
  'details',
  'third_party_id',
  'reportedby',
  'emailcclist',
  'category_1',
  'category_2',
  'category_3',
  'category_4',
  'team',
  'status_id',
  'tickettype_id',
  'client_id',
  'site_id',
  'user_id',
  'agent_id',
  'parent_id',
]

/** `datesearch` values and the stored field each searches; the spec's own example spells `dateoccured`. */
const dateSearchFields: Record<string, string> = {
  dateoccured: 'dateoccurred',
  dateoccurred: 'dateoccurred',
  datecreated: 'datecreated',
  datecleared: 'dateclosed',
  dateclosed: 'dateclosed',
  lastactiondate: 'lastactiondate',
  last_update: 'last_update',
  lastupdate: 'last_update',
  fixbydate: 'fixbydate',
  respondbydate: 'respondbydate',
  targetdate: 'targetdate',
  deadlinedate: 'deadlinedate',
}

function inList(list: number[] | undefined, value: unknown): boolean {
  return list === undefined || list.includes(value as number)
}

function equalsWhenGiven(query: HaloQuery, name: string, value: unknown): boolean {
  const wanted = query.integer(name)
  return wanted === undefined || wanted === value
}

function textIncludes(value: unknown, search: string | undefined): boolean {
  return (
    search === undefined ||
    String(value ?? '')
      .toLowerCase()
      .includes(search.toLowerCase())
  )
}

/** Domains a ticket list covers: `/Tickets` shows requests unless asked for projects; `/Projects` only projects. */
function listDomains(query: HaloQuery, collection: HaloTicketDomain): HaloTicketDomain[] {
  if (collection === 'prjs') return ['prjs']
  const domain = query.get('domain')?.toLowerCase()
  if (domain === 'prjs') return ['prjs']
  if (domain === 'opps') return []
  return query.boolean('includeprojects') === true ? ['reqs', 'prjs'] : ['reqs']
}

/**
 * The documented ticket filters (halo.md §3.4, §4.1): text search, ids, type, status (and open or
 * closed only), client/site/user, agent, team (ids or name), priority, SLA, parent, asset, the
 * `datesearch` window, deleted tickets and the request/project domain. Unknown parameters are
 * ignored, as Halo ignores them.
 */
function filterTickets(state: HaloSimulatorState, query: HaloQuery, collection: HaloTicketDomain): HaloJson[] {
  const domains = listDomains(query, collection)
  const deleted = query.boolean('deleted') === true
  const ticketIds = query.integerList('ticketids')
  // "Returns only tickets with 1 or more attachment" (swagger, GET /Tickets `withattachments`).
  const withFiles = query.boolean('withattachments') === true ? new Set(state.attachments.all().map((file) => file.ticket_id)) : undefined
  const search = query.get('search')?.toLowerCase()
  const statusList = query.integerList('status')
  const typeList = query.integerList('requesttype')
  const agentList = query.integerList('agent')
  const clientList = query.integerList('client_ids')
  const priorityList = query.integerList('priority')
  const slaList = query.integerList('sla')
  const teamNames = query.integerList('team')?.map((id) => String(state.teams.get(id)?.name ?? '').toLowerCase())
  const teamName = query.get('team_name')?.toLowerCase()
  const openOnly = query.boolean('open_only') === true
  const closedOnly = query.boolean('closed_only') === true
  const assetId = query.integer('asset_id')
  const dateField = dateSearchFields[query.get('datesearch')?.toLowerCase() ?? '']
  const start = parseHaloDate(query.get('startdate'))
  const end = parseHaloDate(query.get('enddate'))
  let rows = state.tickets.all().filter((ticket) => {
    if (!domains.includes(state.ticketDomains.get(ticket.id as number) ?? 'reqs')) return false
    if ((ticket.deleted === true) !== deleted) return false
    if (ticketIds && !ticketIds.includes(ticket.id as number)) return false
    if (withFiles && !withFiles.has(ticket.id)) return false
    if (search && !(textIncludes(ticket.summary, search) || textIncludes(ticket.details, search) || String(ticket.id) === search)) return false
    if (!textIncludes(ticket.summary, query.get('search_summary')) || !textIncludes(ticket.details, query.get('search_details'))) return false
    if (!textIncludes(state.users.get(ticket.user_id)?.name, query.get('search_user_name'))) return false
    if (!textIncludes(ticket.reportedby, query.get('search_reportedby'))) return false
    if (!equalsWhenGiven(query, 'tickettype_id', ticket.tickettype_id) || !equalsWhenGiven(query, 'requesttype_id', ticket.tickettype_id))
      return false
    if (!inList(typeList, ticket.tickettype_id)) return false
    if (!equalsWhenGiven(query, 'status_id', ticket.status_id) || !inList(statusList, ticket.status_id)) return false
    const statusType = state.statuses.get(ticket.status_id)?.type
    if (openOnly && statusType === haloStatusType.closed) return false
    if (closedOnly && statusType !== haloStatusType.closed) return false
    if (!equalsWhenGiven(query, 'client_id', ticket.client_id) || !inList(clientList, ticket.client_id)) return false
    if (!equalsWhenGiven(query, 'site_id', ticket.site_id) || !equalsWhenGiven(query, 'user_id', ticket.user_id)) return false
    if (!equalsWhenGiven(query, 'agent_id', ticket.agent_id) || !inList(agentList, ticket.agent_id)) return false
    if (teamNames && !teamNames.includes(String(ticket.team).toLowerCase())) return false
    if (teamName !== undefined && String(ticket.team).toLowerCase() !== teamName) return false
    if (!inList(priorityList, ticket.priority_id) || !inList(slaList, ticket.sla_id)) return false
    if (!equalsWhenGiven(query, 'parent_id', ticket.parent_id)) return false
    if (assetId !== undefined && !(Array.isArray(ticket.assets) && (ticket.assets as HaloJson[]).some((asset) => asset.id === assetId))) return false
    if (dateField && (start !== undefined || end !== undefined)) {
      const value = parseHaloDate(ticket[dateField])
      if (value === undefined || (start !== undefined && value < start) || (end !== undefined && value > end)) return false
    }
    return true
  })
  rows = applyAdvancedSearch(state, rows, query.get('advanced_search'), advancedSearchFields, 1)
  return rows
}

function listTickets(input: HaloRouteInput, collection: HaloTicketDomain): Response {
  const { state, options } = input.simulator
  const ordered = orderHaloRows(filterTickets(state, input.query, collection), input.query)
  const page = pageHaloRows(ordered, input.query, options)
  const rows = page.rows.map((ticket) => renderTicketRow(state, ticket))
  return haloJson(haloListWrapper('tickets', { ...page, rows }, { include_children: false }))
}

function findTicket(input: HaloRouteInput): HaloJson {
  const ticket = input.simulator.state.tickets.get(input.params.id)
  if (!ticket || ticket.deleted === true) throw haloError.notFound(`Ticket ${input.params.id}`)
  return ticket
}

function upsertTickets(input: HaloRouteInput, domain: HaloTicketDomain, resource: string): Response {
  const prepared = upsertElements(input.body).map((element) => prepareTicketWrite(input.write, element, domain))
  const saved = prepared.map((write) => commitTicketWrite(input.write, write, domain, resource))
  return upsertAnswer(saved.map((ticket) => renderTicket(input.simulator.state, ticket, false)))
}

function deleteTicket(input: HaloRouteInput, resource: string): Response {
  const ticket = findTicket(input)
  const { state } = input.simulator
  // Deletion is soft (the spec has a `deleted` filter and a `_recover` flag, halo.md §4.1).
  state.tickets.replace({ ...ticket, deleted: true, last_update: formatHaloDate(input.write.now) })
  const reason = input.query.get('reason')
  state.writes.push({ resource, id: ticket.id as number, operation: 'delete', flags: reason ? { reason } : {}, at: formatHaloDate(input.write.now) })
  return haloEmptyOk()
}

function collectionRoutes(path: string, domain: HaloTicketDomain): HaloRoute[] {
  const area = domain === 'prjs' ? 'projects' : 'tickets'
  const resource = path.slice(1)
  return [
    { method: 'get', path, area, resolve: (input) => listTickets(input, domain) },
    {
      method: 'get',
      path: `${path}/:id`,
      area,
      parameters: { id: integerParameter },
      resolve: (input) => haloJson(renderTicket(input.simulator.state, findTicket(input), input.query.boolean('includedetails') === true)),
    },
    { method: 'post', path, area, resolve: (input) => upsertTickets(input, domain, resource) },
    { method: 'delete', path: `${path}/:id`, area, parameters: { id: integerParameter }, resolve: (input) => deleteTicket(input, resource) },
  ]
}

/**
 * `/Tickets` and `/Projects` (projects are tickets in the `prjs` domain, listed under the key
 * `tickets` too; halo.md §4.13): list `{ page_no?, page_size?, record_count, tickets, include_children }`,
 * `GET /{id}` with `includedetails`, POST array upserts, soft DELETE with `reason`.
 */
export function ticketRoutes(): HaloRoute[] {
  return [...collectionRoutes('/Tickets', 'reqs'), ...collectionRoutes('/Projects', 'prjs')]
}
