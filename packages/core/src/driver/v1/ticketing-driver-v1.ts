import type { z } from 'zod'
import type { Attachment } from '../../model/attachment'
import type { Comment } from '../../model/comment'
import type { commentCreateInputSchema } from '../../model/comment-input'
import type { fileUploadSchema } from '../../model/file-upload'
import type { CustomFieldDefinition, PriorityDefinition, Queue, StatusDefinition, TicketType } from '../../model/lookups'
import type { Organization } from '../../model/organization'
import type { Person } from '../../model/person'
import type { organizationCreateInputSchema, personCreateInputSchema } from '../../model/person-input'
import type { Ticket } from '../../model/ticket'
import type { ticketCreateInputSchema, ticketUpdateInputSchema } from '../../model/ticket-input'
import type { TicketRelation } from '../../model/ticket-relation'
import type { ticketRelationCreateInputSchema } from '../../model/ticket-relation-input'
import type { TimeEntry } from '../../model/time-entry'
import type { timeEntryCreateInputSchema } from '../../model/time-entry-input'
import type { AdapterCapabilities } from '../../adapter/v1/adapter-capabilities'
import type { AdapterWarning, WriteResult } from '../../adapter/v1/adapter-warning'
import type { CallOptions } from '../../adapter/v1/call-options'
import type { Page } from '../../adapter/v1/paginated'
import type { PersonQuery, ticketQuerySchema } from '../../adapter/v1/ticket-query'
import type { AttachmentLocator } from '../../adapter/v1/ticketing-adapter-v1'
import type { DocumentedRateLimit } from '../../adapter/v1/documented-rate-limit'

/** What a driver receives on every call: the caller's signal and timeout, nothing else. */
export type DriverCallContext = Readonly<CallOptions>

/** What a driver receives on a write: the call context, and whether to write silently. */
export interface DriverWriteContext extends DriverCallContext {
  /** Set only where `capabilities.silentWrites`; elsewhere the runtime warns and passes `false`. */
  readonly silent: boolean
}

/** Inputs as the runtime hands them over: parsed by core's schemas, defaults applied. */
export type CheckedTicketQuery = z.output<typeof ticketQuerySchema>
export type CheckedTicketCreate = z.output<typeof ticketCreateInputSchema>
export type CheckedTicketUpdate = z.output<typeof ticketUpdateInputSchema>
export type CheckedCommentCreate = z.output<typeof commentCreateInputSchema>
export type CheckedFileUpload = z.output<typeof fileUploadSchema>
export type CheckedPersonCreate = z.output<typeof personCreateInputSchema>
export type CheckedOrganizationCreate = z.output<typeof organizationCreateInputSchema>
export type CheckedTimeEntryCreate = z.output<typeof timeEntryCreateInputSchema>
export type CheckedRelationCreate = z.output<typeof ticketRelationCreateInputSchema>

/**
 * What a batch write stored of one item: the id the vendor gave, its warnings, and the record
 * where the vendor's answer held it (Halo's upsert does; Autotask's `itemId` and RT's `Location`
 * do not, and a batch does not read them back).
 */
export interface DriverWriteReceipt<T> {
  id: string
  record?: T
  warnings: AdapterWarning[]
}

/**
 * One item of a batch write: its receipt, or the error of that item alone. A batch answers every
 * item in the order asked; one refused row does not fail the others.
 */
export type DriverBatchItem<T> = ({ ok: true } & DriverWriteReceipt<T>) | { ok: false; error: unknown }

/** A write under a ticket: which ticket, and what to write. */
export interface DriverTicketChild<Input> {
  ticketId: string
  input: Input
}

/**
 * A write operation a driver offers one at a time (`create`, answering the stored record), many
 * per request (`createMany`, answering receipts without reading anything back), or both. The
 * runtime calls `createMany` for a batch and, where the driver has no single form, for a single
 * write too (its receipts must then carry the record); a driver with only `create` gets batches
 * written one by one.
 */
export interface DriverWrite<Input, Record> {
  create?(input: Input, context: DriverWriteContext): Promise<WriteResult<Record>>
  createMany?(inputs: readonly Input[], context: DriverWriteContext): Promise<DriverBatchItem<Record>[]>
}

export interface TicketDriver extends DriverWrite<CheckedTicketCreate, Ticket> {
  /** One page of tickets from `cursor` (`undefined` for the first); every filter must hold on what is returned. */
  listPage(query: CheckedTicketQuery, cursor: string | undefined, context: DriverCallContext): Promise<Page<Ticket>>
  get(id: string, context: DriverCallContext): Promise<Ticket>
  /** Reads many tickets in as few requests as the vendor allows; an id the vendor lacks is left out of the answer. */
  getMany?(ids: readonly string[], context: DriverCallContext): Promise<Map<string, Ticket>>
  update?(id: string, input: CheckedTicketUpdate, context: DriverWriteContext): Promise<WriteResult<Ticket>>
  delete?(id: string, context: DriverCallContext): Promise<void>
  /** One of the two lookups is required; the runtime derives the single one from the batch one. */
  findByExternalId?(externalId: string, context: DriverCallContext): Promise<Ticket | undefined>
  findAllByExternalIds?(externalIds: readonly string[], context: DriverCallContext): Promise<Map<string, Ticket[]>>
}

/**
 * Records that belong to tickets, read per ticket a page at a time, and optionally for many
 * tickets at once (`listForTickets`, every page of each): where it is absent the runtime reads
 * the tickets' pages a few tickets at a time.
 */
export interface TicketChildReads<T> {
  listPage(ticketId: string, cursor: string | undefined, context: DriverCallContext): Promise<Page<T>>
  listForTickets?(ticketIds: readonly string[], context: DriverCallContext): Promise<Map<string, T[]>>
}

export interface CommentDriver extends DriverWrite<DriverTicketChild<CheckedCommentCreate>, Comment>, TicketChildReads<Comment> {
  /** A ticket's comments, oldest first: one page from `cursor`. */
  listPage(ticketId: string, cursor: string | undefined, context: DriverCallContext): Promise<Page<Comment>>
}

export interface AttachmentDriver extends TicketChildReads<Attachment> {
  listPage(ticketId: string, cursor: string | undefined, context: DriverCallContext): Promise<Page<Attachment>>
  download?(attachment: AttachmentLocator, context: DriverCallContext): Promise<Uint8Array>
  upload?(ticketId: string, file: CheckedFileUpload, context: DriverWriteContext): Promise<WriteResult<Attachment>>
}

export interface PersonDriver extends DriverWrite<CheckedPersonCreate, Person> {
  listPage(query: PersonQuery, cursor: string | undefined, context: DriverCallContext): Promise<Page<Person>>
  get(id: string, context: DriverCallContext): Promise<Person>
  findByEmail(email: string, context: DriverCallContext): Promise<Person | undefined>
}

export interface OrganizationDriver extends DriverWrite<CheckedOrganizationCreate, Organization> {
  listPage(cursor: string | undefined, context: DriverCallContext): Promise<Page<Organization>>
  get(id: string, context: DriverCallContext): Promise<Organization>
  findByName(name: string, context: DriverCallContext): Promise<Organization | undefined>
}

export interface LookupDriver {
  statuses(context: DriverCallContext): Promise<StatusDefinition[]>
  priorities(context: DriverCallContext): Promise<PriorityDefinition[]>
  queues(context: DriverCallContext): Promise<Queue[]>
  ticketTypes(context: DriverCallContext): Promise<TicketType[]>
  customFields(context: DriverCallContext): Promise<CustomFieldDefinition[]>
}

export interface TimeEntryDriver extends DriverWrite<DriverTicketChild<CheckedTimeEntryCreate>, TimeEntry>, TicketChildReads<TimeEntry> {
  listPage(ticketId: string, cursor: string | undefined, context: DriverCallContext): Promise<Page<TimeEntry>>
}

export interface RelationDriver {
  list(ticketId: string, context: DriverCallContext): Promise<TicketRelation[]>
  create(ticketId: string, input: CheckedRelationCreate, context: DriverWriteContext): Promise<WriteResult<TicketRelation>>
}

/**
 * What a vendor implements, version 1: the operations its API has, in its own files, receiving
 * checked input. `createTicketingAdapter` turns it into a `TicketingAdapterV1` and does every
 * duty the contract shares once: the closed guard, abort before start, call options, input
 * checks, refusing what `capabilities` declare missing, the standard warnings and fallbacks.
 *
 * An operation a capability declares missing is left out (the runtime refuses it); one declared
 * present must exist, which `createTicketingAdapter` checks when it is called.
 */
export interface TicketingDriverV1 {
  readonly specificationVersion: 'v1'
  /** The vendor key: `halo`, `autotask`, `rt`, `memory`, … */
  readonly vendor: string
  /** The vendor as people call it, for warnings: `Halo`, `Autotask`, `RT`. */
  readonly title: string
  readonly capabilities: AdapterCapabilities
  /** The pace the adapter keeps to (the vendor's documented limit, or the budget it was given); absent where none applies. */
  readonly rateLimit?: DocumentedRateLimit
  readonly tickets: TicketDriver
  readonly comments: CommentDriver
  readonly attachments: AttachmentDriver
  readonly people: PersonDriver
  readonly organizations: OrganizationDriver
  readonly lookups: LookupDriver
  /** Present where `capabilities.timeEntries`. */
  readonly timeEntries?: TimeEntryDriver
  /** Present where `capabilities.relations`. */
  readonly relations?: RelationDriver
  /**
   * Why an operation the driver leaves out is missing, keyed by its name (`relations.create`),
   * for the `UnsupportedOperationError` callers see: what to use instead.
   */
  readonly unsupportedReasons?: Readonly<Record<string, string>>
  /** Releases what the driver holds; called once, by the adapter's `close()`. */
  close?(): Promise<void>
}
