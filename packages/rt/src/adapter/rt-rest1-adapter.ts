import {
  type AdapterWarning,
  type Attachment,
  type CallOptions,
  type Comment,
  commentCreateInputSchema,
  createPaginated,
  type CustomFieldValue,
  fileUploadSchema,
  matchesTicketQuery,
  NotFoundError,
  parseInput,
  type Person,
  personCreateInputSchema,
  type PrioritySelector,
  type Reference,
  type ReferenceSelector,
  type StatusSelector,
  type Ticket,
  ticketCreateInputSchema,
  type TicketingAdapterV1,
  ticketQuerySchema,
  type TicketRelation,
  ticketRelationCreateInputSchema,
  ticketUpdateInputSchema,
  timeEntryCreateInputSchema,
  UnsupportedOperationError,
  ValidationError,
  type WriteOptions,
} from '@ticketbridge/core'
import type { z } from 'zod'
import type { Rest1Client } from '../client/rest1/rt-rest1-client'
import type { Rest1FormValue } from '../client/rest1/rt-rest1-form-encoder'
import { splitRest1CustomFieldValues } from '../client/rest1/rt-rest1-form-parser'
import type { Rest1HistoryEntry, Rest1Record, Rest1Ticket } from '../client/rest1/rt-rest1-types'
import type { RtClient } from '../client/rt-client'
import { rtSystemUserNames } from './map-rt-person'
import type { rtAdapterSettingsSchema } from './rt-adapter-settings'
import { rtCapabilities } from './rt-capabilities'
import { RtDescriptionCache } from './rt-description-cache'
import { RtLifecycles } from './rt-lifecycles'
import { RtPriorities } from './rt-priorities'
import { buildTicketSql, ticketSqlCustomField, ticketSqlString } from './rt-ticket-sql'
import { wholeMinutes } from './rt-whole-minutes'

type ParsedSettings = z.output<typeof rtAdapterSettingsSchema>

const vendor = 'rt'
const pageSize = 100
const newMessagePattern = /^(Comments added|Correspondence added) by /

interface Rest1UserInfo {
  reference: Reference
  privileged: boolean
  record: Rest1Record
}

/**
 * The adapter over REST 1.0, for RT servers without REST2. Same mapping as the REST2 adapter,
 * with what REST 1.0 cannot do declared: no creation time on create, text-only messages, no
 * ETags. REST 1.0 has no batch reads, so a page of tickets costs one `show` request plus two
 * small history requests per ticket for its description; people are looked up once and cached.
 */
export function createRtRest1Adapter(client: RtClient, settings: ParsedSettings): TicketingAdapterV1 {
  const rest1: Rest1Client = client.rest1
  const lifecycles = new RtLifecycles(settings.lifecycles)
  const priorities = new RtPriorities(settings.priorities)
  const externalIdField = settings.externalIdCustomField
  const utcOffsetMinutes = settings.rest1UtcOffsetMinutes ?? 0
  const capabilities = rtCapabilities({ externalIdField, fullTextSearch: settings.fullTextSearch, maxAttachmentBytes: settings.maxAttachmentBytes, api: 'rest1' })
  const users = new Map<string, Promise<Rest1UserInfo | undefined>>()
  const descriptionCache = new RtDescriptionCache()
  let queueIds: Promise<Map<string, string>> | undefined
  let closed = false

  function ensureOpen(operation: string): void {
    if (closed) throw new UnsupportedOperationError(`${operation} after close()`, { vendor, reason: 'the adapter was closed' })
  }

  function callOptions(options: CallOptions | undefined): CallOptions {
    return { ...(options?.signal ? { signal: options.signal } : {}), ...(options?.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) }
  }

  function notFound(what: string): NotFoundError {
    return new NotFoundError(`${what} does not exist in RT, or this user cannot see it. Check the id.`, { status: 404, vendor })
  }

  function checkedId(id: string, what: string): string {
    if (!/^\d+$/.test(id)) throw notFound(`${what} ${id}`)
    return id
  }

  function invalid(field: string, message: string): ValidationError {
    return new ValidationError(`Invalid ${field}: ${message}. Nothing was sent.`, { status: 0, vendor, issues: [{ field, message }] })
  }

  function toUserInfo(record: Rest1Record): Rest1UserInfo {
    const field = (name: string) => {
      const value = record.fields[name]
      return value === undefined || value.trim() === '' ? undefined : value.trim()
    }
    const name = field('Name') ?? record.id
    const email = field('EmailAddress')
    return { reference: { id: record.id, name: field('RealName') ?? name, ...(email ? { email } : {}) }, privileged: field('Privileged') === '1', record }
  }

  /** A user by id, name or address, read once per adapter. REST 1.0 names owners by user name and requestors by address. */
  function lookupUser(identifier: string, call: CallOptions): Promise<Rest1UserInfo | undefined> {
    const key = identifier.toLowerCase()
    let found = users.get(key)
    if (!found) {
      found = (async () => {
        try {
          return toUserInfo(await rest1.getUser(identifier, call))
        } catch (error) {
          if (!NotFoundError.isInstance(error) || !identifier.includes('@')) throw error
        }
        // A user created with another name than its address.
        const ids = await rest1.request('GET', '/search/user', { ...call, query: { query: `EmailAddress = ${ticketSqlString(identifier)}`, format: 'i' } })
        const id = /user\/(\d+)/.exec(ids)?.[1]
        return id ? toUserInfo(await rest1.getUser(id, call)) : undefined
      })()
      users.set(key, found)
      found.catch(() => users.delete(key))
    }
    return found
  }

  async function personReference(identifier: string | undefined, call: CallOptions): Promise<Reference | undefined> {
    if (identifier === undefined || identifier === '' || rtSystemUserNames.has(identifier)) return undefined
    return (await lookupUser(identifier, call))?.reference ?? { id: identifier, name: identifier }
  }

  function loadQueueIds(call: CallOptions, refresh = false): Promise<Map<string, string>> {
    if (queueIds && !refresh) return queueIds
    const loading = (async () => {
      const payload = await rest1.request('GET', '/search/queue', { ...call, query: { query: '', format: 's' } })
      const byName = new Map<string, string>()
      for (const line of payload.split('\n')) {
        const match = /^(\d+): (.*)$/.exec(line)
        if (match) byName.set(match[2]!, match[1]!)
      }
      return byName
    })()
    const previous = queueIds
    queueIds = loading
    loading.catch(() => {
      if (queueIds === loading) queueIds = previous
    })
    return loading
  }

  /** The Create transaction's text: the first entry of the short history, then that entry. */
  async function loadDescription(ticketId: string, call: CallOptions): Promise<string> {
    const known = descriptionCache.get(ticketId)
    if (known) return known.text
    const history = await rest1.getHistory(ticketId, call)
    const first = history[0]
    const entry = first ? await rest1.getHistoryEntry(ticketId, first.id, call) : undefined
    const text = entry?.type === 'Create' ? entry.content ?? '' : ''
    descriptionCache.set(ticketId, { text })
    return text
  }

  async function toTicket(ticket: Rest1Ticket, call: CallOptions): Promise<Ticket> {
    const [description, requester, assignee, queues] = await Promise.all([
      loadDescription(ticket.id, call),
      personReference(ticket.requestors[0], call),
      personReference(ticket.owner, call),
      loadQueueIds(call),
    ])
    const customFields: Record<string, CustomFieldValue> = {}
    let externalId: string | undefined
    for (const [name, raw] of Object.entries(ticket.customFields)) {
      const values = splitRest1CustomFieldValues(raw)
      if (name === externalIdField) {
        externalId = values[0]
        continue
      }
      if (values.length > 0) customFields[name] = values.length === 1 ? values[0]! : values
    }
    const statusName = ticket.status ?? ''
    const category = lifecycles.categoryOf(statusName)
    const queueId = ticket.queue !== undefined ? queues.get(ticket.queue) : undefined
    return {
      id: ticket.id,
      vendor,
      raw: ticket.form,
      subject: ticket.subject ?? '',
      description: { text: description },
      status: { category, id: statusName, name: statusName },
      priority: priorities.priorityOf(ticket.priority),
      ...(ticket.queue !== undefined ? { queue: { id: queueId ?? ticket.queue, name: ticket.queue } } : {}),
      ...(requester ? { requester } : {}),
      ...(assignee ? { assignee } : {}),
      tags: [],
      customFields,
      createdAt: ticket.created ?? new Date(0).toISOString(),
      updatedAt: ticket.lastUpdated ?? ticket.created ?? new Date(0).toISOString(),
      ...(ticket.due ? { dueAt: ticket.due } : {}),
      ...(ticket.resolved && (category === 'resolved' || category === 'closed') ? { resolvedAt: ticket.resolved } : {}),
      ...(ticket.resolved && category === 'closed' ? { closedAt: ticket.resolved } : {}),
      ...(externalId ? { externalId } : {}),
    }
  }

  async function getTicket(id: string, call: CallOptions): Promise<Ticket> {
    return toTicket(await rest1.getTicket(checkedId(id, 'Ticket'), call), call)
  }

  function resolveStatus(selector: StatusSelector): string {
    if (selector.id !== undefined || selector.name !== undefined) return (selector.id ?? selector.name)!.trim()
    const status = lifecycles.statusFor(selector.category!)
    if (!status) throw invalid('status', `no status of the ${selector.category} category is known`)
    return status
  }

  function resolvePriority(selector: PrioritySelector): number {
    const value = selector.id !== undefined ? Number(selector.id) : selector.name !== undefined ? priorities.valueForName(selector.name) : priorities.valueForLevel(selector.level!)
    if (value === undefined || !Number.isInteger(value)) throw invalid('priority', `nothing matches ${JSON.stringify(selector)}; see lookups.priorities()`)
    return value
  }

  function userIdentifier(selector: ReferenceSelector): string {
    return (selector.id ?? selector.email ?? selector.name)!
  }

  /** A date for a REST 1.0 form, in the RT user's timezone (REST 1.0 reads dates without a zone). */
  function formDate(timestamp: string): string {
    const local = new Date(Date.parse(timestamp) + utcOffsetMinutes * 60_000)
    return local.toISOString().replace('T', ' ').replace(/\.\d+Z$/, '')
  }

  function warnUnsupported(warnings: AdapterWarning[], field: string, message: string): void {
    warnings.push({ type: 'unsupported', field, message })
  }

  function silentWarning(options: WriteOptions | undefined, warnings: AdapterWarning[]): void {
    if (options?.silent) warnUnsupported(warnings, 'silent', 'RT cannot suppress its notifications per request; scrips ran as usual.')
  }

  /** The text of a message to send: REST 1.0 messages are read back as text, so HTML is sent as its text. */
  function messageText(body: { text: string; html?: string | undefined }, field: string, warnings: AdapterWarning[]): string {
    if (body.html !== undefined && body.html.trim() !== '') {
      warnings.push({ type: 'converted', field, message: 'RT REST 1.0 reads messages as text; the text was written instead of the HTML.' })
    }
    return body.text
  }

  function customFieldEntries(values: Record<string, CustomFieldValue>): Record<string, string | string[]> {
    const entries: Record<string, string | string[]> = {}
    for (const [key, value] of Object.entries(values)) entries[key] = value === null ? '' : Array.isArray(value) ? value.map(String) : String(value)
    return entries
  }

  /** The transaction a comment or reply just created: the newest message entry of the short history. */
  async function newestMessage(ticketId: string, call: CallOptions): Promise<Rest1HistoryEntry> {
    const history = await rest1.getHistory(ticketId, call)
    const newest = [...history].reverse().find((entry) => newMessagePattern.test(entry.description))
    if (!newest) throw new NotFoundError(`RT recorded no message on ticket ${ticketId}.`, { status: 404, vendor })
    return rest1.getHistoryEntry(ticketId, newest.id, call)
  }

  async function toComment(entry: Rest1HistoryEntry, ticketId: string, call: CallOptions): Promise<Comment> {
    const author = await personReference(entry.creator, call)
    return {
      id: entry.id,
      vendor,
      raw: entry.form,
      ticketId,
      body: { text: entry.content ?? '' },
      visibility: entry.type === 'Correspond' ? 'public' : 'internal',
      ...(author ? { author } : {}),
      createdAt: entry.created ?? new Date(0).toISOString(),
      attachments: entry.attachments.filter((attachment) => attachment.filename !== undefined).map((attachment) => ({ id: attachment.id, filename: attachment.filename! })),
    }
  }

  /** The fields and custom fields whose values differ from the ticket's (compared as RT writes them). */
  async function changedFields(
    id: string,
    fields: Record<string, Rest1FormValue>,
    customFields: Record<string, string | string[]>,
    call: CallOptions,
  ): Promise<{ fields: Record<string, Rest1FormValue>; customFields: Record<string, string | string[]> }> {
    const names = [...Object.keys(fields), ...Object.keys(customFields).map((name) => `CF.{${name}}`)]
    if (names.length === 0) return { fields, customFields }
    const current = await rest1.getTicket(id, { ...call, fields: names })
    const differs = (name: string, value: Rest1FormValue): boolean => {
      const now = readCurrent(current.form.fields, name)
      if (now === undefined) return true
      const wanted = Array.isArray(value) ? value.map(String) : [String(value)]
      const have = name === 'Requestors' || name === 'Cc' || name === 'AdminCc' ? now.split(/,\s*/).filter(Boolean) : [now]
      return JSON.stringify(have.map((item) => item.toLowerCase())) !== JSON.stringify(wanted.map((item) => item.toLowerCase()))
    }
    const changed: Record<string, Rest1FormValue> = {}
    for (const [name, value] of Object.entries(fields)) if (differs(name, value)) changed[name] = value
    const changedCustomFields: Record<string, string | string[]> = {}
    for (const [name, value] of Object.entries(customFields)) {
      const now = splitRest1CustomFieldValues(current.customFields[name])
      const wanted = (Array.isArray(value) ? value : [value]).filter((item) => item !== '')
      if (JSON.stringify(now) !== JSON.stringify(wanted)) changedCustomFields[name] = value
    }
    return { fields: changed, customFields: changedCustomFields }
  }

  function pageOf<T>(items: readonly T[], cursor: string | undefined): { items: T[]; nextCursor?: string } {
    const start = cursor === undefined ? 0 : Number(cursor)
    const end = start + pageSize
    return end < items.length ? { items: items.slice(start, end), nextCursor: String(end) } : { items: items.slice(start) }
  }

  const adapter: TicketingAdapterV1 = {
    specificationVersion: 'v1',
    vendor,
    capabilities,

    tickets: {
      list(query = {}, options) {
        ensureOpen('tickets.list')
        const checked = parseInput(ticketQuerySchema, query, { vendor, what: 'ticket query' })
        const { sql, matchesNothing } = buildTicketSql(checked, { lifecycles, fullTextSearch: settings.fullTextSearch })
        const perPage = Math.min(checked.pageSize ?? pageSize, pageSize)
        let ids: Promise<string[]> | undefined
        return createPaginated(async (cursor, call) => {
          if (matchesNothing) return { items: [] }
          // REST 1.0 searches have no paging: read the ids once per listing, then the tickets a page at a time.
          if (cursor === undefined || !ids) ids = rest1.searchTickets(sql, { ...call, format: 'i', orderBy: '+id' })
          const all = await ids
          const start = cursor === undefined ? 0 : Number(cursor)
          const slice = all.slice(start, start + perPage)
          const records = await rest1.getTickets(slice, call)
          const tickets = await Promise.all(records.map((record) => toTicket(record, call)))
          const items = tickets.filter((ticket) => matchesTicketQuery(ticket, checked))
          return start + perPage < all.length ? { items, nextCursor: String(start + perPage) } : { items }
        }, callOptions(options))
      },

      async get(id, options) {
        ensureOpen('tickets.get')
        return getTicket(id, callOptions(options))
      },

      async create(input, options) {
        ensureOpen('tickets.create')
        const checked = parseInput(ticketCreateInputSchema, input, { vendor, what: 'ticket' })
        const call = callOptions(options)
        const warnings: AdapterWarning[] = []
        silentWarning(options, warnings)
        const text = messageText(checked.description, 'description', warnings)
        let statusAfterCreate: string | undefined
        let status: string | undefined
        if (checked.status) {
          status = resolveStatus(checked.status)
          if (!lifecycles.createStatuses('default')!.includes(status)) {
            statusAfterCreate = status
            status = undefined
          }
        }
        if (checked.createdAt) warnUnsupported(warnings, 'createdAt', 'RT REST 1.0 cannot set the creation time; the ticket carries the time of import.')
        if (checked.team) warnUnsupported(warnings, 'team', 'RT tickets have no team; use the queue. The team was left out.')
        if (checked.organization) warnUnsupported(warnings, 'organization', 'RT has no organizations; the organization was left out.')
        if (checked.type) warnUnsupported(warnings, 'type', 'In RT the queue decides the lifecycle (the ticket type); the type was left out.')
        if (checked.tags && checked.tags.length > 0) warnUnsupported(warnings, 'tags', 'RT has no tags; they were left out.')
        const customFields = {
          ...(checked.customFields ? customFieldEntries(checked.customFields) : {}),
          ...(checked.externalId !== undefined ? { [externalIdField]: checked.externalId } : {}),
        }
        const { id } = await rest1.createTicket(
          {
            queue: (checked.queue?.id ?? checked.queue?.name ?? settings.defaultQueue),
            subject: checked.subject,
            ...(text !== '' ? { text } : {}),
            ...(checked.requester ? { requestors: [userIdentifier(checked.requester)] } : {}),
            ...(checked.assignee ? { owner: userIdentifier(checked.assignee) } : {}),
            ...(status ? { status } : {}),
            ...(checked.priority ? { priority: resolvePriority(checked.priority) } : {}),
            ...(checked.dueAt ? { due: formDate(checked.dueAt) } : {}),
            customFields,
            ...(checked.vendorOptions?.rt ? { fields: checked.vendorOptions.rt as Record<string, Rest1FormValue> } : {}),
          },
          call,
        )
        if (statusAfterCreate !== undefined) await rest1.updateTicket(id, { Status: statusAfterCreate }, call)
        return { record: await getTicket(id, call), warnings }
      },

      async update(id, input, options) {
        ensureOpen('tickets.update')
        const checked = parseInput(ticketUpdateInputSchema, input, { vendor, what: 'ticket update' })
        const call = callOptions(options)
        checkedId(id, 'Ticket')
        const warnings: AdapterWarning[] = []
        silentWarning(options, warnings)
        const { ifMatch, ...extra } = (checked.vendorOptions?.rt ?? {}) as Record<string, unknown>
        if (ifMatch !== undefined) warnUnsupported(warnings, 'vendorOptions.rt.ifMatch', 'RT REST 1.0 has no ETags; the update was not conditional.')
        const fields: Record<string, Rest1FormValue> = { ...(extra as Record<string, Rest1FormValue>) }
        if (checked.subject !== undefined) fields.Subject = checked.subject
        if (checked.queue) fields.Queue = (checked.queue.id ?? checked.queue.name)!
        if (checked.status) fields.Status = resolveStatus(checked.status)
        if (checked.priority) fields.Priority = resolvePriority(checked.priority)
        if (checked.assignee) fields.Owner = userIdentifier(checked.assignee)
        if (checked.requester) {
          const current = await rest1.getTicket(id, { ...call, fields: ['Requestors'] })
          fields.Requestors = [userIdentifier(checked.requester), ...current.requestors.slice(1)]
        }
        if (checked.dueAt !== undefined) fields.Due = formDate(checked.dueAt)
        if (checked.description !== undefined) warnUnsupported(warnings, 'description', 'RT keeps the description as the ticket\'s first message, which cannot be changed; add a comment instead. It was left out.')
        if (checked.createdAt !== undefined) warnUnsupported(warnings, 'createdAt', 'RT sets the creation time only when the ticket is created; it was left out.')
        if (checked.team) warnUnsupported(warnings, 'team', 'RT tickets have no team; use the queue. The team was left out.')
        if (checked.organization) warnUnsupported(warnings, 'organization', 'RT has no organizations; the organization was left out.')
        if (checked.type) warnUnsupported(warnings, 'type', 'In RT the queue decides the lifecycle; the type was left out.')
        if (checked.tags && checked.tags.length > 0) warnUnsupported(warnings, 'tags', 'RT has no tags; they were left out.')
        const customFields = {
          ...(checked.customFields ? customFieldEntries(checked.customFields) : {}),
          ...(checked.externalId !== undefined ? { [externalIdField]: checked.externalId } : {}),
        }
        // Only what differs is sent: RT answers an edit that changes nothing with a malformed
        // empty response (two chunked terminators) that strict HTTP parsers, and proxies built on
        // them, reject. RT answers 409 with one line per refused field (a ValidationError).
        const changes = await changedFields(id, fields, customFields, call)
        if (Object.keys(changes.fields).length > 0 || Object.keys(changes.customFields).length > 0) {
          await rest1.updateTicket(id, changes.fields, { ...call, customFields: changes.customFields })
        }
        return { record: await getTicket(id, call), warnings }
      },

      async delete(id, options) {
        ensureOpen('tickets.delete')
        const call = callOptions(options)
        const changes = await changedFields(checkedId(id, 'Ticket'), { Status: 'deleted' }, {}, call)
        if (Object.keys(changes.fields).length > 0) await rest1.updateTicket(id, changes.fields, call)
      },

      async findByExternalId(externalId, options) {
        ensureOpen('tickets.findByExternalId')
        const call = callOptions(options)
        const ids = await rest1.searchTickets(`${ticketSqlCustomField(externalIdField)} = ${ticketSqlString(externalId)}`, { ...call, format: 'i', orderBy: '+id' })
        return ids[0] === undefined ? undefined : getTicket(ids[0], call)
      },
    },

    comments: {
      list(ticketId, options) {
        ensureOpen('comments.list')
        let comments: Promise<Comment[]> | undefined
        return createPaginated(async (cursor, call) => {
          if (cursor === undefined || !comments) comments = (async () => {
            const history = await rest1.getHistoryLong(checkedId(ticketId, 'Ticket'), call)
            const messages = history.filter((entry) => entry.type === 'Comment' || entry.type === 'Correspond')
            return Promise.all(messages.map((entry) => toComment(entry, ticketId, call)))
          })()
          return pageOf(await comments, cursor)
        }, callOptions(options))
      },

      async create(ticketId, input, options) {
        ensureOpen('comments.create')
        const checked = parseInput(commentCreateInputSchema, input, { vendor, what: 'comment' })
        const call = callOptions(options)
        const warnings: AdapterWarning[] = []
        silentWarning(options, warnings)
        if (checked.author) warnUnsupported(warnings, 'author', 'RT records the authenticated user as the author; the author was left out.')
        if (checked.createdAt) warnUnsupported(warnings, 'createdAt', 'RT records the time of the request; the original time was left out.')
        const text = messageText(checked.body, 'body', warnings)
        const timeWorked = checked.timeWorkedMinutes !== undefined ? wholeMinutes(checked.timeWorkedMinutes, warnings) : undefined
        await rest1.comment(checkedId(ticketId, 'Ticket'), { action: checked.visibility === 'internal' ? 'comment' : 'correspond', text, ...(timeWorked !== undefined ? { timeWorked } : {}) }, call)
        return { record: await toComment(await newestMessage(ticketId, call), ticketId, call), warnings }
      },
    },

    attachments: {
      list(ticketId, options) {
        ensureOpen('attachments.list')
        let attachments: Promise<Attachment[]> | undefined
        return createPaginated(async (cursor, call) => {
          if (cursor === undefined || !attachments) attachments = (async () => {
            const [listing, history] = await Promise.all([rest1.listAttachments(checkedId(ticketId, 'Ticket'), call), rest1.getHistoryLong(ticketId, call)])
            const transactionOf = new Map<string, Rest1HistoryEntry>()
            for (const entry of history) for (const attachment of entry.attachments) transactionOf.set(attachment.id, entry)
            return listing
              .filter((summary) => summary.filename !== undefined)
              .filter((summary) => !/EmailRecord$/.test(transactionOf.get(summary.id)?.type ?? ''))
              .map((summary): Attachment => {
                const entry = transactionOf.get(summary.id)
                return {
                  id: summary.id,
                  vendor,
                  raw: summary,
                  ticketId,
                  ...(entry && (entry.type === 'Comment' || entry.type === 'Correspond') ? { commentId: entry.id } : {}),
                  filename: summary.filename!,
                  contentType: summary.contentType,
                  size: summary.size ?? 0,
                  ...(entry?.created ? { createdAt: entry.created } : {}),
                }
              })
          })()
          return pageOf(await attachments, cursor)
        }, callOptions(options))
      },

      async download(attachment, options) {
        ensureOpen('attachments.download')
        const call = callOptions(options)
        checkedId(attachment.ticketId, 'Ticket')
        checkedId(attachment.id, 'Attachment')
        // REST 1.0 serves any attachment under any ticket: check it belongs to this one.
        const listing = await rest1.listAttachments(attachment.ticketId, call)
        if (!listing.some((summary) => summary.id === attachment.id)) throw notFound(`Attachment ${attachment.id} of ticket ${attachment.ticketId}`)
        return rest1.getAttachmentContent(attachment.ticketId, attachment.id, call)
      },

      async upload(ticketId, file, options) {
        ensureOpen('attachments.upload')
        const checked = parseInput(fileUploadSchema, file, { vendor, what: 'file' })
        const call = callOptions(options)
        if (checked.data.byteLength > settings.maxAttachmentBytes) {
          throw new ValidationError(`${checked.filename} is ${checked.data.byteLength} bytes; RT accepts at most ${settings.maxAttachmentBytes} (maxAttachmentBytes). Nothing was sent.`, {
            status: 0,
            vendor,
            issues: [{ field: 'data', message: `larger than ${settings.maxAttachmentBytes} bytes` }],
          })
        }
        const warnings: AdapterWarning[] = []
        silentWarning(options, warnings)
        if (checked.commentId !== undefined) warnUnsupported(warnings, 'commentId', 'RT cannot add a file to an existing comment; the file came with a new internal comment.')
        const { visibility, text } = (checked.vendorOptions?.rt ?? {}) as { visibility?: string; text?: string }
        await rest1.comment(
          checkedId(ticketId, 'Ticket'),
          { action: visibility === 'public' ? 'correspond' : 'comment', ...(text ? { text } : {}), attachments: [{ filename: checked.filename, contentType: checked.contentType, data: checked.data }] },
          call,
        )
        const entry = await newestMessage(ticketId, call)
        const stored = entry.attachments.find((attachment) => attachment.filename === checked.filename)
        if (!stored) throw new NotFoundError(`RT recorded comment ${entry.id} but no file ${checked.filename} on it.`, { status: 404, vendor })
        return {
          record: {
            id: stored.id,
            vendor,
            raw: stored,
            ticketId,
            commentId: entry.id,
            filename: checked.filename,
            contentType: checked.contentType,
            // REST 1.0 lists sizes rounded (and in characters for text); this is what was sent.
            size: checked.data.byteLength,
            ...(entry.created ? { createdAt: entry.created } : {}),
          },
          warnings,
        }
      },
    },

    people: {
      list(query = {}, options) {
        ensureOpen('people.list')
        let people: Promise<Person[]> | undefined
        const text = query.text?.toLowerCase()
        return createPaginated(async (cursor, call) => {
          if (cursor === undefined || !people) people = (async () => {
            // Without a query RT lists the privileged users; with one, all users (both need AdminUsers).
            const [privilegedIds, all] = await Promise.all([
              rest1.request('GET', '/search/user', { ...call, query: { query: '', format: 'i' } }),
              rest1.request('GET', '/search/user', { ...call, query: { query: 'id > 0', format: 'i', orderby: '+id' } }),
            ])
            const privileged = new Set([...privilegedIds.matchAll(/user\/(\d+)/g)].map((match) => match[1]!))
            const ids = [...all.matchAll(/user\/(\d+)/g)].map((match) => match[1]!)
            const records = await Promise.all(ids.map((id) => lookupUser(id, call)))
            return records
              .filter((info): info is Rest1UserInfo => info !== undefined && !rtSystemUserNames.has(String(info.record.fields.Name)))
              .map((info): Person => ({ id: info.reference.id, vendor, raw: info.record.form, kind: privileged.has(info.reference.id) ? 'agent' : 'contact', name: info.reference.name ?? info.reference.id, ...(info.reference.email ? { email: info.reference.email } : {}) }))
              .filter((person) => query.kind === undefined || person.kind === query.kind)
              .filter((person) => text === undefined || `${person.name} ${person.email ?? ''}`.toLowerCase().includes(text))
          })()
          return pageOf(await people, cursor)
        }, callOptions(options))
      },

      async get(id, options) {
        ensureOpen('people.get')
        const info = toUserInfo(await rest1.getUser(id, callOptions(options)))
        return { id: info.reference.id, vendor, raw: info.record.form, kind: info.privileged ? 'agent' : 'contact', name: info.reference.name ?? info.reference.id, ...(info.reference.email ? { email: info.reference.email } : {}) }
      },

      async findByEmail(email, options) {
        ensureOpen('people.findByEmail')
        const call = callOptions(options)
        const ids = await rest1.request('GET', '/search/user', { ...call, query: { query: `EmailAddress = ${ticketSqlString(email.trim())}`, format: 'i' } })
        const id = /user\/(\d+)/.exec(ids)?.[1]
        return id === undefined ? undefined : adapter.people.get(id, call)
      },

      async create(input, options) {
        ensureOpen('people.create')
        const checked = parseInput(personCreateInputSchema, input, { vendor, what: 'person' })
        const call = callOptions(options)
        const warnings: AdapterWarning[] = []
        silentWarning(options, warnings)
        const fields: Record<string, Rest1FormValue> = {
          ...((checked.vendorOptions?.rt ?? {}) as Record<string, Rest1FormValue>),
          Name: checked.email ?? checked.name,
          RealName: checked.name,
          Privileged: checked.kind === 'agent' ? 1 : 0,
          ...(checked.email ? { EmailAddress: checked.email } : {}),
        }
        if (checked.organization?.name) {
          fields.Organization = checked.organization.name
          warnings.push({ type: 'converted', field: 'organization', message: 'RT has no organizations; the name was kept in the user\'s Organization field.' })
        } else if (checked.organization) {
          warnUnsupported(warnings, 'organization', 'RT has no organizations; the organization was left out.')
        }
        const { id } = await rest1.createUser(fields, call)
        return { record: await adapter.people.get(id, call), warnings }
      },
    },

    organizations: {
      list() {
        ensureOpen('organizations.list')
        return createPaginated(async () => ({ items: [] }))
      },
      async get(id) {
        ensureOpen('organizations.get')
        throw new NotFoundError(`Organization ${id} does not exist: RT has no organizations.`, { status: 404, vendor })
      },
      async findByName() {
        ensureOpen('organizations.findByName')
        return undefined
      },
      async create() {
        throw new UnsupportedOperationError('organizations.create', { vendor, reason: 'RT has no organizations' })
      },
    },

    lookups: {
      async statuses(options) {
        ensureOpen('lookups.statuses')
        // REST 1.0 does not show a queue's lifecycle: every known lifecycle's statuses.
        await loadQueueIds(callOptions(options), true)
        return lifecycles.statuses()
      },
      async priorities() {
        ensureOpen('lookups.priorities')
        return priorities.definitions()
      },
      async queues(options) {
        ensureOpen('lookups.queues')
        const queues = await loadQueueIds(callOptions(options), true)
        return [...queues].map(([name, id]) => ({ id, name }))
      },
      async ticketTypes(options) {
        ensureOpen('lookups.ticketTypes')
        // Ticket types are RT lifecycles, which REST 1.0 does not show.
        await loadQueueIds(callOptions(options), true)
        return []
      },
      async customFields(options) {
        ensureOpen('lookups.customFields')
        const call = callOptions(options)
        const queues = await loadQueueIds(call, true)
        const names = new Set<string>()
        for (const id of queues.values()) {
          const payload = await rest1.request('GET', `/queue/${id}/ticketcustomfields`, call)
          for (const line of payload.split('\n')) {
            const match = /^([^:#][^:]*):/.exec(line)
            if (match && match[1] !== 'id') names.add(match[1]!.trim())
          }
        }
        names.delete(externalIdField)
        // REST 1.0 gives names only: types and options are not shown.
        return [...names].map((name) => ({ key: name, label: name, type: 'text' as const, required: false }))
      },
    },

    timeEntries: {
      list(ticketId, options) {
        ensureOpen('timeEntries.list')
        return createPaginated(async (cursor, call) => {
          const history = await rest1.getHistoryLong(checkedId(ticketId, 'Ticket'), call)
          const entries = await Promise.all(
            history
              .filter((entry) => Number(entry.timeTaken ?? 0) !== 0)
              .map(async (entry) => {
                const person = await personReference(entry.creator, call)
                // Time on a comment or reply is that comment (comments.list gives it the same id); on a Create or Set, none.
                const onComment = entry.type === 'Comment' || entry.type === 'Correspond'
                const note = onComment ? entry.content : undefined
                return {
                  id: entry.id,
                  vendor,
                  raw: entry.form,
                  ticketId,
                  ...(onComment ? { commentId: entry.id } : {}),
                  minutes: Number(entry.timeTaken),
                  ...(note ? { note } : {}),
                  ...(person ? { person } : {}),
                }
              }),
          )
          return pageOf(entries, cursor)
        }, callOptions(options))
      },

      async create(ticketId, input, options) {
        ensureOpen('timeEntries.create')
        const checked = parseInput(timeEntryCreateInputSchema, input, { vendor, what: 'time entry' })
        const call = callOptions(options)
        const warnings: AdapterWarning[] = []
        silentWarning(options, warnings)
        const minutes = wholeMinutes(checked.minutes, warnings)
        if (checked.person) warnUnsupported(warnings, 'person', 'RT records the authenticated user as the one who worked; the person was left out.')
        if (checked.startedAt) warnUnsupported(warnings, 'startedAt', 'RT records no start time for time worked; it was left out.')
        if (checked.billable !== undefined) warnUnsupported(warnings, 'billable', 'RT has no billable flag; it was left out.')
        // REST 1.0 needs text or a file on a comment.
        const note = checked.note?.trim() ? checked.note : `Time worked: ${minutes} minutes`
        await rest1.comment(checkedId(ticketId, 'Ticket'), { action: 'comment', text: note, timeWorked: minutes }, call)
        const entry = await newestMessage(ticketId, call)
        const person = await personReference(entry.creator, call)
        const onComment = entry.type === 'Comment' || entry.type === 'Correspond'
        return {
          record: { id: entry.id, vendor, raw: entry.form, ticketId, ...(onComment ? { commentId: entry.id } : {}), minutes: Number(entry.timeTaken ?? minutes), note, ...(person ? { person } : {}) },
          warnings,
        }
      },
    },

    relations: {
      async list(ticketId, options) {
        ensureOpen('relations.list')
        const links = await rest1.getLinks(checkedId(ticketId, 'Ticket'), callOptions(options))
        const relations: TicketRelation[] = []
        const add = (uri: string, kind: TicketRelation['kind']) => {
          const relatedTicketId = /\/ticket\/(\d+)$/.exec(uri)?.[1]
          if (relatedTicketId && !relations.some((relation) => relation.relatedTicketId === relatedTicketId && relation.kind === kind)) relations.push({ ticketId, relatedTicketId, kind })
        }
        for (const uri of links.MemberOf) add(uri, 'parent')
        for (const uri of links.Members) add(uri, 'child')
        for (const uri of [...links.RefersTo, ...links.ReferredToBy]) add(uri, 'related')
        return relations
      },

      async create(ticketId, input, options) {
        ensureOpen('relations.create')
        const checked = parseInput(ticketRelationCreateInputSchema, input, { vendor, what: 'relation' })
        if (checked.kind === 'duplicate-of') {
          throw new UnsupportedOperationError('relations.create(kind: duplicate-of)', { vendor, reason: 'RT has no duplicate link; merge the tickets in RT or relate them as related' })
        }
        const call = callOptions(options)
        const type = checked.kind === 'parent' ? 'MemberOf' : checked.kind === 'child' ? 'Members' : 'RefersTo'
        // REST 1.0 sets a link type's whole list: keep the links there are.
        const links = await rest1.getLinks(checkedId(ticketId, 'Ticket'), call)
        const current = links[type].map((uri) => /\/ticket\/(\d+)$/.exec(uri)?.[1] ?? uri)
        if (!current.includes(checked.relatedTicketId)) await rest1.updateLinks(ticketId, { [type]: [...current, checked.relatedTicketId] }, call)
        return { record: { ticketId, relatedTicketId: checked.relatedTicketId, kind: checked.kind }, warnings: [] }
      },
    },

    async close() {
      closed = true
      await client.close()
    },
  }
  return adapter
}

/** A field of a ticket form by name, case-insensitively (the form may spell it `Requestors` for `Requestor`). */
function readCurrent(fields: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase()
  const key = Object.keys(fields).find((candidate) => candidate.toLowerCase() === lower || candidate.toLowerCase() === `${lower}s`)
  return key === undefined ? undefined : fields[key]
}
