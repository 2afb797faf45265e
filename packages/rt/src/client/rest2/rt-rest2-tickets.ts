import type { CallOptions, Paginated } from '@ticketbridge/core'
import type {
  Rest2CollectionOptions,
  Rest2LinkChanges,
  Rest2MessageInput,
  Rest2MessageOptions,
  Rest2MessageResult,
  Rest2RecordOptions,
  Rest2RecordResponse,
  Rest2TicketCreateInput,
  Rest2TicketLinks,
} from './rt-rest2-client-options'
import { paginateRest2 } from './rt-rest2-paging'
import { type Rest2Collection, type Rest2CollectionItem, type Rest2LinkRef, rest2LinkRefs, type Rest2Ticket } from './rt-rest2-types'
import {
  collectionRequest,
  idFromLocation,
  invalid,
  messageBody,
  pickCallOptions,
  quoteEtag,
  Rest2Resource,
  segment,
  toMessages,
} from './rt-rest2-wire'

/** REST2's tickets: TicketSQL searches, records, writes, comments and replies, history and links. */
export class Rest2TicketResource extends Rest2Resource {
  /**
   * One page of a TicketSQL search (`GET /tickets?query=…`). Sent as a form POST instead when
   * `usePost` is set (long queries that would not fit a URL). Pass `orderBy`: RT's unsorted
   * order changes between pages.
   */
  async searchTickets(
    query: string,
    options: Rest2CollectionOptions & { simple?: boolean; usePost?: boolean } = {},
  ): Promise<Rest2Collection<Rest2CollectionItem>> {
    const { simple, usePost, ...collectionOptions } = options
    const { query: parameters, call } = collectionRequest(collectionOptions)
    if (usePost) {
      const form = new URLSearchParams({ query, ...(simple ? { simple: '1' } : {}) })
      return (
        await this.http.post<Rest2Collection<Rest2CollectionItem>>('/tickets', form, { ...call, query: parameters, idempotent: true, lane: 'read' })
      ).data
    }
    return this.getCollection('/tickets', { ...parameters, query, ...(simple ? { simple: 1 } : {}) }, call)
  }

  /** Every ticket a TicketSQL search finds, page after page (see {@link searchTickets}). */
  iterateTickets(query: string, options: Omit<Rest2CollectionOptions, 'page'> & { usePost?: boolean } = {}): Paginated<Rest2CollectionItem> {
    return paginateRest2((page, call) => this.searchTickets(query, { ...options, ...call, page }), pickCallOptions(options))
  }

  /** A ticket in full, with its ETag (`GET /ticket/<id>`). */
  async getTicket(id: string | number, options: Rest2RecordOptions = {}): Promise<Rest2RecordResponse<Rest2Ticket>> {
    return this.getRecord<Rest2Ticket>(`/ticket/${segment(id)}`, options)
  }

  /**
   * Creates a ticket (`POST /ticket`) and returns its id. Files go base64 in the JSON by default,
   * or as multipart parts (`attachmentEncoding: 'multipart'`), which saves the base64 overhead.
   */
  async createTicket(input: Rest2TicketCreateInput, options: Rest2MessageOptions = {}): Promise<{ id: string }> {
    const { attachments, attachmentEncoding, ...call } = options
    const { body, headers } = messageBody(input, attachments, attachmentEncoding)
    const response = await this.http.post<{ id: string | number }>('/ticket', body, { ...call, idempotent: false, ...(headers ? { headers } : {}) })
    const id = response.data?.id ?? idFromLocation(response.headers.location)
    if (id === undefined) throw invalid('POST /ticket', 'the new ticket id', response.data)
    return { id: String(id) }
  }

  /**
   * Updates a ticket (`PUT /ticket/<id>`) and returns RT's messages. With `ifMatch` (an ETag
   * from `getTicket`) RT refuses with 412, a ConflictError, when the ticket changed since. RT
   * answers 200 even when it refused a value: read the messages (or the ticket) to be sure.
   */
  async updateTicket(
    id: string | number,
    changes: Readonly<Record<string, unknown>>,
    options: CallOptions & { ifMatch?: string } = {},
  ): Promise<{ messages: string[] }> {
    const { ifMatch, ...call } = options
    const response = await this.http.put<unknown>(`/ticket/${segment(id)}`, changes, {
      ...call,
      ...(ifMatch !== undefined ? { headers: { 'If-Match': quoteEtag(ifMatch) } } : {}),
    })
    return { messages: toMessages(response.data) }
  }

  /** Deletes a ticket (`DELETE /ticket/<id>`): RT sets its status to `deleted`. */
  async deleteTicket(id: string | number, options: CallOptions = {}): Promise<void> {
    await this.http.delete(`/ticket/${segment(id)}`, { ...options, expect: 'any' })
  }

  /** Adds an internal comment (`POST /ticket/<id>/comment`), with files if any. */
  async comment(id: string | number, input: Rest2MessageInput, options: Rest2MessageOptions = {}): Promise<Rest2MessageResult> {
    return this.postMessage('comment', id, input, options)
  }

  /** Replies to the requestors (`POST /ticket/<id>/correspond`), with files if any. */
  async correspond(id: string | number, input: Rest2MessageInput, options: Rest2MessageOptions = {}): Promise<Rest2MessageResult> {
    return this.postMessage('correspond', id, input, options)
  }

  /** A ticket's transactions (`GET /ticket/<id>/history`), oldest first unless ordered otherwise. */
  async getTicketHistory(id: string | number, options: Rest2CollectionOptions = {}): Promise<Rest2Collection<Rest2CollectionItem>> {
    const { query, call } = collectionRequest(options)
    return this.getCollection(`/ticket/${segment(id)}/history`, query, call)
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

  /**
   * Creates several tickets in one request (`POST /tickets/bulk`): one result per input, in
   * order, each `{ id }` or the refusal message. Faster than one request per ticket for imports.
   */
  async createTickets(inputs: readonly Rest2TicketCreateInput[], options: CallOptions = {}): Promise<({ id: string } | { error: string })[]> {
    const response = await this.http.post<unknown[]>('/tickets/bulk', inputs, { ...options, idempotent: false })
    if (!Array.isArray(response.data)) throw invalid('POST /tickets/bulk', 'an array of results', response.data)
    return response.data.map((result) => {
      if (typeof result === 'object' && result !== null && 'id' in result) return { id: String((result as { id: unknown }).id) }
      const message = typeof result === 'object' && result !== null && 'message' in result ? (result as { message: unknown }).message : result
      return { error: String(message ?? 'Create failed for unknown reason') }
    })
  }

  private async postMessage(
    type: 'comment' | 'correspond',
    id: string | number,
    input: Rest2MessageInput,
    options: Rest2MessageOptions,
  ): Promise<Rest2MessageResult> {
    const { attachments, attachmentEncoding, ...call } = options
    const body: Record<string, unknown> = { ...input }
    if (body.Content !== undefined && body.ContentType === undefined) body.ContentType = 'text/plain'
    const message = messageBody(body, attachments, attachmentEncoding)
    const response = await this.http.post<unknown>(`/ticket/${segment(id)}/${type}`, message.body, {
      ...call,
      idempotent: false,
      ...(message.headers ? { headers: message.headers } : {}),
    })
    const transactionId = idFromLocation(response.headers.location)
    if (transactionId === undefined) throw invalid(`POST /ticket/${id}/${type}`, 'a Location header naming the new transaction', response.data)
    return { transactionId, messages: toMessages(response.data) }
  }
}
