import {
  type AdapterWarning,
  type CheckedCommentCreate,
  type Comment,
  type CommentDriver,
  type DriverTicketChild,
  type DriverWriteContext,
  type CommentVisibility,
  type DriverCallContext,
  htmlToText,
  type ReferenceSelector,
  UnsupportedOperationError,
  writeInTicketOrder,
} from '@ticketbridge/core'
import { autotaskThreadLimit } from '../client/autotask-client-settings'
import type { AutotaskDriverContext } from './autotask-driver-context'
import { autotaskReadsForTickets } from './autotask-reads-for-tickets'
import { autotaskId } from './autotask-input-resolver'
import type { AutotaskPublishLevels } from './autotask-lookups'
import { mapAutotaskComment } from './map-autotask-comment'

/**
 * Comments are ticket notes: plain text, their publish level gives the visibility, and the author
 * only through impersonation. A ticket's notes are read, and new notes read back, together with
 * those other callers ask for at the same time (one `in` query).
 */
export function createAutotaskCommentOperations(driver: AutotaskDriverContext): CommentDriver {
  const { reads } = driver

  /** A ticket's notes, oldest first: notes come by id, which Autotask hands out in creation order; the sort keeps equal times stable. */
  async function notesOf(ticketId: string, context: DriverCallContext): Promise<Comment[]> {
    const id = autotaskId(ticketId, 'ticketId')
    const [publish, notes] = await Promise.all([driver.publishLevels(context), reads.notesOfTicket.read(id, context)])
    return notes
      .map((raw) => mapAutotaskComment(raw, publish))
      .sort((left, right) => Date.parse(left.createdAt) - Date.parse(right.createdAt) || Number(left.id) - Number(right.id))
  }

  return {
    // Every note of the ticket in one page: the coalesced read returns them all.
    listPage: async (ticketId, _cursor, context) => ({ items: await notesOf(ticketId, context) }),

    listForTickets: (ticketIds, context) => autotaskReadsForTickets(ticketIds, (ticketId) => notesOf(ticketId, context)),

    async create(comment, context) {
      const { noteId, warnings } = await addNote(driver, comment, context)
      return { record: mapAutotaskComment(await reads.readBack.note(noteId, context), await driver.publishLevels(context)), warnings }
    },

    // No array form: one POST a note, its `itemId` the receipt, nothing read back. Tickets go side
    // by side (the thread limit at once); one ticket's notes one after another, in order, and
    // none after a failure (they would land out of order; they answer the same error).
    createMany: (comments, context) =>
      writeInTicketOrder(comments, autotaskThreadLimit, async (comment) => {
        const { noteId, warnings } = await addNote(driver, comment, context)
        return { id: String(noteId), warnings }
      }),
  }
}

/** Writes one note; answers its id and what could not be honoured. */
async function addNote(
  driver: AutotaskDriverContext,
  { ticketId, input }: DriverTicketChild<CheckedCommentCreate>,
  context: DriverWriteContext,
): Promise<{ noteId: number; warnings: AdapterWarning[] }> {
  const { client, options } = driver
  const id = autotaskId(ticketId, 'ticketId')
  const warnings: AdapterWarning[] = []
  const levels = await driver.publishLevels(context)
  const publish = notePublishLevel(input.visibility, levels, warnings)
  const { text, html } = input.body
  const description = text.trim() === '' && html !== undefined && html.trim() !== '' ? htmlToText(html) : text
  const impersonationResourceId = await noteAuthor(driver, input.author, context, warnings)
  const vendorFields = input.vendorOptions?.autotask ?? {}
  const noteId = await client.ticketNotes.add(
    id,
    {
      description,
      ...(typeof vendorFields.title === 'string' ? { title: vendorFields.title } : {}),
      ...(options.noteType !== undefined ? { noteType: options.noteType } : {}),
      ...(publish !== undefined ? { publish } : {}),
    },
    { ...context, ...(impersonationResourceId !== undefined ? { impersonationResourceId } : {}) },
  )
  return { noteId, warnings }
}

/**
 * The publish level of a visibility. An internal note must never become public; a public one may
 * only be hidden. Undefined leaves the client to the tenant's default level.
 */
function notePublishLevel(visibility: CommentVisibility, publish: AutotaskPublishLevels, warnings: AdapterWarning[]): number | undefined {
  const level = visibility === 'internal' ? publish.internal : publish.public
  if (level !== undefined) return level
  if (visibility === 'internal') {
    throw new UnsupportedOperationError('comments.create(visibility: internal)', {
      vendor: 'autotask',
      reason: 'the tenant has no internal note publish level',
    })
  }
  warnings.push({
    type: 'substituted',
    field: 'visibility',
    message: 'The tenant has no public note publish level; the note was written as internal.',
  })
  return publish.internal
}

/**
 * The resource to write the note as (`ImpersonationResourceId`), where the settings allow it and
 * the author is a resource; otherwise the note is the API user's, and the warning says why.
 */
async function noteAuthor(
  driver: AutotaskDriverContext,
  author: ReferenceSelector | undefined,
  context: DriverCallContext,
  warnings: AdapterWarning[],
): Promise<number | undefined> {
  if (!author) return undefined
  if (!driver.capabilities.comments.setAuthor) {
    warnings.push({
      type: 'unsupported',
      field: 'author',
      message: 'The author cannot be set (impersonateAuthors is off); the note is written as the API user.',
    })
    return undefined
  }
  // An id may name a contact, which cannot be impersonated; a resource found by email or name is one.
  if (author.id !== undefined) {
    const candidate = autotaskId(author.id, 'author.id')
    if (await driver.resolve.isResource(candidate, context)) return candidate
  } else {
    const candidate = await driver.resolve.resource(author, 'author', context).catch(() => undefined)
    if (candidate !== undefined) return candidate
  }
  warnings.push({
    type: 'unsupported',
    field: 'author',
    message: 'Only resources can be impersonated, and the author is not one; the note is written as the API user.',
  })
  return undefined
}
