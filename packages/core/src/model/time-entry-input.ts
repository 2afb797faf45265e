import { z } from 'zod'
import { referenceSelectorSchema } from './reference'
import { timestampSchema } from './timestamp'
import { vendorOptionsSchema } from './vendor-options'

/** What `timeEntries.create` takes. */
export const timeEntryCreateInputSchema = z.object({
  minutes: z.number().positive('time worked must be more than 0 minutes'),
  note: z.string().optional(),
  person: referenceSelectorSchema.optional(),
  startedAt: timestampSchema.optional(),
  billable: z.boolean().optional(),
  vendorOptions: vendorOptionsSchema.optional(),
})
export type TimeEntryCreateInput = z.input<typeof timeEntryCreateInputSchema>
