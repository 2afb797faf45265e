import { z } from 'zod'
import type { ExpectTrue, IsSameType } from '../input/same-type'
import { type ReferenceSelector, referenceSelectorSchema } from './reference'
import { timestampSchema } from './timestamp'
import { type VendorOptions, vendorOptionsSchema } from './vendor-options'

/** What `timeEntries.create` takes. */
export const timeEntryCreateInputSchema = z.object({
  minutes: z.number().positive('time worked must be more than 0 minutes'),
  note: z.string().optional(),
  person: referenceSelectorSchema.optional(),
  startedAt: timestampSchema.optional(),
  billable: z.boolean().optional(),
  vendorOptions: vendorOptionsSchema.optional(),
})

/** What `timeEntries.create` takes (checked against `timeEntryCreateInputSchema`). */
export interface TimeEntryCreateInput {
  /** More than 0. */
  minutes: number
  note?: string
  person?: ReferenceSelector
  /** An ISO-8601 UTC instant. */
  startedAt?: string
  billable?: boolean
  vendorOptions?: VendorOptions
}
type _TimeEntryCreateInputPinned = ExpectTrue<IsSameType<TimeEntryCreateInput, z.input<typeof timeEntryCreateInputSchema>>>
