import type { CustomFieldValue, RichText, Ticket } from '@ticketbridge/core'
import type { RtTicketRecord } from './port/rt-port-records'
import { mapRtUserReference } from './map-rt-person'
import type { RtLifecycles } from './rt-lifecycles'
import type { RtPriorities } from './rt-priorities'

/** What mapping a ticket needs besides the ticket. */
export interface RtTicketMappingContext {
  lifecycles: RtLifecycles
  priorities: RtPriorities
  /** The custom field holding external ids; left out of `customFields`. */
  externalIdField: string
  /** Custom fields that take several values (RT `MaxValues` 0), by name: their values stay lists. */
  multiValueFields: ReadonlySet<string>
}

/**
 * An RT ticket in the common model. The description is the Create transaction's content, read
 * separately. The status's category comes from the queue's lifecycle where the API shows it;
 * the first requestor is the requester, the owner the assignee.
 */
export function mapRtTicket(ticket: RtTicketRecord, description: RichText, context: RtTicketMappingContext): Ticket {
  const { queue } = ticket
  const category = context.lifecycles.categoryOf(ticket.status, queue?.lifecycle)
  const customFields: Record<string, CustomFieldValue> = {}
  let externalId: string | undefined
  for (const { name, values } of ticket.customFields) {
    if (name === context.externalIdField) {
      externalId = values[0]
      continue
    }
    if (values.length === 0) continue
    customFields[name] = context.multiValueFields.has(name) ? values : values.length === 1 ? values[0]! : values
  }
  const requester = mapRtUserReference(ticket.requestors[0])
  const assignee = mapRtUserReference(ticket.owner)
  const created = ticket.created ?? new Date(0).toISOString()
  return {
    id: ticket.id,
    vendor: 'rt',
    raw: ticket.raw,
    subject: ticket.subject,
    description,
    status: { category, id: ticket.status, name: ticket.status },
    priority: context.priorities.priorityOf(ticket.priority),
    ...(queue ? { queue: { id: queue.id, ...(queue.name !== undefined ? { name: queue.name } : {}) } } : {}),
    ...(queue?.lifecycle ? { type: { id: queue.lifecycle, name: queue.lifecycle } } : {}),
    ...(requester ? { requester } : {}),
    ...(assignee ? { assignee } : {}),
    tags: [],
    customFields,
    createdAt: created,
    updatedAt: ticket.lastUpdated ?? created,
    ...(ticket.due ? { dueAt: ticket.due } : {}),
    ...(ticket.resolved && (category === 'resolved' || category === 'closed') ? { resolvedAt: ticket.resolved } : {}),
    ...(ticket.resolved && category === 'closed' ? { closedAt: ticket.resolved } : {}),
    ...(externalId ? { externalId } : {}),
  }
}
