import { HaloDouble, haloError, haloJson } from './halo-responses'
import type { HaloRoute } from './halo-route'
import type { HaloSimulatorState } from './halo-simulator-state'
import type { HaloJson } from './halo-table'
import { tableRoutes } from './halo-table-routes'
import { mergeCustomFields, renderCustomFields } from './halo-custom-fields'

function integerId(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined
  // Halo types some of these as double (`Users.site_id`); a whole number is what it stores.
  const number = typeof value === 'string' ? Number(value) : value
  if (typeof number !== 'number' || !Number.isInteger(number)) {
    throw haloError.exception(
      `Error converting value ${JSON.stringify(value)} to type 'System.Int32'. Path '${field}'.`,
      400,
      'Newtonsoft.Json.JsonSerializationException',
    )
  }
  return number
}

/** A user as Halo answers: `site_id` as a double (`40.0`), `site_id_int`, and the site's and client's names. */
function renderUser(state: HaloSimulatorState, record: HaloJson, single: boolean): HaloJson {
  const site = state.sites.get(record.site_id)
  const client = state.clients.get(site?.client_id)
  const rendered: HaloJson = {
    ...record,
    site_id: new HaloDouble(Number(record.site_id ?? 0)),
    site_id_int: Number(record.site_id ?? 0),
    site_name: site?.name ?? '',
    client_id: client?.id ?? 0,
    client_name: client?.name ?? '',
  }
  if (single) rendered.customfields = renderCustomFields(state, record.customfields, 4)
  else delete rendered.customfields
  return rendered
}

/** A site as Halo answers: `client_id` as a double, with `client_name` and `clientsite_name`. */
function renderSite(state: HaloSimulatorState, record: HaloJson, single: boolean): HaloJson {
  const client = state.clients.get(record.client_id)
  const rendered: HaloJson = {
    ...record,
    client_id: new HaloDouble(Number(record.client_id ?? 0)),
    client_name: client?.name ?? '',
    clientsite_name: `${String(client?.name ?? '')}/${String(record.name)}`,
  }
  if (single) rendered.customfields = renderCustomFields(state, record.customfields, 3)
  else delete rendered.customfields
  return rendered
}

function renderClient(state: HaloSimulatorState, record: HaloJson, single: boolean): HaloJson {
  const rendered: HaloJson = {
    ...record,
    open_ticket_count: state.tickets
      .all()
      .filter((ticket) => ticket.client_id === record.id && ticket.hasbeenclosed !== true && ticket.deleted !== true).length,
  }
  if (single) rendered.customfields = renderCustomFields(state, record.customfields, 2)
  else delete rendered.customfields
  return rendered
}

function requireText(value: unknown, label: string): void {
  if (typeof value !== 'string' || value.trim() === '') throw haloError.exception(`${label} is a mandatory field`)
}

/**
 * End users, clients and sites (halo.md §4.7-4.8), each listed as `{ page_no?, page_size?,
 * record_count, <key> }` with paging, `search`, `advanced_search` (users), inactive rows only
 * with `includeinactive=true`, and their parent filters (`client_id`, `site_id`). A user belongs
 * to a site, which belongs to a client; creating a user needs `site_id` [I], a site `client_id`.
 */
export function customerRoutes(): HaloRoute[] {
  return [
    ...tableRoutes({
      path: '/Users',
      noun: 'User',
      area: 'customers',
      table: (state) => state.users,
      listKey: 'users',
      paged: true,
      searchFields: ['name', 'emailaddress', 'login', 'phonenumber'],
      advancedSearchFields: [
        'name',
        'emailaddress',
        'email2',
        'email3',
        'login',
        'phonenumber',
        'mobilenumber',
        'firstname',
        'surname',
        'other1',
        'other2',
      ],
      customFieldUsage: 4,
      inactive: { field: 'inactive', parameter: 'includeinactive' },
      filter: (rows, query, state) => {
        const clientId = query.integer('client_id')
        const siteId = query.integer('site_id')
        return rows.filter(
          (row) =>
            (siteId === undefined || row.site_id === siteId) && (clientId === undefined || state.sites.get(row.site_id)?.client_id === clientId),
        )
      },
      renderRow: (state, record) => renderUser(state, record, false),
      renderOne: (state, record) => renderUser(state, record, true),
      prepare: (input, fields, previous) => {
        const { state } = input.simulator
        const record: HaloJson = { ...fields }
        const siteId = integerId(fields.site_id, 'site_id') ?? integerId(fields.site_id_int, 'site_id_int')
        if (siteId !== undefined) record.site_id = siteId
        delete record.site_id_int
        delete record.site_name
        delete record.client_name
        delete record.client_id
        const effectiveSite = siteId ?? previous?.site_id
        if (effectiveSite === undefined) throw haloError.exception('A Site must be chosen for this User')
        if (!state.sites.has(effectiveSite)) throw haloError.result(`Site ${JSON.stringify(effectiveSite)} does not exist.`)
        if (!previous && (typeof fields.name !== 'string' || fields.name.trim() === '')) {
          record.name = [fields.firstname, fields.surname].filter((part) => typeof part === 'string' && part.trim() !== '').join(' ')
        }
        requireText(record.name ?? previous?.name, 'Name')
        if (fields.customfields !== undefined) record.customfields = mergeCustomFields(state, previous?.customfields, fields.customfields, 4)
        delete record.new_password
        return previous ? record : { inactive: false, emailaddress: '', phonenumber: '', login: '', customfields: [], linked_agent_id: 0, ...record }
      },
      extraRoutes: [
        {
          // The end user the token's agent is linked to (`linked_agent_id`); the spec names the path, not its shape.
          method: 'get',
          path: '/Users/me',
          area: 'customers',
          resolve: (input) => {
            const { state } = input.simulator
            const agentId = input.session?.agentId
            const linked = state.users.all().find((user) => agentId !== undefined && user.linked_agent_id === agentId)
            if (!linked) throw haloError.notFound('User linked to this agent')
            return haloJson(renderUser(state, linked, true))
          },
        },
      ],
    }),
    ...tableRoutes({
      path: '/Client',
      noun: 'Client',
      area: 'customers',
      table: (state) => state.clients,
      listKey: 'clients',
      paged: true,
      searchFields: ['name'],
      advancedSearchFields: ['name'],
      customFieldUsage: 2,
      inactive: { field: 'inactive', parameter: 'includeinactive' },
      filter: (rows, query) => {
        const topLevel = query.integer('toplevel_id')
        return topLevel === undefined ? rows : rows.filter((row) => row.toplevel_id === topLevel)
      },
      renderRow: (state, record) => renderClient(state, record, false),
      renderOne: (state, record) => renderClient(state, record, true),
      prepare: (input, fields, previous) => {
        requireText(fields.name ?? previous?.name, 'Name')
        const record: HaloJson = { ...fields }
        delete record.open_ticket_count
        if (fields.customfields !== undefined)
          record.customfields = mergeCustomFields(input.simulator.state, previous?.customfields, fields.customfields, 2)
        return previous ? record : { toplevel_id: 1, toplevel_name: 'Customers', inactive: false, notes: '', customfields: [], ...record }
      },
    }),
    ...tableRoutes({
      path: '/Site',
      noun: 'Site',
      area: 'customers',
      table: (state) => state.sites,
      listKey: 'sites',
      paged: true,
      searchFields: ['name'],
      inactive: { field: 'inactive', parameter: 'includeinactive' },
      filter: (rows, query) => {
        const clientId = query.integer('client_id')
        return clientId === undefined ? rows : rows.filter((row) => row.client_id === clientId)
      },
      renderRow: (state, record) => renderSite(state, record, false),
      renderOne: (state, record) => renderSite(state, record, true),
      prepare: (input, fields, previous) => {
        const { state } = input.simulator
        requireText(fields.name ?? previous?.name, 'Name')
        const record: HaloJson = { ...fields }
        delete record.client_name
        delete record.clientsite_name
        const clientId = integerId(fields.client_id, 'client_id')
        if (clientId !== undefined) record.client_id = clientId
        const effectiveClient = clientId ?? previous?.client_id
        if (effectiveClient === undefined) throw haloError.exception('A Client must be chosen for this Site')
        if (!state.clients.has(effectiveClient)) throw haloError.result(`Client ${JSON.stringify(effectiveClient)} does not exist.`)
        if (fields.sla_id !== undefined && fields.sla_id !== 0 && !state.slas.has(fields.sla_id))
          throw haloError.result(`SLA ${JSON.stringify(fields.sla_id)} does not exist.`)
        if (fields.customfields !== undefined) record.customfields = mergeCustomFields(state, previous?.customfields, fields.customfields, 3)
        return previous ? record : { inactive: false, sla_id: 1, notes: '', customfields: [], ...record }
      },
    }),
  ]
}
