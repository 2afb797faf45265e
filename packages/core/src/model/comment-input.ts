import { z } from 'zod'
import type { ExpectTrue, IsSameType } from '../input/same-type'
import { type CommentVisibility, commentVisibilitySchema } from './comment'
import { type CarriedFiles, carriedFilesSchema } from './file-upload'
import { type ReferenceSelector, referenceSelectorSchema } from './reference'
import { type RichText, richTextSchema } from './rich-text'
import { type StatusSelector, statusSelectorSchema } from './ticket-input'
import { timestampSchema } from './timestamp'
import { type VendorOptions, vendorOptionsSchema } from './vendor-options'

/** What `comments.create` takes. */
export const commentCreateInputSchema = z.object({
  body: richTextSchema.refine((body) => body.text.trim().length > 0 || (body.html?.trim().length ?? 0) > 0, {
    message: 'a comment needs a body',
  }),
  visibility: commentVisibilitySchema,
  /** Honoured where `capabilities.comments.setAuthor`; otherwise a warning. */
  author: referenceSelectorSchema.optional(),
  /** Honoured where `capabilities.comments.setCreatedAt`; otherwise a warning. */
  createdAt: timestampSchema.optional(),
  /**
   * Time worked, recorded on the comment itself where the vendor records time on comments
   * (`capabilities.timeEntriesAreComments`: a Halo action's `timetaken`, an RT message's
   * `TimeTaken`); elsewhere left out with a warning (use `timeEntries.create`).
   */
  timeWorkedMinutes: z.number().positive('time worked must be more than 0 minutes').optional(),
  /**
   * Moves the ticket to this status as the comment is written, in the same request, where
   * `capabilities.comments.setTicketStatus` (a Halo action's `new_status`, an RT message's `Status`); elsewhere left out
   * with a warning (use `tickets.update`).
   */
  ticketStatus: statusSelectorSchema.optional(),
  /**
   * Files the comment carries, sent in the same request where `capabilities.comments.attachments`
   * (Halo's `Actions.attachments`, an RT message's attachments); refused elsewhere, so no file is
   * lost unnoticed (use `attachments.upload` with `commentId`).
   */
  attachments: carriedFilesSchema.optional(),
  vendorOptions: vendorOptionsSchema.optional(),
})

/** What `comments.create` takes (checked against `commentCreateInputSchema`). */
export interface CommentCreateInput {
  /** Text or HTML; not empty. */
  body: RichText
  visibility: CommentVisibility
  /** Honoured where `capabilities.comments.setAuthor`; otherwise a warning. */
  author?: ReferenceSelector
  /** An ISO-8601 UTC instant, honoured where `capabilities.comments.setCreatedAt`; otherwise a warning. */
  createdAt?: string
  /** Time worked, recorded on the comment where `capabilities.timeEntriesAreComments`; otherwise a warning. */
  timeWorkedMinutes?: number
  /** Moves the ticket to this status with the comment where `capabilities.comments.setTicketStatus`; otherwise a warning. */
  ticketStatus?: StatusSelector
  /** Files sent with the comment where `capabilities.comments.attachments`; refused elsewhere. */
  attachments?: CarriedFiles
  vendorOptions?: VendorOptions
}
type _CommentCreateInputPinned = ExpectTrue<IsSameType<CommentCreateInput, z.input<typeof commentCreateInputSchema>>>
