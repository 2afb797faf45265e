import type { CallOptions, RichText } from '@ticketbridge/core'
import type { Rest1FormValue } from '../../client/rest1/rt-rest1-form-encoder'
import { splitRest1CustomFieldValues } from '../../client/rest1/rt-rest1-form-parser'
import type { Rest1Ticket } from '../../client/rest1/rt-rest1-types'
import type { RtPort } from './rt-port'
import type { RtTicketChanges, RtTicketRecord } from './rt-port-records'
import type { Rest1PortContext } from './rt-rest1-port-context'

type Rest1TicketPort = Pick<
  RtPort,
  'searchTickets' | 'getTicket' | 'ticketDescriptions' | 'createTicket' | 'updateTicket' | 'setStatus' | 'deleteTicket'
>

/** A ticket form's field by name, case-insensitively (the form may spell it `Requestors` for `Requestor`). */
function readCurrent(fields: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase()
  const key = Object.keys(fields).find((candidate) => candidate.toLowerCase() === lower || candidate.toLowerCase() === `${lower}s`)
  return key === undefined ? undefined : fields[key]
}

/** Custom field values as REST 1.0 writes them: a list, or one value; `null` (clear) as nothing. */
function customFieldEntries(values: RtTicketChanges['CustomFields']): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(values ?? {}).map(([name, value]) => [name, value ?? '']))
}

/**
 * The ticket part of the REST 1.0 port. REST 1.0 searches have no paging and no batch reads of
 * history: a search's ids are read once per listing and the tickets a page at a time, each
 * ticket's requestor, owner and queue id resolved through what the port read before.
 */
export function createRest1TicketPort(context: Rest1PortContext): Rest1TicketPort {
  const { rest1 } = context

  async function ticketRecord(ticket: Rest1Ticket, call: CallOptions): Promise<RtTicketRecord> {
    const [requester, owner, queueIds] = await Promise.all([
      context.userReference(ticket.requestors[0], call),
      context.userReference(ticket.owner, call),
      context.queueIds(call),
    ])
    // The other requestors stay as RT names them (addresses): enough to write them back.
    const others = ticket.requestors.slice(1).map((identifier) => ({ id: identifier, name: identifier }))
    return {
      id: ticket.id,
      subject: ticket.subject ?? '',
      status: ticket.status ?? '',
      ...(ticket.priority !== undefined ? { priority: ticket.priority } : {}),
      ...(ticket.queue !== undefined ? { queue: { id: queueIds.get(ticket.queue) ?? ticket.queue, name: ticket.queue } } : {}),
      ...(owner ? { owner } : {}),
      requestors: requester ? [requester, ...others] : others,
      customFields: Object.entries(ticket.customFields).map(([name, raw]) => ({ name, values: splitRest1CustomFieldValues(raw) })),
      ...(ticket.created ? { created: ticket.created } : {}),
      ...(ticket.lastUpdated ? { lastUpdated: ticket.lastUpdated } : {}),
      ...(ticket.due ? { due: ticket.due } : {}),
      ...(ticket.resolved ? { resolved: ticket.resolved } : {}),
      raw: ticket.form,
    }
  }

  /**
   * The fields and custom fields whose values differ from the ticket's (compared as RT writes
   * them): RT answers an edit that changes nothing with a malformed empty response (two chunked
   * terminators) that strict HTTP parsers, and proxies built on them, reject.
   */
  async function changedFields(
    id: string,
    fields: Record<string, Rest1FormValue>,
    customFields: Record<string, string | string[]>,
    call: CallOptions,
  ) {
    const names = [...Object.keys(fields), ...Object.keys(customFields).map((name) => `CF.{${name}}`)]
    if (names.length === 0) return { fields, customFields }
    const current = await rest1.getTicket(id, { ...call, fields: names })
    const differs = (name: string, value: Rest1FormValue): boolean => {
      const now = readCurrent(current.form.fields, name)
      if (now === undefined) return true
      const wanted = Array.isArray(value) ? value.map(String) : [String(value)]
      const have = name === 'Requestors' || name === 'Cc' || name === 'AdminCc' ? now.split(/,\s*/).filter(Boolean) : [now]
      return JSON.stringify(have.map((item) => item.toLowerCase())) !== JSON.stringify(wanted.map((item) => item.toLowerCase()))
    }
    const changed = Object.fromEntries(Object.entries(fields).filter(([name, value]) => differs(name, value)))
    const changedCustomFields = Object.fromEntries(
      Object.entries(customFields).filter(([name, value]) => {
        const wanted = (Array.isArray(value) ? value : [value]).filter((item) => item !== '')
        return JSON.stringify(splitRest1CustomFieldValues(current.customFields[name])) !== JSON.stringify(wanted)
      }),
    )
    return { fields: changed, customFields: changedCustomFields }
  }

  /** Sends only what differs; RT answers 409 with one line per refused field (a ValidationError). */
  async function edit(id: string, fields: Record<string, Rest1FormValue>, customFields: Record<string, string | string[]>, call: CallOptions) {
    const changes = await changedFields(id, fields, customFields, call)
    if (Object.keys(changes.fields).length === 0 && Object.keys(changes.customFields).length === 0) return { messages: [] }
    const { messages } = await rest1.updateTicket(id, changes.fields, { ...call, customFields: changes.customFields })
    return { messages }
  }

  return {
    async searchTickets(sql, { cursor, perPage, order }, call) {
      const size = Math.min(perPage, 100)
      // REST 1.0 sorts by one field only; the ids are read once per listing, so ties keep their places.
      const orderBy = order === 'recently-updated-first' ? '-LastUpdated' : '+id'
      const ids = await context.listings.read(`tickets:${orderBy}:${sql}`, cursor === undefined, () =>
        rest1.searchTickets(sql, { ...call, format: 'i', orderBy }),
      )
      const start = cursor === undefined ? 0 : Number(cursor)
      const pageIds = ids.slice(start, start + size)
      // `show` answers in id order (RT 5.0.3), whatever order the ids were asked in: put them back in the listing's.
      const records = (await rest1.getTickets(pageIds, call)).sort((left, right) => pageIds.indexOf(left.id) - pageIds.indexOf(right.id))
      const items = await Promise.all(records.map((record) => ticketRecord(record, call)))
      return start + size < ids.length ? { items, nextCursor: String(start + size) } : { items }
    },

    getTicket: async (id, call) => ticketRecord(await rest1.getTicket(id, call), call),

    /** Each ticket's Create transaction: the first entry of its short history, then that entry. */
    async ticketDescriptions(ids, call) {
      const read = async (ticketId: string): Promise<[string, RichText]> => {
        const first = (await rest1.getHistory(ticketId, call))[0]
        const entry = first ? await rest1.getHistoryEntry(ticketId, first.id, call) : undefined
        return [ticketId, { text: entry?.type === 'Create' ? (entry.content ?? '') : '' }]
      }
      return new Map(await Promise.all(ids.map(read)))
    },

    async createTicket(fields, extra, call) {
      const { id } = await rest1.createTicket(
        {
          queue: fields.Queue,
          subject: fields.Subject,
          // REST 1.0 messages are text: the Content is the description's text.
          ...(fields.Content ? { text: fields.Content } : {}),
          ...(fields.Requestor ? { requestors: fields.Requestor } : {}),
          ...(fields.Owner ? { owner: fields.Owner } : {}),
          ...(fields.Status ? { status: fields.Status } : {}),
          ...(fields.Priority !== undefined ? { priority: fields.Priority } : {}),
          ...(fields.Due ? { due: await context.formDate(fields.Due, call) } : {}),
          customFields: customFieldEntries(fields.CustomFields),
          ...(fields.Attachments?.length ? { attachments: fields.Attachments } : {}),
          ...(Object.keys(extra).length > 0 ? { fields: extra as Record<string, Rest1FormValue> } : {}),
        },
        call,
      )
      return { id }
    },

    async updateTicket(id, changes, extra, { ifMatch: _noEtags, ...call }) {
      const { CustomFields, Requestor, Due, ...named } = changes
      const fields: Record<string, Rest1FormValue> = {
        ...(extra as Record<string, Rest1FormValue>),
        ...(named as Record<string, Rest1FormValue>),
        ...(Requestor ? { Requestors: Requestor } : {}),
        ...(Due !== undefined ? { Due: await context.formDate(Due, call) } : {}),
      }
      return edit(id, fields, customFieldEntries(CustomFields), call)
    },

    async setStatus(id, status, call) {
      const { messages } = await rest1.updateTicket(id, { Status: status }, call)
      return { messages }
    },

    async deleteTicket(id, call) {
      await edit(id, { Status: 'deleted' }, {}, call)
    },
  }
}
