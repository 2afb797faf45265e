import { type AdapterWarning, runConcurrently, type TimeEntryDriver } from '@ticketbridge/core'
import type { HaloAction } from '../client/resources/halo-actions'
import { HaloTimeEntries } from '../client/resources/halo-time-entries'
import { parseHaloInstant, toHaloDate } from './halo-dates'
import type { HaloDriverContext } from './halo-driver-context'
import { requireNumericId } from './halo-numeric-id'
import { chooseHaloOutcome } from './halo-outcome-choice'
import { haloRowWarnings } from './halo-row-warnings'
import { haloSilentActionFlags } from './halo-silent-flags'
import { isHaloCommentAction, mapHaloTimeEntry } from './map-halo-time-entry'

/**
 * Time entries are actions carrying `timetaken` (hours): one that is also a comment (any but a
 * system action) names it as its `commentId`, so a reader of both does not take its note twice.
 * Creates go through the action queue with comments.
 */
export function createHaloTimeEntryOperations(halo: HaloDriverContext): TimeEntryDriver {
  const { client, lookups } = halo
  return {
    async listPage(ticketId, _cursor, context) {
      const ticket = requireNumericId(ticketId, 'ticketId', 'time entry query')
      // Side by side; a failure is thrown only once the other read has settled, so none goes on unseen.
      let rows: HaloAction[] = []
      let systemOutcomeIds: ReadonlySet<string> = new Set()
      const reads = [
        async () => {
          rows = await client.timeEntries.listForTicket(ticket, {}, context)
        },
        async () => {
          systemOutcomeIds = await lookups.systemOutcomeIds(context)
        },
      ]
      await runConcurrently(reads, reads.length, (read) => read())
      return { items: rows.map((row) => mapHaloTimeEntry(row, ticketId, isHaloCommentAction(row, systemOutcomeIds))) }
    },

    // With the comments: one read of each ticket's actions, those with time kept here.
    async listForTickets(ticketIds, context) {
      const [actions, systemOutcomeIds] = await Promise.all([
        halo.ticketActions.read(ticketIds, 'timeEntries', context),
        lookups.systemOutcomeIds(context),
      ])
      return new Map(
        [...actions].map(([ticketId, rows]) => [
          ticketId,
          rows.filter(HaloTimeEntries.hasTime).map((row) => mapHaloTimeEntry(row, ticketId, isHaloCommentAction(row, systemOutcomeIds))),
        ]),
      )
    },

    async create({ ticketId, input }, context) {
      const ticket = requireNumericId(ticketId, 'ticketId', 'time entry')
      const warnings: AdapterWarning[] = []
      if (input.person)
        warnings.push({ type: 'unsupported', field: 'person', message: 'Halo records time as the API application’s agent; the person was left out.' })
      const hours = input.minutes / 60
      // Epoch milliseconds, so the end is the start plus the minutes whatever the zone's clock did meanwhile.
      const started = input.startedAt !== undefined ? parseHaloInstant(input.startedAt) : undefined
      const outcome = await chooseHaloOutcome(halo, 'timeEntry', context)
      const entry = {
        timetaken: hours,
        ...outcome,
        ...(input.note !== undefined ? { note: input.note } : {}),
        ...(started !== undefined
          ? { actionarrivaldate: toHaloDate(new Date(started)), actioncompletiondate: toHaloDate(new Date(started + input.minutes * 60_000)) }
          : {}),
        ...(input.billable !== undefined ? { actisbillable: input.billable } : {}),
        ...(context.silent ? haloSilentActionFlags : {}),
        ...input.vendorOptions?.halo,
      }
      // Read before the write, so a failed lookup never hides a write that landed.
      const systemOutcomeIds = await lookups.systemOutcomeIds(context)
      const row = await halo.actionWrites.write(HaloTimeEntries.toAction(ticket, entry), context)
      const merged = { timetaken: hours, note: input.note, ...row } as typeof row
      const isComment = isHaloCommentAction({ outcome_id: row.outcome_id ?? (entry as { outcome_id?: number }).outcome_id }, systemOutcomeIds)
      return { record: mapHaloTimeEntry(merged, ticketId, isComment), warnings: [...warnings, ...haloRowWarnings(row)] }
    },
  }
}
