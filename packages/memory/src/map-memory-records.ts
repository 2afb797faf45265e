import type {
  Attachment,
  Comment,
  Organization,
  Person,
  PriorityDefinition,
  Reference,
  StatusDefinition,
  Ticket,
  TicketRelation,
  TimeEntry,
} from '@ticketbridge/core'
import type {
  MemoryAttachmentRecord,
  MemoryCommentRecord,
  MemoryOrganizationRecord,
  MemoryPersonRecord,
  MemoryRelationRecord,
  MemoryStore,
  MemoryTicketRecord,
  MemoryTimeEntryRecord,
} from './memory-store'

function personReference(store: MemoryStore, id: string | undefined): Reference | undefined {
  if (id === undefined) return undefined
  const person = store.people.get(Number(id))
  return person ? { id, name: person.name, ...(person.email ? { email: person.email } : {}) } : { id }
}

function namedReference(list: readonly { id: string; name: string }[], id: string | undefined): Reference | undefined {
  if (id === undefined) return undefined
  const found = list.find((entry) => entry.id === id)
  return found ? { id, name: found.name } : { id }
}

function organizationReference(store: MemoryStore, id: string | undefined): Reference | undefined {
  if (id === undefined) return undefined
  const organization = store.organizations.get(Number(id))
  return organization ? { id, name: organization.name } : { id }
}

function statusOf(store: MemoryStore, id: string): StatusDefinition {
  return store.statuses.find((status) => status.id === id) ?? { id, name: `Status ${id}`, category: 'open' }
}

function priorityOf(store: MemoryStore, id: string): PriorityDefinition {
  return store.priorities.find((priority) => priority.id === id) ?? { id, name: `Priority ${id}`, level: 'normal' }
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T
}

export function mapMemoryTicket(store: MemoryStore, record: MemoryTicketRecord, vendor: string): Ticket {
  const status = statusOf(store, record.statusId)
  const priority = priorityOf(store, record.priorityId)
  return withoutUndefined({
    id: String(record.id),
    vendor,
    raw: structuredClone(record),
    subject: record.subject,
    description: withoutUndefined({ text: record.descriptionText, html: record.descriptionHtml }),
    status: { category: status.category, id: status.id, name: status.name },
    priority: { level: priority.level, id: priority.id, name: priority.name },
    queue: namedReference(store.queues, record.queueId),
    type: namedReference(store.ticketTypes, record.typeId),
    requester: personReference(store, record.requesterId),
    assignee: personReference(store, record.assigneeId),
    team: namedReference(store.queues, record.teamId),
    organization: organizationReference(store, record.organizationId),
    tags: [...record.tags],
    customFields: structuredClone(record.customFields),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    dueAt: record.dueAt,
    resolvedAt: record.resolvedAt,
    closedAt: record.closedAt,
    externalId: record.externalId,
  })
}

export function mapMemoryComment(store: MemoryStore, record: MemoryCommentRecord, vendor: string): Comment {
  const attachments = [...store.attachments.values()]
    .filter((attachment) => attachment.commentId === record.id)
    .map((attachment) => ({ id: String(attachment.id), filename: attachment.filename }))
  return withoutUndefined({
    id: String(record.id),
    vendor,
    raw: structuredClone(record),
    ticketId: String(record.ticketId),
    body: withoutUndefined({ text: record.bodyText, html: record.bodyHtml }),
    visibility: record.visibility,
    author: personReference(store, record.authorId),
    createdAt: record.createdAt,
    attachments,
  })
}

export function mapMemoryAttachment(record: MemoryAttachmentRecord, vendor: string): Attachment {
  const { data, ...rest } = record
  return withoutUndefined({
    id: String(record.id),
    vendor,
    raw: { ...rest, size: data.byteLength },
    ticketId: String(record.ticketId),
    commentId: record.commentId === undefined ? undefined : String(record.commentId),
    filename: record.filename,
    contentType: record.contentType,
    size: data.byteLength,
    createdAt: record.createdAt,
  })
}

export function mapMemoryPerson(store: MemoryStore, record: MemoryPersonRecord, vendor: string): Person {
  return withoutUndefined({
    id: String(record.id),
    vendor,
    raw: structuredClone(record),
    kind: record.kind,
    name: record.name,
    email: record.email,
    organization: organizationReference(store, record.organizationId),
  })
}

export function mapMemoryOrganization(record: MemoryOrganizationRecord, vendor: string): Organization {
  return { id: String(record.id), vendor, raw: structuredClone(record), name: record.name }
}

export function mapMemoryTimeEntry(store: MemoryStore, record: MemoryTimeEntryRecord, vendor: string): TimeEntry {
  return withoutUndefined({
    id: String(record.id),
    vendor,
    raw: structuredClone(record),
    ticketId: String(record.ticketId),
    minutes: record.minutes,
    note: record.note,
    person: personReference(store, record.personId),
    startedAt: record.startedAt,
    billable: record.billable,
    commentId: record.commentId === undefined ? undefined : String(record.commentId),
  })
}

export function mapMemoryRelation(record: MemoryRelationRecord): TicketRelation {
  return { ticketId: String(record.ticketId), relatedTicketId: String(record.relatedTicketId), kind: record.kind }
}
