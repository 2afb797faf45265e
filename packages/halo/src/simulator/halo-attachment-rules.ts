import { contentTypeOfFileName } from '@ticketbridge/core'
import { formatHaloDate } from './halo-date-format'
import { haloError } from './halo-responses'
import type { HaloJson } from './halo-table'
import type { HaloWriteContext } from './halo-write-context'
import { splitWriteFlags } from './halo-write-flags'

/** Decodes base64 strictly: anything else is a 400, never silently garbled bytes. */
function decodeBase64(text: string): Uint8Array {
  const compact = text.replace(/\s+/g, '').replace(/^data:[^;]*;base64,/, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw haloError.exception("The attachment's data is not valid base64.")
  }
  return new Uint8Array(Buffer.from(compact, 'base64'))
}

/**
 * Stores one attachment (halo.md §4.3): `ticket_id` must name a ticket, `action_id` (optional)
 * one of its actions; the bytes come as base64 in `data` (the spec's `format: byte`) or
 * `data_base64`, or as raw bytes from a multipart upload. Returns the saved record (metadata only).
 */
export function storeAttachment(context: HaloWriteContext, input: HaloJson, bytes?: Uint8Array): HaloJson {
  const { state, now } = context
  const { fields, flags } = splitWriteFlags(input)
  const ticketId = typeof fields.ticket_id === 'number' ? fields.ticket_id : Number(fields.ticket_id)
  if (!Number.isInteger(ticketId) || ticketId <= 0) throw haloError.exception('A ticket_id must be given for an attachment.')
  const ticket = state.tickets.get(ticketId)
  if (!ticket || ticket.deleted === true) throw haloError.notFound(`Ticket ${ticketId}`)
  const actionId = fields.action_id === undefined || fields.action_id === null ? 0 : Number(fields.action_id)
  if (actionId > 0 && !(state.actions.get(ticketId) ?? []).some((action) => action.id === actionId)) {
    throw haloError.notFound(`Action ${actionId} of ticket ${ticketId}`)
  }
  const filename = typeof fields.filename === 'string' ? fields.filename.trim() : ''
  if (!filename) throw haloError.exception('An attachment needs a filename.')
  let data = bytes
  if (!data) {
    const encoded = typeof fields.data === 'string' ? fields.data : typeof fields.data_base64 === 'string' ? fields.data_base64 : undefined
    if (encoded === undefined) throw haloError.exception("An attachment needs its bytes as base64 in 'data'.")
    data = decodeBase64(encoded)
  }
  const contentType = typeof fields.content_type === 'string' && fields.content_type ? fields.content_type : contentTypeOfFileName(filename)
  const record: HaloJson = {
    filename,
    filesize: data.byteLength,
    datecreated: formatHaloDate(now),
    note: typeof fields.note === 'string' ? fields.note : '',
    desc: typeof fields.desc === 'string' ? fields.desc : '',
    isimage: typeof fields.isimage === 'boolean' ? fields.isimage : contentType.startsWith('image/'),
    type: 0,
    showforusers: typeof fields.showforusers === 'boolean' ? fields.showforusers : true,
    ticket_id: ticketId,
    faultid: ticketId,
    action_id: actionId,
    content_type: contentType,
  }
  const stored = state.attachments.insert(record)
  stored.unique_id = stored.id
  state.attachmentContents.set(stored.id as number, { data, contentType })
  state.writes.push({ resource: 'Attachment', id: stored.id as number, ticketId, operation: 'create', flags, at: formatHaloDate(now) })
  return { ...stored }
}
