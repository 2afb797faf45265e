import { z } from 'zod'
import type { ExpectTrue, IsSameType } from '../input/same-type'
import { type PersonKind, personKindSchema } from './person'
import { type ReferenceSelector, referenceSelectorSchema } from './reference'
import { type VendorOptions, vendorOptionsSchema } from './vendor-options'

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

/** What `people.create` takes (checked against `personCreateInputSchema`). */
export interface PersonCreateInput {
  kind: PersonKind
  name: string
  /** `name@host`; loose on purpose (help desks hold addresses such as root@localhost). */
  email?: string
  organization?: ReferenceSelector
  vendorOptions?: VendorOptions
}
type _PersonCreateInputPinned = ExpectTrue<IsSameType<PersonCreateInput, z.input<typeof personCreateInputSchema>>>

/** What `organizations.create` takes. */
export const organizationCreateInputSchema = z.object({
  name: z.string().trim().min(1, 'an organization needs a name'),
  vendorOptions: vendorOptionsSchema.optional(),
})

/** What `organizations.create` takes (checked against `organizationCreateInputSchema`). */
export interface OrganizationCreateInput {
  name: string
  vendorOptions?: VendorOptions
}
type _OrganizationCreateInputPinned = ExpectTrue<IsSameType<OrganizationCreateInput, z.input<typeof organizationCreateInputSchema>>>
