import { type Attachment, type AttachmentDriver, NotFoundError, ValidationError } from '@ticketbridge/core'
import { defaultAttachmentMaxBytes } from '../client/autotask-client-settings'
import { autotaskFilter } from '../client/autotask-filter'
import type { AutotaskDriverContext } from './autotask-driver-context'
import { autotaskReadsForTickets } from './autotask-reads-for-tickets'
import { autotaskId } from './autotask-input-resolver'
import { mapAutotaskAttachment } from './map-autotask-attachment'

/** The cursor of a ticket's second page of files: those of its notes. */
const noteFilesCursor = 'notes'

/**
 * Files of a ticket and of its notes (each with its `commentId`): the ticket's in one page, its
 * notes' in the next, each read together with those other callers ask for at the same time.
 * Bytes come from the parent-child GET, the only one that returns them (autotask.md §11).
 */
export function createAutotaskAttachmentOperations(driver: AutotaskDriverContext): AttachmentDriver {
  const { client, reads } = driver
  const maxBytes = driver.capabilities.attachments.maxBytes ?? defaultAttachmentMaxBytes
  return {
    async listPage(ticketId, cursor, context) {
      const id = autotaskId(ticketId, 'ticketId')
      const ofNotes = cursor === noteFilesCursor
      const files = ofNotes ? await reads.noteFilesOfTicket.read(id, context) : await reads.filesOfTicket.read(id, context)
      const items = files.map((raw) => mapAutotaskAttachment(raw, ticketId))
      return ofNotes ? { items } : { items, nextCursor: noteFilesCursor }
    },

    // Both kinds for every ticket at once: one query of ticket files, one of note files.
    listForTickets: (ticketIds, context) =>
      autotaskReadsForTickets(ticketIds, async (ticketId) => {
        const id = autotaskId(ticketId, 'ticketId')
        const [ofTicket, ofNotes] = await Promise.all([reads.filesOfTicket.read(id, context), reads.noteFilesOfTicket.read(id, context)])
        return [...ofTicket, ...ofNotes].map((raw) => mapAutotaskAttachment(raw, ticketId))
      }),

    async download(attachment, context) {
      const attachmentId = autotaskId(attachment.id, 'id')
      const ticketId = autotaskId(attachment.ticketId, 'ticketId')
      try {
        return (await client.ticketAttachments.download(ticketId, attachmentId, context)).data
      } catch (error) {
        if (!NotFoundError.isInstance(error)) throw error
        // Not a ticket attachment: it may belong to one of the ticket's notes.
        const page = await client.ticketNoteAttachments.entity.query({ filter: [autotaskFilter.eq('id', attachmentId)], maxRecords: 1 }, context)
        const noteAttachment = page.items[0]
        const noteId = noteAttachment?.ticketNoteID
        const otherTicket = typeof noteAttachment?.ticketID === 'number' && noteAttachment.ticketID !== ticketId
        if (typeof noteId !== 'number' || otherTicket) throw error
        return (await client.ticketNoteAttachments.download(noteId, attachmentId, context)).data
      }
    },

    async upload(ticketId, file, context) {
      const id = autotaskId(ticketId, 'ticketId')
      if (file.data.byteLength > maxBytes) {
        const message = `${file.filename} is ${file.data.byteLength} bytes; Autotask accepts at most ${maxBytes} through the API. Nothing was sent.`
        throw new ValidationError(message, { status: 0, vendor: 'autotask', issues: [{ field: 'data', message: `larger than ${maxBytes} bytes` }] })
      }
      const vendorFields = file.vendorOptions?.autotask ?? {}
      const upload = {
        fileName: file.filename,
        data: file.data,
        contentType: file.contentType,
        ...(typeof vendorFields.title === 'string' ? { title: vendorFields.title } : {}),
        ...(typeof vendorFields.publish === 'number' ? { publish: vendorFields.publish } : {}),
      }
      // A file meant for a note is uploaded under the note (capabilities.attachments.linkToComment).
      // Autotask answers the new id (`itemId`); the rest of the record is what was sent, so nothing is read back.
      const itemId =
        file.commentId === undefined
          ? await client.ticketAttachments.upload(id, upload, context)
          : await client.ticketNoteAttachments.upload(autotaskId(file.commentId, 'commentId'), upload, context)
      const record: Attachment = {
        id: String(itemId),
        vendor: 'autotask',
        raw: { itemId },
        ticketId,
        ...(file.commentId !== undefined ? { commentId: file.commentId } : {}),
        filename: file.filename,
        contentType: file.contentType,
        size: file.data.byteLength,
      }
      return { record, warnings: [] }
    },
  }
}
