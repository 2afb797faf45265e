import { haloError, haloJson } from './halo-responses'
import type { HaloRoute } from './halo-route'
import { haloStatusType } from './halo-seed-lookups'
import type { HaloJson } from './halo-table'
import { tableRoutes } from './halo-table-routes'

function requireName(fields: HaloJson, previous: HaloJson | undefined, key: string, noun: string): void {
  const value = fields[key] ?? previous?.[key]
  if (typeof value !== 'string' || value.trim() === '') throw haloError.exception(`${noun} is a mandatory field`)
}

function withoutFields(record: HaloJson): HaloJson {
  const { fields: _fields, ...rest } = record
  return rest
}

/**
 * Ticket configuration, all as bare JSON arrays (halo.md §3.2, §4.4-4.6, §4.11): ticket types
 * (with field rules on `GET /TicketType/{id}?includedetails=true`), ticket type fields, statuses,
 * priority policies (UUID ids) and SLAs, outcomes, categories, field definitions and lookup sets.
 * Reads need any valid token; writes need the `admin` scope.
 */
export function ticketConfigurationRoutes(): HaloRoute[] {
  return [...ticketTypeRoutes(), ...statusAndSlaRoutes(), ...outcomeAndCategoryRoutes(), ...fieldDefinitionRoutes()]
}

/** Ticket types (field rules only with `includedetails=true`) and their fields. */
function ticketTypeRoutes(): HaloRoute[] {
  return [
    ...tableRoutes({
      path: '/TicketType',
      noun: 'Ticket type',
      area: 'none',
      writeArea: 'admin',
      table: (state) => state.ticketTypes,
      filter: (rows, query) =>
        rows.filter((row) => {
          if (row.visible === false && query.boolean('showinactive') !== true && query.boolean('showall') !== true) return false
          if (query.boolean('can_create_only') === true && row.cancreate !== true) return false
          if (query.boolean('canagentsselect') === true && row.agentscanselect !== true) return false
          if (query.boolean('canusercreate') === true && row.enduserscanselect !== true) return false
          const domain = query.get('domain')?.toLowerCase()
          return domain === undefined || row.use === domain
        }),
      renderRow: (_state, record) => withoutFields(record),
      renderOne: (_state, record, query) => (query.boolean('includedetails') === true ? record : withoutFields(record)),
      prepare: (_input, fields, previous) => {
        requireName(fields, previous, 'name', 'Name')
        return previous
          ? fields
          : { visible: true, cancreate: true, agentscanselect: true, default_sla: 1, initial_status: 1, use: 'reqs', fields: [], ...fields }
      },
    }),
    {
      method: 'get',
      path: '/TicketTypeField',
      area: 'none',
      resolve: (input) =>
        haloJson(input.simulator.state.ticketTypes.all().flatMap((type) => (Array.isArray(type.fields) ? (type.fields as HaloJson[]) : []))),
    },
  ]
}

/** Statuses, priority policies (UUID ids, each within an SLA) and SLAs. */
function statusAndSlaRoutes(): HaloRoute[] {
  return [
    ...tableRoutes({
      path: '/Status',
      noun: 'Status',
      area: 'none',
      writeArea: 'admin',
      table: (state) => state.statuses,
      filter: (rows, query) =>
        rows.filter((row) => {
          if (query.boolean('excludeclosed') === true && row.type === haloStatusType.closed) return false
          if (query.boolean('excludepending') === true && row.type === haloStatusType.waiting) return false
          const type = query.integer('type')
          return type === undefined || row.type === type
        }),
      prepare: (_input, fields, previous) => {
        requireName(fields, previous, 'name', 'Name')
        return previous ? fields : { type: haloStatusType.open, slaaction: 'N', sequence: 99, colour: '#999999', ...fields }
      },
    }),
    ...tableRoutes({
      path: '/Priority',
      noun: 'Priority',
      area: 'none',
      writeArea: 'admin',
      uuidIds: true,
      table: (state) => state.priorities,
      filter: (rows, query) => {
        const slaId = query.integer('slaid')
        return slaId === undefined ? rows : rows.filter((row) => row.slaid === slaId)
      },
      prepare: (input, fields, previous) => {
        requireName(fields, previous, 'name', 'Name')
        const slaId = fields.slaid ?? previous?.slaid
        if (!input.simulator.state.slas.has(slaId)) throw haloError.result(`SLA ${JSON.stringify(slaId)} does not exist.`)
        if (typeof (fields.priorityid ?? previous?.priorityid) !== 'number') throw haloError.exception('priorityid is a mandatory field')
        return fields
      },
    }),
    ...tableRoutes({
      path: '/SLA',
      noun: 'SLA',
      area: 'none',
      writeArea: 'admin',
      table: (state) => state.slas,
      renderRow: (state, record, query) =>
        query.boolean('showpriorities') === true
          ? { ...record, priorities: state.priorities.all().filter((policy) => policy.slaid === record.id) }
          : record,
      renderOne: (state, record) => ({ ...record, priorities: state.priorities.all().filter((policy) => policy.slaid === record.id) }),
      prepare: (_input, fields, previous) => {
        requireName(fields, previous, 'name', 'Name')
        return fields
      },
    }),
  ]
}

/** Action outcomes and ticket categories. */
function outcomeAndCategoryRoutes(): HaloRoute[] {
  return [
    ...tableRoutes({
      path: '/Outcome',
      noun: 'Outcome',
      area: 'none',
      writeArea: 'admin',
      table: (state) => state.outcomes,
      filter: (rows, query) =>
        rows.filter((row) => {
          if (row.hidden === true && query.boolean('showhidden') !== true) return false
          return !(query.boolean('excludesystemactions') === true && typeof row.systemid === 'number' && row.systemid > 0)
        }),
      prepare: (_input, fields, previous) => {
        requireName(fields, previous, 'outcome', 'Outcome')
        return previous ? fields : { hidden: false, systemid: 0, hidefromuser: false, sendemail: 0, newstatus: 0, ...fields }
      },
    }),
    ...tableRoutes({
      path: '/Category',
      noun: 'Category',
      area: 'none',
      writeArea: 'admin',
      table: (state) => state.categories,
      filter: (rows, query) => {
        const typeId = query.integer('type_id')
        return typeId === undefined ? rows : rows.filter((row) => row.type_id === typeId)
      },
      prepare: (_input, fields, previous) => {
        requireName(fields, previous, 'value', 'Value')
        return previous ? fields : { type_id: 1, sla_id: 0, priority_id: 0, category_name: String(fields.value).split('>').at(-1), ...fields }
      },
    }),
  ]
}

/** Field definitions (custom fields among them) and lookup sets. */
function fieldDefinitionRoutes(): HaloRoute[] {
  return [
    ...tableRoutes({
      path: '/FieldInfo',
      noun: 'Field',
      area: 'none',
      writeArea: 'admin',
      table: (state) => state.fieldInfos,
      filter: (rows, query) => {
        const typeId = query.integer('typeid')
        return rows.filter(
          (row) => (typeId === undefined || row.usage === typeId) && (query.boolean('iscustomfieldsetup') !== true || row.custom === 1),
        )
      },
      renderRow: (_state, record, query) => (query.boolean('includevalues') === true ? record : { ...record, values: [] }),
      renderOne: (_state, record, query) => (query.boolean('getlookupvalues') === true ? record : { ...record, values: [] }),
      prepare: (_input, fields, previous) => {
        requireName(fields, previous, 'name', 'Name')
        return previous ? fields : { custom: 1, usage: 1, type: 0, inputtype: 0, mandatory: false, values: [], label: fields.name, ...fields }
      },
    }),
    ...tableRoutes({
      path: '/Lookup',
      noun: 'Lookup',
      area: 'none',
      writeArea: 'admin',
      table: (state) => state.lookups,
      filter: (rows, query) => {
        const lookupId = query.integer('lookupid')
        return rows.filter((row) => (lookupId === undefined || row.lookupid === lookupId) && row.inactive !== true)
      },
      prepare: (_input, fields, previous) => {
        requireName(fields, previous, 'name', 'Name')
        if (typeof (fields.lookupid ?? previous?.lookupid) !== 'number') throw haloError.exception('lookupid is a mandatory field')
        return fields
      },
    }),
  ]
}
