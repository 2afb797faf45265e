/**
 * REST2 writes to tickets: create (`POST /ticket`), update (`PUT /ticket/<id>`), and comment /
 * correspond (`POST /ticket/<id>/comment|correspond`), with RT 5.0.3's validation, message lists
 * and quirks: unknown fields ignored, invalid values reported as 200 messages, core fields set in
 * alphabetical order before custom fields, roles and links.
 */
import type { RtCustomField, RtTicket, RtUser } from '../rt-records'
import { formatSqlDate, parseRtDate } from '../rt-dates'
import { type MessageFile, buildRest2Message } from '../rt-messages'
import type { FormDataPart } from '../rt-mime'
import type { ActionResult } from '../rt-ticket-actions'
import { createTicket } from '../rt-ticket-create'
import { addTicketCustomFieldValue, deleteTicketCustomFieldValue } from '../rt-ticket-custom-fields'
import { columnText, isTicketColumn, setTicketColumn, setTicketOwner, setTicketQueue, setTicketStatus } from '../rt-ticket-fields'
import { type LinkName, addLink, deleteLink, linkNames } from '../rt-ticket-links'
import { recordNote } from '../rt-ticket-notes'
import { addTicketWatcher, deleteTicketWatcher } from '../rt-ticket-watchers'
import { loadOrCreateWatcher } from '../rt-users'
import type { Rest2Context } from './rt-rest2-context'

/** A JSON body, after RT's deserialize_record. */
export type Rest2Data = Record<string, unknown>

/** An outcome with the HTTP status RT answers and the message(s). */
export type Rest2WriteResult = { status: number; messages: string[]; ticket?: RtTicket; transactionId?: number }

const roleFields = new Set(['Requestor', 'Cc', 'AdminCc', 'Owner'])

function looksLikeReference(value: unknown): value is { id: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    'type' in value &&
    'id' in value &&
    '_url' in value &&
    !!(value as { id: unknown }).id
  )
}

/** RT::REST2::Util::deserialize_record: references become ids, role values lists, other structures are dropped. */
export function deserializeRecord(data: Rest2Data): Rest2Data {
  const skip =
    /CustomFields|CustomRoles|Attachments|Child|Children|DependedOnBy|DependsOn|HasMember|Member|MemberOf|Members|MergedInto|Parent|Parents|ReferredToBy|RefersTo/
  for (const field of Object.keys(data).sort()) {
    if (skip.test(field)) continue
    const value = data[field]
    if (value === null || typeof value !== 'object') continue
    if (looksLikeReference(value)) data[field] = value.id
    else if (roleFields.has(field) || /^RT::CustomRole-\d+$/.test(field)) {
      data[field] = (Array.isArray(value) ? value : [value]).map((member) => (looksLikeReference(member) ? member.id : member))
    } else delete data[field]
  }
  return data
}

function text(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return String(value)
}

function list(value: unknown): string[] {
  if (value === undefined || value === null) return []
  return (Array.isArray(value) ? value : [value])
    .map(text)
    .flatMap((item) => item.split(/\s*,\s*/))
    .filter((item) => item !== '')
}

/** The `Attachments` array of a JSON body, checked as RT checks it. */
function jsonAttachments(value: unknown, prefix: 'Field' | ''): MessageFile[] | string {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) return 'Attachments must be an array'
  const files: MessageFile[] = []
  for (const item of value) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return 'Each element of Attachments must be a hash'
    const record = item as Record<string, unknown>
    for (const field of ['FileName', 'FileType', 'FileContent']) {
      if (!record[field])
        return prefix
          ? `Field ${field} is required for each attachment in Attachments`
          : `${field} is a required field for each attachment in Attachments`
    }
    files.push({ filename: text(record.FileName), contentType: text(record.FileType), content: Buffer.from(text(record.FileContent), 'base64') })
  }
  return files
}

/** Uploaded `Attachments` parts of a multipart body, as RT's process_uploads reads them. */
export function uploadedFiles(parts: FormDataPart[]): Rest2Data[] {
  return parts
    .filter((part) => part.name === 'Attachments' && part.filename !== undefined)
    .map((part) => ({ FileName: part.filename, FileType: part.contentType ?? 'application/octet-stream', FileContent: part.body.toString('base64') }))
}

function customFieldValues(context: Rest2Context, data: unknown): [RtCustomField, unknown][] {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return []
  const result: [RtCustomField, unknown][] = []
  for (const [identifier, value] of Object.entries(data as Record<string, unknown>)) {
    const customField = context.database.findTicketCustomField(identifier)
    if (customField) result.push([customField, value])
  }
  return result
}

function dateInput(context: Rest2Context, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  const parsed = parseRtDate(text(value), context.database.now())
  return parsed ? formatSqlDate(parsed.seconds) : undefined
}

/** POST /ticket. */
export function createRest2Ticket(context: Rest2Context, data: Rest2Data): Rest2WriteResult {
  const { database } = context
  if (!data.Queue) return { status: 400, messages: ['Could not create ticket. Queue not set'] }
  const queue = database.findQueue(text(data.Queue))
  if (!queue || queue.disabled === 1 || !database.hasRight(context.user.id, 'CreateTicket')) {
    return { status: 403, messages: [`No permission to create tickets in the queue '${text(data.Queue)}'`] }
  }
  let message
  if (data.Content !== undefined || data.Attachments !== undefined) {
    const files = jsonAttachments(data.Attachments, 'Field')
    if (typeof files === 'string') return { status: 400, messages: [files] }
    message = buildRest2Message(database, {
      text: data.Content === undefined ? undefined : text(data.Content),
      contentType: text(data.ContentType) || 'text/plain',
      subject: data.Subject === undefined ? undefined : text(data.Subject),
      files,
    })
  }
  const customFields = new Map<number, string[]>()
  for (const [customField, value] of customFieldValues(context, data.CustomFields)) {
    customFields.set(customField.id, (Array.isArray(value) ? value : [value]).filter((item) => item !== null && item !== undefined).map(text))
  }
  const links: Partial<Record<LinkName, string[]>> = {}
  for (const name of Object.keys(linkNames) as LinkName[]) if (data[name] !== undefined) links[name] = list(data[name])
  const optional = (value: unknown): string | undefined => (value === undefined || value === null ? undefined : text(value))
  const outcome = createTicket(context, context.user, {
    queue: queue.id,
    subject: optional(data.Subject),
    status: optional(data.Status),
    priority: optional(data.Priority),
    initialPriority: optional(data.InitialPriority),
    finalPriority: optional(data.FinalPriority),
    owner: optional(Array.isArray(data.Owner) ? data.Owner[0] : data.Owner),
    requestors: list(data.Requestor ?? data.Requestors),
    cc: list(data.Cc),
    adminCc: list(data.AdminCc),
    due: dateInput(context, data.Due),
    // Dropped as immutable from deb12u7 on; kept by earlier builds.
    ...(database.keepsCreatedOnCreate ? { created: dateInput(context, data.Created) } : {}),
    starts: dateInput(context, data.Starts),
    started: dateInput(context, data.Started),
    resolved: dateInput(context, data.Resolved),
    timeEstimated: optional(data.TimeEstimated),
    timeWorked: optional(data.TimeWorked),
    timeLeft: optional(data.TimeLeft),
    customFields,
    links,
    ...(message ? { message } : {}),
  })
  if (!outcome.ok) return { status: 400, messages: [outcome.message] }
  return { status: 201, messages: [], ticket: outcome.ticket }
}

/** RT::REST2::Util::update_custom_fields for a ticket. */
function updateCustomFields(context: Rest2Context, ticket: RtTicket, data: unknown): string[] {
  const { database } = context
  const messages: string[] = []
  for (const [customField, value] of customFieldValues(context, data)) {
    const current = database.customFieldValuesOf('RT::Ticket', ticket.id, customField.id)
    if (customField.maxValues === 1) {
      const old = current[0]
      if ((value === null || value === undefined) && old) {
        messages.push(deleteTicketCustomFieldValue(context, context.user, ticket, customField, old.content).message)
        continue
      }
      if (value === null || value === undefined) continue
      const single = Array.isArray(value) ? value[0] : value
      const result = addTicketCustomFieldValue(context, context.user, ticket, customField, text(single))
      if (result.message !== 'That is already the current value') messages.push(result.message)
      continue
    }
    const wanted = (Array.isArray(value) ? value : value === null || value === undefined ? [] : [value]).map(text)
    const counts = new Map<string, number>()
    for (const item of wanted) counts.set(item, (counts.get(item) ?? 0) + 1)
    for (const row of current) counts.set(row.content, (counts.get(row.content) ?? 0) - 1)
    const keys = [...new Set([...wanted, ...[...counts.keys()].sort()])]
    for (const key of keys) {
      let count = counts.get(key) ?? 0
      while (count > 0) {
        messages.push(addTicketCustomFieldValue(context, context.user, ticket, customField, key).message)
        count -= 1
      }
      while (count < 0) {
        messages.push(deleteTicketCustomFieldValue(context, context.user, ticket, customField, key).message)
        count += 1
      }
    }
  }
  return messages
}

/** RT::REST2::Util::update_role_members for a ticket (Owner is left to Update). */
function updateRoleMembers(context: Rest2Context, ticket: RtTicket, data: Rest2Data): string[] {
  const { database } = context
  const messages: string[] = []
  for (const role of ['AdminCc', 'Cc', 'Requestor'] as const) {
    if (!(role in data)) continue
    const ids: number[] = []
    const counts = new Map<number, number>()
    for (const value of list(data[role])) {
      const user = /^\d+$/.test(value) ? database.users.get(Number(value)) : loadOrCreateWatcher(database, value)
      if (!user || typeof user === 'string') {
        messages.push(typeof user === 'string' ? user : `Couldn't load principal ${value}`)
        continue
      }
      ids.push(user.id)
      counts.set(user.id, (counts.get(user.id) ?? 0) + 1)
    }
    for (const member of database.roleMembers(ticket.roleGroups[role])) counts.set(member.id, (counts.get(member.id) ?? 0) - 1)
    const keys = [...new Set([...ids, ...[...counts.keys()].sort((left, right) => String(left).localeCompare(String(right)))])]
    for (const id of keys) {
      const count = counts.get(id) ?? 0
      if (count > 0) messages.push(addTicketWatcher(context, context.user, ticket, role, id).message)
      else if (count < 0) messages.push(deleteTicketWatcher(context, context.user, ticket, role, id).message)
    }
  }
  return messages
}

/** The link names RT::REST2 walks, in its (sorted) order; MergedInto is left out. */
const restLinkNames: LinkName[] = [
  'Child',
  'Children',
  'DependedOnBy',
  'DependsOn',
  'HasMember',
  'Member',
  'MemberOf',
  'Members',
  'Parent',
  'Parents',
  'ReferredToBy',
  'RefersTo',
]

function currentLinkValues(context: Rest2Context, ticket: RtTicket, name: LinkName): string[] {
  const { database } = context
  const { type, mode } = linkNames[name]
  const uri = database.ticketUri(ticket.id)
  const values: string[] = []
  for (const link of database.links.values()) {
    if (link.type !== type) continue
    if (mode === 'Target' && link.base === uri) values.push(link.localTarget ? String(link.localTarget) : link.target)
    if (mode === 'Base' && link.target === uri) values.push(link.localBase ? String(link.localBase) : link.base)
  }
  return values
}

/** RT::REST2 _update_links: `RefersTo: [...]` sets the list; `AddRefersTo` / `DeleteRefersTo` change it. */
function updateLinks(context: Rest2Context, ticket: RtTicket, data: Rest2Data): string[] {
  const messages: string[] = []
  for (const name of restLinkNames) {
    if (data[name]) {
      const current = new Set(currentLinkValues(context, ticket, name))
      for (const value of Array.isArray(data[name]) ? (data[name] as unknown[]).map(text) : [text(data[name])]) {
        if (current.has(value)) current.delete(value)
        else messages.push(addLink(context, context.user, ticket, name, value).message)
      }
      for (const value of [...current].sort()) messages.push(deleteLink(context, context.user, ticket, name, value).message)
      continue
    }
    for (const action of ['Add', 'Delete'] as const) {
      const values = data[`${action}${name}`]
      if (!values) continue
      for (const value of Array.isArray(values) ? values.map(text) : [text(values)]) {
        const result = action === 'Add' ? addLink(context, context.user, ticket, name, value) : deleteLink(context, context.user, ticket, name, value)
        messages.push(result.message)
      }
    }
  }
  return messages
}

/** The ticket columns RT's Update walks (WritableAttributes, sorted). */
const writableAttributes = [
  'Due',
  'FinalPriority',
  'InitialPriority',
  'Owner',
  'Priority',
  'Queue',
  'Resolved',
  'Started',
  'Starts',
  'Status',
  'Subject',
  'TimeEstimated',
  'TimeLeft',
  'TimeWorked',
  'Told',
  'Type',
]

/** RT::Record->Update: each changed attribute set in order, each message prefixed `Ticket <id>: `. */
function updateAttributes(context: Rest2Context, ticket: RtTicket, data: Rest2Data): string[] {
  const { database } = context
  const messages: string[] = []
  const changes: [string, string][] = []
  for (const attribute of writableAttributes) {
    const raw = data[attribute]
    if (raw === undefined || raw === null) continue
    const value = text(raw).replace(/\r\n/g, '\n')
    if (attribute === 'Queue') {
      const queue = database.queues.get(ticket.queueId)
      if (queue && (queue.name === value || String(queue.id) === value)) continue
    } else if (attribute === 'Owner') {
      const owner = database.users.get(ticket.ownerId)
      if (owner && (owner.name === value || String(owner.id) === value)) continue
    } else if (attribute === 'Status') {
      if (ticket.status === value) continue
    } else if (isTicketColumn(attribute)) {
      const current = columnText(ticket, attribute)
      if (current === value || (/Priority|^Time/.test(attribute) && /^\d+$/.test(value) && Number(value) === Number(current))) continue
    }
    changes.push([attribute, value])
  }
  for (const [attribute, value] of changes) {
    let result: ActionResult
    if (attribute === 'Status') result = setTicketStatus(context, context.user, ticket, value)
    else if (attribute === 'Owner') result = setTicketOwner(context, context.user, ticket, value)
    else if (attribute === 'Queue') result = setTicketQueue(context, context.user, ticket, value)
    else if (isTicketColumn(attribute)) result = setTicketColumn(context, context.user, ticket, attribute, value)
    else continue
    messages.push(`Ticket ${ticket.id}: ${result.message}`)
  }
  return messages
}

/** PUT /ticket/<id>: the messages RT returns (an empty list when nothing changed). */
export function updateRest2Ticket(context: Rest2Context, ticket: RtTicket, data: Rest2Data): string[] {
  return [
    ...updateAttributes(context, ticket, data),
    ...updateCustomFields(context, ticket, data.CustomFields),
    ...updateRoleMembers(context, ticket, data),
    ...updateLinks(context, ticket, data),
  ]
}

/** POST /ticket/<id>/comment|correspond with a JSON (or multipart) body. */
export function addRest2Message(
  context: Rest2Context,
  ticket: RtTicket | undefined,
  kind: 'Comment' | 'Correspond',
  body: Rest2Data,
  rawBody?: { content: string; contentType: string },
): Rest2WriteResult {
  const files = jsonAttachments(body.Attachments, '')
  if (typeof files === 'string') return { status: 400, messages: [files] }
  const noContent = !body.Content && !rawBody
  if (!noContent && !rawBody && !body.ContentType) return { status: 400, messages: ['ContentType is a required field for application/json'] }
  if (!ticket) return { status: 400, messages: ['Message could not be recorded'] }
  const message = buildRest2Message(context.database, {
    text: rawBody ? rawBody.content : noContent ? undefined : text(body.Content),
    contentType: rawBody ? rawBody.contentType : text(body.ContentType) || 'text/plain',
    subject: body.Subject === undefined || body.Subject === null ? undefined : text(body.Subject),
    files,
  })
  const outcome = recordNote(context, context.user as RtUser, ticket, kind, message, { timeTaken: Number(body.TimeTaken) || 0 })
  if (!outcome.ok) return { status: 400, messages: [outcome.message] }
  const messages = [outcome.message, ...updateCustomFields(context, ticket, body.CustomFields), ...updateRoleMembers(context, ticket, body)]
  if (body.Status) messages.push(setTicketStatus(context, context.user, ticket, text(body.Status)).message)
  return { status: 201, messages, ticket, transactionId: outcome.transaction.id }
}
