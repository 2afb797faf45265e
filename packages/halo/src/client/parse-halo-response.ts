import { InvalidResponseError } from '@ticketbridge/core'
import type { z } from 'zod'

/**
 * Checks one record of an answer against its tolerant schema (unknown fields kept, absent ones
 * allowed) and fails with InvalidResponseError naming what did not fit.
 */
export function parseHaloResponse<Schema extends z.ZodType>(schema: Schema, value: unknown, what: string): z.output<Schema> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'number' ? part : String(part))),
    message: issue.message,
  }))
  const summary = issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ')
  throw new InvalidResponseError(`Halo answered with a ${what} that does not fit its schema (${summary}).`, {
    vendor: 'halo',
    issues,
    body: JSON.stringify(value ?? null).slice(0, 500),
  })
}
