import { htmlToText, textToHtml } from '@ticketbridge/core'
import { formatHaloDate, haloEmptyDate, isHaloEmptyDate, normaliseHaloDate, parseHaloDate, storedHaloFieldValue } from './halo-date-format'
import { haloError } from './halo-responses'
import type { HaloJson } from './halo-table'
import { changeTicketStatus } from './halo-ticket-derived-fields'
import type { HaloWriteContext } from './halo-write-context'
import { flagIsSet, splitWriteFlags } from './halo-write-flags'
import { storeAttachment } from './halo-attachment-rules'

/** Fields the server computes on actions; what a client sends for them is dropped. */
const computedActionFields = new Set(['who', 'who_type', 'who_agentid', 'actiondatecreated', 'last_updated', 'outcome'])

/** The list row of an action; HTML and attachments only on request (halo.md §4.2). */
const actionRowFields = [
  'id',
  'ticket_id',
  'outcome',
  'outcome_id',
  'who',
  'who_type',
  'who_agentid',
  'actionby_agent_id',
  'actionby_user_id',
  'datetime',
  'actiondatecreated',
  'last_updated',
  'note',
  'hiddenfromuser',
  'timetaken',
  'important',
  'sendemail',
  'emailfrom',
  'emailto',
  'emailcc',
  'emailsubject',
  'new_status',
]

function integerOrUndefined(value: unknown, key: string): number | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value)
  throw haloError.exception(
    `Error converting value ${JSON.stringify(value)} to type 'System.Int32'. Path '${key}'.`,
    400,
    'Newtonsoft.Json.JsonSerializationException',
  )
}

/** The actions of a ticket, created on first use. */
export function actionsOf(context: Pick<HaloWriteContext, 'state'>, ticketId: number): HaloJson[] {
  let list = context.state.actions.get(ticketId)
  if (!list) {
    list = []
    context.state.actions.set(ticketId, list)
  }
  return list
}

/** True for actions Halo writes itself (their outcome has a `systemid`). */
export function isSystemAction(context: Pick<HaloWriteContext, 'state'>, action: HaloJson): boolean {
  const outcome = context.state.outcomes.get(action.outcome_id)
  return typeof outcome?.systemid === 'number' && outcome.systemid > 0
}

/** A validated action write, applied by {@link commitActionWrite}. */
export interface PreparedActionWrite {
  ticketId: number
  record: HaloJson
  previous: HaloJson | undefined
  flags: Record<string, unknown>
  newStatus: number | undefined
  attachments: HaloJson[]
}

/**
 * Validates one element of a `POST /Actions` body (halo.md §4.2): `ticket_id` must name a ticket;
 * an outcome (`outcome_id`, or `outcome` by name) is mandatory on create, else Halo's bare JSON
 * string "An Outcome must be entered for this Action"; visibility defaults to the outcome's
 * `hidefromuser`; `note` and `note_html` are kept in step; `timetaken` is hours. The author is the
 * token's agent unless `actionby_agent_id` or `actionby_user_id` names another, and `datetime`
 * may be given (else now). `new_status` (or the outcome's `newstatus`) moves the ticket.
 */
export function prepareActionWrite(context: HaloWriteContext, input: unknown): PreparedActionWrite {
  const { state, now } = context
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw haloError.exception('Each action must be a JSON object.')
  const { fields: sent, flags } = splitWriteFlags(input as HaloJson)
  const ticketId = integerOrUndefined(sent.ticket_id, 'ticket_id')
  if (ticketId === undefined || ticketId <= 0) throw haloError.exception('A ticket_id must be given for an Action.')
  const ticket = state.tickets.get(ticketId)
  if (!ticket || ticket.deleted === true) throw haloError.notFound(`Ticket ${ticketId}`)
  const id = integerOrUndefined(sent.id, 'id') ?? 0
  const previous = id > 0 ? actionsOf(context, ticketId).find((action) => action.id === id) : undefined
  if (id > 0 && !previous) throw haloError.notFound(`Action ${id} of ticket ${ticketId}`)

  const fields: HaloJson = {}
  for (const [key, value] of Object.entries(sent)) {
    if (computedActionFields.has(key) || key === 'attachments') continue
    fields[key] = storedHaloFieldValue(key, value)
  }
  const outcomeId = integerOrUndefined(sent.outcome_id, 'outcome_id')
  let outcome: HaloJson | undefined
  if (outcomeId !== undefined && outcomeId > 0) {
    outcome = state.outcomes.get(outcomeId)
    if (!outcome) throw haloError.result(`Outcome ${outcomeId} does not exist.`)
  } else if (typeof sent.outcome === 'string' && sent.outcome.trim() !== '') {
    outcome = state.outcomes.all().find((candidate) => String(candidate.outcome).toLowerCase() === String(sent.outcome).trim().toLowerCase())
    if (!outcome) throw haloError.result(`Outcome '${sent.outcome}' does not exist.`)
  } else if (!previous) {
    throw haloError.jsonString('An Outcome must be entered for this Action')
  }

  const authorAgentId = integerOrUndefined(sent.actionby_agent_id, 'actionby_agent_id')
  const authorUserId = integerOrUndefined(sent.actionby_user_id, 'actionby_user_id')
  let author: HaloJson
  if (authorUserId !== undefined && authorUserId > 0) {
    const user = state.users.get(authorUserId)
    if (!user) throw haloError.result(`User ${authorUserId} does not exist.`)
    author = { who: user.name, who_type: 2, who_agentid: 0, actionby_agent_id: 0, actionby_user_id: authorUserId }
  } else {
    const agentId = authorAgentId !== undefined && authorAgentId > 0 ? authorAgentId : context.agentId
    const agent = state.agents.get(agentId)
    if (!agent) throw haloError.result(`Agent ${agentId} does not exist.`)
    author = { who: agent.name, who_type: 1, who_agentid: agentId, actionby_agent_id: agentId, actionby_user_id: 0 }
  }

  const timetaken = fields.timetaken
  if (timetaken !== undefined && (typeof timetaken !== 'number' || !Number.isFinite(timetaken) || timetaken < 0)) {
    throw haloError.exception(`timetaken must be a number of hours of at least 0; got ${JSON.stringify(timetaken)}.`)
  }
  const newStatus = integerOrUndefined(sent.new_status, 'new_status')
  if (newStatus !== undefined && newStatus > 0 && !state.statuses.has(newStatus)) throw haloError.result(`Status ${newStatus} does not exist.`)
  const nowText = formatHaloDate(now)
  const record: HaloJson = previous
    ? { ...previous, ...fields, last_updated: nowText }
    : {
        ticket_id: ticketId,
        note: '',
        note_html: '',
        hiddenfromuser: outcome?.hidefromuser === true,
        timetaken: 0,
        important: false,
        sendemail: false,
        emailto: '',
        emailcc: '',
        emailsubject: '',
        datetime: nowText,
        ...fields,
        ...author,
        actiondatecreated:
          flagIsSet(flags, '_isimport') && typeof sent.actiondatecreated === 'string'
            ? (normaliseHaloDate(sent.actiondatecreated) ?? nowText)
            : nowText,
        last_updated: nowText,
      }
  if (previous && (authorUserId !== undefined || authorAgentId !== undefined)) Object.assign(record, author)
  if (outcome) {
    record.outcome = outcome.outcome
    record.outcome_id = outcome.id
  }
  if (fields.note !== undefined && fields.note_html === undefined) record.note_html = textToHtml(String(fields.note ?? ''))
  if (fields.note_html !== undefined && fields.note === undefined) record.note = htmlToText(String(fields.note_html ?? ''))
  if (typeof record.datetime !== 'string' || parseHaloDate(record.datetime) === undefined) record.datetime = nowText
  const attachments = Array.isArray(sent.attachments) ? (sent.attachments as HaloJson[]) : []
  const statusFromOutcome = typeof outcome?.newstatus === 'number' && outcome.newstatus > 0 ? outcome.newstatus : undefined
  return {
    ticketId,
    record,
    previous,
    flags,
    newStatus: newStatus !== undefined && newStatus > 0 ? newStatus : previous ? undefined : statusFromOutcome,
    attachments,
  }
}

/** Stores a prepared action and applies its effects on the ticket. */
export function commitActionWrite(context: HaloWriteContext, prepared: PreparedActionWrite): HaloJson {
  const { state, now } = context
  const list = actionsOf(context, prepared.ticketId)
  let stored: HaloJson
  if (prepared.previous) {
    stored = prepared.record
    list[list.indexOf(prepared.previous)] = stored
  } else {
    // Action ids are a per-ticket sequence (halo.md §4.2): the next after the highest.
    const nextId = list.reduce((highest, action) => Math.max(highest, action.id as number), 0) + 1
    stored = { id: nextId, ...prepared.record }
    list.push(stored)
  }
  for (const attachment of prepared.attachments) storeAttachment(context, { ...attachment, ticket_id: prepared.ticketId, action_id: stored.id })
  let ticket = state.tickets.get(prepared.ticketId)!
  if (prepared.newStatus !== undefined) ticket = changeTicketStatus(context, ticket, prepared.newStatus)
  const updated: HaloJson = { ...ticket, last_update: formatHaloDate(now) }
  const actionTime = parseHaloDate(stored.datetime) ?? now
  if ((parseHaloDate(ticket.lastactiondate) ?? 0) < actionTime) updated.lastactiondate = stored.datetime
  // The first reply an agent makes where the user can see it stops the response clock.
  if (isHaloEmptyDate(ticket.responsedate) && stored.who_type === 1 && stored.hiddenfromuser !== true && !isSystemAction(context, stored)) {
    updated.responsedate = stored.datetime
  }
  if (updated.responsedate === undefined) updated.responsedate = haloEmptyDate
  state.tickets.replace(updated)
  state.writes.push({
    resource: 'Actions',
    id: stored.id as number,
    ticketId: prepared.ticketId,
    operation: prepared.previous ? 'update' : 'create',
    flags: prepared.flags,
    at: formatHaloDate(now),
  })
  return stored
}

/**
 * An action as a list row: `note_html` with `includehtmlnote`, `attachment_list` with
 * `includeattachments`, which is an `Attachment_View` as the spec's Actions declares it
 * (`{ record_count, attachments }`, halo.md §4.2), not a bare array.
 */
export function renderActionRow(
  context: Pick<HaloWriteContext, 'state'>,
  action: HaloJson,
  options: { html: boolean; attachments: boolean },
): HaloJson {
  const row: HaloJson = Object.fromEntries(actionRowFields.filter((field) => field in action).map((field) => [field, action[field]]))
  if (options.html) row.note_html = action.note_html
  if (options.attachments) row.attachment_list = attachmentsOfAction(context, action)
  return row
}

/** An action as `GET /Actions/{id}` answers: every field, with its attachments. */
export function renderAction(context: Pick<HaloWriteContext, 'state'>, action: HaloJson): HaloJson {
  return { ...action, attachment_list: attachmentsOfAction(context, action) }
}

function attachmentsOfAction(context: Pick<HaloWriteContext, 'state'>, action: HaloJson): HaloJson {
  const attachments = context.state.attachments
    .all()
    .filter((attachment) => attachment.ticket_id === action.ticket_id && attachment.action_id === action.id)
    .map((attachment) => ({ ...attachment }))
  return { ticket_id: action.ticket_id, action_id: action.id, record_count: attachments.length, attachments }
}
