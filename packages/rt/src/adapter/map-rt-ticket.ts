import type { CustomFieldValue, RichText, Ticket } from '@ticketbridge/core'
import type { Rest2Reference, Rest2Ticket } from '../client/rest2/rt-rest2-types'
import { rtPersonReference } from './map-rt-person'
import type { RtLifecycles } from './rt-lifecycles'
import type { RtPriorities } from './rt-priorities'
import { rtTimestamp } from './rt-timestamps'

/** What mapping a ticket needs besides the ticket. */
export interface RtTicketMappingContext {
  vendor: string
  lifecycles: RtLifecycles
  priorities: RtPriorities
  /** The custom field holding external ids; left out of `customFields`. */
  externalIdField: string
  /** Custom fields that take several values (RT `MaxValues` 0), by name: their values stay lists. */
  multiValueFields: ReadonlySet<string>
}

/**
 * A REST2 ticket (a search item with the adapter's fields, or a full record) in the common
 * model. The description is the Create transaction's content, read separately. Queue,
 * requestors and owner must be expanded (`fields[Queue]=Name,Lifecycle`, user fields with `id`)
 * for names and numeric ids.
 */
export function mapRtTicket(ticket: Rest2Ticket, description: RichText, context: RtTicketMappingContext): Ticket {
  const queue = ticket.Queue
  const lifecycle = typeof queue?.Lifecycle === 'string' ? queue.Lifecycle : undefined
  const statusName = String(ticket.Status ?? '')
  const category = context.lifecycles.categoryOf(statusName, lifecycle)
  const customFields: Record<string, CustomFieldValue> = {}
  let externalId: string | undefined
  for (const field of ticket.CustomFields ?? []) {
    const values = field.values.filter((value): value is string => typeof value === 'string')
    if (field.name === context.externalIdField) {
      externalId = values[0]
      continue
    }
    if (values.length === 0) continue
    customFields[field.name] = context.multiValueFields.has(field.name) ? values : values.length === 1 ? values[0]! : values
  }
  const requester = rtPersonReference(ticket.Requestor?.[0])
  const assignee = rtPersonReference(ticket.Owner)
  const resolved = rtTimestamp(ticket.Resolved)
  const due = rtTimestamp(ticket.Due)
  return {
    id: String(ticket.id),
    vendor: context.vendor,
    raw: ticket,
    subject: String(ticket.Subject ?? ''),
    description,
    status: { category, id: statusName, name: statusName },
    priority: context.priorities.priorityOf(ticket.Priority),
    ...(queue ? { queue: queueReference(queue) } : {}),
    ...(lifecycle ? { type: { id: lifecycle, name: lifecycle } } : {}),
    ...(requester ? { requester } : {}),
    ...(assignee ? { assignee } : {}),
    tags: [],
    customFields,
    createdAt: rtTimestamp(ticket.Created) ?? new Date(0).toISOString(),
    updatedAt: rtTimestamp(ticket.LastUpdated) ?? rtTimestamp(ticket.Created) ?? new Date(0).toISOString(),
    ...(due ? { dueAt: due } : {}),
    ...(resolved && (category === 'resolved' || category === 'closed') ? { resolvedAt: resolved } : {}),
    ...(resolved && category === 'closed' ? { closedAt: resolved } : {}),
    ...(externalId !== undefined && externalId !== '' ? { externalId } : {}),
  }
}

function queueReference(queue: Rest2Reference): { id: string; name?: string } {
  return { id: String(queue.id), ...(typeof queue.Name === 'string' ? { name: queue.Name } : {}) }
}
