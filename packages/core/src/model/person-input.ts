import { z } from 'zod'
import { personKindSchema } from './person'
import { referenceSelectorSchema } from './reference'
import { vendorOptionsSchema } from './vendor-options'

/** What `people.create` takes. */
export const personCreateInputSchema = z.object({
  kind: personKindSchema,
  name: z.string().trim().min(1, 'a person needs a name'),
  // Loose on purpose: help desks hold addresses like root@localhost that strict checks refuse.
  email: z
    .string()
    .trim()
    .regex(/^[^\s@]+@[^\s@]+$/, 'must be an email address (name@host)')
    .optional(),
  organization: referenceSelectorSchema.optional(),
  vendorOptions: vendorOptionsSchema.optional(),
})
export type PersonCreateInput = z.input<typeof personCreateInputSchema>

/** What `organizations.create` takes. */
export const organizationCreateInputSchema = z.object({
  name: z.string().trim().min(1, 'an organization needs a name'),
  vendorOptions: vendorOptionsSchema.optional(),
})
export type OrganizationCreateInput = z.input<typeof organizationCreateInputSchema>
