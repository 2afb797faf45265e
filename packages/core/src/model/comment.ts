import { z } from 'zod'
import { referenceSchema } from './reference'
import { richTextSchema } from './rich-text'
import { timestampSchema } from './timestamp'
import { vendorRecordShape } from './vendor-record'

/** Who may read a comment: the requester too (`public`) or agents only (`internal`). */
export const commentVisibilitySchema = z.enum(['public', 'internal'])
export type CommentVisibility = z.infer<typeof commentVisibilitySchema>

/** A pointer from a comment to an attachment it carries. */
export const attachmentReferenceSchema = z.object({
  id: z.string().min(1),
  filename: z.string().optional(),
})
export type AttachmentReference = z.infer<typeof attachmentReferenceSchema>

/** A comment, note, action or correspondence on a ticket. */
export const commentSchema = z.object({
  ...vendorRecordShape,
  ticketId: z.string().min(1),
  body: richTextSchema,
  visibility: commentVisibilitySchema,
  author: referenceSchema.optional(),
  createdAt: timestampSchema,
  attachments: z.array(attachmentReferenceSchema),
})
export type Comment = z.infer<typeof commentSchema>
