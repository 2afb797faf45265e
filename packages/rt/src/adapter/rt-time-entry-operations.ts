import type { AdapterWarning, TimeEntryDriver } from '@ticketbridge/core'
import { mapRtTimeEntry } from './map-rt-time-entry'
import type { RtDriverContext } from './rt-driver-context'
import { listActivityForTickets, readTransactionPage } from './rt-ticket-reads'
import { wholeMinutes } from './rt-whole-minutes'

/**
 * RT's time worked: a transaction's `TimeTaken`, in whole minutes, recorded by the authenticated
 * user. A time entry is written as an internal comment carrying the time (its note the text).
 */
export function createRtTimeEntryOperations(context: RtDriverContext): TimeEntryDriver {
  const { port } = context

  return {
    listPage: (ticketId, cursor, call) => readTransactionPage(context, ticketId, 'time-worked', cursor, call, mapRtTimeEntry),
    ...listActivityForTickets(context, 'timeEntries', (activity, ticketId) => activity.timeWorked.map((entry) => mapRtTimeEntry(entry, ticketId))),

    async create({ ticketId, input }, { silent: _silent, ...call }) {
      const warnings: AdapterWarning[] = []
      const leftOut = (field: string, message: string) => warnings.push({ type: 'unsupported', field, message })
      const minutes = wholeMinutes(input.minutes, warnings)
      if (input.person) leftOut('person', 'RT records the authenticated user as the one who worked; the person was left out.')
      if (input.startedAt) leftOut('startedAt', 'RT records no start time for time worked; it was left out.')
      if (input.billable !== undefined) leftOut('billable', 'RT has no billable flag; it was left out.')
      const note = input.note?.trim() ? input.note : undefined
      // REST 1.0 needs text or a file on a comment.
      const content = note ?? (port.messagesNeedContent ? `Time worked: ${minutes} minutes` : undefined)
      const transaction = await port.postMessage(
        context.ticketId(ticketId),
        {
          type: 'comment',
          ...(content !== undefined ? { content, contentType: 'text/plain' as const } : {}),
          timeTaken: minutes,
          extra: { ...input.vendorOptions?.rt },
        },
        call,
      )
      // The note as sent, and the minutes asked for where RT's answer does not say.
      const { body: _readBack, ...recorded } = transaction
      const record = mapRtTimeEntry(
        { ...recorded, timeTaken: transaction.timeTaken || minutes, ...(content !== undefined ? { body: { text: content } } : {}) },
        ticketId,
      )
      return { record, warnings }
    },
  }
}
