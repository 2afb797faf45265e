import { type CallOptions, InvalidResponseError, NotFoundError, ValidationError } from '@ticketbridge/core'
import type { HttpResponse, HttpTransport, QueryParameters } from '@ticketbridge/http'
import { encodeMultipart } from '../rt-multipart'
import type { RtUpload } from '../rt-upload'
import { encodeRest1Form, joinRest1CustomFieldValues, rest1CustomFieldKey, type Rest1FormFields, type Rest1FormValue } from './rt-rest1-form-encoder'
import { parseRest1Forms, parseRest1StatusLine, readRest1Field, type Rest1Form, splitRest1List } from './rt-rest1-form-parser'
import type { Rest1Session } from './rt-rest1-session'
import {
  type Rest1Attachment,
  type Rest1AttachmentSummary,
  type Rest1HistoryAttachment,
  type Rest1HistoryEntry,
  type Rest1HistorySummary,
  type Rest1LinkType,
  rest1LinkTypes,
  type Rest1Links,
  type Rest1Record,
  type Rest1SearchSummary,
  type Rest1Ticket,
} from './rt-rest1-types'
import { parseRest1DatabaseDate, parseRest1Date, parseRest1Size, rest1ObjectId } from './rt-rest1-values'

/** What `createTicket` takes. Names follow RT's REST 1.0 form fields. */
export interface Rest1TicketCreateInput {
  /** Queue name or id. */
  queue: string | number
  subject: string
  /** The first message (the ticket's description). */
  text?: string
  /** `text/plain` (default) or `text/html`. */
  contentType?: string
  requestors?: readonly string[]
  cc?: readonly string[]
  adminCc?: readonly string[]
  owner?: string
  status?: string
  priority?: number
  initialPriority?: number
  finalPriority?: number
  timeEstimated?: number
  timeWorked?: number
  timeLeft?: number
  /** Dates as RT reads them, e.g. `2026-11-25 08:00:00` (in the user's timezone). */
  starts?: string
  due?: string
  /** Values by custom field name; lists for multi-value fields. */
  customFields?: Readonly<Record<string, string | readonly string[]>>
  /** Further form fields, written as given. */
  fields?: Rest1FormFields
  /** Files sent with the first message (multipart, `attachment_1`, `attachment_2`, …). */
  attachments?: readonly RtUpload[]
}

/** What `comment` takes. */
export interface Rest1CommentInput {
  /** `comment` (internal note) or `correspond` (reply to the requestors). */
  action: 'comment' | 'correspond'
  text?: string
  /** `text/plain` (default) or `text/html`. */
  contentType?: string
  cc?: readonly string[]
  bcc?: readonly string[]
  /** Minutes worked, recorded on the transaction. */
  timeWorked?: number
  /** A status to set with the message. */
  status?: string
  attachments?: readonly RtUpload[]
}

/** What `searchTickets` takes. */
export interface Rest1SearchOptions extends CallOptions {
  /** `+id`, `-LastUpdated`… Without it RT returns tickets in descending id order. */
  orderBy?: string
  /** Fields for `format: 'l'`, e.g. `['Subject', 'Status', 'CF.{Severity}']`. */
  fields?: readonly string[]
}

/** Settings of {@link Rest1Client}. */
export interface Rest1ClientOptions {
  /** A transport on `<web root>/REST/1.0` with `classifyRest1Response` as its `classifyError`. */
  transport: HttpTransport
  /** The session, when logging in with a password (none with a token). */
  session?: Rest1Session
  /** Offset of the RT user's timezone from UTC in minutes, for REST 1.0 ticket dates. */
  utcOffsetMinutes?: number
}

/**
 * RT's REST 1.0 interface (`/REST/1.0/`), for servers without REST2 (RT before 4.4, or REST2
 * disabled). Every answer is HTTP 200 with the real status in the body; the transport's
 * classifier turns error bodies into typed errors before anything here runs, so methods only
 * see successes. Covers python-rtkit's fifteen operations and more: tickets (create, show,
 * edit, search), comments and replies with attachments, links, attachments and their exact
 * bytes, history (short, long, one entry), users and queues.
 */
export class Rest1Client {
  readonly #transport: HttpTransport
  readonly #session: Rest1Session | undefined
  readonly #utcOffsetMinutes: number

  constructor(options: Rest1ClientOptions) {
    this.#transport = options.transport
    this.#session = options.session
    this.#utcOffsetMinutes = options.utcOffsetMinutes ?? 0
  }

  /** The transport, for requests this client has no method for. */
  get transport(): HttpTransport {
    return this.#transport
  }

  /** Logs in now with the configured user and password (otherwise the first request does). No-op with a token. */
  async login(options: CallOptions = {}): Promise<void> {
    await this.#session?.login(options.signal)
  }

  /** Ends the session (`POST /REST/1.0/logout`); the next request logs in again. No-op with a token. */
  async logout(options: CallOptions = {}): Promise<void> {
    if (!this.#session?.cookie) return
    try {
      await this.#transport.post('/logout', undefined, { ...options, responseType: 'text', idempotent: true })
    } finally {
      this.#session.forget()
    }
  }

  /** Creates a ticket (`POST ticket/new`) and returns its id. */
  async createTicket(input: Rest1TicketCreateInput, options: CallOptions = {}): Promise<{ id: string }> {
    const fields: Record<string, Rest1FormValue | undefined> = {
      id: 'ticket/new',
      Queue: String(input.queue),
      Subject: input.subject,
      Requestor: input.requestors && input.requestors.length > 0 ? input.requestors : undefined,
      Cc: input.cc && input.cc.length > 0 ? input.cc : undefined,
      AdminCc: input.adminCc && input.adminCc.length > 0 ? input.adminCc : undefined,
      Owner: input.owner,
      Status: input.status,
      Priority: input.priority,
      InitialPriority: input.initialPriority,
      FinalPriority: input.finalPriority,
      TimeEstimated: input.timeEstimated,
      TimeWorked: input.timeWorked,
      TimeLeft: input.timeLeft,
      Starts: input.starts,
      Due: input.due,
      ...customFieldEntries(input.customFields),
      ...input.fields,
      'Content-Type': input.contentType,
      Text: input.text,
    }
    const payload = await this.#write('/ticket/new', fields, input.attachments, { ...options, idempotent: false })
    const id = /Ticket (\d+) created/.exec(payload)?.[1]
    if (!id) throw unexpected('ticket/new', 'a "# Ticket <n> created." line', payload)
    return { id }
  }

  /** A ticket's fields (`GET ticket/<id>/show`), all of them or those named (`CF.{Name}` for custom fields). */
  async getTicket(id: string | number, options: CallOptions & { fields?: readonly string[] } = {}): Promise<Rest1Ticket> {
    const { fields, ...call } = options
    const payload = await this.#read(`/ticket/${segment(id)}/show`, fields ? { fields: fields.join(',') } : undefined, call)
    const [form] = parseRest1Forms(payload)
    if (!form) throw unexpected(`ticket/${id}/show`, 'a ticket form', payload)
    return this.#toTicket(form)
  }

  /**
   * Several tickets in one request (`GET show?id=ticket/1-3,7`): `ids` is a list of ids or
   * `from-to` ranges. Tickets that do not exist or cannot be seen are left out.
   */
  async getTickets(ids: readonly (string | number)[], options: CallOptions & { fields?: readonly string[] } = {}): Promise<Rest1Ticket[]> {
    if (ids.length === 0) return []
    const { fields, ...call } = options
    const payload = await this.#read('/show', { id: `ticket/${ids.join(',')}`, ...(fields ? { fields: fields.join(',') } : {}) }, call)
    return parseRest1Forms(payload)
      .filter((form) => readRest1Field(form, 'id')?.startsWith('ticket/'))
      .map((form) => this.#toTicket(form))
  }

  /**
   * Changes a ticket's fields (`POST ticket/<id>/edit`): only the fields given. Custom fields as
   * `CF.{Name}` keys or through `customFields`. Returns `changed: false` when RT answered with an
   * empty body (nothing to change).
   */
  async updateTicket(
    id: string | number,
    fields: Rest1FormFields,
    options: CallOptions & { customFields?: Readonly<Record<string, string | readonly string[]>> } = {},
  ): Promise<{ changed: boolean; messages: string[] }> {
    const { customFields, ...call } = options
    const payload = await this.#write(`/ticket/${segment(id)}/edit`, { ...fields, ...customFieldEntries(customFields) }, undefined, { ...call, idempotent: true, allowEmpty: true })
    if (payload === undefined) return { changed: false, messages: [] }
    return { changed: true, messages: parseRest1Forms(payload)[0]?.comments ?? [] }
  }

  /** Adds a comment (`action: 'comment'`) or a reply (`'correspond'`), with attachments if any (`POST ticket/<id>/comment`). */
  async comment(id: string | number, input: Rest1CommentInput, options: CallOptions = {}): Promise<{ messages: string[] }> {
    if (!input.text && (input.attachments?.length ?? 0) === 0) {
      throw new ValidationError('A REST 1.0 comment needs text or an attachment. Nothing was sent.', {
        status: 0,
        vendor: 'rt',
        issues: [{ field: 'text', message: 'empty comment without attachments' }],
      })
    }
    const fields: Record<string, Rest1FormValue | undefined> = {
      id: String(id),
      Action: input.action,
      Cc: input.cc && input.cc.length > 0 ? input.cc : undefined,
      Bcc: input.bcc && input.bcc.length > 0 ? input.bcc : undefined,
      TimeWorked: input.timeWorked,
      Status: input.status,
      'Content-Type': input.contentType,
      Text: input.text,
    }
    const payload = await this.#write(`/ticket/${segment(id)}/comment`, fields, input.attachments, { ...options, idempotent: false })
    return { messages: parseRest1Forms(payload)[0]?.comments ?? [] }
  }

  /** A ticket's links by type (`GET ticket/<id>/links/show`): RT URIs such as `fsck.com-rt://example.com/ticket/12`. */
  async getLinks(id: string | number, options: CallOptions = {}): Promise<Rest1Links> {
    const payload = await this.#read(`/ticket/${segment(id)}/links/show`, undefined, options)
    const form = parseRest1Forms(payload)[0]
    const links = Object.fromEntries(rest1LinkTypes.map((type) => [type, [] as string[]])) as unknown as Rest1Links
    if (!form) return links
    for (const type of rest1LinkTypes) links[type] = splitRest1List(readRest1Field(form, type))
    return links
  }

  /**
   * Sets a ticket's links (`POST ticket/<id>/links`). For each type given, RT makes the links
   * exactly the list (adding and deleting); types not given are left alone. Ticket numbers and
   * URIs are both accepted.
   */
  async updateLinks(id: string | number, links: Partial<Record<Rest1LinkType, readonly (string | number)[]>>, options: CallOptions = {}): Promise<{ messages: string[] }> {
    const fields: Record<string, Rest1FormValue> = { id: `ticket/${id}/links` }
    for (const type of rest1LinkTypes) {
      const values = links[type]
      // `Type: ` with nothing after it removes every link of that type.
      if (values !== undefined) fields[type] = values.length > 0 ? values.map(String) : ''
    }
    const payload = await this.#write(`/ticket/${segment(id)}/links`, fields, undefined, { ...options, idempotent: true, allowEmpty: true })
    return { messages: payload === undefined ? [] : parseRest1Forms(payload)[0]?.comments ?? [] }
  }

  /** Every attachment part of a ticket (`GET ticket/<id>/attachments`), message bodies and MIME containers included. */
  async listAttachments(ticketId: string | number, options: CallOptions = {}): Promise<Rest1AttachmentSummary[]> {
    const payload = await this.#read(`/ticket/${segment(ticketId)}/attachments`, undefined, options)
    const form = parseRest1Forms(payload)[0]
    const listing = form ? readRest1Field(form, 'Attachments') : undefined
    if (!listing) return []
    const summaries: Rest1AttachmentSummary[] = []
    for (const line of listing.split('\n')) {
      const match = /^\s*(\d+):\s*(.*?)\s+\(([^()\s]*)\s+\/\s+([^()]*?)\),?\s*$/.exec(line)
      if (!match) continue
      const name = match[2]!
      const size = parseRest1Size(match[4])
      summaries.push({
        id: match[1]!,
        ...(name !== '(Unnamed)' && name !== '' ? { filename: name } : {}),
        contentType: match[3]!,
        ...(size !== undefined ? { size } : {}),
        sizeText: match[4]!,
      })
    }
    return summaries
  }

  /** One attachment's metadata, headers and text content (`GET ticket/<id>/attachments/<id>`). */
  async getAttachment(ticketId: string | number, attachmentId: string | number, options: CallOptions = {}): Promise<Rest1Attachment> {
    const payload = await this.#read(`/ticket/${segment(ticketId)}/attachments/${segment(attachmentId)}`, undefined, options)
    const [form] = parseRest1Forms(payload)
    if (!form) throw unexpected(`ticket/${ticketId}/attachments/${attachmentId}`, 'an attachment form', payload)
    const field = (name: string) => nonEmpty(readRest1Field(form, name))
    return {
      id: field('id') ?? String(attachmentId),
      ...optional('subject', field('Subject')),
      ...optional('creator', field('Creator')),
      ...optional('created', parseRest1DatabaseDate(field('Created'))),
      ...optional('transactionId', field('Transaction')),
      ...optional('parentId', field('Parent')),
      ...optional('messageId', field('MessageId')),
      ...optional('filename', field('Filename')),
      ...optional('contentType', field('ContentType')),
      ...optional('contentEncoding', field('ContentEncoding')),
      headers: readRest1Field(form, 'Headers') ?? '',
      content: readRest1Field(form, 'Content') ?? '',
      form,
    }
  }

  /**
   * An attachment's exact bytes (`GET ticket/<id>/attachments/<id>/content`): everything after
   * the status line and the blank line below it, binary-safe.
   */
  async getAttachmentContent(ticketId: string | number, attachmentId: string | number, options: CallOptions = {}): Promise<Uint8Array> {
    const response = await this.#transport.get<Uint8Array>(`/ticket/${segment(ticketId)}/attachments/${segment(attachmentId)}/content`, {
      ...options,
      responseType: 'bytes',
    })
    const bytes = response.data
    const lineEnd = bytes.indexOf(0x0a)
    if (lineEnd === -1 || !/^RT\/\S+ 200/.test(new TextDecoder().decode(bytes.subarray(0, lineEnd)))) {
      throw unexpected(`ticket/${ticketId}/attachments/${attachmentId}/content`, 'a status line', new TextDecoder().decode(bytes.subarray(0, 200)))
    }
    // The status line is followed by one blank line, then the bytes.
    const start = bytes[lineEnd + 1] === 0x0a ? lineEnd + 2 : lineEnd + 1
    return bytes.slice(start)
  }

  /** The short history (`GET ticket/<id>/history`): transaction ids and descriptions, oldest first. */
  async getHistory(ticketId: string | number, options: CallOptions = {}): Promise<Rest1HistorySummary[]> {
    const payload = await this.#read(`/ticket/${segment(ticketId)}/history`, undefined, options)
    const entries: Rest1HistorySummary[] = []
    for (const line of payload.split('\n')) {
      const match = /^(\d+): (.*)$/.exec(line)
      if (match) entries.push({ id: match[1]!, description: match[2]! })
    }
    return entries
  }

  /** The long history (`GET ticket/<id>/history?format=l`): one entry per transaction, oldest first. */
  async getHistoryLong(ticketId: string | number, options: CallOptions = {}): Promise<Rest1HistoryEntry[]> {
    const payload = await this.#read(`/ticket/${segment(ticketId)}/history`, { format: 'l' }, options)
    return parseRest1Forms(payload)
      .filter((form) => readRest1Field(form, 'id') !== undefined)
      .map((form) => toHistoryEntry(form))
  }

  /** One transaction of a ticket's history (`GET ticket/<id>/history/id/<txn>`). */
  async getHistoryEntry(ticketId: string | number, transactionId: string | number, options: CallOptions = {}): Promise<Rest1HistoryEntry> {
    const payload = await this.#read(`/ticket/${segment(ticketId)}/history/id/${segment(transactionId)}`, undefined, options)
    const form = parseRest1Forms(payload).find((candidate) => readRest1Field(candidate, 'id') !== undefined)
    if (!form) throw unexpected(`ticket/${ticketId}/history/id/${transactionId}`, 'a history entry', payload)
    return toHistoryEntry(form)
  }

  /** A user by id or name (`GET user/<id or name>`). */
  async getUser(idOrName: string | number, options: CallOptions = {}): Promise<Rest1Record> {
    return this.#readRecord('user', idOrName, options)
  }

  /** A queue by id or name (`GET queue/<id or name>`). */
  async getQueue(idOrName: string | number, options: CallOptions = {}): Promise<Rest1Record> {
    return this.#readRecord('queue', idOrName, options)
  }

  /**
   * Creates a user (`POST user/new`); needs the AdminUsers right. Fields as RT names them:
   * `Name`, `EmailAddress`, `RealName`, `Privileged` (1 or 0), `Organization`…
   */
  async createUser(fields: Rest1FormFields, options: CallOptions = {}): Promise<{ id: string }> {
    const payload = await this.#write('/user/new', { id: 'user/new', ...fields }, undefined, { ...options, idempotent: false })
    const id = /User (\d+) created/.exec(payload)?.[1]
    if (!id) {
      const comments = parseRest1Forms(payload)[0]?.comments ?? []
      throw new ValidationError(`RT did not create the user: ${comments.join(' ') || 'no reason given'}.`, {
        status: 400,
        vendor: 'rt',
        issues: [{ message: comments.join(' ') || 'RT did not create the user' }],
      })
    }
    return { id }
  }

  /**
   * Searches tickets with TicketSQL (`GET search/ticket`). `format: 's'` (default) gives ids and
   * subjects, `'i'` ids only, `'l'` whole tickets (or the `fields` asked for). An empty result
   * (`No matching results.`) is an empty list; an invalid query is a ValidationError.
   */
  async searchTickets(query: string, options?: Rest1SearchOptions & { format?: 's' }): Promise<Rest1SearchSummary[]>
  async searchTickets(query: string, options: Rest1SearchOptions & { format: 'i' }): Promise<string[]>
  async searchTickets(query: string, options: Rest1SearchOptions & { format: 'l' }): Promise<Rest1Ticket[]>
  async searchTickets(
    query: string,
    options: Rest1SearchOptions & { format?: 's' | 'i' | 'l' } = {},
  ): Promise<Rest1SearchSummary[] | string[] | Rest1Ticket[]> {
    const { orderBy, fields, format = 's', ...call } = options
    const payload = await this.#read(
      '/search/ticket',
      { query, ...(orderBy ? { orderby: orderBy } : {}), format, ...(fields && format === 'l' ? { fields: fields.join(',') } : {}) },
      call,
    )
    if (/^No matching results\.\s*$/m.test(payload.trim())) return []
    if (format === 'i') {
      return payload
        .split('\n')
        .map((line) => /^ticket\/(\d+)\s*$/.exec(line.trim())?.[1])
        .filter((id): id is string => id !== undefined)
    }
    if (format === 'l') return parseRest1Forms(payload).map((form) => this.#toTicket(form))
    const summaries: Rest1SearchSummary[] = []
    for (const line of payload.split('\n')) {
      const match = /^(\d+): (.*)$/.exec(line)
      if (match) summaries.push({ id: match[1]!, subject: match[2]! })
    }
    return summaries
  }

  /** Sends any REST 1.0 request through the same transport (path relative to `/REST/1.0`); the payload after the status line. */
  async request(method: 'GET' | 'POST', path: string, options: CallOptions & { query?: QueryParameters; content?: Rest1FormFields } = {}): Promise<string> {
    const { query, content, ...call } = options
    if (method === 'GET') return this.#read(path, query, call)
    const payload = await this.#write(path, content ?? {}, undefined, { ...call, idempotent: false, allowEmpty: true, ...(query ? { query } : {}) })
    return payload ?? ''
  }

  async #read(path: string, query: QueryParameters | undefined, options: CallOptions): Promise<string> {
    const response = await this.#transport.get<string>(path, { ...options, responseType: 'text', ...(query ? { query } : {}) })
    return payloadOf(response, path)
  }

  async #write(
    path: string,
    fields: Rest1FormFields,
    attachments: readonly RtUpload[] | undefined,
    options: CallOptions & { idempotent: boolean; allowEmpty: true; query?: QueryParameters },
  ): Promise<string | undefined>
  async #write(path: string, fields: Rest1FormFields, attachments: readonly RtUpload[] | undefined, options: CallOptions & { idempotent: boolean; allowEmpty?: false }): Promise<string>
  async #write(
    path: string,
    fields: Rest1FormFields,
    attachments: readonly RtUpload[] | undefined,
    options: CallOptions & { idempotent: boolean; allowEmpty?: boolean; query?: QueryParameters },
  ): Promise<string | undefined> {
    const { idempotent, allowEmpty, query, ...call } = options
    let body: URLSearchParams | Uint8Array
    let headers: Record<string, string> | undefined
    if (attachments && attachments.length > 0) {
      const names = attachments.map((attachment, index) => checkedAttachmentName(attachment.filename, index))
      // RT pairs the names on the Attachment: line with the parts attachment_1, attachment_2, … in order.
      const multipart = encodeMultipart([
        { name: 'content', value: encodeRest1Form({ ...fields, Attachment: names.join(', ') }) },
        ...attachments.map((attachment, index) => ({
          name: `attachment_${index + 1}`,
          filename: names[index]!,
          contentType: attachment.contentType ?? 'application/octet-stream',
          data: attachment.data,
        })),
      ])
      body = multipart.body
      headers = { 'Content-Type': multipart.contentType }
    } else {
      body = new URLSearchParams({ content: encodeRest1Form(fields) })
    }
    const response = await this.#transport.post<string>(path, body, { ...call, responseType: 'text', idempotent, ...(query ? { query } : {}), ...(headers ? { headers } : {}) })
    // An edit that changes nothing answers HTTP 200 with an empty body (rt.md §2.1).
    if (response.data === '') {
      if (allowEmpty) return undefined
      throw unexpected(path, 'an RT status line', '')
    }
    return payloadOf(response, path)
  }

  async #readRecord(type: 'user' | 'queue', idOrName: string | number, options: CallOptions): Promise<Rest1Record> {
    const payload = await this.#read(`/${type}/${segment(idOrName)}`, undefined, options)
    const [form] = parseRest1Forms(payload)
    const id = form ? rest1ObjectId(readRest1Field(form, 'id')) : undefined
    if (!form || id === undefined) throw unexpected(`${type}/${idOrName}`, `a ${type} form`, payload)
    if (!/^\d+$/.test(id)) {
      // RT echoes the name it could not find as the id (`id: user/nosuchuser`).
      throw new NotFoundError(`RT has no ${type} ${idOrName}.`, { status: 404, vendor: 'rt', method: 'GET', url: `${this.#transport.baseUrl}/${type}/${idOrName}` })
    }
    return { id, fields: form.fields, form }
  }

  #toTicket(form: Rest1Form): Rest1Ticket {
    const field = (name: string) => readRest1Field(form, name)
    const date = (name: string) => parseRest1Date(field(name), this.#utcOffsetMinutes)
    const customFields: Record<string, string> = {}
    for (const [key, value] of Object.entries(form.fields)) {
      const match = /^CF\.\{(.*)\}$/.exec(key)
      if (match) customFields[match[1]!] = value
    }
    return {
      id: rest1ObjectId(field('id')) ?? '',
      ...optional('queue', field('Queue')),
      ...optional('owner', field('Owner')),
      ...optional('creator', field('Creator')),
      ...optional('subject', field('Subject')),
      ...optional('status', field('Status')),
      ...optional('priority', field('Priority')),
      ...optional('initialPriority', field('InitialPriority')),
      ...optional('finalPriority', field('FinalPriority')),
      requestors: splitRest1List(field('Requestors')),
      cc: splitRest1List(field('Cc')),
      adminCc: splitRest1List(field('AdminCc')),
      ...optional('created', date('Created')),
      ...optional('starts', date('Starts')),
      ...optional('started', date('Started')),
      ...optional('due', date('Due')),
      ...optional('resolved', date('Resolved')),
      ...optional('told', date('Told')),
      ...optional('lastUpdated', date('LastUpdated')),
      ...optional('timeEstimated', field('TimeEstimated')),
      ...optional('timeWorked', field('TimeWorked')),
      ...optional('timeLeft', field('TimeLeft')),
      customFields,
      form,
    }
  }
}

function toHistoryEntry(form: Rest1Form): Rest1HistoryEntry {
  const field = (name: string) => nonEmpty(readRest1Field(form, name))
  const attachments: Rest1HistoryAttachment[] = []
  for (const line of (readRest1Field(form, 'Attachments') ?? '').split('\n')) {
    const match = /^\s*(\d+):\s*(.*?)\s+\(([^()]*)\)\s*,?\s*$/.exec(line)
    if (!match) continue
    const size = parseRest1Size(match[3])
    attachments.push({
      id: match[1]!,
      ...(match[2] !== 'untitled' && match[2] !== '' ? { filename: match[2]! } : {}),
      ...(size !== undefined ? { size } : {}),
      sizeText: match[3]!,
    })
  }
  const content = readRest1Field(form, 'Content')
  return {
    id: field('id') ?? '',
    ticketId: field('Ticket') ?? '',
    type: field('Type') ?? '',
    ...optional('field', field('Field')),
    ...optional('oldValue', field('OldValue')),
    ...optional('newValue', field('NewValue')),
    ...optional('data', field('Data')),
    ...optional('description', field('Description')),
    ...(content !== undefined && content !== 'This transaction appears to have no content' ? { content } : {}),
    ...optional('creator', field('Creator')),
    ...optional('created', parseRest1DatabaseDate(field('Created'))),
    ...optional('timeTaken', field('TimeTaken')),
    attachments,
    form,
  }
}

function customFieldEntries(customFields: Readonly<Record<string, string | readonly string[]>> | undefined): Record<string, string> {
  const entries: Record<string, string> = {}
  for (const [name, value] of Object.entries(customFields ?? {})) {
    entries[rest1CustomFieldKey(name)] = typeof value === 'string' ? value : joinRest1CustomFieldValues(value)
  }
  return entries
}

/** RT reads attachment names from the comma-separated `Attachment:` line and keeps only the basename. */
function checkedAttachmentName(filename: string, index: number): string {
  if (/[,'"\\/\n]/.test(filename) || filename.trim() === '') {
    throw new ValidationError(
      `RT REST 1.0 cannot carry the file name "${filename}": names travel in a comma-separated form line, so commas, quotes, slashes and line breaks are not allowed. Rename the file.`,
      { status: 0, vendor: 'rt', issues: [{ field: `attachments[${index}].filename`, message: 'contains a comma, quote, slash or line break' }] },
    )
  }
  return filename.trim()
}

function payloadOf(response: HttpResponse<string>, path: string): string {
  const statusLine = parseRest1StatusLine(response.data)
  if (!statusLine) throw unexpected(path, 'an RT status line', response.data)
  return statusLine.payload
}

function unexpected(path: string, expected: string, body: string): InvalidResponseError {
  return new InvalidResponseError(`RT REST 1.0 answered ${path} without ${expected}. Check that baseUrl is RT's web root.`, { vendor: 'rt', status: 200, body })
}

function segment(value: string | number): string {
  return encodeURIComponent(String(value))
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value
}

function optional<Key extends string, Value>(key: Key, value: Value | undefined): { [K in Key]?: Value } {
  return (value === undefined ? {} : { [key]: value }) as { [K in Key]?: Value }
}
