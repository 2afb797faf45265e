import type { TimeEntry } from '@ticketbridge/core'
import type { AutotaskEntityModels } from '../generated/autotask-entities'
import type { AutotaskRecord } from '../client/autotask-query'
import { toTimestamp } from './autotask-timestamp'

export type AutotaskTimeEntry = AutotaskRecord<AutotaskEntityModels['TimeEntries']>

/** A time entry on a ticket: hours worked as minutes, the resource who worked, billable unless marked non-billable. */
export function mapAutotaskTimeEntry(raw: AutotaskTimeEntry, ticketId: string): TimeEntry {
  const startedAt = toTimestamp(raw.startDateTime) ?? toTimestamp(raw.dateWorked)
  const note = typeof raw.summaryNotes === 'string' && raw.summaryNotes !== '' ? raw.summaryNotes : undefined
  return {
    id: String(raw.id),
    vendor: 'autotask',
    raw,
    ticketId: typeof raw.ticketID === 'number' ? String(raw.ticketID) : ticketId,
    minutes: typeof raw.hoursWorked === 'number' ? Math.round(raw.hoursWorked * 60 * 100) / 100 : 0,
    ...(note !== undefined ? { note } : {}),
    ...(typeof raw.resourceID === 'number' ? { person: { id: String(raw.resourceID) } } : {}),
    ...(startedAt !== undefined ? { startedAt } : {}),
    ...(typeof raw.isNonBillable === 'boolean' ? { billable: !raw.isNonBillable } : {}),
  }
}
