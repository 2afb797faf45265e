import type { Attachment } from '../../model/attachment'
import type { Comment } from '../../model/comment'
import type { CommentCreateInput } from '../../model/comment-input'
import type { FileUpload } from '../../model/file-upload'
import type { CustomFieldDefinition, PriorityDefinition, Queue, StatusDefinition, TicketType } from '../../model/lookups'
import type { Organization } from '../../model/organization'
import type { Person } from '../../model/person'
import type { OrganizationCreateInput, PersonCreateInput } from '../../model/person-input'
import type { Ticket } from '../../model/ticket'
import type { TicketCreateInput, TicketUpdateInput } from '../../model/ticket-input'
import type { TicketRelation } from '../../model/ticket-relation'
import type { TicketRelationCreateInput } from '../../model/ticket-relation-input'
import type { TimeEntry } from '../../model/time-entry'
import type { TimeEntryCreateInput } from '../../model/time-entry-input'
import type { AdapterCapabilities } from './adapter-capabilities'
import type { WriteResult } from './adapter-warning'
import type { BatchWriteItem, CommentBatchInput } from './batch-write-item'
import type { CallOptions } from './call-options'
import type { DocumentedRateLimit } from './documented-rate-limit'
import type { Paginated } from './paginated'
import type { PersonQuery, TicketQuery } from './ticket-query'

/** Options of a write. */
export interface WriteOptions extends CallOptions {
  /**
   * Ask the vendor not to send notifications or fire rules and automations for this write
   * (imports). Honoured where `capabilities.silentWrites`; otherwise a warning.
   */
  silent?: boolean
}

/** Identifies an attachment to download. */
export type AttachmentLocator = Pick<Attachment, 'id' | 'ticketId'>

/**
 * The vendor-neutral ticketing contract, version 1. Every adapter implements it; nothing here
 * is vendor-specific. Reads return the common model with the vendor's payload in `raw`; writes
 * return the record and the warnings of what could not be honoured.
 *
 * Operations a vendor lacks still exist and throw `UnsupportedOperationError`; `capabilities`
 * declares them in advance.
 */
export interface TicketingAdapterV1 {
  /** The contract version this adapter implements. */
  readonly specificationVersion: 'v1'
  /** The vendor behind the adapter: `halo`, `autotask`, `rt`, `memory`, … */
  readonly vendor: string
  /** The vendor as people call it (`Halo`, `RT`), as warnings name it; adapters built by the runtime have it. */
  readonly title?: string
  readonly capabilities: AdapterCapabilities
  /**
   * The pace this adapter keeps to: the vendor's documented limit, or the budget it was given.
   * Absent where the vendor documents none (RT, memory). Planning tools turn request counts into
   * time with it.
   */
  readonly rateLimit?: DocumentedRateLimit

  readonly tickets: {
    list(query?: TicketQuery, options?: CallOptions): Paginated<Ticket>
    get(id: string, options?: CallOptions): Promise<Ticket>
    create(input: TicketCreateInput, options?: WriteOptions): Promise<WriteResult<Ticket>>
    /**
     * Creates many tickets in as few requests as the vendor allows (Halo: arrays of 100; Autotask,
     * RT: one each, without reading them back). Answers every input, in order. Adapters built by
     * `createTicketingAdapter` have it; `createTicketsInBatch` falls back to `create` for others.
     */
    createMany?(inputs: readonly TicketCreateInput[], options?: WriteOptions): Promise<BatchWriteItem[]>
    update(id: string, input: TicketUpdateInput, options?: WriteOptions): Promise<WriteResult<Ticket>>
    delete(id: string, options?: CallOptions): Promise<void>
    /** The ticket stamped with this external id, or undefined. */
    findByExternalId(externalId: string, options?: CallOptions): Promise<Ticket | undefined>
    /**
     * Every ticket stamped with each of these external ids, in as few requests as the vendor's
     * API allows (an `in` query, one TicketSQL search for many ids): a value with no ticket maps
     * to `[]`, one stamped on two tickets to both. Optional: `findTicketsByExternalIds` falls
     * back to one `findByExternalId` per value, which cannot see a second ticket.
     */
    findAllByExternalIds?(externalIds: readonly string[], options?: CallOptions): Promise<Map<string, Ticket[]>>
  }

  readonly comments: {
    /** A ticket's comments, oldest first. */
    list(ticketId: string, options?: CallOptions): Paginated<Comment>
    /**
     * Every comment of many tickets, oldest first per ticket, in as few requests as the vendor
     * allows (Autotask: one `ticketID in [≤500]` query); a ticket without comments maps to `[]`.
     * Adapters built by `createTicketingAdapter` have it; `listForTickets` from core falls back
     * to `list` per ticket for others.
     */
    listForTickets?(ticketIds: readonly string[], options?: CallOptions): Promise<Map<string, Comment[]>>
    create(ticketId: string, input: CommentCreateInput, options?: WriteOptions): Promise<WriteResult<Comment>>
    /** Creates many comments, on one ticket or many, each ticket's in the order given; as `tickets.createMany`. */
    createMany?(comments: readonly CommentBatchInput[], options?: WriteOptions): Promise<BatchWriteItem[]>
  }

  readonly attachments: {
    list(ticketId: string, options?: CallOptions): Paginated<Attachment>
    /** Every file of many tickets, as `comments.listForTickets`. */
    listForTickets?(ticketIds: readonly string[], options?: CallOptions): Promise<Map<string, Attachment[]>>
    download(attachment: AttachmentLocator, options?: CallOptions): Promise<Uint8Array>
    upload(ticketId: string, file: FileUpload, options?: WriteOptions): Promise<WriteResult<Attachment>>
  }

  readonly people: {
    list(query?: PersonQuery, options?: CallOptions): Paginated<Person>
    get(id: string, options?: CallOptions): Promise<Person>
    findByEmail(email: string, options?: CallOptions): Promise<Person | undefined>
    create(input: PersonCreateInput, options?: WriteOptions): Promise<WriteResult<Person>>
  }

  readonly organizations: {
    list(options?: CallOptions): Paginated<Organization>
    get(id: string, options?: CallOptions): Promise<Organization>
    findByName(name: string, options?: CallOptions): Promise<Organization | undefined>
    create(input: OrganizationCreateInput, options?: WriteOptions): Promise<WriteResult<Organization>>
  }

  readonly lookups: {
    statuses(options?: CallOptions): Promise<StatusDefinition[]>
    priorities(options?: CallOptions): Promise<PriorityDefinition[]>
    queues(options?: CallOptions): Promise<Queue[]>
    ticketTypes(options?: CallOptions): Promise<TicketType[]>
    customFields(options?: CallOptions): Promise<CustomFieldDefinition[]>
  }

  /** Optional capability: `capabilities.timeEntries`. */
  readonly timeEntries: {
    list(ticketId: string, options?: CallOptions): Paginated<TimeEntry>
    /** Every time entry of many tickets, as `comments.listForTickets`. */
    listForTickets?(ticketIds: readonly string[], options?: CallOptions): Promise<Map<string, TimeEntry[]>>
    create(ticketId: string, input: TimeEntryCreateInput, options?: WriteOptions): Promise<WriteResult<TimeEntry>>
  }

  /** Optional capability: `capabilities.relations`. */
  readonly relations: {
    list(ticketId: string, options?: CallOptions): Promise<TicketRelation[]>
    create(ticketId: string, input: TicketRelationCreateInput, options?: WriteOptions): Promise<WriteResult<TicketRelation>>
  }

  /** Releases timers, sockets and sessions. The adapter is unusable afterwards. */
  close(): Promise<void>
}

/** The current contract. Import the versioned name to pin a version. */
export type TicketingAdapter = TicketingAdapterV1
