import { z } from 'zod'

/** A custom field's value: a scalar, a list for multi-select fields, or null when cleared. */
export const customFieldValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()])
export type CustomFieldValue = z.infer<typeof customFieldValueSchema>
