import { type CallOptions, htmlToText, type RichText } from '@ticketbridge/core'
import type { Rest2Client } from '../../client/rest2/rt-rest2-client'
import type { Rest2TicketCreateInput } from '../../client/rest2/rt-rest2-client-options'
import type { Rest2Reference, Rest2Ticket } from '../../client/rest2/rt-rest2-types'
import type { RtPort } from './rt-port'
import type { RtExtraFields, RtTicketChanges, RtTicketFields } from './rt-port-records'
import { loadRtMessageParts, collectRest2 } from './rt-rest2-message-parts'
import { rest2TicketRecord, rest2UserFields } from './rt-rest2-records'
import { rtInputDate } from './rt-rest2-timestamps'

/** Fields asked of every ticket, with the referenced records expanded (numeric user ids, queue names, lifecycles). */
const ticketFields = [
  'Subject',
  'Status',
  'Priority',
  'InitialPriority',
  'FinalPriority',
  'Queue',
  'Owner',
  'Requestor',
  'Cc',
  'AdminCc',
  'Creator',
  'Created',
  'LastUpdated',
  'Starts',
  'Started',
  'Due',
  'Resolved',
  'Told',
  'TimeEstimated',
  'TimeWorked',
  'TimeLeft',
  'CustomFields',
]
const userFields = [...rest2UserFields]
const ticketExpand = { Queue: ['Name', 'Lifecycle'], Owner: userFields, Requestor: userFields }

type Rest2TicketPort = Pick<
  RtPort,
  'searchTickets' | 'getTicket' | 'ticketDescriptions' | 'createTicket' | 'updateTicket' | 'setStatus' | 'deleteTicket'
>

/** The ticket part of the REST2 port: TicketSQL searches by id keyset, the ticket record, writes. */
export function createRest2TicketPort(rest2: Rest2Client): Rest2TicketPort {
  async function search(sql: string, perPage: number, call: CallOptions) {
    return rest2.searchTickets(sql, { ...call, perPage, orderBy: 'id', fields: ticketFields, expand: ticketExpand })
  }

  /**
   * Newest changes first, by page number: TicketSQL cannot compare to a second exactly in every
   * zone (RT reads date literals in the user's zone), so there is no keyset to page by. `id` is
   * the second key, so tickets changed in the same second keep their places between pages. A
   * ticket changed while the listing runs jumps to the front (the page after may repeat one).
   */
  async function recentlyUpdatedPage(sql: string, cursor: string | undefined, perPage: number, call: CallOptions) {
    const number = cursor === undefined ? 1 : Number(cursor)
    const page = await rest2.searchTickets(sql, {
      ...call,
      page: number,
      perPage,
      orderBy: ['LastUpdated', 'id'],
      order: ['DESC', 'DESC'],
      fields: ticketFields,
      expand: ticketExpand,
    })
    const items = (page.items as Rest2Ticket[]).map(rest2TicketRecord)
    const total = page.total === null || page.total === undefined ? undefined : Number(page.total)
    const size = Number(page.per_page) || perPage
    const more =
      items.length > 0 && (total !== undefined && Number.isFinite(total) ? total > (number - 1) * size + items.length : items.length >= size)
    return more ? { items, nextCursor: String(number + 1) } : { items }
  }

  /** Users referenced by name (single records do not expand role lists) with numeric ids. */
  async function expandUserReferences(references: readonly Rest2Reference[], call: CallOptions): Promise<Rest2Reference[]> {
    const names = references.map((reference) => String(reference.id))
    if (names.length === 0) return []
    const users = await collectRest2((page) =>
      rest2.searchUsers([{ field: 'Name', operator: 'IN', value: names }], { ...call, page, perPage: 100, fields: userFields }),
    )
    const byName = new Map(users.map((user) => [String(user.Name), user]))
    return references.map((reference) => byName.get(String(reference.id)) ?? reference)
  }

  return {
    async searchTickets(sql, { cursor, perPage, order }, call) {
      if (order === 'recently-updated-first') return recentlyUpdatedPage(sql, cursor, perPage, call)
      // Keyset paging by id: stable while tickets are created or updated during the listing.
      const page = await search(`(${sql}) AND id > ${cursor ?? '0'}`, perPage, call)
      const items = page.items as Rest2Ticket[]
      const last = items.at(-1)
      const total = page.total === null || page.total === undefined ? undefined : Number(page.total)
      const more =
        last !== undefined && (total !== undefined && Number.isFinite(total) ? total > items.length : items.length >= Number(page.per_page))
      const tickets = items.map(rest2TicketRecord)
      return more ? { items: tickets, nextCursor: String(last.id) } : { items: tickets }
    },

    async getTicket(id, call) {
      const found = (await search(`id = ${id}`, 1, call)).items[0] as Rest2Ticket | undefined
      if (found) return rest2TicketRecord(found)
      // Searches never return deleted tickets (RT adds Status != 'deleted'); reading the record
      // says whether the ticket is deleted, merged, hidden (403) or missing (404).
      const { record } = await rest2.getTicket(id, { ...call, expand: { Queue: ticketExpand.Queue, Owner: userFields } })
      return rest2TicketRecord({ ...record, Requestor: await expandUserReferences(record.Requestor ?? [], call) })
    },

    /** The Create transactions of the tickets, then those transactions' bodies. */
    async ticketDescriptions(ticketIds, call) {
      const descriptions = new Map<string, RichText>()
      if (ticketIds.length === 0) return descriptions
      const conditions = [
        { field: 'ObjectType', value: 'RT::Ticket' },
        { field: 'Type', value: 'Create' },
        { field: 'ObjectId', operator: 'IN', value: ticketIds.map(Number) },
      ]
      const creates = await collectRest2((page) =>
        rest2.searchTransactionsByJson(conditions, { ...call, page, perPage: 100, orderBy: 'id', fields: ['ObjectId'] }),
      )
      const ticketOfTransaction = new Map(creates.map((transaction) => [String(transaction.id), String(transaction.ObjectId)]))
      const parts = await loadRtMessageParts(rest2, [...ticketOfTransaction.keys()], { ...call, withFiles: false })
      for (const [transactionId, ticketId] of ticketOfTransaction) descriptions.set(ticketId, parts.get(transactionId)?.body ?? { text: '' })
      return descriptions
    },

    async createTicket({ Attachments: attachments, ...fields }, extra, call) {
      const body = createBody(fields, extra)
      const files = attachments?.length ? { attachments, attachmentEncoding: 'multipart' as const } : {}
      const { id } = await rest2.createTicket(body, { ...call, ...files })
      // A create carrying files is a multipart message: its description is read from RT, not assumed.
      const storedDescription = attachments?.length ? undefined : sentDescription(body, extra)
      return storedDescription ? { id, storedDescription } : { id }
    },

    async updateTicket(id, changes, extra, { ifMatch, ...call }) {
      return rest2.updateTicket(id, changeBody(changes, extra), { ...call, ...(ifMatch !== undefined ? { ifMatch } : {}) })
    },

    setStatus: (id, status, call) => rest2.updateTicket(id, { Status: status }, call),

    async deleteTicket(id, call) {
      await rest2.deleteTicket(id, call)
    },
  }
}

function createBody(fields: RtTicketFields, extra: RtExtraFields): Rest2TicketCreateInput {
  const { Due, Created, ...rest } = fields
  return {
    ...extra,
    ...rest,
    ...(Due !== undefined ? { Due: rtInputDate(Due) } : {}),
    ...(Created !== undefined ? { Created: rtInputDate(Created) } : {}),
  }
}

function changeBody(changes: RtTicketChanges, extra: RtExtraFields): Record<string, unknown> {
  const { Due, ...rest } = changes
  return { ...extra, ...rest, ...(Due !== undefined ? { Due: rtInputDate(Due) } : {}) }
}

/**
 * After a create, the description as RT stores it, known from what was sent, so reading the
 * new ticket back needs the ticket alone (not its Create transaction's parts). RT keeps a
 * text/plain or text/html Content byte for byte, except that it turns CRLF into LF; content
 * with a CR, or a create whose vendor options shape the message, is read from RT instead.
 */
function sentDescription(body: Rest2TicketCreateInput, extra: RtExtraFields): RichText | undefined {
  if (['Content', 'ContentType', 'Attachments'].some((key) => extra[key] !== undefined)) return undefined
  if (body.Content === undefined) return { text: '' }
  if (typeof body.Content !== 'string' || body.Content.includes('\r')) return undefined
  if (body.ContentType === 'text/plain') return { text: body.Content }
  if (body.ContentType === 'text/html') return { text: htmlToText(body.Content), html: body.Content }
  return undefined
}
