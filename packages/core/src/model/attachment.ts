import { z } from 'zod'
import { timestampSchema } from './timestamp'
import { vendorRecordShape } from './vendor-record'

/** A file on a ticket (and, where the vendor links them, on one of its comments). */
export const attachmentSchema = z.object({
  ...vendorRecordShape,
  ticketId: z.string().min(1),
  commentId: z.string().optional(),
  filename: z.string(),
  contentType: z.string(),
  /** Size in bytes, as the vendor reports it. */
  size: z.number().int().nonnegative(),
  createdAt: timestampSchema.optional(),
})
export type Attachment = z.infer<typeof attachmentSchema>
