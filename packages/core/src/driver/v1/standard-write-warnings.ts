import type { AdapterCapabilities } from '../../adapter/v1/adapter-capabilities'
import type { AdapterWarning } from '../../adapter/v1/adapter-warning'
import type { CheckedCommentCreate, CheckedTicketCreate, CheckedTicketUpdate } from './ticketing-driver-v1'

/** Who is warning: the vendor as people call it, and what it can do. */
export interface WarningSource {
  title: string
  capabilities: AdapterCapabilities
}

/** Whether two instants are the same second (vendors store whole seconds). */
function sameSecond(left: string, right: string): boolean {
  return Math.floor(Date.parse(left) / 1000) === Math.floor(Date.parse(right) / 1000)
}

/** Whether the stored record kept the time asked for; unknown (no record) counts as not kept. */
function keptTime(asked: string, record: { createdAt: string } | undefined): boolean {
  return record !== undefined && sameSecond(asked, record.createdAt)
}

export function silentWarning(source: WarningSource): AdapterWarning {
  return {
    type: 'unsupported',
    field: 'silent',
    message: `${source.title} cannot suppress notifications or rules through its API; the write may notify people.`,
  }
}

/** What a ticket write asked for that the vendor does not keep as asked. */
export function ticketWriteWarnings(
  source: WarningSource,
  input: CheckedTicketCreate | CheckedTicketUpdate,
  record: { createdAt: string } | undefined,
): AdapterWarning[] {
  const warnings: AdapterWarning[] = []
  if (input.description?.html !== undefined && !source.capabilities.tickets.html) {
    warnings.push({
      type: 'converted',
      field: 'description.html',
      message: `${source.title} keeps ticket descriptions as plain text; the text was written, the HTML left out.`,
    })
  }
  // Judged by what was stored: a build that keeps the time where the capability cannot promise it
  // is not warned about. A batch receipt holds no record: judged by the capability.
  if (input.createdAt !== undefined && !source.capabilities.tickets.setCreatedAt && !keptTime(input.createdAt, record)) {
    warnings.push({
      type: 'unsupported',
      field: 'createdAt',
      message: `${source.title} recorded the time of import as the ticket's creation time; its API does not let the original time be set.`,
    })
  }
  return warnings
}

/** What a comment write asked for that the vendor does not keep as asked. */
export function commentWriteWarnings(
  source: WarningSource,
  input: CheckedCommentCreate,
  record: { createdAt: string } | undefined,
): AdapterWarning[] {
  const { comments } = source.capabilities
  const warnings: AdapterWarning[] = []
  if (input.body.html !== undefined && !comments.html) {
    warnings.push({
      type: 'converted',
      field: 'body.html',
      message: `${source.title} keeps comments as plain text; the text was written, the HTML left out.`,
    })
  }
  if (input.author !== undefined && !comments.setAuthor) {
    warnings.push({ type: 'unsupported', field: 'author', message: `${source.title} writes the comment as the API user; the author was left out.` })
  }
  if (input.createdAt !== undefined && !comments.setCreatedAt && !keptTime(input.createdAt, record)) {
    warnings.push({
      type: 'unsupported',
      field: 'createdAt',
      message: `${source.title} stamps the comment with the time it is written; the original time was left out.`,
    })
  }
  if (input.ticketStatus !== undefined && !comments.setTicketStatus) {
    warnings.push({
      type: 'unsupported',
      field: 'ticketStatus',
      message: `${source.title} cannot change a ticket's status with a comment; it was left as it was (use tickets.update).`,
    })
  }
  if (input.timeWorkedMinutes !== undefined && !source.capabilities.timeEntriesAreComments) {
    warnings.push({
      type: 'unsupported',
      field: 'timeWorkedMinutes',
      message: `${source.title} keeps time worked as time entries, not on comments; it was left out (use timeEntries.create).`,
    })
  }
  return warnings
}

/** A file meant for a comment, where files belong to the ticket only. */
export function commentLinkWarning(source: WarningSource): AdapterWarning {
  return {
    type: 'unsupported',
    field: 'commentId',
    message: `${source.title} attaches files to the ticket, not to a comment; the file was attached to the ticket.`,
  }
}

/**
 * The driver's result with the standard warnings added, each only where the driver said nothing
 * of that field: a driver that kept a value another way (a provenance line, a substitute) has
 * said so more precisely.
 */
export function withStandardWarnings<Result extends { warnings: AdapterWarning[] }>(result: Result, standard: readonly AdapterWarning[]): Result {
  // A driver's warning on `description` covers `description.html` too: it said what became of the whole value.
  const fieldsWarned = result.warnings.flatMap((warning) => (warning.field ? [warning.field] : []))
  const covered = (field: string | undefined) => fieldsWarned.some((warned) => field === warned || field?.startsWith(`${warned}.`))
  const added = standard.filter((warning) => !covered(warning.field))
  return added.length === 0 ? result : { ...result, warnings: [...added, ...result.warnings] }
}
