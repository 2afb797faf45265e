import type { CustomFieldValue, Ticket } from '@ticketbridge/core'
import type { AutotaskTicket } from '../client/autotask-tickets'
import type { ResolvedAutotaskAdapterOptions } from './autotask-adapter-settings'
import type { AutotaskTicketLookups } from './autotask-lookups'
import { toTimestamp } from './autotask-timestamp'

const epoch = '1970-01-01T00:00:00.000Z'

function idOf(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined
}

/** A ticket's user-defined fields by name. */
function userDefinedFieldsOf(raw: { userDefinedFields?: unknown }): Record<string, CustomFieldValue> {
  const values: Record<string, CustomFieldValue> = {}
  if (!Array.isArray(raw.userDefinedFields)) return values
  for (const entry of raw.userDefinedFields as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue
    const { name, value } = entry as { name?: unknown; value?: unknown }
    if (typeof name !== 'string' || name === '') continue
    values[name] = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null
  }
  return values
}

/** The external id a ticket carries, where the settings say it is kept. */
function externalIdOf(raw: AutotaskTicket, options: ResolvedAutotaskAdapterOptions): string | undefined {
  const value =
    'udf' in options.externalId ? userDefinedFieldsOf(raw)[options.externalId.udf] : (raw as Record<string, unknown>)[options.externalId.field]
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined
}

/**
 * An Autotask ticket in the common model. Picklist values (status, priority, queue, issue type)
 * become the tenant's labels and the common category or level, with the vendor's value kept.
 * Autotask sends UTC date-times; `updatedAt` is the last activity (changes, notes, time), which
 * is also what `updatedSince` filters on.
 */
export function mapAutotaskTicket(raw: AutotaskTicket, lookups: AutotaskTicketLookups, options: ResolvedAutotaskAdapterOptions): Ticket {
  const createdAt = toTimestamp(raw.createDate) ?? toTimestamp(raw.lastActivityDate) ?? epoch
  const updatedAt = toTimestamp(raw.lastActivityDate) ?? toTimestamp(raw.lastTrackedModificationDateTime) ?? createdAt
  const status = typeof raw.status === 'number' ? raw.status : undefined
  const priority = typeof raw.priority === 'number' ? raw.priority : undefined
  const statusName = lookups.statuses.labelOf(status) ?? (status === undefined ? 'Unknown' : `Status ${status}`)
  const priorityName = lookups.priorities.labelOf(priority)
  const queueId = idOf(raw.queueID)
  const issueTypeId = idOf(raw.issueType)
  const requesterId = idOf(raw.contactID)
  const assigneeId = idOf(raw.assignedResourceID)
  const organizationId = idOf(raw.companyID)
  const dueAt = toTimestamp(raw.dueDateTime)
  const resolvedAt = toTimestamp(raw.resolvedDateTime)
  const closedAt = toTimestamp(raw.completedDate)
  const externalId = externalIdOf(raw, options)
  const queueName = lookups.queues.labelOf(raw.queueID)
  const typeName = lookups.issueTypes.labelOf(raw.issueType)
  return {
    id: String(raw.id),
    vendor: 'autotask',
    raw,
    subject: typeof raw.title === 'string' ? raw.title : '',
    description: { text: typeof raw.description === 'string' ? raw.description : '' },
    status: { category: lookups.statusCategory(status), ...(status !== undefined ? { id: String(status) } : {}), name: statusName },
    priority: {
      level: lookups.priorityLevel(priority),
      ...(priority !== undefined ? { id: String(priority) } : {}),
      ...(priorityName !== undefined ? { name: priorityName } : {}),
    },
    ...(queueId !== undefined ? { queue: { id: queueId, ...(queueName !== undefined ? { name: queueName } : {}) } } : {}),
    ...(issueTypeId !== undefined ? { type: { id: issueTypeId, ...(typeName !== undefined ? { name: typeName } : {}) } } : {}),
    ...(requesterId !== undefined ? { requester: { id: requesterId } } : {}),
    ...(assigneeId !== undefined ? { assignee: { id: assigneeId } } : {}),
    ...(organizationId !== undefined ? { organization: { id: organizationId } } : {}),
    tags: [],
    customFields: userDefinedFieldsOf(raw),
    createdAt,
    updatedAt,
    ...(dueAt !== undefined ? { dueAt } : {}),
    ...(resolvedAt !== undefined ? { resolvedAt } : {}),
    ...(closedAt !== undefined ? { closedAt } : {}),
    ...(externalId !== undefined ? { externalId } : {}),
  }
}
