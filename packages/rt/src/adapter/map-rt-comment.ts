import type { Comment } from '@ticketbridge/core'
import type { RtTransactionRecord } from './port/rt-port-records'
import { mapRtUserReference } from './map-rt-person'

/** A comment (internal) or reply (public) transaction as a comment; its files are named, not read. */
export function mapRtComment(transaction: RtTransactionRecord, ticketId: string): Comment {
  const author = mapRtUserReference(transaction.creator)
  return {
    id: transaction.id,
    vendor: 'rt',
    raw: transaction.raw,
    ticketId,
    body: transaction.body ?? { text: '' },
    visibility: transaction.type === 'Correspond' ? 'public' : 'internal',
    ...(author ? { author } : {}),
    createdAt: transaction.createdAt ?? new Date(0).toISOString(),
    attachments: transaction.files.map((file) => ({ id: file.id, filename: file.filename })),
  }
}
