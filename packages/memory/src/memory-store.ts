import type {
  CommentVisibility,
  CustomFieldDefinition,
  CustomFieldValue,
  PersonKind,
  PriorityDefinition,
  Queue,
  StatusDefinition,
  TicketRelationKind,
  TicketType,
} from '@ticketbridge/core'

/** A ticket as the memory store holds it: the memory "vendor's" own shape, returned as `raw`. */
export interface MemoryTicketRecord {
  id: number
  subject: string
  descriptionText: string
  descriptionHtml?: string
  statusId: string
  priorityId: string
  queueId?: string
  typeId?: string
  requesterId?: string
  assigneeId?: string
  teamId?: string
  organizationId?: string
  tags: string[]
  customFields: Record<string, CustomFieldValue>
  createdAt: string
  updatedAt: string
  dueAt?: string
  resolvedAt?: string
  closedAt?: string
  externalId?: string
  /** Bumped on every change; a write that names an older version is a conflict. */
  version: number
}

export interface MemoryCommentRecord {
  id: number
  ticketId: number
  bodyText: string
  bodyHtml?: string
  visibility: CommentVisibility
  authorId?: string
  createdAt: string
}

export interface MemoryAttachmentRecord {
  id: number
  ticketId: number
  commentId?: number
  filename: string
  contentType: string
  data: Uint8Array
  createdAt: string
}

export interface MemoryPersonRecord {
  id: number
  kind: PersonKind
  name: string
  email?: string
  organizationId?: string
}

export interface MemoryOrganizationRecord {
  id: number
  name: string
}

export interface MemoryTimeEntryRecord {
  id: number
  ticketId: number
  minutes: number
  note?: string
  personId?: string
  startedAt?: string
  billable?: boolean
  /** The comment the time was recorded on (with `timeEntriesAreComments`). */
  commentId?: number
}

export interface MemoryRelationRecord {
  ticketId: number
  relatedTicketId: number
  kind: TicketRelationKind
}

/** What a credential may do in the store. */
export type MemoryAccess = 'full' | 'read-only'

/** Everything a memory "tenant" holds. Several adapters can share one store. */
export interface MemoryStore {
  tickets: Map<number, MemoryTicketRecord>
  comments: Map<number, MemoryCommentRecord>
  attachments: Map<number, MemoryAttachmentRecord>
  people: Map<number, MemoryPersonRecord>
  organizations: Map<number, MemoryOrganizationRecord>
  timeEntries: Map<number, MemoryTimeEntryRecord>
  relations: MemoryRelationRecord[]
  statuses: StatusDefinition[]
  priorities: PriorityDefinition[]
  queues: Queue[]
  ticketTypes: TicketType[]
  customFields: CustomFieldDefinition[]
  /** Accepted tokens; when empty, any caller is let in with full access. */
  tokens: Map<string, MemoryAccess>
  /** The last id handed out, shared by every record kind so ids never collide. */
  lastId: number
  /** Calls the store answered, each attempt once: what a vendor would count as requests (a dry run's estimate). */
  requests: number
}

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** Tokens the store accepts, and what each may do. Leave empty to accept anyone. */
  tokens?: Record<string, MemoryAccess>
  statuses?: StatusDefinition[]
  priorities?: PriorityDefinition[]
  queues?: Queue[]
  ticketTypes?: TicketType[]
  customFields?: CustomFieldDefinition[]
  /** The first id minus one; lets two stores hand out ids that do not overlap. */
  firstId?: number
}

/** A help desk's usual lookups, so a new store is usable at once. */
export const defaultMemoryLookups = {
  statuses: [
    { id: '1', name: 'New', category: 'new' },
    { id: '2', name: 'In Progress', category: 'open' },
    { id: '3', name: 'Waiting on Customer', category: 'pending' },
    { id: '4', name: 'Resolved', category: 'resolved' },
    { id: '5', name: 'Closed', category: 'closed' },
  ],
  priorities: [
    { id: '1', name: 'Low', level: 'low' },
    { id: '2', name: 'Medium', level: 'normal' },
    { id: '3', name: 'High', level: 'high' },
    { id: '4', name: 'Critical', level: 'urgent' },
  ],
  queues: [
    { id: '1', name: 'Service Desk' },
    { id: '2', name: 'Network' },
  ],
  ticketTypes: [
    { id: '1', name: 'Incident' },
    { id: '2', name: 'Service Request' },
  ],
  customFields: [
    { key: 'severity', label: 'Severity', type: 'select', options: ['low', 'medium', 'high'], required: false },
    { key: 'asset_tag', label: 'Asset tag', type: 'text', required: false },
  ],
} satisfies Required<Omit<MemoryStoreOptions, 'tokens' | 'firstId'>>

/** A new, empty memory tenant with the default (or given) lookups. */
export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  return {
    tickets: new Map(),
    comments: new Map(),
    attachments: new Map(),
    people: new Map(),
    organizations: new Map(),
    timeEntries: new Map(),
    relations: [],
    statuses: structuredClone(options.statuses ?? defaultMemoryLookups.statuses),
    priorities: structuredClone(options.priorities ?? defaultMemoryLookups.priorities),
    queues: structuredClone(options.queues ?? defaultMemoryLookups.queues),
    ticketTypes: structuredClone(options.ticketTypes ?? defaultMemoryLookups.ticketTypes),
    customFields: structuredClone(options.customFields ?? defaultMemoryLookups.customFields),
    tokens: new Map(Object.entries(options.tokens ?? {})),
    lastId: options.firstId ?? 0,
    requests: 0,
  }
}

/** The next id of the store. */
export function nextMemoryId(store: MemoryStore): number {
  store.lastId += 1
  return store.lastId
}

/** Stores the files a ticket or comment create carried (`attachments`), on the ticket and, where given, linked to the comment. */
export function storeCarriedFiles(
  store: MemoryStore,
  files: readonly { filename: string; contentType: string; data: Uint8Array }[] | undefined,
  owner: { ticketId: number; commentId?: number; createdAt: string },
): void {
  for (const file of files ?? []) {
    const id = nextMemoryId(store)
    store.attachments.set(id, { id, ...owner, filename: file.filename, contentType: file.contentType, data: new Uint8Array(file.data) })
  }
}
