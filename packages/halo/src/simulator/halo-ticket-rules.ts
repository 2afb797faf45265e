import { formatHaloDate, haloEmptyDate, isHaloEmptyDate, normaliseHaloDate, parseHaloDate } from './halo-date-format'
import { haloError } from './halo-responses'
import { defaultPriorityId, defaultTicketTypeId, haloFieldRule, haloStatusType, projectTicketTypeId, ticketLoggedOutcomeId } from './halo-seed-lookups'
import type { HaloSimulatorState, HaloTicketDomain } from './halo-simulator-state'
import type { HaloJson } from './halo-table'
import { htmlToText, textToHtml } from './halo-text'
import { flagIsSet, splitWriteFlags } from './halo-write-flags'

/** Who writes, and when. */
export interface HaloWriteContext {
  state: HaloSimulatorState
  now: number
  /** The agent the token acts as (the author of system actions). */
  agentId: number
}

/** Server-managed fields a client may set only on an import (`_isimport`) [I]. */
const importOnlyFields = new Set(['datecreated', 'dateclosed', 'lastactiondate', 'last_update', 'responsedate'])
/** Fields the server always computes; what a client sends for them is dropped. */
const computedFields = new Set([
  'id',
  'hasbeenclosed',
  'status_name',
  'tickettype_name',
  'priority_name',
  'sla_name',
  'agent_name',
  'client_name',
  'site_name',
  'user_name',
  'user_email',
  'respondbydate',
  'fixbydate',
  'onhold',
  'deleted',
])
/** Ticket fields that hold ids Halo binds as int32 (a posted `95.0` fails to bind, halo.md §3.5). */
export const ticketIntegerFields = ['tickettype_id', 'status_id', 'priority_id', 'sla_id', 'client_id', 'site_id', 'user_id', 'agent_id', 'parent_id']

/** The list row of a ticket (lists are abbreviated; halo.md §3.2). */
const rowFields = [
  'id',
  'summary',
  'details',
  'dateoccurred',
  'tickettype_id',
  'status_id',
  'priority_id',
  'sla_id',
  'client_id',
  'client_name',
  'site_id',
  'site_name',
  'user_id',
  'user_name',
  'agent_id',
  'team',
  'category_1',
  'category_2',
  'onhold',
  'hasbeenclosed',
  'respondbydate',
  'fixbydate',
  'dateclosed',
  'lastactiondate',
  'last_update',
  'parent_id',
  'third_party_id',
  'deleted',
]

function numberOrZero(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}

function describe(label: string, value: unknown): string {
  return `${label} ${JSON.stringify(value)}`
}

/** True when the status closes tickets (`type` closed). */
export function isClosedStatus(state: HaloSimulatorState, statusId: unknown): boolean {
  return state.statuses.get(statusId)?.type === haloStatusType.closed
}

function requireInteger(fields: HaloJson, key: string): number | undefined {
  const value = fields[key]
  if (value === undefined || value === null) return undefined
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value)
  throw haloError.exception(`Error converting value ${JSON.stringify(value)} to type 'System.Int32'. Path '${key}'.`, 400, 'Newtonsoft.Json.JsonSerializationException')
}

function mandatoryMessage(label: string): string {
  return `${label} is a mandatory field`
}

function hasValue(value: unknown): boolean {
  if (value === undefined || value === null) return false
  if (typeof value === 'string') return value.trim().length > 0 && !/^(<p>\s*<\/p>|<br\s*\/?>)$/i.test(value.trim())
  if (Array.isArray(value)) return value.length > 0
  return true
}

/** Custom field values as stored: `[{ id, value }]`. */
function customFieldValues(record: HaloJson): { id: number; value: unknown }[] {
  return Array.isArray(record.customfields) ? (record.customfields as { id: number; value: unknown }[]) : []
}

/** Merges `[{ id | name, value }]` into the stored values, resolving names and choice labels. */
export function mergeCustomFields(state: HaloSimulatorState, stored: unknown, incoming: unknown, usage: number): { id: number; value: unknown }[] {
  const current = new Map((Array.isArray(stored) ? (stored as { id: number; value: unknown }[]) : []).map((entry) => [entry.id, entry.value]))
  if (incoming === undefined || incoming === null) return [...current].map(([id, value]) => ({ id, value }))
  if (!Array.isArray(incoming)) throw haloError.exception('customfields must be an array of { id, value } objects.')
  for (const entry of incoming as HaloJson[]) {
    const definition =
      typeof entry.id === 'number'
        ? state.fieldInfos.get(entry.id)
        : typeof entry.name === 'string'
          ? state.fieldInfos.all().find((field) => String(field.name).toLowerCase() === String(entry.name).toLowerCase())
          : undefined
    if (!definition || definition.custom !== 1 || definition.usage !== usage) {
      throw haloError.result(`Custom field ${JSON.stringify(entry.id ?? entry.name)} does not exist for this record type.`)
    }
    let value = entry.value
    const choices = Array.isArray(definition.values) ? (definition.values as { id: number; name: string }[]) : []
    if (choices.length > 0 && typeof value === 'string' && !/^\d+$/.test(value)) {
      const label = value.toLowerCase()
      const choice = choices.find((option) => option.name.toLowerCase() === label)
      if (!choice) throw haloError.result(`'${value}' is not a choice of custom field ${String(definition.name)}.`)
      value = choice.id
    }
    if (definition.type === 4 && typeof value === 'string' && value.trim() !== '') value = normaliseHaloDate(value) ?? value
    current.set(definition.id as number, value)
  }
  return [...current].map(([id, value]) => ({ id, value }))
}

/** Custom fields as Halo renders them on a single record: the definition with `value` and `display`. */
export function renderCustomFields(state: HaloSimulatorState, stored: unknown, usage: number, onlyIds?: number[]): HaloJson[] {
  const values = new Map((Array.isArray(stored) ? (stored as { id: number; value: unknown }[]) : []).map((entry) => [entry.id, entry.value]))
  const definitions = state.fieldInfos
    .all()
    .filter((field) => field.custom === 1 && field.usage === usage && (onlyIds === undefined || onlyIds.includes(field.id as number) || values.has(field.id as number)))
  return definitions.map((field) => {
    const value = values.get(field.id as number) ?? ''
    const choices = Array.isArray(field.values) ? (field.values as { id: number; name: string }[]) : []
    const display = choices.length > 0 ? (choices.find((choice) => choice.id === Number(value))?.name ?? '') : value === null ? '' : String(value)
    return {
      id: field.id,
      name: field.name,
      label: field.label,
      summary: field.label,
      type: field.type,
      inputtype: field.inputtype,
      usage: field.usage,
      characterlimit: field.characterlimit,
      value,
      display,
    }
  })
}

/** Field rules of a ticket type: `{ fieldname, label, rule }` for each field it lists. */
function typeFields(state: HaloSimulatorState, typeId: unknown): { fieldid: number; fieldname: string; label: string; rule: number; custom: boolean }[] {
  const type = state.ticketTypes.get(typeId)
  const fields = Array.isArray(type?.fields) ? (type.fields as HaloJson[]) : []
  return fields.map((field) => {
    const info = (field.fieldinfo ?? {}) as HaloJson
    return {
      fieldid: field.fieldid as number,
      fieldname: String(field.fieldname),
      label: String(info.label ?? field.fieldname),
      rule: numberOrZero(field.technew),
      custom: info.custom === 1,
    }
  })
}

function checkMandatoryFields(state: HaloSimulatorState, record: HaloJson): void {
  const values = new Map(customFieldValues(record).map((entry) => [entry.id, entry.value]))
  for (const field of typeFields(state, record.tickettype_id)) {
    if (field.rule !== haloFieldRule.mandatory) continue
    const value = field.custom ? values.get(field.fieldid) : field.fieldname === 'details' ? record.details || record.details_html : record[field.fieldname]
    if (!hasValue(value)) throw haloError.exception(mandatoryMessage(field.label))
  }
}

/** The priority policy of a ticket's SLA, or a 400 when the priority is not in it. */
export function findPolicy(state: HaloSimulatorState, slaId: number, priorityId: number): HaloJson | undefined {
  return state.priorities.all().find((policy) => policy.slaid === slaId && policy.priorityid === priorityId)
}

function checkReferences(state: HaloSimulatorState, fields: HaloJson, merged: HaloJson): void {
  if (fields.tickettype_id !== undefined && !state.ticketTypes.has(merged.tickettype_id)) {
    throw haloError.result(`${describe('Ticket type', merged.tickettype_id)} does not exist.`)
  }
  if (fields.status_id !== undefined && !state.statuses.has(merged.status_id)) throw haloError.result(`${describe('Status', merged.status_id)} does not exist.`)
  if (fields.sla_id !== undefined && merged.sla_id !== 0 && !state.slas.has(merged.sla_id)) throw haloError.result(`${describe('SLA', merged.sla_id)} does not exist.`)
  if (fields.priority_id !== undefined || fields.sla_id !== undefined) {
    if (!findPolicy(state, numberOrZero(merged.sla_id), numberOrZero(merged.priority_id))) {
      const sla = state.slas.get(merged.sla_id)
      throw haloError.result(`${describe('Priority', merged.priority_id)} is not valid for SLA '${String(sla?.name ?? merged.sla_id)}'.`)
    }
  }
  if (fields.agent_id !== undefined && merged.agent_id !== 0) {
    const agent = state.agents.get(merged.agent_id)
    if (!agent) throw haloError.result(`${describe('Agent', merged.agent_id)} does not exist.`)
    if (agent.isdisabled === true) throw haloError.result(`Agent '${String(agent.name)}' is disabled and cannot be assigned tickets.`)
  }
  if (fields.client_id !== undefined && merged.client_id !== 0 && !state.clients.has(merged.client_id)) throw haloError.result(`${describe('Client', merged.client_id)} does not exist.`)
  if (fields.site_id !== undefined && merged.site_id !== 0) {
    const site = state.sites.get(merged.site_id)
    if (!site) throw haloError.result(`${describe('Site', merged.site_id)} does not exist.`)
    if (merged.client_id !== 0 && site.client_id !== merged.client_id) throw haloError.result(`Site ${String(merged.site_id)} does not belong to client ${String(merged.client_id)}.`)
  }
  if (fields.user_id !== undefined && merged.user_id !== 0) {
    const user = state.users.get(merged.user_id)
    if (!user) throw haloError.result(`${describe('User', merged.user_id)} does not exist.`)
    if (merged.site_id !== 0 && user.site_id !== merged.site_id) throw haloError.result(`User ${String(merged.user_id)} does not belong to site ${String(merged.site_id)}.`)
  }
  if (fields.team !== undefined && merged.team !== '') {
    const team = state.teams.all().find((candidate) => String(candidate.name).toLowerCase() === String(merged.team).toLowerCase())
    if (!team) throw haloError.result(`Team '${String(merged.team)}' does not exist.`)
    merged.team = team.name
  }
  if (fields.parent_id !== undefined && merged.parent_id !== 0) {
    if (merged.parent_id === merged.id) throw haloError.result('A ticket cannot be its own parent.')
    if (!state.tickets.has(merged.parent_id)) throw haloError.result(`${describe('Parent ticket', merged.parent_id)} does not exist.`)
  }
}

function addHours(date: unknown, hours: number): string {
  const start = parseHaloDate(date)
  return start === undefined ? haloEmptyDate : formatHaloDate(start + hours * 3_600_000)
}

/** Recomputes SLA targets, hold state and closure from the ticket's status, priority and SLA. */
function applyDerivedFields(state: HaloSimulatorState, record: HaloJson, previous: HaloJson | undefined, now: number, flags: Record<string, unknown>): void {
  const status = state.statuses.get(record.status_id)
  const closed = status?.type === haloStatusType.closed
  const wasClosed = previous ? previous.hasbeenclosed === true : false
  record.onhold = status?.slaaction === 'H'
  record.hasbeenclosed = closed
  const importedClosure = flagIsSet(flags, '_isimport') && typeof record.dateclosed === 'string' && !isHaloEmptyDate(record.dateclosed)
  if (closed && !wasClosed && !importedClosure) record.dateclosed = formatHaloDate(now)
  if (!closed) record.dateclosed = haloEmptyDate
  const slaChanged = !previous || previous.sla_id !== record.sla_id || previous.priority_id !== record.priority_id || previous.dateoccurred !== record.dateoccurred
  if (slaChanged || record.excludefromsla !== previous?.excludefromsla) {
    const policy = findPolicy(state, numberOrZero(record.sla_id), numberOrZero(record.priority_id))
    if (!policy || record.excludefromsla === true) {
      record.respondbydate = haloEmptyDate
      record.fixbydate = haloEmptyDate
    } else {
      record.respondbydate = addHours(record.dateoccurred, numberOrZero(policy.responsetime))
      record.fixbydate = addHours(record.dateoccurred, numberOrZero(policy.fixtime))
    }
  }
}

/** A validated ticket write, applied by {@link commitTicketWrite} once every record of the batch passed. */
export interface PreparedTicketWrite {
  record: HaloJson
  previous: HaloJson | undefined
  flags: Record<string, unknown>
}

/**
 * Validates one element of a `POST /Tickets` (or `/Projects`) body and builds the record to store,
 * without storing it: Halo's upsert rules (halo.md §3.1). No `id` (or 0) creates, with the ticket
 * type's defaults (SLA, initial status), the type's mandatory fields enforced unless `_novalidate`;
 * an `id` updates only the fields sent (`_validate_updates` re-checks mandatory fields), and an
 * unknown id is a 404 [I]. References (status, priority within the SLA, agent, client/site/user,
 * team name, parent) are checked on every write. `details` and `details_html` are kept in step.
 */
export function prepareTicketWrite(context: HaloWriteContext, input: unknown, domain: HaloTicketDomain): PreparedTicketWrite {
  const { state, now } = context
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw haloError.exception('Each ticket must be a JSON object.')
  const { fields: sent, flags } = splitWriteFlags(input as HaloJson)
  const id = requireInteger(sent, 'id') ?? 0
  for (const key of ticketIntegerFields) {
    const value = requireInteger(sent, key)
    if (value !== undefined) sent[key] = value
  }
  const isImport = flagIsSet(flags, '_isimport')
  const fields: HaloJson = {}
  for (const [key, value] of Object.entries(sent)) {
    if (computedFields.has(key)) continue
    if (importOnlyFields.has(key) && !isImport) continue
    // Dates arrive in any ISO form; Halo keeps them as UTC without a zone.
    fields[key] = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? (normaliseHaloDate(value) ?? value) : value
  }
  let previous: HaloJson | undefined
  let record: HaloJson
  if (id > 0) {
    previous = state.tickets.get(id)
    if (!previous || (previous.deleted === true && !flagIsSet(flags, '_recover'))) throw haloError.notFound(`Ticket ${id}`)
    record = { ...previous, ...fields, id }
    if (flagIsSet(flags, '_recover')) record.deleted = false
  } else {
    const typeId = numberOrZero(fields.tickettype_id) || (domain === 'prjs' ? projectTicketTypeId : defaultTicketTypeId)
    const type = state.ticketTypes.get(typeId)
    if (!type) throw haloError.result(`${describe('Ticket type', typeId)} does not exist.`)
    const nowText = formatHaloDate(now)
    record = {
      summary: type.default_summary ?? '',
      details: '',
      details_html: '',
      status_id: type.initial_status ?? 1,
      priority_id: defaultPriorityId,
      sla_id: type.default_sla ?? 1,
      client_id: 0,
      site_id: 0,
      user_id: 0,
      agent_id: 0,
      team: '',
      category_1: type.default_category_1 ?? '',
      category_2: '',
      category_3: '',
      category_4: '',
      impact: 0,
      urgency: 0,
      dateoccurred: nowText,
      datecreated: nowText,
      dateclosed: haloEmptyDate,
      lastactiondate: nowText,
      last_update: nowText,
      responsedate: haloEmptyDate,
      targetdate: haloEmptyDate,
      deadlinedate: haloEmptyDate,
      excludefromsla: false,
      parent_id: 0,
      third_party_id: 0,
      reportedby: '',
      emailcclist: '',
      inactive: false,
      deleted: false,
      customfields: [],
      ...fields,
      tickettype_id: typeId,
    }
    // The requester's site and client follow from the user when not given (halo.md §4.1 advice).
    if (fields.user_id !== undefined && fields.site_id === undefined) record.site_id = numberOrZero(state.users.get(record.user_id)?.site_id)
    if ((fields.site_id !== undefined || fields.user_id !== undefined) && fields.client_id === undefined) {
      record.client_id = numberOrZero(state.sites.get(record.site_id)?.client_id)
    }
    // An explicit SLA wins; else the site's, else the ticket type's default.
    if (fields.sla_id === undefined) {
      const siteSla = numberOrZero(state.sites.get(record.site_id)?.sla_id)
      if (siteSla > 0) record.sla_id = siteSla
    }
  }
  if (fields.details !== undefined && fields.details_html === undefined) record.details_html = textToHtml(String(fields.details ?? ''))
  if (fields.details_html !== undefined && fields.details === undefined) record.details = htmlToText(String(fields.details_html ?? ''))
  record.customfields = mergeCustomFields(state, previous?.customfields, fields.customfields, 1)
  checkReferences(state, previous ? fields : { ...record, ...fields }, record)
  const validate = previous ? flagIsSet(flags, '_validate_updates') : !flagIsSet(flags, '_novalidate')
  if (validate) checkMandatoryFields(state, record)
  applyDerivedFields(state, record, previous, now, flags)
  record.last_update = isImport && typeof fields.last_update === 'string' ? fields.last_update : formatHaloDate(now)
  return { record, previous, flags }
}

/** Stores a prepared write: a create gets its id and Halo's "Ticket Logged" system action. */
export function commitTicketWrite(context: HaloWriteContext, prepared: PreparedTicketWrite, domain: HaloTicketDomain, resource: string): HaloJson {
  const { state, now } = context
  let stored: HaloJson
  if (prepared.previous) stored = state.tickets.replace({ ...prepared.record })
  else {
    stored = state.tickets.insert({ ...prepared.record })
    state.ticketDomains.set(stored.id as number, domain)
    state.actions.set(stored.id as number, [])
    const agent = state.agents.get(context.agentId)
    state.actions.get(stored.id as number)!.push({
      id: 1,
      ticket_id: stored.id,
      outcome: state.outcomes.get(ticketLoggedOutcomeId)?.outcome ?? 'Ticket Logged',
      outcome_id: ticketLoggedOutcomeId,
      who: agent?.name ?? 'API',
      who_type: 1,
      who_agentid: context.agentId,
      actionby_agent_id: context.agentId,
      datetime: stored.datecreated,
      actiondatecreated: stored.datecreated,
      last_updated: stored.datecreated,
      note: '',
      note_html: '',
      hiddenfromuser: true,
      timetaken: 0,
      important: false,
    })
  }
  state.writes.push({ resource, id: stored.id as number, operation: prepared.previous ? 'update' : 'create', flags: prepared.flags, at: formatHaloDate(now) })
  return stored
}

/** Names Halo resolves on ticket answers. */
function ticketNames(state: HaloSimulatorState, ticket: HaloJson): HaloJson {
  const user = state.users.get(ticket.user_id)
  const policy = findPolicy(state, numberOrZero(ticket.sla_id), numberOrZero(ticket.priority_id))
  return {
    tickettype_name: state.ticketTypes.get(ticket.tickettype_id)?.name ?? '',
    status_name: state.statuses.get(ticket.status_id)?.name ?? '',
    priority_name: policy?.name ?? '',
    sla_name: state.slas.get(ticket.sla_id)?.name ?? '',
    agent_name: ticket.agent_id ? (state.agents.get(ticket.agent_id)?.name ?? '') : '',
    client_name: state.clients.get(ticket.client_id)?.name ?? '',
    site_name: state.sites.get(ticket.site_id)?.name ?? '',
    user_name: user?.name ?? '',
    user_email: user?.emailaddress ?? '',
  }
}

/** A ticket as a list row: the abbreviated field set, no custom fields or HTML. */
export function renderTicketRow(state: HaloSimulatorState, ticket: HaloJson): HaloJson {
  const full = { ...ticket, ...ticketNames(state, ticket) }
  return Object.fromEntries(rowFields.filter((field) => field in full).map((field) => [field, full[field]]))
}

/**
 * A ticket as `GET /Tickets/{id}` answers: every stored field with names resolved and custom
 * fields expanded; `includedetails=true` adds the attachments and linked assets [I].
 */
export function renderTicket(state: HaloSimulatorState, ticket: HaloJson, includeDetails: boolean): HaloJson {
  const typeCustomIds = typeFields(state, ticket.tickettype_id)
    .filter((field) => field.custom)
    .map((field) => field.fieldid)
  const rendered: HaloJson = {
    ...ticket,
    ...ticketNames(state, ticket),
    customfields: renderCustomFields(state, ticket.customfields, 1, typeCustomIds),
  }
  if (includeDetails) {
    rendered.attachments = state.attachments
      .all()
      .filter((attachment) => attachment.ticket_id === ticket.id)
      .map((attachment) => ({ ...attachment }))
    const assetIds = Array.isArray(ticket.assets) ? (ticket.assets as HaloJson[]).map((asset) => asset.id) : []
    rendered.assets = assetIds.map((assetId) => state.assets.get(assetId)).filter((asset) => asset !== undefined)
    rendered.child_ticket_ids = state.tickets
      .all()
      .filter((child) => child.parent_id === ticket.id && child.deleted !== true)
      .map((child) => child.id)
      .join(',')
  }
  return rendered
}

/** Moves a ticket to a status (an action's `new_status` or outcome), keeping closure fields right. */
export function changeTicketStatus(context: HaloWriteContext, ticket: HaloJson, statusId: number): HaloJson {
  if (!context.state.statuses.has(statusId)) throw haloError.result(`${describe('Status', statusId)} does not exist.`)
  const record = { ...ticket, status_id: statusId }
  applyDerivedFields(context.state, record, ticket, context.now, {})
  return context.state.tickets.replace(record)
}
