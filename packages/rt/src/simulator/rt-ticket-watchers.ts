/** A ticket's watchers (Requestor, Cc, AdminCc): RT::Ticket->AddWatcher and ->DeleteWatcher. */
import type { RtTicket, RtUser, TicketRole } from './rt-records'
import { type ScripEnvironment, runScrips } from './rt-scrips'
import { type ActionResult, canModifyTicket, failure, ticketTransaction } from './rt-ticket-actions'
import { loadOrCreateWatcher } from './rt-users'

/** RT::Ticket->AddWatcher: the member, an `AddWatcher` transaction, RT's message. */
export function addTicketWatcher(
  environment: ScripEnvironment,
  actor: RtUser,
  ticket: RtTicket,
  role: Exclude<TicketRole, 'Owner'>,
  value: string | number,
): ActionResult {
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
export function deleteTicketWatcher(
  environment: ScripEnvironment,
  actor: RtUser,
  ticket: RtTicket,
  role: Exclude<TicketRole, 'Owner'>,
  value: string | number,
): ActionResult {
  const { database } = environment
  if (!canModifyTicket(database, actor)) return failure('Permission Denied')
  const user = database.findUser(value)
  const group = database.groups.get(ticket.roleGroups[role])
  if (!user || !group?.memberIds.includes(user.id)) return failure(`That principal is not a ${role} for this ticket`)
  group.memberIds = group.memberIds.filter((id) => id !== user.id)
  const transaction = ticketTransaction(environment, ticket, actor, { type: 'DelWatcher', field: role, oldValue: String(user.id) })
  runScrips(environment, ticket, transaction)
  return { ok: true, message: `${user.name} is no longer ${role} for this ticket` }
}
