import { type Attachment, contentTypeOfFileName } from '@ticketbridge/core'
import type { HaloAttachment } from '../client/resources/halo-attachments'
import { fromHaloDate } from './halo-dates'

/** A Halo attachment in the common model; `known` fills what Halo's answer leaves out after an upload. */
export function mapHaloAttachment(
  row: HaloAttachment,
  ticketId: string,
  known: { filename?: string; contentType?: string; size?: number } = {},
): Attachment {
  const filename = row.filename ?? known.filename ?? `attachment-${row.id}`
  const actionId = row.action_id
  const createdAt = fromHaloDate(row.datecreated)
  return {
    id: String(row.id),
    vendor: 'halo',
    raw: row,
    ticketId: row.ticket_id ? String(row.ticket_id) : row.faultid ? String(row.faultid) : ticketId,
    ...(typeof actionId === 'number' && actionId > 0 ? { commentId: String(actionId) } : {}),
    filename,
    contentType:
      (typeof row.content_type === 'string' && row.content_type !== '' ? row.content_type : undefined) ??
      known.contentType ??
      contentTypeOfFileName(filename),
    size: typeof row.filesize === 'number' && row.filesize >= 0 ? Math.round(row.filesize) : (known.size ?? 0),
    ...(createdAt !== undefined ? { createdAt } : {}),
  }
}
