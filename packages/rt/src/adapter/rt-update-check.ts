import { PermissionError, type Ticket, ValidationError, type ValidationIssue } from '@ticketbridge/core'

/** RT's answers to a PUT that report a refusal (REST2 answers 200 either way). */
export const rtRefusalPattern =
  /isn't a valid|is not a valid|not allowed|permission denied|does not exist|couldn't|could not|invalid|failed|may not|can't|cannot|must be/i

/** A change asked for, and how to tell from the ticket read afterwards that RT applied it. */
export interface RtExpectedChange {
  field: string
  matches: (ticket: Ticket) => boolean
}

/** After an update RT answered with success: what it did not apply, told by comparing the ticket with what was asked. */
export function checkRtUpdateApplied(ticket: Ticket, expected: readonly RtExpectedChange[], messages: readonly string[], url: string): void {
  const refusals = messages.filter((message) => rtRefusalPattern.test(message))
  const missed = expected.filter((check) => !check.matches(ticket))
  if (missed.length === 0 && refusals.length === 0) return
  const issues: ValidationIssue[] =
    missed.length > 0
      ? missed.map((check) => ({
          field: check.field,
          message:
            refusals.find((message) => message.toLowerCase().includes(check.field.split('.').at(-1)!.toLowerCase())) ??
            refusals[0] ??
            'RT did not apply this change',
        }))
      : refusals.map((message) => ({ message }))
  const summary = issues.map((issue) => (issue.field ? `${issue.field}: ${issue.message}` : issue.message)).join('; ')
  const options = { vendor: 'rt', method: 'PUT', url, body: messages }
  if (refusals.some((message) => /permission denied|not allowed/i.test(message))) {
    throw new PermissionError(`RT refused part of the update of ticket ${ticket.id}: ${summary}. Other changes of the same update were applied.`, {
      ...options,
      status: 403,
    })
  }
  throw new ValidationError(
    `RT refused part of the update of ticket ${ticket.id} (it answers HTTP 200 either way): ${summary}. Other changes of the same update were applied.`,
    {
      ...options,
      status: 400,
      issues,
    },
  )
}
