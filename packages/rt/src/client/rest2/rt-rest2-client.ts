import { type CallOptions, InvalidResponseError, type Paginated } from '@ticketbridge/core'
import type { HttpMethod, HttpResponse, HttpTransport, QueryParameters } from '@ticketbridge/http'
import { encodeMultipart } from '../rt-multipart'
import type { RtUpload } from '../rt-upload'
import { encodeRest2FileName } from './rt-rest2-file-name'
import { paginateRest2 } from './rt-rest2-paging'
import {
  type Rest2Attachment,
  type Rest2Collection,
  type Rest2CollectionItem,
  type Rest2CustomField,
  type Rest2JsonCondition,
  type Rest2LinkField,
  type Rest2LinkRef,
  rest2LinkRefs,
  type Rest2Queue,
  type Rest2Reference,
  type Rest2SystemInformation,
  type Rest2Ticket,
  type Rest2Transaction,
  type Rest2User,
} from './rt-rest2-types'

/** Paging, ordering and field selection of a collection request. */
export interface Rest2CollectionOptions extends CallOptions {
  /** Page number, from 1. */
  page?: number
  /** Items per page; RT's default is 20 and its maximum 100 (larger values are cut silently). */
  perPage?: number
  /** Sort fields, e.g. `id` or `['Priority', 'id']`. Always give one for ticket searches: RT's unsorted order is not stable. */
  orderBy?: string | readonly string[]
  /** `ASC` (default) or `DESC`, one per `orderBy` field. */
  order?: 'ASC' | 'DESC' | readonly ('ASC' | 'DESC')[]
  /** Fields to add to each item (`fields=Subject,Status,CustomFields`). */
  fields?: readonly string[]
  /** Fields of referenced records (`fields[Queue]=Name`): `{ Queue: ['Name'], Owner: ['id', 'Name', 'EmailAddress'] }`. */
  expand?: Readonly<Record<string, readonly string[]>>
  /** Include disabled records (users, queues, custom fields). */
  findDisabledRows?: boolean
}

/** Options of a single-record read. */
export interface Rest2RecordOptions extends CallOptions {
  /** Fields of referenced records: `{ Owner: ['Name', 'EmailAddress'] }`. */
  expand?: Readonly<Record<string, readonly string[]>>
}

/** A record with the headers RT sends beside it. */
export interface Rest2RecordResponse<T> {
  record: T
  /** The quoted ETag (the id of the record's newest transaction, e.g. `"58"`); give it back as `ifMatch`. */
  etag?: string
  /** ISO-8601 (RT sends it in that form, not as an HTTP date). */
  lastModified?: string
}

/** How files travel: base64 inside the JSON (`Attachments: [{FileName, FileType, FileContent}]`) or as multipart parts. */
export type Rest2AttachmentEncoding = 'json' | 'multipart'

/** `POST /ticket`: RT's field names; anything else RT's ticket takes passes through. */
export interface Rest2TicketCreateInput {
  /** Queue name or id. */
  Queue: string | number
  Subject?: string
  /** The first message (the ticket's description). */
  Content?: string
  /** `text/plain` (default) or `text/html`. */
  ContentType?: string
  Requestor?: string | readonly string[]
  Cc?: string | readonly string[]
  AdminCc?: string | readonly string[]
  Owner?: string
  Status?: string
  Priority?: number | string
  /** `YYYY-MM-DD HH:MM:SS`. */
  Due?: string
  Starts?: string
  /**
   * The creation time, `YYYY-MM-DD HH:MM:SS` in UTC. RT::Ticket::Create keeps it (an import
   * parameter); the Create transaction still carries the time of the request.
   */
  Created?: string
  /** Values by custom field name or id; arrays for multi-value fields. */
  CustomFields?: Readonly<Record<string, unknown>>
  [field: string]: unknown
}

/** `POST /ticket/<id>/comment` and `/correspond`. */
export interface Rest2MessageInput {
  Content?: string
  /** `text/plain` (default when Content is given) or `text/html`. */
  ContentType?: string
  Subject?: string
  /** Minutes worked, recorded on the transaction. */
  TimeTaken?: number
  /** A status to set with the message. */
  Status?: string
  CustomFields?: Readonly<Record<string, unknown>>
  TxnCustomFields?: Readonly<Record<string, unknown>>
  [field: string]: unknown
}

/** A ticket's links by `_hyperlinks` ref: ids of local tickets, URLs of external links. */
export type Rest2TicketLinks = Record<Rest2LinkRef, string[]>

/** Link changes for `updateTicketLinks`: `{ AddMemberOf: [12], DeleteRefersTo: ['https://…'] }`, or a bare field to set the whole list. */
export type Rest2LinkChanges = Partial<Record<Rest2LinkField | `Add${Rest2LinkField}` | `Delete${Rest2LinkField}`, string | number | readonly (string | number)[]>>

/** Settings of {@link Rest2Client}. */
export interface Rest2ClientOptions {
  /** A transport on `<web root>/REST/2.0`, authenticating every request. */
  transport: HttpTransport
}

/**
 * RT's REST2 interface (`/REST/2.0/`, built into RT 5). Real HTTP statuses and JSON bodies;
 * errors are typed by the transport (404 NotFoundError, 403 PermissionError, 412 on a stale
 * `If-Match` ConflictError…). Some failures are not errors on the wire: an update answers 200
 * with human-readable messages, some of which report refusals (`Status 'x' isn't a valid
 * status`), and an unknown field is ignored silently. `updateTicket` returns those messages.
 */
export class Rest2Client {
  readonly #transport: HttpTransport

  constructor(options: Rest2ClientOptions) {
    this.#transport = options.transport
  }

  /** The transport, for requests this client has no method for. */
  get transport(): HttpTransport {
    return this.#transport
  }

  /** RT's version and plugins (`GET /rt`). */
  async getSystemInformation(options: CallOptions = {}): Promise<Rest2SystemInformation> {
    return (await this.#transport.get<Rest2SystemInformation>('/rt', options)).data
  }

  // Tickets

  /**
   * One page of a TicketSQL search (`GET /tickets?query=…`). Sent as a form POST instead when
   * `usePost` is set (long queries that would not fit a URL). Pass `orderBy`: RT's unsorted
   * order changes between pages.
   */
  async searchTickets(query: string, options: Rest2CollectionOptions & { simple?: boolean; usePost?: boolean } = {}): Promise<Rest2Collection<Rest2CollectionItem>> {
    const { simple, usePost, ...collectionOptions } = options
    const { query: parameters, call } = collectionRequest(collectionOptions)
    if (usePost) {
      const form = new URLSearchParams({ query, ...(simple ? { simple: '1' } : {}) })
      return (await this.#transport.post<Rest2Collection<Rest2CollectionItem>>('/tickets', form, { ...call, query: parameters, idempotent: true, lane: 'read' })).data
    }
    return this.#getCollection('/tickets', { ...parameters, query, ...(simple ? { simple: 1 } : {}) }, call)
  }

  /** Every ticket a TicketSQL search finds, page after page (see {@link searchTickets}). */
  iterateTickets(query: string, options: Omit<Rest2CollectionOptions, 'page'> & { usePost?: boolean } = {}): Paginated<Rest2CollectionItem> {
    return paginateRest2((page, call) => this.searchTickets(query, { ...options, ...call, page }), pickCallOptions(options))
  }

  /** A ticket in full, with its ETag (`GET /ticket/<id>`). */
  async getTicket(id: string | number, options: Rest2RecordOptions = {}): Promise<Rest2RecordResponse<Rest2Ticket>> {
    return this.#getRecord<Rest2Ticket>(`/ticket/${segment(id)}`, options)
  }

  /**
   * Creates a ticket (`POST /ticket`) and returns its id. Files go base64 in the JSON by default,
   * or as multipart parts (`attachmentEncoding: 'multipart'`), which saves the base64 overhead.
   */
  async createTicket(
    input: Rest2TicketCreateInput,
    options: CallOptions & { attachments?: readonly RtUpload[]; attachmentEncoding?: Rest2AttachmentEncoding } = {},
  ): Promise<{ id: string }> {
    const { attachments, attachmentEncoding, ...call } = options
    const { body, headers } = messageBody(input, attachments, attachmentEncoding)
    const response = await this.#transport.post<{ id: string | number }>('/ticket', body, { ...call, idempotent: false, ...(headers ? { headers } : {}) })
    const id = response.data?.id ?? idFromLocation(response.headers.location)
    if (id === undefined) throw invalid('POST /ticket', 'the new ticket id', response.data)
    return { id: String(id) }
  }

  /**
   * Updates a ticket (`PUT /ticket/<id>`) and returns RT's messages. With `ifMatch` (an ETag
   * from `getTicket`) RT refuses with 412, a ConflictError, when the ticket changed since. RT
   * answers 200 even when it refused a value: read the messages (or the ticket) to be sure.
   */
  async updateTicket(id: string | number, changes: Readonly<Record<string, unknown>>, options: CallOptions & { ifMatch?: string } = {}): Promise<{ messages: string[] }> {
    const { ifMatch, ...call } = options
    const response = await this.#transport.put<unknown>(`/ticket/${segment(id)}`, changes, {
      ...call,
      ...(ifMatch !== undefined ? { headers: { 'If-Match': quoteEtag(ifMatch) } } : {}),
    })
    return { messages: toMessages(response.data) }
  }

  /** Deletes a ticket (`DELETE /ticket/<id>`): RT sets its status to `deleted`. */
  async deleteTicket(id: string | number, options: CallOptions = {}): Promise<void> {
    await this.#transport.delete(`/ticket/${segment(id)}`, { ...options, expect: 'any' })
  }

  /** Adds an internal comment (`POST /ticket/<id>/comment`), with files if any. */
  async comment(id: string | number, input: Rest2MessageInput, options: CallOptions & { attachments?: readonly RtUpload[]; attachmentEncoding?: Rest2AttachmentEncoding } = {}): Promise<{ transactionId: string; messages: string[] }> {
    return this.#message('comment', id, input, options)
  }

  /** Replies to the requestors (`POST /ticket/<id>/correspond`), with files if any. */
  async correspond(id: string | number, input: Rest2MessageInput, options: CallOptions & { attachments?: readonly RtUpload[]; attachmentEncoding?: Rest2AttachmentEncoding } = {}): Promise<{ transactionId: string; messages: string[] }> {
    return this.#message('correspond', id, input, options)
  }

  /** A ticket's transactions (`GET /ticket/<id>/history`), oldest first unless ordered otherwise. */
  async getTicketHistory(id: string | number, options: Rest2CollectionOptions = {}): Promise<Rest2Collection<Rest2CollectionItem>> {
    const { query, call } = collectionRequest(options)
    return this.#getCollection(`/ticket/${segment(id)}/history`, query, call)
  }

  /** A ticket's links from its `_hyperlinks`: local ticket ids (or external URLs) by relation. */
  async getTicketLinks(id: string | number, options: CallOptions = {}): Promise<Rest2TicketLinks> {
    const { record } = await this.getTicket(id, options)
    const links = Object.fromEntries(rest2LinkRefs.map((ref) => [ref, [] as string[]])) as unknown as Rest2TicketLinks
    for (const link of record._hyperlinks ?? []) {
      if (!(rest2LinkRefs as readonly string[]).includes(link.ref)) continue
      const target = link.type === 'ticket' && link.id !== undefined ? String(link.id) : link._url
      links[link.ref as Rest2LinkRef].push(target)
    }
    return links
  }

  /** Adds or removes links (`PUT /ticket/<id>` with `AddMemberOf`, `DeleteRefersTo`, …). */
  async updateTicketLinks(id: string | number, changes: Rest2LinkChanges, options: CallOptions = {}): Promise<{ messages: string[] }> {
    const body: Record<string, unknown> = {}
    for (const [field, value] of Object.entries(changes)) {
      if (value === undefined) continue
      body[field] = Array.isArray(value) ? value.map(String) : String(value)
    }
    return this.updateTicket(id, body, options)
  }

  // Transactions and attachments

  /** A TransactionSQL search (`GET /transactions?query=…`), e.g. `ObjectType = 'RT::Ticket' AND ObjectId = 3 AND Type = 'Comment'`. */
  async searchTransactions(query: string, options: Rest2CollectionOptions = {}): Promise<Rest2Collection<Rest2CollectionItem>> {
    const { query: parameters, call } = collectionRequest(options)
    return this.#getCollection('/transactions', { ...parameters, query }, call)
  }

  /** One transaction (`GET /transaction/<id>`); `_hyperlinks` has one `attachment` link per attachment. */
  async getTransaction(id: string | number, options: Rest2RecordOptions = {}): Promise<Rest2RecordResponse<Rest2Transaction>> {
    return this.#getRecord<Rest2Transaction>(`/transaction/${segment(id)}`, options)
  }

  /** A transaction's attachments (`GET /transaction/<id>/attachments`). Ask `fields=Filename,ContentType,ContentLength`. */
  async getTransactionAttachments(id: string | number, options: Rest2CollectionOptions = {}): Promise<Rest2Collection<Rest2CollectionItem>> {
    const { query, call } = collectionRequest(options)
    return this.#getCollection(`/transaction/${segment(id)}/attachments`, query, call)
  }

  /**
   * Every attachment part of a ticket (`GET /ticket/<id>/attachments`): message bodies, MIME
   * containers and outgoing mail included; files are those with a `Filename`. Do not ask for
   * `Parent`: RT 5.0.3 fails with 500 on top-level parts.
   */
  async getTicketAttachments(id: string | number, options: Rest2CollectionOptions = {}): Promise<Rest2Collection<Rest2CollectionItem>> {
    const { query, call } = collectionRequest(options)
    return this.#getCollection(`/ticket/${segment(id)}/attachments`, query, call)
  }

  /** Searches a ticket's attachments with JSON conditions (`POST /ticket/<id>/attachments`). */
  async searchTicketAttachments(id: string | number, conditions: readonly Rest2JsonCondition[], options: Rest2CollectionOptions = {}): Promise<Rest2Collection<Rest2CollectionItem>> {
    return this.#searchByJson(`/ticket/${segment(id)}/attachments`, conditions, options)
  }

  /**
   * Searches attachments with JSON conditions (`POST /attachments`), e.g. the message bodies of
   * several transactions at once: `[{ field: 'TransactionId', operator: 'IN', value: [34, 35] }]`.
   * With `fields=Content` the content comes as text: ask it of text parts only.
   */
  async searchAttachments(conditions: readonly Rest2JsonCondition[], options: Rest2CollectionOptions = {}): Promise<Rest2Collection<Rest2CollectionItem>> {
    return this.#searchByJson('/attachments', conditions, options)
  }

  /** One attachment with its headers and base64 content (`GET /attachment/<id>`). */
  async getAttachment(id: string | number, options: CallOptions = {}): Promise<Rest2Attachment> {
    return (await this.#getRecord<Rest2Attachment>(`/attachment/${segment(id)}`, options)).record
  }

  /** An attachment's exact bytes, decoded from the base64 `Content` of `GET /attachment/<id>`. */
  async getAttachmentContent(id: string | number, options: CallOptions = {}): Promise<Uint8Array> {
    const attachment = await this.getAttachment(id, options)
    return decodeAttachmentContent(attachment)
  }

  // Queues, users, custom fields, groups

  /** Every queue the user can see (`GET /queues/all`). */
  async listQueues(options: Rest2CollectionOptions = {}): Promise<Rest2Collection<Rest2CollectionItem>> {
    const { query, call } = collectionRequest(options)
    return this.#getCollection('/queues/all', query, call)
  }

  /** Searches queues with JSON conditions (`POST /queues`). */
  async searchQueues(conditions: readonly Rest2JsonCondition[], options: Rest2CollectionOptions = {}): Promise<Rest2Collection<Rest2CollectionItem>> {
    return this.#searchByJson('/queues', conditions, options)
  }

  /** A queue by id or name (`GET /queue/<id or name>`), with its `Lifecycle` and `TicketCustomFields`. */
  async getQueue(idOrName: string | number, options: Rest2RecordOptions = {}): Promise<Rest2RecordResponse<Rest2Queue>> {
    return this.#getRecord<Rest2Queue>(`/queue/${segment(idOrName)}`, options)
  }

  /** A user by id or name (`GET /user/<id or name>`); unprivileged users may be named by e-mail address. */
  async getUser(idOrName: string | number, options: Rest2RecordOptions = {}): Promise<Rest2RecordResponse<Rest2User>> {
    return this.#getRecord<Rest2User>(`/user/${segment(idOrName)}`, options)
  }

  /** Users, page by page (`GET /users`); needs a privileged user. Ask `fields=id,Name,EmailAddress,RealName` for numeric ids. */
  async listUsers(options: Rest2CollectionOptions = {}): Promise<Rest2Collection<Rest2CollectionItem>> {
    const { query, call } = collectionRequest(options)
    return this.#getCollection('/users', query, call)
  }

  /** Searches transactions with JSON conditions (`POST /transactions`), e.g. the Create transactions of several tickets. */
  async searchTransactionsByJson(conditions: readonly Rest2JsonCondition[], options: Rest2CollectionOptions = {}): Promise<Rest2Collection<Rest2CollectionItem>> {
    return this.#searchByJson('/transactions', conditions, options)
  }

  /**
   * Creates several tickets in one request (`POST /tickets/bulk`): one result per input, in
   * order, each `{ id }` or the refusal message. Faster than one request per ticket for imports.
   */
  async createTickets(inputs: readonly Rest2TicketCreateInput[], options: CallOptions = {}): Promise<({ id: string } | { error: string })[]> {
    const response = await this.#transport.post<unknown[]>('/tickets/bulk', inputs, { ...options, idempotent: false })
    if (!Array.isArray(response.data)) throw invalid('POST /tickets/bulk', 'an array of results', response.data)
    return response.data.map((result) => {
      if (typeof result === 'object' && result !== null && 'id' in result) return { id: String((result as { id: unknown }).id) }
      const message = typeof result === 'object' && result !== null && 'message' in result ? (result as { message: unknown }).message : result
      return { error: String(message ?? 'Create failed for unknown reason') }
    })
  }

  /** Searches users with JSON conditions (`POST /users`), e.g. `[{ field: 'EmailAddress', value: 'a@example.com' }]` (case-insensitive). */
  async searchUsers(conditions: readonly Rest2JsonCondition[], options: Rest2CollectionOptions = {}): Promise<Rest2Collection<Rest2CollectionItem>> {
    return this.#searchByJson('/users', conditions, options)
  }

  /**
   * Creates a user (`POST /user`): `Name` is required; `Privileged: 1` makes an agent. Needs
   * AdminUsers. Returns the numeric id (from `Location`; the body names users by `Name`).
   */
  async createUser(input: Readonly<Record<string, unknown>> & { Name: string }, options: CallOptions = {}): Promise<{ id: string; name: string }> {
    const response = await this.#transport.post<{ id: string | number }>('/user', input, { ...options, idempotent: false })
    const id = idFromLocation(response.headers.location) ?? response.data?.id
    if (id === undefined) throw invalid('POST /user', 'the new user id', response.data)
    return { id: String(id), name: String(response.data?.id ?? input.Name) }
  }

  /** Updates a user (`PUT /user/<id or name>`) and returns RT's messages. */
  async updateUser(idOrName: string | number, changes: Readonly<Record<string, unknown>>, options: CallOptions = {}): Promise<{ messages: string[] }> {
    const response = await this.#transport.put<unknown>(`/user/${segment(idOrName)}`, changes, options)
    return { messages: toMessages(response.data) }
  }

  /** A custom field with its select `Values` (`GET /customfield/<id>`). */
  async getCustomField(id: string | number, options: CallOptions = {}): Promise<Rest2RecordResponse<Rest2CustomField>> {
    return this.#getRecord<Rest2CustomField>(`/customfield/${segment(id)}`, options)
  }

  /** Searches custom fields with JSON conditions (`POST /customfields`), e.g. ticket fields: `[{ field: 'LookupType', value: 'RT::Queue-RT::Ticket' }]`. */
  async searchCustomFields(conditions: readonly Rest2JsonCondition[], options: Rest2CollectionOptions = {}): Promise<Rest2Collection<Rest2CollectionItem>> {
    return this.#searchByJson('/customfields', conditions, options)
  }

  /** Searches groups with JSON conditions (`POST /groups`). */
  async searchGroups(conditions: readonly Rest2JsonCondition[], options: Rest2CollectionOptions = {}): Promise<Rest2Collection<Rest2CollectionItem>> {
    return this.#searchByJson('/groups', conditions, options)
  }

  /** A group's members (`GET /group/<id>/members`); needs AdminGroupMembership. */
  async getGroupMembers(groupId: string | number, options: Rest2CollectionOptions & { users?: boolean; groups?: boolean; recursively?: boolean } = {}): Promise<Rest2Collection<Rest2Reference>> {
    const { users, groups, recursively, ...rest } = options
    const { query, call } = collectionRequest(rest)
    return this.#getCollection(`/group/${segment(groupId)}/members`, {
      ...query,
      ...(users !== undefined ? { users: users ? 1 : 0 } : {}),
      ...(groups !== undefined ? { groups: groups ? 1 : 0 } : {}),
      ...(recursively !== undefined ? { recursively: recursively ? 1 : 0 } : {}),
    }, call)
  }

  /** Sends any REST2 request through the same transport (path relative to `/REST/2.0`). */
  async request<T = unknown>(method: HttpMethod, path: string, options: CallOptions & { query?: QueryParameters; body?: unknown; headers?: Record<string, string> } = {}): Promise<HttpResponse<T>> {
    const { query, body, headers, ...call } = options
    return this.#transport.request<T>({ method, path, ...call, ...(query ? { query } : {}), ...(body !== undefined ? { body } : {}), ...(headers ? { headers } : {}) })
  }

  async #message(
    type: 'comment' | 'correspond',
    id: string | number,
    input: Rest2MessageInput,
    options: CallOptions & { attachments?: readonly RtUpload[]; attachmentEncoding?: Rest2AttachmentEncoding },
  ): Promise<{ transactionId: string; messages: string[] }> {
    const { attachments, attachmentEncoding, ...call } = options
    const body: Record<string, unknown> = { ...input }
    if (body.Content !== undefined && body.ContentType === undefined) body.ContentType = 'text/plain'
    const message = messageBody(body, attachments, attachmentEncoding)
    const response = await this.#transport.post<unknown>(`/ticket/${segment(id)}/${type}`, message.body, { ...call, idempotent: false, ...(message.headers ? { headers: message.headers } : {}) })
    const transactionId = idFromLocation(response.headers.location)
    if (transactionId === undefined) throw invalid(`POST /ticket/${id}/${type}`, 'a Location header naming the new transaction', response.data)
    return { transactionId, messages: toMessages(response.data) }
  }

  async #getRecord<T>(path: string, options: Rest2RecordOptions): Promise<Rest2RecordResponse<T>> {
    const { expand, ...call } = options
    const response = await this.#transport.get<T>(path, { ...call, ...(expand ? { query: expandQuery(expand) } : {}) })
    return {
      record: response.data,
      ...(response.headers.etag ? { etag: response.headers.etag } : {}),
      ...(response.headers['last-modified'] ? { lastModified: response.headers['last-modified'] } : {}),
    }
  }

  async #getCollection<T>(path: string, query: QueryParameters, call: CallOptions): Promise<Rest2Collection<T>> {
    const response = await this.#transport.get<Rest2Collection<T>>(path, { ...call, query })
    return checkedCollection(response.data, path)
  }

  async #searchByJson<T>(path: string, conditions: readonly Rest2JsonCondition[], options: Rest2CollectionOptions): Promise<Rest2Collection<T>> {
    const { query, call } = collectionRequest(options)
    // A search reads: safe to repeat, and it belongs in the read lane.
    const response = await this.#transport.post<Rest2Collection<T>>(path, conditions, { ...call, query, idempotent: true, lane: 'read' })
    return checkedCollection(response.data, path)
  }
}

/** The bytes of a `GET /attachment/<id>` record: its `Content` is base64 (with line breaks). */
export function decodeAttachmentContent(attachment: Pick<Rest2Attachment, 'Content'>): Uint8Array {
  const content = attachment.Content ?? ''
  return new Uint8Array(Buffer.from(content.replace(/\s+/g, ''), 'base64'))
}

/** Messages of a PUT or message answer: RT sends an array of strings. */
function toMessages(data: unknown): string[] {
  if (Array.isArray(data)) return data.map((message) => String(message))
  if (typeof data === 'string' && data.trim() !== '') return [data]
  return []
}

/** A message or create body: plain JSON, JSON with base64 files, or multipart (a `JSON` part and `Attachments` file parts). */
function messageBody(
  input: Readonly<Record<string, unknown>>,
  attachments: readonly RtUpload[] | undefined,
  encoding: Rest2AttachmentEncoding = 'json',
): { body: unknown; headers?: Record<string, string> } {
  if (!attachments || attachments.length === 0) return { body: input }
  if (encoding === 'multipart') {
    const multipart = encodeMultipart([
      { name: 'JSON', value: JSON.stringify(input), contentType: 'application/json' },
      ...attachments.map((attachment) => ({
        name: 'Attachments',
        filename: attachment.filename,
        contentType: attachment.contentType ?? 'application/octet-stream',
        data: attachment.data,
      })),
    ])
    return { body: multipart.body, headers: { 'Content-Type': multipart.contentType } }
  }
  return {
    body: {
      ...input,
      Attachments: attachments.map((attachment) => ({
        FileName: encodeRest2FileName(attachment.filename),
        FileType: attachment.contentType ?? 'application/octet-stream',
        FileContent: Buffer.from(attachment.data.buffer, attachment.data.byteOffset, attachment.data.byteLength).toString('base64'),
      })),
    },
  }
}

function collectionRequest(options: Rest2CollectionOptions): { query: Record<string, string | number | string[]>; call: CallOptions } {
  const { page, perPage, orderBy, order, fields, expand, findDisabledRows, signal, timeoutMs } = options
  const query: Record<string, string | number | string[]> = {}
  if (page !== undefined) query.page = page
  if (perPage !== undefined) query.per_page = perPage
  if (orderBy !== undefined) query.orderby = typeof orderBy === 'string' ? [orderBy] : [...orderBy]
  if (order !== undefined) query.order = typeof order === 'string' ? [order] : [...order]
  if (fields !== undefined && fields.length > 0) query.fields = fields.join(',')
  if (findDisabledRows) query.find_disabled_rows = 1
  Object.assign(query, expand ? expandQuery(expand) : {})
  return { query, call: { ...(signal ? { signal } : {}), ...(timeoutMs !== undefined ? { timeoutMs } : {}) } }
}

function expandQuery(expand: Readonly<Record<string, readonly string[]>>): Record<string, string> {
  return Object.fromEntries(Object.entries(expand).map(([field, subfields]) => [`fields[${field}]`, subfields.join(',')]))
}

function pickCallOptions(options: CallOptions): CallOptions {
  return { ...(options.signal ? { signal: options.signal } : {}), ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) }
}

function checkedCollection<T>(data: Rest2Collection<T>, path: string): Rest2Collection<T> {
  if (typeof data !== 'object' || data === null || !Array.isArray(data.items)) throw invalid(`GET ${path}`, 'a collection with items', data)
  return data
}

/** RT's `Location` is relative (`/REST/2.0/ticket/3`, `/REST/2.0/transaction/68`): its last number. */
function idFromLocation(location: string | undefined): string | undefined {
  return location === undefined ? undefined : /\/(\d+)\/?$/.exec(location)?.[1]
}

/** RT's ETags are quoted (`"58"`); accept them bare too. */
function quoteEtag(etag: string): string {
  const trimmed = etag.trim()
  return /^(W\/)?".*"$/.test(trimmed) ? trimmed : `"${trimmed}"`
}

function invalid(what: string, expected: string, body: unknown): InvalidResponseError {
  return new InvalidResponseError(`RT answered ${what} without ${expected}.`, { vendor: 'rt', body: typeof body === 'string' ? body : JSON.stringify(body ?? null) })
}

function segment(value: string | number): string {
  return encodeURIComponent(String(value))
}
