/** Comments and replies on a ticket: RT::Ticket->Comment and ->Correspond. */
import { isActiveStatus } from './rt-lifecycle'
import { messageSubjectHeader, storeMessage } from './rt-messages'
import type { MimeNode } from './rt-mime'
import type { RtTicket, RtTransaction, RtUser } from './rt-records'
import { type NoteRecipients, type ScripEnvironment, runScrips } from './rt-scrips'
import { canModifyTicket, ticketTransaction } from './rt-ticket-actions'
import { setTicketStatus } from './rt-ticket-fields'

/** The result of a comment or reply: RT's message and the transaction it recorded. */
export type NoteResult = { ok: true; message: string; transaction: RtTransaction } | { ok: false; message: string }

/**
 * RT::Ticket->Comment / ->Correspond (_RecordNote): the transaction with the message as its
 * attachments, the scrips' mail, time worked, and for replies `Told` and opening the ticket.
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
    // On Correspond Open Inactive Tickets (RT::Action::AutoOpenInactive): any status but an active one, `new` too.
    if (!isActiveStatus(ticket.status)) setTicketStatus(environment, actor, ticket, 'open')
  }
  return { ok: true, message: kind === 'Comment' ? 'Comments added' : 'Correspondence added', transaction }
}
