import { z } from 'zod'

/**
 * Why a write did not land exactly as asked. Adapters never drop a value silently: they do what
 * the vendor allows and say what changed.
 * - `unsupported`: the vendor has no place for the value; it was left out.
 * - `converted`: the value was kept in another form (HTML as text, author as a provenance line).
 * - `substituted`: a default was used in place of a value that could not be resolved.
 */
export const adapterWarningSchema = z.object({
  type: z.enum(['unsupported', 'converted', 'substituted', 'other']),
  /** The input field concerned, as a path: `comment.author`, `ticket.customFields.Severity`. */
  field: z.string().optional(),
  message: z.string(),
})
export type AdapterWarning = z.infer<typeof adapterWarningSchema>

/** What a write returns: the record as the vendor now holds it, and what could not be honoured. */
export interface WriteResult<T> {
  record: T
  warnings: AdapterWarning[]
}
