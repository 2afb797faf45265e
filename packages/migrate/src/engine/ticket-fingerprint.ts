import type { TimeEntryTotals } from './migrate-time-entries'

/** What verification later checks in the target, recorded when a ticket is completed. */
export interface TicketFingerprint {
  statusCategory: string
  /** The category the target status has, where the mapping chose one of another category (a target without "resolved" closes). */
  targetStatusCategory?: string
  priorityLevel: string
  subject: string
  comments: number
  /** sha256 of every attachment's bytes, sorted. */
  attachmentDigests: string[]
  /** The time entries moved and their minutes; absent where either end has no time entries. */
  timeEntries?: TimeEntryTotals
}
