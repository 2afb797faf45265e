import type { AttachmentDriver } from '@ticketbridge/core'
import type { HaloDriverContext } from './halo-driver-context'
import { requireNumericId } from './halo-numeric-id'
import { haloRowWarnings } from './halo-row-warnings'
import { mapHaloAttachment } from './map-halo-attachment'

/** A ticket's files (`/Attachment`): listed in one answer, uploaded one per request (an array of files is one body of their summed size). */
export function createHaloAttachmentOperations(halo: HaloDriverContext): AttachmentDriver {
  const { client } = halo
  return {
    async listPage(ticketId, _cursor, context) {
      const rows = await client.attachments
        .list({ ticket_id: requireNumericId(ticketId, 'ticketId', 'attachment query') }, context)
        .toArray({ limit: 100_000 })
      return { items: rows.map((row) => mapHaloAttachment(row, ticketId)) }
    },

    download: (attachment, context) => client.attachments.download(requireNumericId(attachment.id, 'id', 'attachment'), context),

    async upload(ticketId, file, context) {
      const ticket = requireNumericId(ticketId, 'ticketId', 'attachment')
      const row = await client.attachments.upload(
        {
          ticket_id: ticket,
          filename: file.filename,
          data: file.data,
          isimage: file.contentType.startsWith('image/'),
          content_type: file.contentType,
          ...(file.commentId !== undefined ? { action_id: requireNumericId(file.commentId, 'commentId', 'file') } : {}),
          ...file.vendorOptions?.halo,
        },
        context,
      )
      const record = mapHaloAttachment(row, ticketId, { filename: file.filename, contentType: file.contentType, size: file.data.byteLength })
      return { record, warnings: haloRowWarnings(row) }
    },
  }
}
