import { type HaloCallOptions, localValidationError } from '../halo-collection'
import type { HaloActionInput, HaloActionQuery } from './halo-actions'
import type { HaloAction, HaloActions } from './halo-actions'

/** Time worked on a ticket: hours, a note, and the outcome Halo requires on every action. */
export interface HaloTimeEntryInput {
  /** Hours worked (Halo keeps `timetaken` in hours). */
  timetaken: number
  note?: string
  note_html?: string
  outcome_id?: number
  outcome?: string
  /** When the work started and ended, as Halo writes dates (UTC, no zone). */
  actionarrivaldate?: string
  actioncompletiondate?: string
  hiddenfromuser?: boolean
  [field: string]: unknown
}

/**
 * Time entries: in Halo, actions that carry `timetaken` (halo.md §4.2). Listing asks Halo for
 * time entries only and keeps the actions that really carry time.
 */
export class HaloTimeEntries {
  constructor(private readonly actions: HaloActions) {}

  /** The time entries of one ticket. */
  async listForTicket(
    ticketId: number,
    query: Omit<HaloActionQuery, 'ticket_id' | 'timeentriesonly'> = {},
    options: HaloCallOptions = {},
  ): Promise<HaloAction[]> {
    const rows = await this.actions.listForTicket(ticketId, { ...query, timeentriesonly: true }, options)
    return rows.filter(HaloTimeEntries.hasTime)
  }

  /** Records time worked on a ticket as a private action, without emailing anyone. */
  async create(ticketId: number, entry: HaloTimeEntryInput, options: HaloCallOptions = {}): Promise<HaloAction> {
    return this.actions.create(HaloTimeEntries.toAction(ticketId, entry), options)
  }

  /** Whether an action records time worked (`timetaken` in hours, above 0). */
  static hasTime(action: Pick<HaloAction, 'timetaken'>): boolean {
    return typeof action.timetaken === 'number' && action.timetaken > 0
  }

  /**
   * The action a time entry is written as (private, emailing nobody), checked: for callers that
   * send actions themselves, such as in an array with others.
   */
  static toAction(ticketId: number, entry: HaloTimeEntryInput): HaloActionInput {
    if (!(typeof entry.timetaken === 'number' && entry.timetaken > 0))
      throw localValidationError('time entry', 'timetaken', 'give the hours worked, more than 0')
    return { sendemail: false, hiddenfromuser: true, ...entry, ticket_id: ticketId } as HaloActionInput
  }
}
