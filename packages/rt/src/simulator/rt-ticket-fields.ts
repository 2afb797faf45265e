/** Changes to a ticket's own fields: plain columns, status, owner and queue, each with its transaction. */
import { type RtDatabase, nobodyUserId } from './rt-database'
import { formatSqlDate } from './rt-dates'
import { isInactiveStatus, isInitialStatus, isTransition, isValidStatus } from './rt-lifecycle'
import type { RtTicket, RtUser } from './rt-records'
import { type ScripEnvironment, runScrips } from './rt-scrips'
import { type ActionResult, canModifyTicket, failure, integer, ticketTransaction, toSeconds } from './rt-ticket-actions'
import { briefDescription } from './rt-transactions'

/** Ticket columns a client may set directly, and how RT validates them. */
const numericColumns = new Set(['Priority', 'InitialPriority', 'FinalPriority', 'TimeEstimated', 'TimeWorked', 'TimeLeft'])
const dateColumns = new Set(['Due', 'Starts', 'Started', 'Resolved', 'Told'])

type TicketColumn =
  | 'Subject'
  | 'Priority'
  | 'InitialPriority'
  | 'FinalPriority'
  | 'TimeEstimated'
  | 'TimeWorked'
  | 'TimeLeft'
  | 'Due'
  | 'Starts'
  | 'Started'
  | 'Resolved'
  | 'Told'
  | 'Type'

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
  // RT words date changes in the actor's zone ("Due changed from Wed Jul 01 08:00:00 2026 to …").
  return { ok: true, message: briefDescription(environment.database, transaction, environment.database.userTimeZone(actor)) }
}

function unresolvedDependencies(database: RtDatabase, ticket: RtTicket): boolean {
  for (const link of database.links.values()) {
    if (link.type !== 'DependsOn' || link.localBase !== ticket.id) continue
    const target = database.tickets.get(link.localTarget)
    if (target && !isInactiveStatus(target.status)) return true
  }
  return false
}

/**
 * RT::Ticket->SetStatus: lifecycle checks (ValidateStatusChange, which echoes the status as
 * given), Started/Resolved bookkeeping, a `Status` transaction. The current status is no
 * transition: RT refuses it, where an update would have left it out as unchanged.
 */
export function setTicketStatus(environment: ScripEnvironment, actor: RtUser, ticket: RtTicket, value: string): ActionResult {
  const { database } = environment
  const status = value.toLowerCase()
  if (!isValidStatus(status)) return failure(`Status '${value}' isn't a valid status for this ticket.`)
  if (!isTransition(ticket.status, status)) return failure(`You can't change status from '${ticket.status}' to '${value}'.`)
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
  const transaction = ticketTransaction(environment, ticket, actor, {
    type: 'Set',
    field: 'Queue',
    oldValue: String(old),
    newValue: String(queue.id),
  })
  runScrips(environment, ticket, transaction)
  return { ok: true, message: briefDescription(database, transaction) }
}
