/**
 * REST 1.0's ticket form (RT's Forms/ticket/default): show a ticket, create one (`ticket/new`),
 * or edit one, with RT 5.0.3's answers, field order and quirks (409 with the known fields still
 * applied, an empty answer when nothing changed).
 */
import type { RtTicket } from '../rt-records'
import { formatRtDateString, formatSqlDate, parseRtDate } from '../rt-dates'
import { buildRest1Message } from '../rt-messages'
import { type ActionResult, canModifyTicket, canSeeTicket } from '../rt-ticket-actions'
import { createTicket } from '../rt-ticket-create'
import { addTicketCustomFieldValue, deleteTicketCustomFieldValue } from '../rt-ticket-custom-fields'
import { isTicketColumn, setTicketColumn, setTicketOwner, setTicketQueue, setTicketStatus } from '../rt-ticket-fields'
import { addTicketWatcher, deleteTicketWatcher } from '../rt-ticket-watchers'
import { rest1Attachments } from './rt-rest1-attachments'
import { type Rest1Context, type Rest1FormCall, type Rest1FormResult, rest1Comment } from './rt-rest1-context'
import { type Rest1Value, rest1CustomFieldName, splitRest1Values } from './rt-rest1-form'

const dateFields = ['Created', 'Starts', 'Started', 'Due', 'Resolved', 'Told', 'LastUpdated'] as const
const peopleFields = ['Requestors', 'Cc', 'AdminCc'] as const
const createFields = [
  'Queue',
  'Requestor',
  'Subject',
  'Cc',
  'AdminCc',
  'Owner',
  'Status',
  'Priority',
  'InitialPriority',
  'FinalPriority',
  'TimeEstimated',
  'TimeWorked',
  'TimeLeft',
  'Starts',
  'Started',
  'Due',
  'Resolved',
  'Content-Type',
  'SLA',
]
const simpleFields = ['Subject', 'Status', 'Priority', 'Disabled', 'TimeEstimated', 'TimeWorked', 'TimeLeft', 'InitialPriority', 'FinalPriority']
const byLowerCase = (names: readonly string[]): Map<string, string> => new Map(names.map((name) => [name.toLowerCase(), name]))
const dateByLowerCase = byLowerCase(dateFields)
const peopleByLowerCase = byLowerCase(peopleFields)
const createByLowerCase = byLowerCase(createFields)
const simpleByLowerCase = byLowerCase(simpleFields)

function scalar(value: Rest1Value): string {
  if (Array.isArray(value)) return value.join(', ')
  return value ?? ''
}

/** A date given to REST 1.0, read in the user's zone, as RT stores it (UTC SQL text); an edit passes on unreadable text for RT's message. */
function utcDateOf(text: string, now: number, timeZone: string): string | undefined {
  const parsed = parseRtDate(text, now, timeZone)
  return parsed ? formatSqlDate(parsed.seconds) : undefined
}

function ticketDate(ticket: RtTicket, field: (typeof dateFields)[number]): number | null {
  switch (field) {
    case 'Created':
      return ticket.created
    case 'Starts':
      return ticket.starts
    case 'Started':
      return ticket.started
    case 'Due':
      return ticket.due
    case 'Resolved':
      return ticket.resolved
    case 'Told':
      return ticket.told
    case 'LastUpdated':
      return ticket.lastUpdated
  }
}

/** The ticket as REST 1.0 shows it (all fields, or only those in `fields`). */
export function showRest1Ticket(context: Rest1Context, ticket: RtTicket, fields: Set<string>): Rest1FormResult {
  const { database } = context
  const all = fields.size === 0
  const pairs: [string, Rest1Value][] = [['id', `ticket/${ticket.id}`]]
  const wanted = (name: string): boolean => all || fields.has(name.toLowerCase())
  const userName = (id: number): string => database.users.get(id)?.name ?? ''
  if (wanted('Queue')) pairs.push(['Queue', database.queues.get(ticket.queueId)?.name ?? ''])
  if (wanted('Owner')) pairs.push(['Owner', userName(ticket.ownerId)])
  if (wanted('Creator')) pairs.push(['Creator', userName(ticket.creatorId)])
  const simple: [string, string | number][] = [
    ['Subject', ticket.subject],
    ['Status', ticket.status],
    ['Priority', ticket.priority],
    ['InitialPriority', ticket.initialPriority],
    ['FinalPriority', ticket.finalPriority],
  ]
  for (const [name, value] of simple) if (wanted(name)) pairs.push([name, String(value)])
  const roleOf = { Requestors: 'Requestor', Cc: 'Cc', AdminCc: 'AdminCc' } as const
  for (const name of peopleFields) {
    if (!wanted(name)) continue
    const members = database.roleMembers(ticket.roleGroups[roleOf[name]])
    pairs.push([name, members.map((user) => user.emailAddress ?? '').filter((address) => address)])
  }
  const zone = database.userTimeZone(context.user)
  for (const name of dateFields) if (wanted(name)) pairs.push([name, formatRtDateString(ticketDate(ticket, name), zone)])
  for (const [name, value] of [
    ['TimeEstimated', ticket.timeEstimated],
    ['TimeWorked', ticket.timeWorked],
    ['TimeLeft', ticket.timeLeft],
  ] as const) {
    if (wanted(name)) pairs.push([name, value ? `${value} minutes` : '0'])
  }
  for (const customField of database.ticketCustomFields()) {
    if (!all && !fields.has(`cf.{${customField.name.toLowerCase()}}`) && !fields.has(`cf-${customField.name.toLowerCase()}`)) continue
    const values = database.customFieldValuesOf('RT::Ticket', ticket.id, customField.id)
    const shown =
      customField.maxValues === 1
        ? values.slice(0, 1).map((value) => value.content)
        : values.map((value) => (value.content.includes(',') ? `'${value.content.replace(/([\\'])/g, '\\$1')}'` : value.content))
    pairs.push([`CF.{${customField.name}}`, shown.join(',')])
  }
  const values = new Map<string, Rest1Value>()
  for (const [key, value] of pairs) values.set(key, value)
  return { comment: '', order: pairs.map(([key]) => key), values, failed: false }
}

/** GET ticket/new: the empty form RT offers as a template. */
function newTicketTemplate(context: Rest1Context): Rest1FormResult {
  const queue = context.database.queues.get(1)
  const pairs: [string, Rest1Value][] = [
    ['id', 'ticket/new'],
    ['Queue', queue?.name ?? ''],
    ['Requestor', context.user.name],
    ['Subject', ''],
    ['Cc', []],
    ['AdminCc', []],
    ['Owner', ''],
    ['Status', 'new'],
    ['Priority', ''],
    ['InitialPriority', ''],
    ['FinalPriority', ''],
    ['TimeEstimated', '0'],
    ['Starts', formatSqlDate(context.database.now())],
    ['Due', null],
    ['Attachment', ''],
    ['Text', ''],
  ]
  const values = new Map<string, Rest1Value>(pairs)
  return { comment: '# Required: id, Queue', order: pairs.map(([key]) => key), values, failed: false }
}

function createFromForm(
  context: Rest1Context,
  call: Rest1FormCall,
  data: Map<string, Rest1Value>,
  comments: string[],
): { ticket?: RtTicket; result?: Rest1FormResult } {
  const { database } = context
  const created: Record<string, Rest1Value> = {}
  const customFields = new Map<number, string[]>()
  let text: string | undefined
  const attachments: string[] = []
  const unknown: string[] = []
  for (const key of [...call.changeOrder]) {
    if (!data.has(key)) continue
    const value = data.get(key)
    const lower = key.toLowerCase()
    const canonical = createByLowerCase.get(lower)
    if (canonical) {
      created[canonical] = value
      data.delete(key)
      continue
    }
    const customFieldName = rest1CustomFieldName(key)
    if (customFieldName !== undefined) {
      data.delete(key)
      const customField = database.findTicketCustomField(customFieldName)
      if (!customField) {
        comments.push(`# Invalid custom field name (${customFieldName})`)
        continue
      }
      const text = scalar(value)
      if (!text) continue
      customFields.set(customField.id, customField.maxValues === 1 ? [text] : splitRest1Values(text, true))
    } else if (lower === 'text') {
      text = scalar(value)
      data.delete(key)
    } else if (lower === 'attachment') {
      attachments.push(...splitRest1Values(value))
      data.delete(key)
    } else if (!/^(?:id|requestors)$/i.test(key)) {
      unknown.push(key)
      comments.push(`# ${key}: Unknown field`)
    }
  }
  if (unknown.length > 0) {
    comments.unshift('# Could not create ticket.')
    return { result: { comment: comments.join('\n'), order: unknown, values: data, failed: true } }
  }
  const files = rest1Attachments(context, attachments)
  let message
  if (text || attachments.length > 0) {
    if (typeof files === 'string') {
      comments.push(`# ${files}`)
      return { result: { comment: comments.join('\n'), order: [], values: new Map(), failed: false } }
    }
    message = buildRest1Message({
      text,
      contentType: scalar(created['Content-Type']) || 'text/plain',
      files,
      subject: scalar(created.Subject),
      from: context.user.emailAddress ?? '',
    })
  }
  const list = (value: Rest1Value): string[] => splitRest1Values(value)
  const optional = (value: Rest1Value): string | undefined => (value === undefined ? undefined : scalar(value))
  const date = (value: Rest1Value): string | undefined => {
    const text = optional(value)
    return text === undefined ? undefined : utcDateOf(text, database.now(), database.userTimeZone(context.user))
  }
  const outcome = createTicket(context, context.user, {
    queue: optional(created.Queue),
    subject: optional(created.Subject),
    status: optional(created.Status),
    priority: optional(created.Priority),
    initialPriority: optional(created.InitialPriority),
    finalPriority: optional(created.FinalPriority),
    owner: optional(created.Owner),
    requestors: list(created.Requestor),
    cc: list(created.Cc),
    adminCc: list(created.AdminCc),
    due: date(created.Due),
    starts: date(created.Starts),
    started: date(created.Started),
    resolved: date(created.Resolved),
    timeEstimated: optional(created.TimeEstimated),
    timeWorked: optional(created.TimeWorked),
    timeLeft: optional(created.TimeLeft),
    customFields,
    ...(message ? { message } : {}),
  })
  if (!outcome.ok) {
    comments.push('# Could not create ticket.', `# ${outcome.message}`)
    return { result: { comment: comments.join('\n'), order: [], values: new Map(), failed: false } }
  }
  for (const key of [...data.keys()]) if (key.toLowerCase() === 'id') data.delete(key)
  comments.push(`# Ticket ${outcome.ticket.id} created.`)
  return { ticket: outcome.ticket }
}

/**
 * Applies an edit form. RT iterates a Perl hash, so its order is random per process; the
 * simulator applies fields in reverse submission order, which is what the recorded run did
 * (`Priority, Status, CF.{Severity}` recorded the custom field, then status, then priority).
 */
function editFromForm(
  context: Rest1Context,
  ticket: RtTicket,
  call: Rest1FormCall,
  data: Map<string, Rest1Value>,
  comments: string[],
): Rest1FormResult {
  const { database } = context
  let order: string[] = []
  let values = new Map<string, Rest1Value>()
  let failed = false
  let updated = false
  const keys = [...call.changeOrder].filter((key) => data.has(key)).reverse()
  for (const originalKey of keys) {
    const value = data.get(originalKey)
    let key = originalKey.toLowerCase()
    let result: ActionResult | undefined = { ok: true, message: '' }
    let skipped = false
    if (Array.isArray(value) && !/^(?:requestors|cc|admincc)$/.test(key)) {
      result = { ok: false, message: `${key} may have only one value.` }
    } else if (key === 'queue') {
      const text = scalar(value)
      if (text === database.queues.get(ticket.queueId)?.name) skipped = true
      else result = setTicketQueue(context, context.user, ticket, text)
    } else if (key === 'owner') {
      const text = scalar(value)
      if (text === database.users.get(ticket.ownerId)?.name) skipped = true
      else result = setTicketOwner(context, context.user, ticket, text)
    } else if (simpleByLowerCase.has(key)) {
      key = simpleByLowerCase.get(key) as string
      const text = scalar(value)
      const current =
        key === 'Status'
          ? ticket.status
          : key === 'Subject'
            ? ticket.subject
            : key === 'Disabled'
              ? '0'
              : String(ticket[(key.charAt(0).toLowerCase() + key.slice(1)) as keyof RtTicket] ?? '')
      if (text === current || (/^\d+$/.test(current) && /^\d+$/.test(text) && Number(text) === Number(current))) skipped = true
      else if (key === 'Status') result = setTicketStatus(context, context.user, ticket, text)
      else if (key === 'Disabled') result = { ok: false, message: 'Immutable field' }
      else if (isTicketColumn(key)) result = setTicketColumn(context, context.user, ticket, key, text)
    } else if (dateByLowerCase.has(key)) {
      key = dateByLowerCase.get(key) as string
      const field = key as (typeof dateFields)[number]
      const text = scalar(value)
      const zone = database.userTimeZone(context.user)
      if (field === 'LastUpdated' || /^not set$/i.test(text) || text === formatRtDateString(ticketDate(ticket, field), zone)) skipped = true
      else if (field === 'Created') result = { ok: false, message: 'Immutable field' }
      else if (isTicketColumn(field)) result = setTicketColumn(context, context.user, ticket, field, utcDateOf(text, database.now(), zone) ?? text)
    } else if (peopleByLowerCase.has(key)) {
      key = peopleByLowerCase.get(key) as string
      const role = key === 'Requestors' ? 'Requestor' : (key as 'Cc' | 'AdminCc')
      const wanted = new Set(splitRest1Values(value))
      const current = database.roleMembers(ticket.roleGroups[role]).map((user) => user.emailAddress ?? String(user.id))
      const failures: string[] = []
      for (const address of current) {
        if (!wanted.has(address)) {
          const outcome = deleteTicketWatcher(context, context.user, ticket, role, address)
          if (!outcome.ok) failures.push(outcome.message)
        }
      }
      for (const address of wanted) {
        const user = database.findUser(address)
        if (user && database.roleMembers(ticket.roleGroups[role]).some((member) => member.id === user.id)) continue
        const outcome = addTicketWatcher(context, context.user, ticket, role, address)
        if (!outcome.ok) failures.push(outcome.message)
      }
      result = failures.length > 0 ? { ok: false, message: failures.join('\n# ') } : { ok: true, message: '' }
    } else if (rest1CustomFieldName(key) !== undefined) {
      key = rest1CustomFieldName(key) as string
      const customField = database.findTicketCustomField(key)
      if (!customField) result = { ok: false, message: 'Unknown custom field.' }
      else {
        const current = database.customFieldValuesOf('RT::Ticket', ticket.id, customField.id)
        const text = scalar(value)
        if (!text.trim()) {
          for (const row of current) result = deleteTicketCustomFieldValue(context, context.user, ticket, customField, row.content)
        } else if (customField.maxValues === 1) {
          result = addTicketCustomFieldValue(context, context.user, ticket, customField, text)
        } else {
          const wanted = splitRest1Values(text, true)
          for (const row of current)
            if (!wanted.includes(row.content)) deleteTicketCustomFieldValue(context, context.user, ticket, customField, row.content)
          for (const item of wanted) {
            if (!item.trim() || database.customFieldValuesOf('RT::Ticket', ticket.id, customField.id).some((row) => row.content === item)) continue
            result = addTicketCustomFieldValue(context, context.user, ticket, customField, item)
          }
        }
        // RT's AddCustomFieldValue refuses an unchanged value; the REST 1.0 form counts it as done.
        if (result && !result.ok && result.message === 'That is already the current value') result = { ok: true, message: '' }
      }
    } else if (key === 'sla') {
      skipped = true
    } else if (!['id', 'type', 'creator', 'content-type'].includes(key)) {
      result = { ok: false, message: 'Unknown field.' }
    } else {
      skipped = true
    }
    if (skipped) continue
    if (result && !result.ok) {
      failed = true
      comments.push(`# ${key}: ${result.message}`)
      if (order.length === 0) {
        order = ['id', ...call.changeOrder.filter((name) => name !== 'id')]
        values = call.changes ?? new Map()
      }
    } else {
      updated = true
    }
  }
  if (updated) comments.push(`# Ticket ${ticket.id} updated.`)
  return { comment: comments.join('\n'), order, values, failed }
}

/** Forms/ticket/default: show, create or edit. */
export function rest1TicketForm(context: Rest1Context, call: Rest1FormCall): Rest1FormResult {
  const { database } = context
  const data = new Map(call.changes ?? [])
  const comments: string[] = []
  let ticket: RtTicket | undefined
  if (call.id !== 'new') {
    ticket = database.tickets.get(Number(call.id))
    if (!ticket) return rest1Comment(`# Ticket ${call.id} does not exist.`)
    if (data.size > 0) {
      const keys = [...data.keys()].map((key) => key.toLowerCase())
      const deleting = scalar(data.get([...data.keys()].find((key) => key.toLowerCase() === 'status') ?? '')).toLowerCase() === 'deleted'
      if (deleting && keys.every((key) => key === 'id' || key === 'status')) {
        if (!database.hasRight(context.user.id, 'DeleteTicket')) return rest1Comment(`# You are not allowed to delete ticket ${call.id}.`)
      } else if (!canModifyTicket(database, context.user)) {
        return rest1Comment(`# You are not allowed to modify ticket ${call.id}.`)
      }
    } else if (!canSeeTicket(database, context.user)) {
      return rest1Comment(`# You are not allowed to display ticket ${call.id}.`)
    }
  } else {
    if (data.size === 0) return newTicketTemplate(context)
    const outcome = createFromForm(context, call, data, comments)
    if (outcome.result) return outcome.result
    ticket = outcome.ticket as RtTicket
    if (data.size === 0) return { comment: comments.join('\n'), order: [], values: new Map(), failed: false }
  }
  if (data.size === 0) return showRest1Ticket(context, ticket, call.fields)
  return editFromForm(context, ticket, call, data, comments)
}
