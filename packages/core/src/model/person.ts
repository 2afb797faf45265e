import { z } from 'zod'
import { referenceSchema } from './reference'
import { vendorRecordShape } from './vendor-record'

/** Agents work tickets; contacts (end users, requestors) raise them. */
export const personKindSchema = z.enum(['agent', 'contact'])
export type PersonKind = z.infer<typeof personKindSchema>

export const personSchema = z.object({
  ...vendorRecordShape,
  kind: personKindSchema,
  name: z.string(),
  email: z.string().optional(),
  organization: referenceSchema.optional(),
})
export type Person = z.infer<typeof personSchema>
