import type { z } from 'zod'
import { ConfigurationError } from '../errors/configuration-error'
import { ValidationError } from '../errors/validation-error'

function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((part) => (typeof part === 'number' ? `[${part}]` : String(part)))
    .join('.')
    .replace(/\.\[/g, '[')
}

/**
 * Checks a write's input against its schema before anything is sent, and throws a
 * `ValidationError` (status 0: refused locally) whose issues name each field at fault.
 */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown, context: { vendor: string; what: string }): z.output<Schema> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issues = result.error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issuePath(issue.path) : undefined,
    message: issue.message,
  }))
  const summary = issues.map((issue) => (issue.field ? `${issue.field}: ${issue.message}` : issue.message)).join('; ')
  throw new ValidationError(`Invalid ${context.what}: ${summary}. Nothing was sent.`, {
    status: 0,
    vendor: context.vendor,
    issues,
  })
}

/**
 * Checks settings at construction and throws a `ConfigurationError` that names the first option
 * at fault (and lists the rest), so a typo is found before the first request.
 */
export function parseSettings<Schema extends z.ZodType>(
  schema: Schema,
  settings: unknown,
  context: { vendor: string; what?: string },
): z.output<Schema> {
  const result = schema.safeParse(settings)
  if (result.success) return result.data
  const problems = result.error.issues.map((issue) => `${issue.path.length > 0 ? issuePath(issue.path) : '(settings)'}: ${issue.message}`)
  const first = result.error.issues[0]
  throw new ConfigurationError(`Invalid ${context.what ?? `${context.vendor} settings`}: ${problems.join('; ')}.`, {
    vendor: context.vendor,
    option: first && first.path.length > 0 ? issuePath(first.path) : undefined,
  })
}
