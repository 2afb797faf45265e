import { z } from 'zod'
import { referenceSchema } from './reference'
import { timestampSchema } from './timestamp'
import { vendorRecordShape } from './vendor-record'

/** Time worked on a ticket. Optional capability: `capabilities.timeEntries`. */
export const timeEntrySchema = z.object({
  ...vendorRecordShape,
  ticketId: z.string().min(1),
  /**
   * The comment this time was recorded on, where the vendor records time on comments (a Halo
   * action with `timetaken`, an RT comment or correspondence with `TimeTaken`): the id
   * `comments.list` gives that comment, whose text is this entry's `note`. Absent where time is
   * its own record (Autotask time entries) or was recorded on no comment.
   */
  commentId: z.string().min(1).optional(),
  minutes: z.number().nonnegative(),
  note: z.string().optional(),
  person: referenceSchema.optional(),
  startedAt: timestampSchema.optional(),
  billable: z.boolean().optional(),
})
export type TimeEntry = z.infer<typeof timeEntrySchema>
