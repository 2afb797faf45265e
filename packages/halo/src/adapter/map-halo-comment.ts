import { type AttachmentReference, type Comment, type CommentVisibility, htmlToText } from '@ticketbridge/core'
import type { HaloAction } from '../client/resources/halo-actions'
import { fromHaloDate } from './halo-dates'
import { agentReferenceId } from './map-halo-ticket'

const epoch = new Date(0).toISOString()

function attachmentsOf(action: HaloAction): AttachmentReference[] {
  const list = action.attachment_list
  const rows = Array.isArray(list)
    ? list
    : typeof list === 'object' && list !== null && Array.isArray((list as { attachments?: unknown }).attachments)
      ? (list as { attachments: unknown[] }).attachments
      : []
  return rows.flatMap((row) => {
    if (typeof row !== 'object' || row === null) return []
    const { id, filename } = row as { id?: unknown; filename?: unknown }
    if (id === undefined || id === null) return []
    return [{ id: String(id), ...(typeof filename === 'string' ? { filename } : {}) }]
  })
}

/**
 * An action as a comment: `hiddenfromuser` decides the visibility (`fallbackVisibility` when
 * Halo's answer leaves it out), `note`/`note_html` the body, `datetime` the time.
 */
export function mapHaloComment(action: HaloAction, ticketId: string, fallbackVisibility?: CommentVisibility): Comment {
  const html = typeof action.note_html === 'string' && action.note_html.trim() !== '' ? action.note_html : undefined
  const text = typeof action.note === 'string' && action.note.trim() !== '' ? action.note : html !== undefined ? htmlToText(html) : ''
  const visibility: CommentVisibility =
    action.hiddenfromuser === true ? 'internal' : action.hiddenfromuser === false ? 'public' : (fallbackVisibility ?? 'internal')
  const authorId = action.who_agentid ?? action.actionby_agent_id
  const author =
    typeof authorId === 'number' && authorId > 0
      ? { id: agentReferenceId(authorId), ...(action.who ? { name: action.who } : {}) }
      : typeof action.actionby_user_id === 'number' && action.actionby_user_id > 0
        ? { id: String(action.actionby_user_id), ...(action.who ? { name: action.who } : {}) }
        : undefined
  return {
    id: String(action.id),
    vendor: 'halo',
    raw: action,
    ticketId: action.ticket_id !== undefined && action.ticket_id !== null ? String(action.ticket_id) : ticketId,
    body: { text, ...(html !== undefined ? { html } : {}) },
    visibility,
    ...(author ? { author } : {}),
    createdAt: fromHaloDate(action.datetime) ?? fromHaloDate(action.actiondatecreated) ?? fromHaloDate(action.actionarrivaldate) ?? epoch,
    attachments: attachmentsOf(action),
  }
}
