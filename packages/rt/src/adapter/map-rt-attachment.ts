import type { Attachment } from '@ticketbridge/core'
import { type RtFileRecord, rtMessageTypes } from './port/rt-port-records'

/** Outgoing mail RT recorded (`EmailRecord`, `CommentEmailRecord`): copies of what was sent, not new files. */
export function isRtRecordedMail(transactionType: string | undefined): boolean {
  return /EmailRecord$/.test(transactionType ?? '')
}

/** A file as an attachment; one that came with a comment or reply names it as `commentId`. */
export function mapRtAttachment(file: RtFileRecord, ticketId: string): Attachment {
  const onComment = file.transactionType !== undefined && rtMessageTypes.has(file.transactionType) && file.transactionId !== undefined
  return {
    id: file.id,
    vendor: 'rt',
    raw: file.raw,
    ticketId,
    ...(onComment ? { commentId: file.transactionId } : {}),
    filename: file.filename,
    contentType: file.contentType,
    size: file.size,
    ...(file.createdAt ? { createdAt: file.createdAt } : {}),
  }
}
