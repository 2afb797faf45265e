import { htmlToText, textToHtml } from '@ticketbridge/core'
import { formatHaloDate, haloEmptyDate, storedHaloFieldValue } from './halo-date-format'
import { mergeCustomFields } from './halo-custom-fields'
import { storeAttachment } from './halo-attachment-rules'
import { haloError } from './halo-responses'
import { defaultPriorityId, defaultTicketTypeId, projectTicketTypeId, ticketLoggedOutcomeId } from './halo-seed-lookups'
import type { HaloTicketDomain } from './halo-simulator-state'
import type { HaloJson } from './halo-table'
import { applyDerivedFields } from './halo-ticket-derived-fields'
import { checkMandatoryFields, checkReferences, describe, numberOrZero, requireInteger, ticketIntegerFields } from './halo-ticket-validation'
import type { HaloWriteContext } from './halo-write-context'
import { flagIsSet, splitWriteFlags } from './halo-write-flags'

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

/** A validated ticket write, applied by {@link commitTicketWrite} once every record of the batch passed. */
export interface PreparedTicketWrite {
  record: HaloJson
  previous: HaloJson | undefined
  flags: Record<string, unknown>
  /** Files sent inside the ticket (`Faults.attachments`), stored once it has its id. */
  attachments: HaloJson[]
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
  const attachments = Array.isArray(sent.attachments) ? (sent.attachments as HaloJson[]) : []
  for (const [key, value] of Object.entries(sent)) {
    if (computedFields.has(key) || key === 'attachments') continue
    if (importOnlyFields.has(key) && !isImport) continue
    // Dates arrive in any ISO form; Halo keeps them as UTC without a zone.
    fields[key] = storedHaloFieldValue(key, value)
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
  return { record, previous, flags, attachments }
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
  for (const attachment of prepared.attachments) storeAttachment(context, { ...attachment, ticket_id: stored.id })
  state.writes.push({
    resource,
    id: stored.id as number,
    operation: prepared.previous ? 'update' : 'create',
    flags: prepared.flags,
    at: formatHaloDate(now),
  })
  return stored
}
