import { type AttachmentDriver, type CheckedFileUpload, NotFoundError, ValidationError } from '@ticketbridge/core'
import { mapMemoryAttachment } from './map-memory-records'
import type { MemoryDriverContext } from './memory-driver-context'
import { memoryOffsetPage } from './memory-offset-page'
import { type MemoryTicketRecord, nextMemoryId } from './memory-store'

/** Refuses a file over `attachments.maxBytes` before any "request", as a vendor's upload limit would. */
function checkUploadSize(context: MemoryDriverContext, file: CheckedFileUpload): void {
  const limit = context.capabilities.attachments.maxBytes
  if (limit === undefined || file.data.byteLength <= limit) return
  throw new ValidationError(`${file.filename} is ${file.data.byteLength} bytes; the limit is ${limit}.`, {
    status: 413,
    vendor: context.vendor,
    issues: [{ field: 'data', message: `larger than ${limit} bytes` }],
  })
}

/** The comment a file belongs to: it must be on the same ticket. The runtime strips `commentId` where `linkToComment` is off. */
function resolveUploadComment(context: MemoryDriverContext, ticket: MemoryTicketRecord, commentId: string | undefined): number | undefined {
  if (commentId === undefined) return undefined
  const comment = context.store.comments.get(Number(commentId))
  if (!comment || comment.ticketId !== ticket.id) throw context.resolve.invalid('commentId', `comment ${commentId} is not on ticket ${ticket.id}`)
  return comment.id
}

/** The attachment operations of the memory driver. */
export function createMemoryAttachmentOperations(context: MemoryDriverContext): AttachmentDriver {
  const { call, resolve, store, vendor } = context
  return {
    listPage: (ticketId, cursor, callContext) =>
      call('GET', `/tickets/${ticketId}/attachments`, callContext, () => {
        const ticket = resolve.ticket(ticketId)
        const all = [...store.attachments.values()].filter((attachment) => attachment.ticketId === ticket.id)
        return memoryOffsetPage(all, cursor, 100, (attachment) => mapMemoryAttachment(attachment, vendor))
      }),

    download: (attachment, callContext) =>
      call('GET', `/attachments/${attachment.id}`, callContext, () => {
        const record = store.attachments.get(Number(attachment.id))
        if (!record || String(record.ticketId) !== attachment.ticketId) {
          throw new NotFoundError(`Attachment ${attachment.id} of ticket ${attachment.ticketId} does not exist.`, {
            status: 404,
            vendor,
            method: 'GET',
            url: `memory://${vendor}/attachments/${attachment.id}`,
          })
        }
        return new Uint8Array(record.data)
      }),

    async upload(ticketId, file, writeContext) {
      checkUploadSize(context, file)
      return call('POST', `/tickets/${ticketId}/attachments`, writeContext, () => {
        const ticket = resolve.ticket(ticketId, 'POST')
        const commentId = resolveUploadComment(context, ticket, file.commentId)
        const record = {
          id: nextMemoryId(store),
          ticketId: ticket.id,
          ...(commentId !== undefined ? { commentId } : {}),
          filename: file.filename,
          contentType: file.contentType,
          data: new Uint8Array(file.data),
          createdAt: context.timestamp(),
        }
        store.attachments.set(record.id, record)
        return { record: mapMemoryAttachment(record, vendor), warnings: [] }
      })
    },
  }
}
