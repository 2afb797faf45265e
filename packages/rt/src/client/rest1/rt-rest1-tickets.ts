import { type CallOptions, ValidationError } from '@ticketbridge/core'
import type { Rest1CommentInput, Rest1SearchOptions, Rest1TicketCreateInput } from './rt-rest1-client-options'
import type { Rest1FormFields, Rest1FormValue } from './rt-rest1-form-encoder'
import { parseRest1Forms, readRest1Field, splitRest1List } from './rt-rest1-form-parser'
import { type Rest1LinkType, rest1LinkTypes, type Rest1Links, type Rest1SearchSummary, type Rest1Ticket } from './rt-rest1-types'
import { customFieldEntries, Rest1Resource, segment, unexpected } from './rt-rest1-wire'

/** REST 1.0's tickets: create, show, edit, search, comments and replies, links. */
export class Rest1TicketResource extends Rest1Resource {
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
    const payload = await this.write('/ticket/new', fields, input.attachments, { ...options, idempotent: false })
    const id = /Ticket (\d+) created/.exec(payload)?.[1]
    if (!id) throw unexpected('ticket/new', 'a "# Ticket <n> created." line', payload)
    return { id }
  }

  /** A ticket's fields (`GET ticket/<id>/show`), all of them or those named (`CF.{Name}` for custom fields). */
  async getTicket(id: string | number, options: CallOptions & { fields?: readonly string[] } = {}): Promise<Rest1Ticket> {
    const { fields, ...call } = options
    const payload = await this.read(`/ticket/${segment(id)}/show`, fields ? { fields: fields.join(',') } : undefined, call)
    const [form] = parseRest1Forms(payload)
    if (!form) throw unexpected(`ticket/${id}/show`, 'a ticket form', payload)
    return (await this.ticketsOf([form], call))[0]!
  }

  /**
   * Several tickets in one request (`GET show?id=ticket/1-3,7`): `ids` is a list of ids or
   * `from-to` ranges. Tickets that do not exist or cannot be seen are left out.
   */
  async getTickets(ids: readonly (string | number)[], options: CallOptions & { fields?: readonly string[] } = {}): Promise<Rest1Ticket[]> {
    if (ids.length === 0) return []
    const { fields, ...call } = options
    const payload = await this.read('/show', { id: `ticket/${ids.join(',')}`, ...(fields ? { fields: fields.join(',') } : {}) }, call)
    const forms = parseRest1Forms(payload).filter((form) => readRest1Field(form, 'id')?.startsWith('ticket/'))
    return this.ticketsOf(forms, call)
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
    const payload = await this.write(`/ticket/${segment(id)}/edit`, { ...fields, ...customFieldEntries(customFields) }, undefined, {
      ...call,
      idempotent: true,
      allowEmpty: true,
    })
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
    const payload = await this.write(`/ticket/${segment(id)}/comment`, fields, input.attachments, { ...options, idempotent: false })
    return { messages: parseRest1Forms(payload)[0]?.comments ?? [] }
  }

  /** A ticket's links by type (`GET ticket/<id>/links/show`): RT URIs such as `fsck.com-rt://example.com/ticket/12`. */
  async getLinks(id: string | number, options: CallOptions = {}): Promise<Rest1Links> {
    const payload = await this.read(`/ticket/${segment(id)}/links/show`, undefined, options)
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
  async updateLinks(
    id: string | number,
    links: Partial<Record<Rest1LinkType, readonly (string | number)[]>>,
    options: CallOptions = {},
  ): Promise<{ messages: string[] }> {
    const fields: Record<string, Rest1FormValue> = { id: `ticket/${id}/links` }
    for (const type of rest1LinkTypes) {
      const values = links[type]
      // `Type: ` with nothing after it removes every link of that type.
      if (values !== undefined) fields[type] = values.length > 0 ? values.map(String) : ''
    }
    const payload = await this.write(`/ticket/${segment(id)}/links`, fields, undefined, { ...options, idempotent: true, allowEmpty: true })
    return { messages: payload === undefined ? [] : (parseRest1Forms(payload)[0]?.comments ?? []) }
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
    const payload = await this.read(
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
    if (format === 'l') return this.ticketsOf(parseRest1Forms(payload), call)
    const summaries: Rest1SearchSummary[] = []
    for (const line of payload.split('\n')) {
      const match = /^(\d+): (.*)$/.exec(line)
      if (match) summaries.push({ id: match[1]!, subject: match[2]! })
    }
    return summaries
  }
}
