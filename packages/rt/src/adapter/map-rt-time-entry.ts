import type { TimeEntry } from '@ticketbridge/core'
import { mapRtUserReference } from './map-rt-person'
import { rtMessageTypes, type RtTransactionRecord } from './port/rt-port-records'

/**
 * A transaction's time worked (`TimeTaken`) as a time entry. Time on a comment or reply is that
 * comment (comments.list gives it the same id) and its text the note; on a Create or Set, none.
 */
export function mapRtTimeEntry(transaction: RtTransactionRecord, ticketId: string): TimeEntry {
  const person = mapRtUserReference(transaction.creator)
  const onComment = rtMessageTypes.has(transaction.type)
  const note = onComment ? transaction.body?.text : undefined
  return {
    id: transaction.id,
    vendor: 'rt',
    raw: transaction.raw,
    ticketId,
    ...(onComment ? { commentId: transaction.id } : {}),
    minutes: transaction.timeTaken,
    ...(note ? { note } : {}),
    ...(person ? { person } : {}),
  }
}
