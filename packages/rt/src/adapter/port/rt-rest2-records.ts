import type { Rest2CollectionItem, Rest2Reference, Rest2Ticket, Rest2Transaction, Rest2User } from '../../client/rest2/rt-rest2-types'
import type { RtFileRecord, RtTicketRecord, RtTransactionRecord, RtUserRecord, RtUserReference } from './rt-port-records'
import { rtTimestamp } from './rt-rest2-timestamps'

/**
 * REST2's answers as the port's records. Users are asked with their numeric id
 * (`fields[Owner]=id,Name,…`); references without it keep RT's name as the id.
 */

/** The user fields asked of every user reference (`fields[Owner]=…`), so references carry the numeric id. */
export const rest2UserFields = ['id', 'Name', 'EmailAddress', 'RealName'] as const

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

/** An expanded user reference; `undefined` for references to other kinds of record. */
function rest2UserReference(reference: Rest2Reference | undefined): RtUserReference | undefined {
  if (reference?.type !== 'user') return undefined
  const realName = text(reference.RealName)
  const emailAddress = text(reference.EmailAddress)
  return {
    id: String(reference.id),
    name: typeof reference.Name === 'string' ? reference.Name : String(reference.id),
    ...(realName ? { realName } : {}),
    ...(emailAddress ? { emailAddress } : {}),
  }
}

export function rest2UserRecord(user: Rest2User, privileged: boolean | undefined): RtUserRecord {
  const realName = text(user.RealName)
  const emailAddress = text(user.EmailAddress)
  return {
    id: String(user.id),
    name: user.Name || String(user.id),
    ...(realName ? { realName } : {}),
    ...(emailAddress ? { emailAddress } : {}),
    ...(privileged !== undefined ? { privileged } : {}),
    raw: user,
  }
}

/** A ticket from a search item (the port's fields) or a full record, with queue and people expanded. */
export function rest2TicketRecord(ticket: Rest2Ticket): RtTicketRecord {
  const queue = ticket.Queue
  const owner = rest2UserReference(ticket.Owner)
  const created = rtTimestamp(ticket.Created)
  const lastUpdated = rtTimestamp(ticket.LastUpdated)
  const due = rtTimestamp(ticket.Due)
  const resolved = rtTimestamp(ticket.Resolved)
  return {
    id: String(ticket.id),
    subject: String(ticket.Subject ?? ''),
    status: String(ticket.Status ?? ''),
    ...(ticket.Priority !== undefined ? { priority: ticket.Priority } : {}),
    ...(queue
      ? {
          queue: {
            id: String(queue.id),
            ...(typeof queue.Name === 'string' ? { name: queue.Name } : {}),
            ...(typeof queue.Lifecycle === 'string' ? { lifecycle: queue.Lifecycle } : {}),
          },
        }
      : {}),
    ...(owner ? { owner } : {}),
    requestors: (ticket.Requestor ?? []).map((reference) => rest2UserReference(reference)).filter((reference) => reference !== undefined),
    customFields: (ticket.CustomFields ?? []).map((field) => ({
      name: field.name,
      values: field.values.filter((value): value is string => typeof value === 'string'),
    })),
    ...(created ? { created } : {}),
    ...(lastUpdated ? { lastUpdated } : {}),
    ...(due ? { due } : {}),
    ...(resolved ? { resolved } : {}),
    raw: ticket,
  }
}

/** A named attachment part of a collection (`fields=Filename,ContentType,ContentLength,TransactionId,Created`). */
export function rest2FileRecord(item: Rest2CollectionItem, transactionType: string | undefined): RtFileRecord {
  const createdAt = rtTimestamp(item.Created)
  const transactionId = String((item.TransactionId as Rest2Reference | string | undefined) ?? '')
  return {
    id: String(item.id),
    filename: String(item.Filename),
    contentType: String(item.ContentType ?? 'application/octet-stream'),
    size: Number(item.ContentLength ?? 0) || 0,
    transactionId,
    ...(transactionType !== undefined ? { transactionType } : {}),
    ...(createdAt ? { createdAt } : {}),
    raw: item,
  }
}

/** A transaction (`fields=Type,Created,Creator,TimeTaken`, Creator expanded), with its body and files where read. */
export function rest2TransactionRecord(
  transaction: Rest2CollectionItem | Rest2Transaction,
  parts?: { body: RtTransactionRecord['body']; files: RtFileRecord[] },
): RtTransactionRecord {
  const creator = rest2UserReference(transaction.Creator as Rest2Reference | undefined)
  const createdAt = rtTimestamp(transaction.Created)
  return {
    id: String(transaction.id),
    type: String(transaction.Type ?? ''),
    ...(creator ? { creator } : {}),
    ...(createdAt ? { createdAt } : {}),
    timeTaken: Number(transaction.TimeTaken ?? 0),
    ...(parts?.body ? { body: parts.body } : {}),
    files: parts?.files ?? [],
    raw: transaction,
  }
}
