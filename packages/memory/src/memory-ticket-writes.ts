import { type AdapterWarning, type CheckedTicketCreate, type CheckedTicketUpdate, ConflictError } from '@ticketbridge/core'
import type { MemoryDriverContext } from './memory-driver-context'
import { type MemoryTicketRecord, nextMemoryId } from './memory-store'

/** The references a create or an update may name, resolved onto the record. */
function applyMemoryTicketReferences(context: MemoryDriverContext, record: MemoryTicketRecord, input: CheckedTicketUpdate): void {
  const { resolve, store } = context
  if (input.queue) record.queueId = resolve.named(store.queues, input.queue, 'queue')
  if (input.type) record.typeId = resolve.named(store.ticketTypes, input.type, 'type')
  if (input.team) record.teamId = resolve.named(store.queues, input.team, 'team')
  if (input.requester) record.requesterId = resolve.person(input.requester, 'requester')
  if (input.assignee) record.assigneeId = resolve.person(input.assignee, 'assignee')
  if (input.organization) record.organizationId = resolve.organization(input.organization, 'organization')
  if (input.dueAt) record.dueAt = input.dueAt
  if (input.externalId) record.externalId = input.externalId
}

/** Stamps resolvedAt / closedAt when the status enters those categories, and clears them when it leaves. */
function stampResolutionTimes(context: MemoryDriverContext, record: MemoryTicketRecord, previousCategory: string | undefined): void {
  const category = context.store.statuses.find((status) => status.id === record.statusId)?.category
  if (category === previousCategory) return
  if (category === 'resolved') record.resolvedAt = record.updatedAt
  if (category === 'closed') {
    record.closedAt = record.updatedAt
    record.resolvedAt ??= record.updatedAt
  }
  if (category !== 'resolved' && category !== 'closed') {
    delete record.resolvedAt
    delete record.closedAt
  }
}

/**
 * A new ticket record. What the capabilities switch off is not stored (the runtime warns): the
 * HTML without `tickets.html`, the original time without `tickets.setCreatedAt` (the record
 * carries the time of import).
 */
export function buildMemoryTicket(context: MemoryDriverContext, input: CheckedTicketCreate, warnings: AdapterWarning[]): MemoryTicketRecord {
  const { capabilities, resolve, store } = context
  const importedAt = context.timestamp()
  const html = capabilities.tickets.html ? input.description.html : undefined
  const record: MemoryTicketRecord = {
    id: nextMemoryId(store),
    subject: input.subject,
    descriptionText: input.description.text,
    ...(html !== undefined ? { descriptionHtml: html } : {}),
    statusId: resolve.status(input.status ?? { category: 'new' }, 'status'),
    priorityId: resolve.priority(input.priority ?? { level: 'normal' }, 'priority'),
    tags: input.tags ?? [],
    customFields: resolve.customFields(input.customFields ?? {}, warnings),
    createdAt: input.createdAt !== undefined && capabilities.tickets.setCreatedAt ? input.createdAt : importedAt,
    updatedAt: importedAt,
    version: 1,
  }
  applyMemoryTicketReferences(context, record, input)
  stampResolutionTimes(context, record, undefined)
  return record
}

/** Refuses a write that names a version other than the stored one, as a vendor's optimistic locking would. */
function checkExpectedVersion(context: MemoryDriverContext, existing: MemoryTicketRecord, input: CheckedTicketUpdate): void {
  const { vendor } = context
  const expectedVersion = (input.vendorOptions?.[vendor] ?? input.vendorOptions?.memory)?.expectedVersion
  if (expectedVersion === undefined || expectedVersion === existing.version) return
  throw new ConflictError(`Ticket ${existing.id} changed since version ${String(expectedVersion)} (now ${existing.version}). Read it again.`, {
    status: 409,
    vendor,
    method: 'PUT',
    url: `memory://${vendor}/tickets/${existing.id}`,
  })
}

/** The updated copy of a ticket record; absent fields are left alone, HTML is dropped where `tickets.html` is off. */
export function buildMemoryTicketUpdate(
  context: MemoryDriverContext,
  existing: MemoryTicketRecord,
  input: CheckedTicketUpdate,
  warnings: AdapterWarning[],
): MemoryTicketRecord {
  const { capabilities, resolve, store } = context
  checkExpectedVersion(context, existing, input)
  const record = structuredClone(existing)
  const previousCategory = store.statuses.find((status) => status.id === record.statusId)?.category
  if (input.subject !== undefined) record.subject = input.subject
  if (input.description !== undefined) {
    record.descriptionText = input.description.text
    if (input.description.html !== undefined && capabilities.tickets.html) record.descriptionHtml = input.description.html
    else delete record.descriptionHtml
  }
  if (input.status) record.statusId = resolve.status(input.status, 'status')
  if (input.priority) record.priorityId = resolve.priority(input.priority, 'priority')
  if (input.tags) record.tags = input.tags
  if (input.customFields) record.customFields = { ...record.customFields, ...resolve.customFields(input.customFields, warnings) }
  applyMemoryTicketReferences(context, record, input)
  record.updatedAt = context.timestamp()
  record.version += 1
  stampResolutionTimes(context, record, previousCategory)
  return record
}
