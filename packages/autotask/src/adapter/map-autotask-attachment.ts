import type { Attachment } from '@ticketbridge/core'
import type { AutotaskTicketAttachment, AutotaskTicketNoteAttachment } from '../client/autotask-attachments'
import { toTimestamp } from './autotask-timestamp'

/** A ticket or note attachment's metadata as an attachment; the bytes come from `download`. */
export function mapAutotaskAttachment(raw: AutotaskTicketAttachment | AutotaskTicketNoteAttachment, ticketId: string): Attachment {
  const createdAt = toTimestamp(raw.attachDate)
  const noteId = typeof raw.ticketNoteID === 'number' ? String(raw.ticketNoteID) : undefined
  const { data: _data, ...metadata } = raw as typeof raw & { data?: unknown }
  return {
    id: String(raw.id),
    vendor: 'autotask',
    raw: metadata,
    ticketId: typeof raw.ticketID === 'number' ? String(raw.ticketID) : ticketId,
    ...(noteId !== undefined ? { commentId: noteId } : {}),
    filename:
      typeof raw.fullPath === 'string' && raw.fullPath !== '' ? raw.fullPath : typeof raw.title === 'string' ? raw.title : `attachment-${raw.id}`,
    contentType: typeof raw.contentType === 'string' && raw.contentType !== '' ? raw.contentType : 'application/octet-stream',
    size: typeof raw.fileSize === 'number' && raw.fileSize >= 0 ? Math.round(raw.fileSize) : 0,
    ...(createdAt !== undefined ? { createdAt } : {}),
  }
}
