import type { CallOptions, Page, RichText, Ticket } from '@ticketbridge/core'
import { mapRtTicket } from './map-rt-ticket'
import type { RtTransactionKind } from './port/rt-port'
import { rtPageWith, type RtTicketActivity, type RtTicketRecord, type RtTransactionRecord } from './port/rt-port-records'
import type { RtDriverContext } from './rt-driver-context'
import type { RtActivityReader } from './rt-ticket-activity'

/** Descriptions of tickets: those known, and the others read in as few requests as the API allows. */
async function descriptionsOf(context: RtDriverContext, ticketIds: readonly string[], call: CallOptions): Promise<Map<string, RichText>> {
  const descriptions = new Map<string, RichText>()
  const unknown: string[] = []
  for (const id of ticketIds) {
    const known = context.descriptions.get(id)
    if (known) descriptions.set(id, known)
    else unknown.push(id)
  }
  if (unknown.length === 0) return descriptions
  for (const [id, description] of await context.port.ticketDescriptions(unknown, call)) {
    descriptions.set(id, description)
    context.descriptions.set(id, description)
  }
  return descriptions
}

/** Fields that keep several values, where the API describes its custom fields (else none is known). */
async function multiValueFields(context: RtDriverContext, call: CallOptions): Promise<Set<string>> {
  if (!context.port.describesCustomFields) return new Set()
  const fields = await context.customFieldsByName(call)
  return new Set([...fields.values()].filter((field) => field.maxValues !== 1).map((field) => field.name))
}

/** Tickets in the common model, with their descriptions. */
export async function toTickets(context: RtDriverContext, records: readonly RtTicketRecord[], call: CallOptions): Promise<Ticket[]> {
  const [descriptions, multiValue] = await Promise.all([
    descriptionsOf(
      context,
      records.map((record) => record.id),
      call,
    ),
    multiValueFields(context, call),
  ])
  const mapping = {
    lifecycles: context.lifecycles,
    priorities: context.priorities,
    externalIdField: context.externalIdField,
    multiValueFields: multiValue,
  }
  return records.map((record) => mapRtTicket(record, descriptions.get(record.id) ?? { text: '' }, mapping))
}

/** One ticket, deleted ones included. */
export async function readTicket(context: RtDriverContext, id: string, call: CallOptions): Promise<Ticket> {
  const record = await context.port.getTicket(context.ticketId(id), call)
  return (await toTickets(context, [record], call))[0]!
}

/** A page of a ticket's comments and replies, or of its transactions with time worked, in the common model. */
export async function readTransactionPage<T>(
  context: RtDriverContext,
  ticketId: string,
  kind: RtTransactionKind,
  cursor: string | undefined,
  call: CallOptions,
  map: (transaction: RtTransactionRecord, ticketId: string) => T,
): Promise<Page<T>> {
  const page = await context.port.ticketTransactions(context.ticketId(ticketId), kind, cursor, call)
  return rtPageWith(
    page,
    page.items.map((transaction) => map(transaction, ticketId)),
  )
}

/**
 * The driver's `listForTickets` for one kind of a ticket's history, where the API reads many
 * tickets' activity together (else absent: the runtime reads ticket by ticket).
 */
export function listActivityForTickets<T>(
  context: RtDriverContext,
  reader: RtActivityReader,
  pick: (activity: RtTicketActivity, ticketId: string) => T[],
): { listForTickets?: (ticketIds: readonly string[], call: CallOptions) => Promise<Map<string, T[]>> } {
  const { activity } = context
  if (!activity) return {}
  return {
    async listForTickets(ticketIds, call) {
      const numeric = new Map(ticketIds.map((ticketId) => [context.ticketId(ticketId), ticketId]))
      const found = await activity.read([...numeric.keys()], reader, call)
      return new Map([...numeric].map(([id, ticketId]) => [ticketId, pick(found.get(id)!, ticketId)]))
    },
  }
}
