/**
 * What every RT::Ticket change shares: RT's (status, message) result, the rights it checks, and
 * the transaction it records. The changes themselves (rt-ticket-create.ts, rt-ticket-fields.ts,
 * rt-ticket-watchers.ts, rt-ticket-custom-fields.ts, rt-ticket-links.ts, rt-ticket-notes.ts)
 * return the messages REST2 shows verbatim and REST 1.0 turns into `# field: message` comments.
 */
import type { RtDatabase } from './rt-database'
import { parseRtDate } from './rt-dates'
import type { RtTicket, RtTransaction, RtUser } from './rt-records'
import type { ScripEnvironment } from './rt-scrips'
import { recordTransaction } from './rt-transactions'

/** The outcome of one change: RT's (status, message) pair. */
export interface ActionResult {
  ok: boolean
  message: string
}

/** A refused change and RT's message for it. */
export const failure = (message: string): ActionResult => ({ ok: false, message })

/** Seconds from RT date input (ISO or anything RT's parser takes); undefined when unparsable. */
export function toSeconds(environment: ScripEnvironment, value: string | number | undefined | null): number | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value === 'number') return value
  return parseRtDate(value, environment.database.now())?.seconds
}

/** An integer column's value as RT stores it: the fallback when absent, 0 when not a number. */
export function integer(value: string | number | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback
  const number = Number(value)
  return Number.isFinite(number) ? Math.trunc(number) : 0
}

function touch(environment: ScripEnvironment, ticket: RtTicket, actor: RtUser): void {
  ticket.lastUpdated = environment.database.now()
  ticket.lastUpdatedById = actor.id
}

/** Records a transaction on a ticket and marks the ticket updated by the actor. */
export function ticketTransaction(
  environment: ScripEnvironment,
  ticket: RtTicket,
  actor: RtUser,
  fields: Partial<RtTransaction> & Pick<RtTransaction, 'type'>,
): RtTransaction {
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
