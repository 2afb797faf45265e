import { haloError } from './halo-responses'
import type { HaloRoute } from './halo-route'
import type { HaloJson } from './halo-table'
import { tableRoutes } from './halo-table-routes'
import { mergeCustomFields, renderCustomFields } from './halo-custom-fields'

/**
 * Assets (`Device`, halo.md §4.10): `{ page_no?, page_size?, record_count, assets }` with paging,
 * `search` (tag and key fields), `inventory_number`, `client_id`, `site_id`, `assettype_id`,
 * `ticket_id` (assets linked to a ticket through its `assets: [{ id }]`) and `includeinactive`.
 */
export function assetRoutes(): HaloRoute[] {
  return tableRoutes({
    path: '/Asset',
    noun: 'Asset',
    area: 'assets',
    table: (state) => state.assets,
    listKey: 'assets',
    paged: true,
    searchFields: ['inventory_number', 'key_field', 'key_field2', 'key_field3'],
    advancedSearchFields: ['inventory_number', 'key_field', 'key_field2', 'key_field3'],
    customFieldUsage: 5,
    inactive: { field: 'inactive', parameter: 'includeinactive' },
    filter: (rows, query, state) => {
      const ticketId = query.integer('ticket_id')
      const linked =
        ticketId === undefined ? undefined : ((state.tickets.get(ticketId)?.assets as HaloJson[] | undefined) ?? []).map((asset) => asset.id)
      return rows.filter((row) => {
        for (const field of ['client_id', 'site_id', 'assettype_id']) {
          const wanted = query.integer(field)
          if (wanted !== undefined && row[field] !== wanted) return false
        }
        const tag = query.get('inventory_number')
        if (tag !== undefined && String(row.inventory_number).toLowerCase() !== tag.toLowerCase()) return false
        return linked === undefined || linked.includes(row.id)
      })
    },
    renderRow: (state, record) => {
      const { customfields: _customfields, ...row } = record
      return { ...row, client_name: state.clients.get(record.client_id)?.name ?? '', site_name: state.sites.get(record.site_id)?.name ?? '' }
    },
    renderOne: (state, record) => ({
      ...record,
      client_name: state.clients.get(record.client_id)?.name ?? '',
      site_name: state.sites.get(record.site_id)?.name ?? '',
      customfields: renderCustomFields(state, record.customfields, 5),
    }),
    prepare: (input, fields, previous) => {
      const { state } = input.simulator
      const record: HaloJson = { ...fields }
      const clientId = fields.client_id ?? previous?.client_id
      const siteId = fields.site_id ?? previous?.site_id
      if (!state.clients.has(clientId)) throw haloError.result(`Client ${JSON.stringify(clientId)} does not exist.`)
      if (!state.sites.has(siteId)) throw haloError.result(`Site ${JSON.stringify(siteId)} does not exist.`)
      const tag = fields.inventory_number ?? previous?.inventory_number
      if (typeof tag !== 'string' || tag.trim() === '') throw haloError.exception('Asset Tag is a mandatory field')
      if (fields.customfields !== undefined) record.customfields = mergeCustomFields(state, previous?.customfields, fields.customfields, 5)
      return previous
        ? record
        : {
            assettype_id: 1,
            assettype_name: 'Laptop',
            status_id: 1,
            inactive: false,
            key_field: '',
            fields: [],
            customfields: [],
            users: [],
            ...record,
          }
    },
  })
}
