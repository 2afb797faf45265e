import { z } from 'zod'
import type { ExpectTrue, IsSameType } from '../input/same-type'

/** A pointer to another record (a person, a queue, an organization), with what is known of it. */
export const referenceSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  email: z.string().optional(),
})
export type Reference = z.infer<typeof referenceSchema>

/**
 * How an input names another record: by id, or by name or email for the adapter to resolve.
 * At least one of the three is required.
 */
export const referenceSelectorSchema = z
  .object({
    id: z.string().min(1).optional(),
    name: z.string().min(1).optional(),
    email: z.string().min(1).optional(),
  })
  .refine((selector) => selector.id !== undefined || selector.name !== undefined || selector.email !== undefined, {
    message: 'give an id, a name or an email',
  })
/** Another record by id, or by name or email for the adapter to resolve; give at least one. */
export interface ReferenceSelector {
  id?: string
  name?: string
  email?: string
}
type _ReferenceSelectorPinned = ExpectTrue<IsSameType<ReferenceSelector, z.input<typeof referenceSelectorSchema>>>
