import { z } from 'zod'
import { vendorRecordShape } from './vendor-record'

/** A customer organization: Halo's client, Autotask's company. RT has none natively. */
export const organizationSchema = z.object({
  ...vendorRecordShape,
  name: z.string(),
})
export type Organization = z.infer<typeof organizationSchema>
