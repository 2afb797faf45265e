import { type Attachment, type AttachmentDriver, type DriverCallContext, runConcurrently } from '@ticketbridge/core'
import { haloPageSizeLimit } from '../client/halo-collection'
import type { HaloDriverContext } from './halo-driver-context'
import { requireNumericId } from './halo-numeric-id'
import { haloRowWarnings } from './halo-row-warnings'
import { mapHaloAttachment } from './map-halo-attachment'

/** A ticket's files (`/Attachment`): listed in one answer, uploaded one per request (an array of files is one body of their summed size). */
export function createHaloAttachmentOperations(halo: HaloDriverContext): AttachmentDriver {
  const { client } = halo
  const filesOf = async (ticketId: string, context: DriverCallContext) =>
    (
      await client.attachments.list({ ticket_id: requireNumericId(ticketId, 'ticketId', 'attachment query') }, context).toArray({ limit: 100_000 })
    ).map((row) => mapHaloAttachment(row, ticketId))
  return {
    listPage: async (ticketId, _cursor, context) => ({ items: await filesOf(ticketId, context) }),

    // `/Attachment` takes one ticket: first ask which tickets have files at all (`ticketids` with
    // `withattachments`, 100 a page), then list only theirs. Most tickets have none.
    async listForTickets(ticketIds, context) {
      const found = new Map<string, Attachment[]>(ticketIds.map((ticketId) => [ticketId, []]))
      const withFiles: string[] = []
      for (let start = 0; start < ticketIds.length; start += haloPageSizeLimit) {
        const chunk = ticketIds.slice(start, start + haloPageSizeLimit)
        const ids = chunk.map((ticketId) => requireNumericId(ticketId, 'ticketId', 'attachment query'))
        const rows = await client.tickets
          .list({ ticketids: ids.join(','), withattachments: true, page_size: haloPageSizeLimit }, context)
          .toArray({ limit: 100_000 })
        withFiles.push(...rows.map((row) => String(row.id)).filter((id) => found.has(id)))
      }
      await runConcurrently(withFiles, 4, async (ticketId) => void found.set(ticketId, await filesOf(ticketId, context)))
      return found
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
