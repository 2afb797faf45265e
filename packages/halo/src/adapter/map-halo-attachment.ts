import type { Attachment } from '@ticketbridge/core'
import type { HaloAttachment } from '../client/resources/halo-attachments'
import { fromHaloDate } from './halo-dates'

const contentTypesByExtension: Record<string, string> = {
  txt: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
  html: 'text/html',
  htm: 'text/html',
  json: 'application/json',
  xml: 'application/xml',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  zip: 'application/zip',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  eml: 'message/rfc822',
  msg: 'application/vnd.ms-outlook',
}

/** A media type for a file name, for attachments Halo lists without one. */
function guessContentType(filename: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase()
  return (extension !== undefined ? contentTypesByExtension[extension] : undefined) ?? 'application/octet-stream'
}

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
      guessContentType(filename),
    size: typeof row.filesize === 'number' && row.filesize >= 0 ? Math.round(row.filesize) : (known.size ?? 0),
    ...(createdAt !== undefined ? { createdAt } : {}),
  }
}
