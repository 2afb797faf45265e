/**
 * What RT::Ticket does when a client changes a ticket: the checks, the messages (REST2 returns
 * them verbatim, REST 1.0 turns failures into `# field: message` comments), the transactions
 * each change records, and the scrips that follow. Both REST front ends call these.
 */
import {
  type RtCustomField,
  type RtDatabase,
  type RtTicket,
  type RtTransaction,
  type RtUser,
  type TicketRole,
  nobodyUserId,
  ticketRoles,
} from './rt-database'
import { formatSqlDate, parseRtDate } from './rt-dates'
import { isInactiveStatus, isInitialStatus, isTransition, isValidStatus } from './rt-lifecycle'
import { storeMessage, messageSubjectHeader } from './rt-messages'
import type { MimeNode } from './rt-mime'
import { type NoteRecipients, type ScripEnvironment, runScrips } from './rt-scrips'
import { briefDescription, recordTransaction } from './rt-transactions'
import { loadOrCreateWatcher } from './rt-users'

/** The outcome of one change: RT's (status, message) pair. */
export interface ActionResult {
  ok: boolean
  message: string
}

const failure = (message: string): ActionResult => ({ ok: false, message })

/** Seconds from RT date input (ISO or anything RT's parser takes); undefined when unparsable. */
function toSeconds(environment: ScripEnvironment, value: string | number | undefined | null): number | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value === 'number') return value
  return parseRtDate(value, environment.database.now())?.seconds
}

function touch(environment: ScripEnvironment, ticket: RtTicket, actor: RtUser): void {
  ticket.lastUpdated = environment.database.now()
  ticket.lastUpdatedById = actor.id
}

function ticketTransaction(environment: ScripEnvironment, ticket: RtTicket, actor: RtUser, fields: Partial<RtTransaction> & Pick<RtTransaction, 'type'>): RtTransaction {
  const transaction = recordTransaction(environment.database, { objectType: 'RT::Ticket', objectId: ticket.id, creatorId: actor.id, ...fields })
  touch(environment, ticket, actor)
  return transaction
}

/** Whether a user may change tickets (RT's ModifyTicket): in the seed, only superusers. */
export function canModifyTicket(database: RtDatabase, user: RtUser): boolean {
  return database.hasRight(user.id, 'ModifyTicket')
}

/** Whether a user may see a ticket (RT's ShowTicket). */
export function canSeeTicket(database: RtDatabase, user: RtUser): boolean {
  return database.hasRight(user.id, 'ShowTicket')
}

/** What a new ticket is made of (RT::Ticket->Create's arguments). */
export interface CreateTicketInput {
  queue: string | number | undefined
  subject?: string
  status?: string
  priority?: string | number
  initialPriority?: string | number
  finalPriority?: string | number
  owner?: string | number
  requestors?: string[]
  cc?: string[]
  adminCc?: string[]
  due?: string | number
  /** An import's creation time; the time of the request when absent. */
  created?: string | number
  starts?: string | number
  started?: string | number
  resolved?: string | number
  timeEstimated?: string | number
  timeWorked?: string | number
  timeLeft?: string | number
  /** Custom field values by custom field id. */
  customFields?: Map<number, string[]>
  /** The first message (content and attachments). */
  message?: MimeNode
  /** Links to make once the ticket exists: link name (`DependsOn`, `RefersTo`...) to targets. */
  links?: Partial<Record<LinkName, string[]>>
}

export type CreateTicketResult = { ok: true; ticket: RtTicket; transaction: RtTransaction; messages: string[] } | { ok: false; message: string }

function integer(value: string | number | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback
  const number = Number(value)
  return Number.isFinite(number) ? Math.trunc(number) : 0
}

/** RT::Ticket->Create. */
export function createTicket(environment: ScripEnvironment, actor: RtUser, input: CreateTicketInput): CreateTicketResult {
  const { database } = environment
  const queue = input.queue === undefined || input.queue === '' ? undefined : database.findQueue(input.queue)
  if (!queue) return { ok: false, message: 'Could not create ticket. Queue not set' }
  if (!database.hasRight(actor.id, 'CreateTicket') || queue.disabled === 1) {
    return { ok: false, message: `No permission to create tickets in the queue '${queue.name}'` }
  }
  const status = (input.status === undefined || input.status === '' ? 'new' : String(input.status)).toLowerCase()
  if (!isValidStatus(status)) return { ok: false, message: `Status '${status}' isn't a valid status for tickets in this queue.` }
  if (!isTransition('', status)) return { ok: false, message: `New tickets can not have status '${status}' in this queue.` }
  const now = database.now()
  const messages: string[] = []
  // Watchers are resolved (and unknown addresses created as users) before the ticket exists.
  const roleValues: Record<'AdminCc' | 'Cc' | 'Requestor', string[]> = { AdminCc: input.adminCc ?? [], Cc: input.cc ?? [], Requestor: input.requestors ?? [] }
  const members: Record<'AdminCc' | 'Cc' | 'Requestor', RtUser[]> = { AdminCc: [], Cc: [], Requestor: [] }
  for (const role of ['AdminCc', 'Cc', 'Requestor'] as const) {
    for (const value of roleValues[role]) {
      if (!value.trim()) continue
      const user = loadOrCreateWatcher(database, value)
      if (typeof user === 'string') messages.push(user)
      else if (!members[role].some((member) => member.id === user.id)) members[role].push(user)
    }
  }
  let owner: RtUser | undefined
  if (input.owner !== undefined && input.owner !== '') {
    owner = database.findUser(input.owner)
    if (!owner) messages.push(`Owner could not be set.`)
    else if (owner.id !== nobodyUserId && !database.hasRight(owner.id, 'OwnTicket')) {
      messages.push(`Owner '${owner.name}' does not have rights to own this ticket.`)
      owner = undefined
    }
  }
  const initialPriority = integer(input.initialPriority, 0)
  const ticket: RtTicket = {
    id: database.nextId('ticket'),
    effectiveId: 0,
    queueId: queue.id,
    type: 'ticket',
    subject: (input.subject ?? '').replace(/\n/g, ''),
    status,
    priority: integer(input.priority, initialPriority),
    initialPriority,
    finalPriority: integer(input.finalPriority, 0),
    ownerId: owner?.id ?? nobodyUserId,
    creatorId: actor.id,
    lastUpdatedById: actor.id,
    created: toSeconds(environment, input.created) ?? now,
    lastUpdated: now,
    starts: toSeconds(environment, input.starts) ?? 0,
    started: toSeconds(environment, input.started) ?? (isInitialStatus(status) ? 0 : now),
    due: toSeconds(environment, input.due) ?? 0,
    resolved: toSeconds(environment, input.resolved) ?? (isInactiveStatus(status) ? now : 0),
    told: null,
    timeEstimated: integer(input.timeEstimated, 0),
    timeWorked: integer(input.timeWorked, 0),
    timeLeft: integer(input.timeLeft, 0),
    roleGroups: { AdminCc: 0, Cc: 0, Owner: 0, Requestor: 0 },
  }
  ticket.effectiveId = ticket.id
  database.tickets.set(ticket.id, ticket)
  for (const role of ticketRoles) {
    const groupId = database.nextId('principal')
    ticket.roleGroups[role] = groupId
    const memberIds = role === 'Owner' ? [ticket.ownerId] : members[role].map((user) => user.id)
    database.groups.set(groupId, { id: groupId, name: role, domain: 'RT::Ticket-Role', instance: ticket.id, memberIds, created: now })
    recordTransaction(database, { objectType: 'RT::Group', objectId: groupId, type: 'Create', creatorId: actor.id })
  }
  for (const [customFieldId, values] of input.customFields ?? []) {
    const customField = database.customFields.get(customFieldId)
    if (!customField) continue
    for (const value of values) {
      if (value === '') continue
      const problem = customFieldValueProblem(customField, value)
      if (problem) {
        messages.push(problem)
        continue
      }
      if (customField.maxValues === 1) for (const old of database.customFieldValuesOf('RT::Ticket', ticket.id, customField.id)) old.disabled = true
      addValueRow(database, customField, ticket.id, value, actor)
    }
  }
  const transaction = ticketTransaction(environment, ticket, actor, { type: 'Create', timeTaken: ticket.timeWorked })
  if (input.message) storeMessage(database, transaction.id, input.message, actor.id)
  runScrips(environment, ticket, transaction)
  for (const [name, targets] of Object.entries(input.links ?? {}) as [LinkName, string[]][]) {
    for (const target of targets) {
      const result = addLink(environment, actor, ticket, name, target)
      if (!result.ok) messages.push(result.message)
    }
  }
  return { ok: true, ticket, transaction, messages }
}

/** Ticket columns a client may set directly, and how RT validates them. */
const numericColumns = new Set(['Priority', 'InitialPriority', 'FinalPriority', 'TimeEstimated', 'TimeWorked', 'TimeLeft'])
const dateColumns = new Set(['Due', 'Starts', 'Started', 'Resolved', 'Told'])

type TicketColumn = 'Subject' | 'Priority' | 'InitialPriority' | 'FinalPriority' | 'TimeEstimated' | 'TimeWorked' | 'TimeLeft' | 'Due' | 'Starts' | 'Started' | 'Resolved' | 'Told' | 'Type'

const columnKeys: Record<TicketColumn, keyof RtTicket> = {
  Subject: 'subject',
  Priority: 'priority',
  InitialPriority: 'initialPriority',
  FinalPriority: 'finalPriority',
  TimeEstimated: 'timeEstimated',
  TimeWorked: 'timeWorked',
  TimeLeft: 'timeLeft',
  Due: 'due',
  Starts: 'starts',
  Started: 'started',
  Resolved: 'resolved',
  Told: 'told',
  Type: 'type',
}

/** Whether a name is a ticket column {@link setTicketColumn} sets. */
export function isTicketColumn(name: string): name is TicketColumn {
  return Object.hasOwn(columnKeys, name)
}

/** The value of a column as RT stores it in a transaction (dates as SQL text). */
export function columnText(ticket: RtTicket, column: TicketColumn): string {
  const value = ticket[columnKeys[column]]
  if (dateColumns.has(column)) return formatSqlDate(typeof value === 'number' ? value : 0)
  return String(value ?? '')
}

/** RT::Ticket->_Set for a plain column: the change, a `Set` transaction, its description. */
export function setTicketColumn(environment: ScripEnvironment, actor: RtUser, ticket: RtTicket, column: TicketColumn, value: string): ActionResult {
  if (!canModifyTicket(environment.database, actor)) return failure('Permission Denied')
  const key = columnKeys[column]
  const oldText = columnText(ticket, column)
  let newValue: string | number
  if (numericColumns.has(column)) newValue = integer(value, 0)
  else if (dateColumns.has(column)) {
    const seconds = toSeconds(environment, value)
    if (seconds === undefined) return failure(`Illegal value for ${column}`)
    newValue = seconds
  } else newValue = column === 'Subject' ? value.replace(/\n/g, '') : value
  ;(ticket as unknown as Record<string, unknown>)[key] = newValue
  const newText = columnText(ticket, column)
  if (newText === oldText) return failure('That is already the current value')
  const transaction = ticketTransaction(environment, ticket, actor, { type: 'Set', field: column, oldValue: oldText, newValue: newText })
  runScrips(environment, ticket, transaction)
  return { ok: true, message: briefDescription(environment.database, transaction) }
}

function unresolvedDependencies(database: RtDatabase, ticket: RtTicket): boolean {
  for (const link of database.links.values()) {
    if (link.type !== 'DependsOn' || link.localBase !== ticket.id) continue
    const target = database.tickets.get(link.localTarget)
    if (target && !isInactiveStatus(target.status)) return true
  }
  return false
}

/** RT::Ticket->SetStatus: lifecycle checks, Started/Resolved bookkeeping, a `Status` transaction. */
export function setTicketStatus(environment: ScripEnvironment, actor: RtUser, ticket: RtTicket, value: string): ActionResult {
  const { database } = environment
  const status = value.toLowerCase()
  if (!isValidStatus(status)) return failure(`Status '${value}' isn't a valid status for this ticket.`)
  if (status === ticket.status) return failure('That is already the current value')
  if (!isTransition(ticket.status, status)) return failure(`You can't change status from '${ticket.status}' to '${status}'.`)
  if (!database.hasRight(actor.id, status === 'deleted' ? 'DeleteTicket' : 'ModifyTicket')) return failure('Permission Denied')
  if (isInactiveStatus(status) && !isInactiveStatus(ticket.status) && unresolvedDependencies(database, ticket)) {
    return failure('That ticket has unresolved dependencies')
  }
  const old = ticket.status
  const now = database.now()
  if (isInitialStatus(old) && !isInitialStatus(status) && ticket.started <= 0) ticket.started = now
  if (isInactiveStatus(status)) ticket.resolved = now
  ticket.status = status
  const transaction = ticketTransaction(environment, ticket, actor, { type: 'Status', field: 'Status', oldValue: old, newValue: status })
  runScrips(environment, ticket, transaction)
  return { ok: true, message: briefDescription(database, transaction) }
}

/** RT::Ticket->SetOwner: a `Set` Owner transaction and a `SetWatcher` one, as RT 5 records. */
export function setTicketOwner(environment: ScripEnvironment, actor: RtUser, ticket: RtTicket, value: string | number): ActionResult {
  const { database } = environment
  const owner = database.findUser(value)
  if (!owner) return failure('That user does not exist')
  if (!canModifyTicket(database, actor)) return failure('Permission Denied')
  if (owner.id === ticket.ownerId) return failure('That user already owns that ticket')
  if (owner.id !== nobodyUserId && !database.hasRight(owner.id, 'OwnTicket')) return failure('That user may not own tickets in that queue')
  const old = database.users.get(ticket.ownerId)
  const group = database.groups.get(ticket.roleGroups.Owner)
  if (group) group.memberIds = [owner.id]
  ticket.ownerId = owner.id
  const fields = { field: 'Owner', oldValue: String(old?.id ?? nobodyUserId), newValue: String(owner.id) }
  const transaction = ticketTransaction(environment, ticket, actor, { type: 'Set', ...fields })
  ticketTransaction(environment, ticket, actor, { type: 'SetWatcher', ...fields })
  runScrips(environment, ticket, transaction)
  return { ok: true, message: `Owner changed from ${old?.name ?? 'Nobody'} to ${owner.name}` }
}

/** RT::Ticket->SetQueue. */
export function setTicketQueue(environment: ScripEnvironment, actor: RtUser, ticket: RtTicket, value: string | number): ActionResult {
  const { database } = environment
  const queue = database.findQueue(value)
  if (!queue) return failure(`Queue ${value} does not exist`)
  if (queue.disabled) return failure(`Queue ${queue.name} is disabled`)
  if (queue.id === ticket.queueId) return failure(`Queue is already set to ${queue.name}`)
  if (!canModifyTicket(database, actor) || !database.hasRight(actor.id, 'CreateTicket')) return failure('Permission Denied')
  const old = ticket.queueId
  ticket.queueId = queue.id
  const transaction = ticketTransaction(environment, ticket, actor, { type: 'Set', field: 'Queue', oldValue: String(old), newValue: String(queue.id) })
  runScrips(environment, ticket, transaction)
  return { ok: true, message: briefDescription(database, transaction) }
}

/** RT::Ticket->AddWatcher: the member, an `AddWatcher` transaction, RT's message. */
export function addTicketWatcher(environment: ScripEnvironment, actor: RtUser, ticket: RtTicket, role: Exclude<TicketRole, 'Owner'>, value: string | number): ActionResult {
  const { database } = environment
  if (!canModifyTicket(database, actor)) return failure('Permission Denied')
  const user = typeof value === 'number' ? database.users.get(value) : loadOrCreateWatcher(database, value)
  if (!user) return failure(`Couldn't load or create user: ${String(value)}`)
  if (typeof user === 'string') return failure(user)
  const group = database.groups.get(ticket.roleGroups[role])
  if (!group) return failure('Could not find group')
  if (group.memberIds.includes(user.id)) return failure(`That principal is already a ${role} for this ticket`)
  group.memberIds.push(user.id)
  const transaction = ticketTransaction(environment, ticket, actor, { type: 'AddWatcher', field: role, newValue: String(user.id) })
  runScrips(environment, ticket, transaction)
  return { ok: true, message: `Added ${user.name} as ${role} for this ticket` }
}

/** RT::Ticket->DeleteWatcher. */
export function deleteTicketWatcher(environment: ScripEnvironment, actor: RtUser, ticket: RtTicket, role: Exclude<TicketRole, 'Owner'>, value: string | number): ActionResult {
  const { database } = environment
  if (!canModifyTicket(database, actor)) return failure('Permission Denied')
  const user = database.findUser(value)
  const group = database.groups.get(ticket.roleGroups[role])
  if (!user || !group || !group.memberIds.includes(user.id)) return failure(`That principal is not a ${role} for this ticket`)
  group.memberIds = group.memberIds.filter((id) => id !== user.id)
  const transaction = ticketTransaction(environment, ticket, actor, { type: 'DelWatcher', field: role, oldValue: String(user.id) })
  runScrips(environment, ticket, transaction)
  return { ok: true, message: `${user.name} is no longer ${role} for this ticket` }
}

/** Why RT refuses a custom field value, or undefined when it takes it. */
export function customFieldValueProblem(customField: RtCustomField, value: string): string | undefined {
  if (customField.type === 'Select' && !customField.values.includes(value)) return 'Invalid value for custom field'
  if (customField.pattern && !new RegExp(customField.pattern).test(value)) return `Input must match ${customField.pattern}`
  return undefined
}

function addValueRow(database: RtDatabase, customField: RtCustomField, ticketId: number, value: string, actor: RtUser) {
  const row = {
    id: database.nextId('customFieldValue'),
    customFieldId: customField.id,
    objectType: 'RT::Ticket' as const,
    objectId: ticketId,
    content: value,
    disabled: false,
    created: database.now(),
    creatorId: actor.id,
  }
  database.customFieldValues.set(row.id, row)
  return row
}

/**
 * RT::Record->AddCustomFieldValue: for a single-value field the old value is replaced in one
 * `CustomField` transaction ("Severity low changed to high"), otherwise the value is added.
 */
export function addTicketCustomFieldValue(environment: ScripEnvironment, actor: RtUser, ticket: RtTicket, customField: RtCustomField, value: string): ActionResult {
  const { database } = environment
  if (!canModifyTicket(database, actor)) return failure('Permission Denied')
  const problem = customFieldValueProblem(customField, value)
  if (problem) return failure(problem)
  const current = database.customFieldValuesOf('RT::Ticket', ticket.id, customField.id)
  let old: (typeof current)[number] | undefined
  if (customField.maxValues === 1) {
    old = current[0]
    if (old && old.content === value) return failure('That is already the current value')
    for (const row of current) row.disabled = true
  } else if (customField.maxValues > 1 && current.length >= customField.maxValues) {
    return failure(`Custom field ${customField.name} can only hold ${customField.maxValues} values`)
  }
  const row = addValueRow(database, customField, ticket.id, value, actor)
  const transaction = ticketTransaction(environment, ticket, actor, {
    type: 'CustomField',
    field: String(customField.id),
    oldValue: old?.content ?? null,
    newValue: value,
    referenceType: 'RT::ObjectCustomFieldValue',
    oldReference: old?.id ?? null,
    newReference: row.id,
  })
  runScrips(environment, ticket, transaction)
  return { ok: true, message: briefDescription(database, transaction) }
}

/** RT::Record->DeleteCustomFieldValue. */
export function deleteTicketCustomFieldValue(environment: ScripEnvironment, actor: RtUser, ticket: RtTicket, customField: RtCustomField, value: string): ActionResult {
  const { database } = environment
  if (!canModifyTicket(database, actor)) return failure('Permission Denied')
  const row = database.customFieldValuesOf('RT::Ticket', ticket.id, customField.id).find((candidate) => candidate.content === value)
  if (!row) return failure(`Could not find a value ${value} for custom field ${customField.name}`)
  row.disabled = true
  const transaction = ticketTransaction(environment, ticket, actor, {
    type: 'CustomField',
    field: String(customField.id),
    oldValue: row.content,
    newValue: '',
    referenceType: 'RT::ObjectCustomFieldValue',
    oldReference: row.id,
  })
  runScrips(environment, ticket, transaction)
  return { ok: true, message: `${row.content} is no longer a value for custom field ${customField.name}` }
}

/** Link names clients use, with RT's stored type and which end the ticket is (RT::Link %TYPEMAP). */
export const linkNames = {
  MemberOf: { type: 'MemberOf', mode: 'Target' },
  Parent: { type: 'MemberOf', mode: 'Target' },
  Parents: { type: 'MemberOf', mode: 'Target' },
  Members: { type: 'MemberOf', mode: 'Base' },
  Member: { type: 'MemberOf', mode: 'Base' },
  Child: { type: 'MemberOf', mode: 'Base' },
  Children: { type: 'MemberOf', mode: 'Base' },
  HasMember: { type: 'MemberOf', mode: 'Base' },
  RefersTo: { type: 'RefersTo', mode: 'Target' },
  ReferredToBy: { type: 'RefersTo', mode: 'Base' },
  DependsOn: { type: 'DependsOn', mode: 'Target' },
  DependedOnBy: { type: 'DependsOn', mode: 'Base' },
} as const
export type LinkName = keyof typeof linkNames

const linkVerbs: Record<string, string> = { MemberOf: 'member of', RefersTo: 'refers to', DependsOn: 'depends on' }
/** How RT records a link on each end: the base's field and the target's field. */
const linkFields: Record<string, [base: string, target: string]> = {
  MemberOf: ['MemberOf', 'HasMember'],
  RefersTo: ['RefersTo', 'ReferredToBy'],
  DependsOn: ['DependsOn', 'DependedOnBy'],
}

function resolveLinkEnd(database: RtDatabase, value: string): { uri: string; ticket: RtTicket | undefined } | undefined {
  const ticketId = database.ticketIdFromUri(value.trim())
  if (ticketId !== undefined) {
    const ticket = database.tickets.get(ticketId)
    return ticket ? { uri: database.ticketUri(ticket.id), ticket } : undefined
  }
  return /^[a-z][a-z0-9+.-]*:/i.test(value.trim()) ? { uri: value.trim(), ticket: undefined } : undefined
}

function linkLabel(end: { uri: string; ticket: RtTicket | undefined }): string {
  return end.ticket ? `Ticket ${end.ticket.id}` : end.uri
}

/** RT::Ticket->AddLink: the link row and an `AddLink` transaction on each local end. */
export function addLink(environment: ScripEnvironment, actor: RtUser, ticket: RtTicket, name: LinkName, value: string): ActionResult {
  const { database } = environment
  if (!canModifyTicket(database, actor)) return failure('Permission Denied')
  const other = resolveLinkEnd(database, value)
  if (!other) return failure(`Couldn't resolve '${value}' into a URI.`)
  if (other.ticket?.id === ticket.id) return failure("Can't link a ticket to itself")
  const { type, mode } = linkNames[name]
  const self = { uri: database.ticketUri(ticket.id), ticket }
  const [base, target] = mode === 'Target' ? [self, other] : [other, self]
  for (const link of database.links.values()) {
    if (link.type === type && link.base === base.uri && link.target === target.uri) return failure('Link already exists')
  }
  const linkId = database.nextId('link')
  database.links.set(linkId, {
    id: linkId,
    type,
    base: base.uri,
    target: target.uri,
    localBase: base.ticket?.id ?? 0,
    localTarget: target.ticket?.id ?? 0,
    creatorId: actor.id,
    created: database.now(),
  })
  const [baseField, targetField] = linkFields[type] as [string, string]
  if (base.ticket) ticketTransaction(environment, base.ticket, actor, { type: 'AddLink', field: baseField, newValue: target.uri })
  if (target.ticket) ticketTransaction(environment, target.ticket, actor, { type: 'AddLink', field: targetField, newValue: base.uri })
  return { ok: true, message: `${linkLabel(base)} ${linkVerbs[type] ?? type} ${linkLabel(target)}.` }
}

/** RT::Ticket->DeleteLink. */
export function deleteLink(environment: ScripEnvironment, actor: RtUser, ticket: RtTicket, name: LinkName, value: string): ActionResult {
  const { database } = environment
  if (!canModifyTicket(database, actor)) return failure('Permission Denied')
  const other = resolveLinkEnd(database, value) ?? { uri: value, ticket: undefined }
  const { type, mode } = linkNames[name]
  const self = { uri: database.ticketUri(ticket.id), ticket }
  const [base, target] = mode === 'Target' ? [self, other] : [other, self]
  const link = [...database.links.values()].find((candidate) => candidate.type === type && candidate.base === base.uri && candidate.target === target.uri)
  if (!link) return failure("Couldn't find that link")
  database.links.delete(link.id)
  const [baseField, targetField] = linkFields[type] as [string, string]
  if (base.ticket) ticketTransaction(environment, base.ticket, actor, { type: 'DeleteLink', field: baseField, oldValue: target.uri })
  if (target.ticket) ticketTransaction(environment, target.ticket, actor, { type: 'DeleteLink', field: targetField, oldValue: base.uri })
  return { ok: true, message: `${linkLabel(base)} no longer ${linkVerbs[type] ?? type} ${linkLabel(target)}.` }
}

/** The result of a comment or reply: RT's message and the transaction it recorded. */
export type NoteResult = { ok: true; message: string; transaction: RtTransaction } | { ok: false; message: string }

/**
 * RT::Ticket->Comment / ->Correspond (_RecordNote): the transaction with the message as its
 * attachments, the scrips' mail, time worked, and for replies `Told` and reopening.
 */
export function recordNote(
  environment: ScripEnvironment,
  actor: RtUser,
  ticket: RtTicket,
  kind: 'Comment' | 'Correspond',
  message: MimeNode | undefined,
  options: { timeTaken?: number; recipients?: NoteRecipients } = {},
): NoteResult {
  const { database } = environment
  const right = kind === 'Comment' ? 'CommentOnTicket' : 'ReplyToTicket'
  if (!database.hasRight(actor.id, right) && !canModifyTicket(database, actor)) return { ok: false, message: 'Permission Denied' }
  if (!message) return { ok: false, message: 'No message attached' }
  const timeTaken = options.timeTaken ?? 0
  const transaction = ticketTransaction(environment, ticket, actor, {
    type: kind,
    data: messageSubjectHeader(message) ?? 'No Subject',
    timeTaken,
  })
  if (timeTaken) ticket.timeWorked += timeTaken
  storeMessage(database, transaction.id, message, actor.id)
  runScrips(environment, ticket, transaction, options.recipients)
  if (kind === 'Correspond') {
    const requestors = database.roleMembers(ticket.roleGroups.Requestor)
    if (!requestors.some((user) => user.id === actor.id) && requestors.some((user) => user.emailAddress)) ticket.told = database.now()
    if (isInactiveStatus(ticket.status)) setTicketStatus(environment, actor, ticket, 'open')
  }
  return { ok: true, message: kind === 'Comment' ? 'Comments added' : 'Correspondence added', transaction }
}
