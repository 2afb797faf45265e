import { formatHaloDate, haloEmptyDate, isHaloEmptyDate, parseHaloDate } from './halo-date-format'
import { haloError } from './halo-responses'
import { haloStatusType } from './halo-seed-lookups'
import type { HaloSimulatorState } from './halo-simulator-state'
import type { HaloJson } from './halo-table'
import { describe, findPolicy, numberOrZero } from './halo-ticket-validation'
import type { HaloWriteContext } from './halo-write-context'
import { flagIsSet } from './halo-write-flags'

/** What Halo derives from a ticket's status, priority and SLA: hold, closure and the SLA targets. */

function addHours(date: unknown, hours: number): string {
  const start = parseHaloDate(date)
  return start === undefined ? haloEmptyDate : formatHaloDate(start + hours * 3_600_000)
}

/** Recomputes SLA targets, hold state and closure from the ticket's status, priority and SLA. */
export function applyDerivedFields(
  state: HaloSimulatorState,
  record: HaloJson,
  previous: HaloJson | undefined,
  now: number,
  flags: Record<string, unknown>,
): void {
  const status = state.statuses.get(record.status_id)
  const closed = status?.type === haloStatusType.closed
  const wasClosed = previous ? previous.hasbeenclosed === true : false
  record.onhold = status?.slaaction === 'H'
  record.hasbeenclosed = closed
  const importedClosure = flagIsSet(flags, '_isimport') && typeof record.dateclosed === 'string' && !isHaloEmptyDate(record.dateclosed)
  if (closed && !wasClosed && !importedClosure) record.dateclosed = formatHaloDate(now)
  if (!closed) record.dateclosed = haloEmptyDate
  const slaChanged =
    !previous || previous.sla_id !== record.sla_id || previous.priority_id !== record.priority_id || previous.dateoccurred !== record.dateoccurred
  if (slaChanged || record.excludefromsla !== previous?.excludefromsla) {
    const policy = findPolicy(state, numberOrZero(record.sla_id), numberOrZero(record.priority_id))
    if (!policy || record.excludefromsla === true) {
      record.respondbydate = haloEmptyDate
      record.fixbydate = haloEmptyDate
    } else {
      record.respondbydate = addHours(record.dateoccurred, numberOrZero(policy.responsetime))
      record.fixbydate = addHours(record.dateoccurred, numberOrZero(policy.fixtime))
    }
  }
}

/** Moves a ticket to a status (an action's `new_status` or outcome), keeping closure fields right. */
export function changeTicketStatus(context: HaloWriteContext, ticket: HaloJson, statusId: number): HaloJson {
  if (!context.state.statuses.has(statusId)) throw haloError.result(`${describe('Status', statusId)} does not exist.`)
  const record = { ...ticket, status_id: statusId }
  applyDerivedFields(context.state, record, ticket, context.now, {})
  return context.state.tickets.replace(record)
}
