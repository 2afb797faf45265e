import type { Comment } from '@ticketbridge/core'
import type { AutotaskTicketNote } from '../client/autotask-tickets'
import type { AutotaskPublishLevels } from './autotask-lookups'
import { toTimestamp } from './autotask-timestamp'

const epoch = '1970-01-01T00:00:00.000Z'

/**
 * A ticket note as a comment. Autotask notes are plain text with a title: the body is the note's
 * description (the title is in `raw`). The visibility comes from the publish level; the author
 * is the resource that wrote it, or the contact for notes posted through the client portal.
 * Attachments of notes are listed by `attachments.list`, with their `commentId`.
 */
export function mapAutotaskComment(raw: AutotaskTicketNote, publish: AutotaskPublishLevels): Comment {
  const createdAt = toTimestamp(raw.createDateTime) ?? toTimestamp(raw.lastActivityDate) ?? epoch
  const authorId =
    typeof raw.creatorResourceID === 'number'
      ? String(raw.creatorResourceID)
      : typeof raw.createdByContactID === 'number'
        ? String(raw.createdByContactID)
        : undefined
  const text = typeof raw.description === 'string' && raw.description !== '' ? raw.description : typeof raw.title === 'string' ? raw.title : ''
  return {
    id: String(raw.id),
    vendor: 'autotask',
    raw,
    ticketId: String(raw.ticketID ?? ''),
    body: { text },
    visibility: publish.visibilityOf(typeof raw.publish === 'number' ? raw.publish : undefined),
    ...(authorId !== undefined ? { author: { id: authorId } } : {}),
    createdAt,
    attachments: [],
  }
}
