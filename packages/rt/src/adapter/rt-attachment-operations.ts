import { type Attachment, type AttachmentDriver, NotFoundError, ValidationError } from '@ticketbridge/core'
import { isRtRecordedMail, mapRtAttachment } from './map-rt-attachment'
import { type RtFileRecord, rtPageWith } from './port/rt-port-records'
import type { RtDriverContext } from './rt-driver-context'
import { rtNotFound, rtNumericId } from './rt-errors'
import { listActivityForTickets } from './rt-ticket-reads'

/**
 * RT's files: named attachment parts of a ticket's transactions (outgoing mail RT recorded left
 * out). A file is uploaded as a comment carrying it, RT's only way; it cannot be added to an
 * existing comment. A file this adapter listed on a ticket is downloaded without checking again
 * that it belongs there.
 */
export function createRtAttachmentOperations(context: RtDriverContext): AttachmentDriver {
  const { port, attachmentTickets } = context
  const maxBytes = context.settings.maxAttachmentBytes

  /** The files a listing shows: outgoing mail RT recorded left out; each remembered on its ticket. */
  function listed(files: readonly RtFileRecord[], ticketId: string): Attachment[] {
    const items = files.filter((file) => !isRtRecordedMail(file.transactionType)).map((file) => mapRtAttachment(file, ticketId))
    for (const item of items) attachmentTickets.remember(item.id, ticketId)
    return items
  }

  return {
    async listPage(ticketId, cursor, call) {
      const page = await port.ticketFiles(context.ticketId(ticketId), cursor, call)
      return rtPageWith(page, listed(page.items, ticketId))
    },

    ...listActivityForTickets(context, 'files', (activity, ticketId) => listed(activity.files, ticketId)),

    async download(attachment, call) {
      const attachmentId = rtNumericId(attachment.id, 'Attachment', `${port.apiUrl}/attachment/${encodeURIComponent(attachment.id)}`)
      const ticketId = context.ticketId(attachment.ticketId)
      // RT answers 500 for an unknown attachment id (REST2) and serves any attachment under any
      // ticket (REST 1.0): the file is checked to belong to the ticket first, unless this adapter
      // listed it there. A failed download is then checked, so the error says what is wrong.
      const checkBelongs = async () => {
        if (await port.hasAttachment(ticketId, attachmentId, call)) return
        throw rtNotFound(`Attachment ${attachmentId} of ticket ${ticketId}`, `${port.apiUrl}/ticket/${ticketId}/attachments`)
      }
      if (attachmentTickets.seenOn(attachmentId, ticketId)) {
        try {
          return await port.attachmentContent(ticketId, attachmentId, call)
        } catch (error) {
          attachmentTickets.forgetTicket(ticketId)
          if (call.signal?.aborted) throw error
          await checkBelongs()
          throw error
        }
      }
      await checkBelongs()
      return port.attachmentContent(ticketId, attachmentId, call)
    },

    async upload(ticketId, file, { silent: _silent, ...call }) {
      if (file.data.byteLength > maxBytes) {
        throw new ValidationError(
          `${file.filename} is ${file.data.byteLength} bytes; RT accepts at most ${maxBytes} (maxAttachmentBytes). Nothing was sent.`,
          {
            status: 0,
            vendor: 'rt',
            issues: [{ field: 'data', message: `larger than ${maxBytes} bytes` }],
          },
        )
      }
      const { visibility, text, ...extra } = { ...file.vendorOptions?.rt }
      const content = typeof text === 'string' && text !== '' ? text : undefined
      const transaction = await port.postMessage(
        context.ticketId(ticketId),
        {
          type: visibility === 'public' ? 'correspond' : 'comment',
          ...(content !== undefined ? { content, contentType: 'text/plain' as const } : {}),
          attachments: [{ filename: file.filename, contentType: file.contentType, data: file.data }],
          extra,
        },
        call,
      )
      const stored = transaction.files.find((candidate) => candidate.filename === file.filename) ?? transaction.files[0]
      if (!stored)
        throw new NotFoundError(`RT recorded comment ${transaction.id} but no file ${file.filename} on it.`, {
          status: 404,
          vendor: 'rt',
          method: 'GET',
          url: `${port.apiUrl}/transaction/${transaction.id}/attachments`,
        })
      const record = mapRtAttachment(stored, ticketId)
      attachmentTickets.remember(record.id, ticketId)
      return { record, warnings: [] }
    },
  }
}
