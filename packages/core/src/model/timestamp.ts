import { z } from 'zod'

/** An ISO-8601 instant in UTC, written with a trailing `Z` (`2024-05-02T08:00:03.210Z`). */
export const timestampSchema = z.iso.datetime({ offset: false })
export type Timestamp = z.infer<typeof timestampSchema>
