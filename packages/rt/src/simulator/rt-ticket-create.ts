/** RT::Ticket->Create: the checks, the role groups, custom field values, the first message and links. */
import { nobodyUserId } from './rt-database'
import { isInactiveStatus, isInitialStatus, isTransition, isValidStatus } from './rt-lifecycle'
import { storeMessage } from './rt-messages'
import type { MimeNode } from './rt-mime'
import { type RtTicket, type RtTransaction, type RtUser, ticketRoles } from './rt-records'
import { type ScripEnvironment, runScrips } from './rt-scrips'
import { integer, ticketTransaction, toSeconds } from './rt-ticket-actions'
import { addCustomFieldValueRow, customFieldValueProblem } from './rt-ticket-custom-fields'
import { type LinkName, addLink } from './rt-ticket-links'
import { recordTransaction } from './rt-transactions'
import { loadOrCreateWatcher } from './rt-users'

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
  const roleValues: Record<'AdminCc' | 'Cc' | 'Requestor', string[]> = {
    AdminCc: input.adminCc ?? [],
    Cc: input.cc ?? [],
    Requestor: input.requestors ?? [],
  }
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
      addCustomFieldValueRow(database, customField, ticket.id, value, actor)
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
