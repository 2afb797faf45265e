import type { CallOptions } from '@ticketbridge/core'
import type { Rest2Client } from '../../client/rest2/rt-rest2-client'
import type { Rest2CollectionItem } from '../../client/rest2/rt-rest2-types'
import type { RtPort } from './rt-port'
import { rtMessageTypes, type RtTicketActivity } from './rt-port-records'
import { collectRest2, loadRtMessageParts } from './rt-rest2-message-parts'
import { rest2TransactionRecord, rest2UserFields } from './rt-rest2-records'

/** Ticket ids per transaction search: one `IN` condition in a POST body. */
const ticketsPerSearch = 500

/** Transaction types RT records without a message or a file: changes of fields, people, links, reminders. */
const typesWithoutContent: ReadonlySet<string> = new Set([
  'Status',
  'Set',
  'SetWatcher',
  'AddWatcher',
  'DelWatcher',
  'AddLink',
  'DeleteLink',
  'CustomField',
  'Told',
  'Take',
  'Untake',
  'Steal',
  'Give',
  'Force',
  'AddReminder',
  'OpenReminder',
  'ResolveReminder',
  'AddMember',
  'DeleteMember',
])

/**
 * The messages, time worked and files of many tickets in a few REST2 searches, where the history
 * of each would cost a request a ticket plus its parts: every transaction of the tickets
 * (`POST /transactions`, `ObjectId IN […]`, 100 a page), then the parts of those that can carry
 * a message or a file (`loadRtMessageParts`: metadata, then the bodies' content). A ticket RT
 * merged others into keeps their transactions under their ids, and one without transactions may
 * not exist: both are answered `undefined`, for the per-ticket history, which includes merged
 * tickets and says which ticket is missing.
 */
export function createRest2ActivityPort(rest2: Rest2Client): Required<Pick<RtPort, 'ticketsActivity'>> {
  return {
    async ticketsActivity(ticketIds, call) {
      const transactions: Rest2CollectionItem[] = []
      for (let start = 0; start < ticketIds.length; start += ticketsPerSearch) {
        const ids = ticketIds.slice(start, start + ticketsPerSearch).map(Number)
        const conditions = [
          { field: 'ObjectType', value: 'RT::Ticket' },
          { field: 'ObjectId', operator: 'IN', value: ids },
        ]
        transactions.push(
          ...(await collectRest2((page) =>
            rest2.searchTransactionsByJson(conditions, {
              ...call,
              page,
              perPage: 100,
              orderBy: 'id',
              fields: ['ObjectId', 'Type', 'Field', 'Created', 'Creator', 'TimeTaken'],
              expand: { Creator: [...rest2UserFields] },
            }),
          )),
        )
      }
      const byTicket = new Map<string, Rest2CollectionItem[]>(ticketIds.map((id) => [id, []]))
      for (const transaction of transactions) byTicket.get(String(transaction.ObjectId))?.push(transaction)
      const readAlone = new Set(
        [...byTicket].filter(([, items]) => items.length === 0 || items.some((item) => item.Field === 'MergedInto')).map(([id]) => id),
      )
      const withContent = transactions.filter(
        (item) => !readAlone.has(String(item.ObjectId)) && !typesWithoutContent.has(String(item.Type)) && !/EmailRecord$/.test(String(item.Type)),
      )
      const parts = await loadRtMessageParts(
        rest2,
        withContent.map((item) => String(item.id)),
        { ...call, withFiles: true } satisfies CallOptions & { withFiles: boolean },
      )
      const answer = new Map<string, RtTicketActivity | undefined>()
      for (const [ticketId, items] of byTicket) {
        if (readAlone.has(ticketId)) {
          answer.set(ticketId, undefined)
          continue
        }
        const activity: RtTicketActivity = { messages: [], timeWorked: [], files: [] }
        for (const item of items.sort((left, right) => Number(left.id) - Number(right.id))) {
          const type = String(item.Type)
          const isMessage = rtMessageTypes.has(type)
          const found = parts.get(String(item.id))
          for (const file of found?.files ?? []) activity.files.push({ ...file, transactionType: type })
          const record = rest2TransactionRecord(item, isMessage ? found : { body: undefined, files: [] })
          if (isMessage) activity.messages.push(record)
          if (record.timeTaken !== 0) activity.timeWorked.push(isMessage ? { ...record, files: [] } : record)
        }
        activity.files.sort((left, right) => Number(left.id) - Number(right.id))
        answer.set(ticketId, activity)
      }
      return answer
    },
  }
}
