import { z } from 'zod'
import { referenceSchema } from './reference'
import { timestampSchema } from './timestamp'
import { vendorRecordShape } from './vendor-record'

/** Time worked on a ticket. Optional capability: `capabilities.timeEntries`. */
export const timeEntrySchema = z.object({
  ...vendorRecordShape,
  ticketId: z.string().min(1),
  minutes: z.number().nonnegative(),
  note: z.string().optional(),
  person: referenceSchema.optional(),
  startedAt: timestampSchema.optional(),
  billable: z.boolean().optional(),
})
export type TimeEntry = z.infer<typeof timeEntrySchema>
