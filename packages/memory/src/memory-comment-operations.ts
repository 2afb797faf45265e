import {
  type AdapterWarning,
  type CheckedCommentCreate,
  type CommentDriver,
  type CommentVisibility,
  type DriverTicketChild,
  UnsupportedOperationError,
} from '@ticketbridge/core'
import { mapMemoryComment } from './map-memory-records'
import { memoryBatches, memoryBatchItem } from './memory-batches'
import type { MemoryDriverContext } from './memory-driver-context'
import { memoryOffsetPage } from './memory-offset-page'
import { buildMemoryTicketUpdate } from './memory-ticket-writes'
import { type MemoryCommentRecord, type MemoryTicketRecord, nextMemoryId, storeCarriedFiles } from './memory-store'

/** The visibility the comment is written with: a public one becomes internal where public is switched off, never the reverse. */
function memoryCommentVisibility(context: MemoryDriverContext, asked: CommentVisibility, warnings: AdapterWarning[]): CommentVisibility {
  if (context.capabilities.comments.visibilities.includes(asked)) return asked
  // An internal note must never become public; the reverse only hides it from the requester.
  if (asked === 'internal') throw new UnsupportedOperationError('internal comments', { vendor: context.vendor })
  warnings.push({ type: 'substituted', field: 'visibility', message: 'Public comments are not supported; written as internal.' })
  return 'internal'
}

/**
 * Keeps the time worked where comments carry it (`timeEntriesAreComments`, like Halo and RT):
 * the entry is the comment, with the comment's id. Elsewhere the runtime warns it was left out.
 */
function recordTimeWorked(context: MemoryDriverContext, comment: MemoryCommentRecord, minutes: number | undefined, warnings: AdapterWarning[]): void {
  const { capabilities, store } = context
  if (minutes === undefined || !capabilities.timeEntriesAreComments) return
  if (!capabilities.timeEntries) {
    // The runtime says nothing here: comments could carry the time, but time entries are switched off.
    const message = 'Time entries are switched off on this target; the time worked was left out.'
    warnings.push({ type: 'unsupported', field: 'timeWorkedMinutes', message })
    return
  }
  store.timeEntries.set(comment.id, { id: comment.id, ticketId: comment.ticketId, minutes, note: comment.bodyText, commentId: comment.id })
}

/**
 * A new comment record. What the capabilities switch off is not stored (the runtime warns):
 * the HTML without `comments.html`, the author without `setAuthor` (written as the API user),
 * the original time without `setCreatedAt` (the record carries the time of import).
 */
function buildMemoryComment(
  context: MemoryDriverContext,
  ticket: MemoryTicketRecord,
  input: CheckedCommentCreate,
  warnings: AdapterWarning[],
): MemoryCommentRecord {
  const { comments } = context.capabilities
  const visibility = memoryCommentVisibility(context, input.visibility, warnings)
  const authorId = input.author && comments.setAuthor ? context.resolve.person(input.author, 'author') : undefined
  const html = comments.html ? input.body.html : undefined
  return {
    id: nextMemoryId(context.store),
    ticketId: ticket.id,
    bodyText: input.body.text,
    ...(html !== undefined ? { bodyHtml: html } : {}),
    visibility,
    ...(authorId !== undefined ? { authorId } : {}),
    createdAt: input.createdAt !== undefined && comments.setCreatedAt ? input.createdAt : context.timestamp(),
  }
}

/** The comment operations of the memory driver. */
export function createMemoryCommentOperations(context: MemoryDriverContext): CommentDriver {
  const { call, resolve, store, vendor } = context
  return {
    listPage: (ticketId, cursor, callContext) =>
      call('GET', `/tickets/${ticketId}/comments`, callContext, () => {
        const ticket = resolve.ticket(ticketId)
        const all = [...store.comments.values()]
          .filter((comment) => comment.ticketId === ticket.id)
          .sort((left, right) => left.createdAt.localeCompare(right.createdAt) || left.id - right.id)
        return memoryOffsetPage(all, cursor, 100, (comment) => mapMemoryComment(store, comment, vendor))
      }),

    create: (comment, writeContext) => call('POST', `/tickets/${comment.ticketId}/comments`, writeContext, () => createOne(comment)),

    // As tickets: one "request" per batch of `createBatchLimit`, in the order given.
    createMany: (comments, writeContext) =>
      memoryBatches(comments, context.capabilities.comments.createBatchLimit, (batch) =>
        call('POST', `/tickets/${batch[0]!.ticketId}/comments`, writeContext, () =>
          batch.map((comment) => memoryBatchItem(() => createOne(comment))),
        ),
      ),
  }

  function createOne({ ticketId, input }: DriverTicketChild<CheckedCommentCreate>) {
    const ticket = resolve.ticket(ticketId, 'POST')
    const warnings: AdapterWarning[] = []
    const record = buildMemoryComment(context, ticket, input, warnings)
    store.comments.set(record.id, record)
    // Files the comment carries (`comments.attachments`; the runtime refuses them elsewhere), linked to it.
    storeCarriedFiles(store, input.attachments, { ticketId: ticket.id, commentId: record.id, createdAt: record.createdAt })
    recordTimeWorked(context, record, input.timeWorkedMinutes, warnings)
    // Where comments can move their ticket (`setTicketStatus`), as a ticket update would; elsewhere the runtime warns.
    if (input.ticketStatus && context.capabilities.comments.setTicketStatus) {
      Object.assign(ticket, buildMemoryTicketUpdate(context, ticket, { status: input.ticketStatus }, warnings))
    } else {
      ticket.updatedAt = context.timestamp()
      ticket.version += 1
    }
    return { record: mapMemoryComment(store, record, vendor), warnings }
  }
}
