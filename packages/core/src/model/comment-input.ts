import { z } from 'zod'
import { commentVisibilitySchema } from './comment'
import { carriedFilesSchema } from './file-upload'
import { referenceSelectorSchema } from './reference'
import { richTextSchema } from './rich-text'
import { statusSelectorSchema } from './ticket-input'
import { timestampSchema } from './timestamp'
import { vendorOptionsSchema } from './vendor-options'

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
export type CommentCreateInput = z.input<typeof commentCreateInputSchema>
