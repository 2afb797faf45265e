import {
  type AdapterWarning,
  type Attachment,
  type CallOptions,
  type Comment,
  commentCreateInputSchema,
  createPaginated,
  type CustomFieldDefinition,
  type CustomFieldType,
  type CustomFieldValue,
  fileUploadSchema,
  matchesTicketQuery,
  NotFoundError,
  parseInput,
  PermissionError,
  type Person,
  personCreateInputSchema,
  type PrioritySelector,
  type Queue,
  type ReferenceSelector,
  type RichText,
  type StatusSelector,
  type Ticket,
  ticketCreateInputSchema,
  type TicketingAdapterV1,
  ticketQuerySchema,
  type TicketRelation,
  ticketRelationCreateInputSchema,
  ticketUpdateInputSchema,
  type TimeEntry,
  timeEntryCreateInputSchema,
  UnsupportedOperationError,
  ValidationError,
  type ValidationIssue,
  type WriteOptions,
} from '@ticketbridge/core'
import type { z } from 'zod'
import type { Rest2Client, Rest2MessageInput, Rest2TicketCreateInput } from '../client/rest2/rt-rest2-client'
import { nextRest2Page } from '../client/rest2/rt-rest2-paging'
import type { Rest2CollectionItem, Rest2CustomField, Rest2Reference, Rest2Ticket, Rest2User } from '../client/rest2/rt-rest2-types'
import type { RtClient } from '../client/rt-client'
import type { RtUpload } from '../client/rt-upload'
import { mapRtUser, rtPersonReference, rtSystemUserNames, rtUserReferenceFields } from './map-rt-person'
import { mapRtTicket } from './map-rt-ticket'
import type { rtAdapterSettingsSchema } from './rt-adapter-settings'
import { rtCapabilities } from './rt-capabilities'
import { RtAttachmentTickets } from './rt-attachment-tickets'
import { RtDescriptionCache } from './rt-description-cache'
import { htmlToText } from './rt-html-text'
import { RtLifecycles } from './rt-lifecycles'
import { collectAll, loadRtMessageParts, type RtMessageParts } from './rt-message-parts'
import { RtPriorities } from './rt-priorities'
import { buildTicketSql, ticketSqlCustomField, ticketSqlString } from './rt-ticket-sql'
import { createdAtWarning } from './rt-created-at'
import { rtInputDate, rtTimestamp } from './rt-timestamps'
import { wholeMinutes } from './rt-whole-minutes'

type ParsedSettings = z.output<typeof rtAdapterSettingsSchema>

const vendor = 'rt'

/** Fields asked of every ticket, with the referenced records expanded (numeric user ids, queue names, lifecycles). */
const ticketFields = [
  'Subject', 'Status', 'Priority', 'InitialPriority', 'FinalPriority', 'Queue', 'Owner', 'Requestor', 'Cc', 'AdminCc', 'Creator',
  'Created', 'LastUpdated', 'Starts', 'Started', 'Due', 'Resolved', 'Told', 'TimeEstimated', 'TimeWorked', 'TimeLeft', 'CustomFields',
]
const userFields = [...rtUserReferenceFields]
const ticketExpand = { Queue: ['Name', 'Lifecycle'], Owner: userFields, Requestor: userFields }
const messageTypes = new Set(['Comment', 'Correspond'])
/** Outgoing mail RT recorded: copies of what was sent, not new content. */
const recordedMailTypes = new Set(['EmailRecord', 'CommentEmailRecord'])
/** RT's answers to a PUT that report a refusal (it answers 200 either way). */
const refusalPattern = /isn't a valid|is not a valid|not allowed|permission denied|does not exist|couldn't|could not|invalid|failed|may not|can't|cannot|must be/i

interface RtCustomFieldInfo {
  id: string
  name: string
  type: string
  maxValues: number
  pattern: string
  description: string
}

interface RtQueueInfo {
  id: string
  name: string
  lifecycle: string
}

/** The adapter over REST2. `createRtAdapter` builds it; see there for the settings. */
export function createRtRest2Adapter(client: RtClient, settings: ParsedSettings): TicketingAdapterV1 {
  const rest2: Rest2Client = client.rest2
  const lifecycles = new RtLifecycles(settings.lifecycles)
  const priorities = new RtPriorities(settings.priorities)
  const externalIdField = settings.externalIdCustomField
  const capabilities = rtCapabilities({ externalIdField, fullTextSearch: settings.fullTextSearch, maxAttachmentBytes: settings.maxAttachmentBytes, api: 'rest2' })
  let closed = false

  const customFieldRecords = new Map<string, Promise<Rest2CustomField>>()
  const descriptionCache = new RtDescriptionCache()
  const attachmentTickets = new RtAttachmentTickets()

  function ensureOpen(operation: string): void {
    if (closed) throw new UnsupportedOperationError(`${operation} after close()`, { vendor, reason: 'the adapter was closed' })
  }

  function callOptions(options: CallOptions | undefined): CallOptions {
    return { ...(options?.signal ? { signal: options.signal } : {}), ...(options?.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) }
  }

  /**
   * A catalog read once and kept: `refresh` reads it again and replaces it only on success, so
   * a failed refresh (an outage, an abort) leaves the last good copy in place.
   */
  function createCatalog<T>(load: (call: CallOptions) => Promise<T>): (call: CallOptions, refresh?: boolean) => Promise<T> {
    let current: Promise<T> | undefined
    return (call, refresh = false) => {
      if (current && !refresh) return current
      const loading = load(call)
      const previous = current
      current = loading
      loading.catch(() => {
        if (current === loading) current = previous
      })
      return loading
    }
  }

  const loadCustomFieldCatalog = createCatalog(async (call): Promise<Map<string, RtCustomFieldInfo>> => {
    const items = await collectAll((page) =>
      rest2.searchCustomFields([{ field: 'LookupType', value: 'RT::Queue-RT::Ticket' }], { ...call, page, perPage: 100, orderBy: 'id', fields: ['Name', 'Type', 'MaxValues', 'Pattern', 'Description', 'Disabled'] }),
    )
    return new Map(
      items.map((item) => [
        String(item.Name),
        { id: String(item.id), name: String(item.Name), type: String(item.Type ?? 'Freeform'), maxValues: Number(item.MaxValues ?? 1), pattern: String(item.Pattern ?? ''), description: String(item.Description ?? '') },
      ]),
    )
  })

  function loadCustomFieldRecord(id: string, call: CallOptions): Promise<Rest2CustomField> {
    let found = customFieldRecords.get(id)
    if (!found) {
      found = rest2.getCustomField(id, call).then((response) => response.record)
      customFieldRecords.set(id, found)
      found.catch(() => customFieldRecords.delete(id))
    }
    return found
  }

  const loadQueues = createCatalog(async (call): Promise<Map<string, RtQueueInfo>> => {
    const items = await collectAll((page) => rest2.listQueues({ ...call, page, perPage: 100, orderBy: 'id', fields: ['Name', 'Lifecycle'] }))
    return new Map(items.map((item) => [String(item.id), { id: String(item.id), name: String(item.Name), lifecycle: String(item.Lifecycle || 'default') }]))
  })

  async function mappingContext(call: CallOptions) {
    const catalog = await loadCustomFieldCatalog(call)
    const multiValueFields = new Set([...catalog.values()].filter((field) => field.maxValues !== 1).map((field) => field.name))
    return { vendor, lifecycles, priorities, externalIdField, multiValueFields }
  }

  /** Descriptions of several tickets: their Create transactions, then those transactions' bodies. */
  async function loadDescriptions(allTicketIds: readonly string[], call: CallOptions): Promise<Map<string, RichText>> {
    const descriptions = new Map<string, RichText>()
    const ticketIds: string[] = []
    for (const id of allTicketIds) {
      const known = descriptionCache.get(id)
      if (known) descriptions.set(id, known)
      else ticketIds.push(id)
    }
    if (ticketIds.length === 0) return descriptions
    const creates = await collectAll((page) =>
      rest2.searchTransactionsByJson(
        [
          { field: 'ObjectType', value: 'RT::Ticket' },
          { field: 'Type', value: 'Create' },
          { field: 'ObjectId', operator: 'IN', value: ticketIds.map(Number) },
        ],
        { ...call, page, perPage: 100, orderBy: 'id', fields: ['ObjectId'] },
      ),
    )
    const ticketOfTransaction = new Map(creates.map((transaction) => [String(transaction.id), String(transaction.ObjectId)]))
    const parts = await loadRtMessageParts(rest2, [...ticketOfTransaction.keys()], { ...call, withFiles: false })
    for (const [transactionId, ticketId] of ticketOfTransaction) {
      const description = parts.get(transactionId)?.body ?? { text: '' }
      descriptions.set(ticketId, description)
      descriptionCache.set(ticketId, description)
    }
    return descriptions
  }

  async function toTickets(items: readonly Rest2Ticket[], call: CallOptions): Promise<Ticket[]> {
    const [descriptions, context] = await Promise.all([loadDescriptions(items.map((item) => String(item.id)), call), mappingContext(call)])
    return items.map((item) => mapRtTicket(item, descriptions.get(String(item.id)) ?? { text: '' }, context))
  }

  /** External ids per TicketSQL search in findAllByExternalIds: about 2 KB of query each. */
  const externalIdsPerSearch = 40

  async function searchOne(sql: string, call: CallOptions): Promise<Rest2Ticket | undefined> {
    const page = await rest2.searchTickets(sql, { ...call, perPage: 1, orderBy: 'id', fields: ticketFields, expand: ticketExpand })
    return page.items[0] as Rest2Ticket | undefined
  }

  function notFound(what: string, url: string): NotFoundError {
    return new NotFoundError(`${what} does not exist in RT, or this user cannot see it. Check the id.`, { status: 404, vendor, method: 'GET', url: `${rest2.transport.baseUrl}${url}` })
  }

  async function getTicket(id: string, call: CallOptions): Promise<Ticket> {
    if (!/^\d+$/.test(id)) throw notFound(`Ticket ${id}`, `/ticket/${encodeURIComponent(id)}`)
    const found = await searchOne(`id = ${id}`, call)
    if (found) return (await toTickets([found], call))[0]!
    // Searches never return deleted tickets (RT adds Status != 'deleted'); reading the record
    // says whether the ticket is deleted, merged, hidden (403) or missing (404).
    const { record } = await rest2.getTicket(id, { ...call, expand: { Queue: ticketExpand.Queue, Owner: userFields } })
    const requestors = await expandUserReferences(record.Requestor ?? [], call)
    return (await toTickets([{ ...record, Requestor: requestors }], call))[0]!
  }

  /** Users referenced by name (single records do not expand role lists) with numeric ids. */
  async function expandUserReferences(references: readonly Rest2Reference[], call: CallOptions): Promise<Rest2Reference[]> {
    const names = references.map((reference) => String(reference.id))
    if (names.length === 0) return []
    const users = await collectAll((page) => rest2.searchUsers([{ field: 'Name', operator: 'IN', value: names }], { ...call, page, perPage: 100, fields: userFields }))
    const byName = new Map(users.map((user) => [String(user.Name), user]))
    return references.map((reference) => byName.get(String(reference.id)) ?? reference)
  }

  async function assertTicketExists(ticketId: string, call: CallOptions): Promise<void> {
    if (!/^\d+$/.test(ticketId)) throw notFound(`Ticket ${ticketId}`, `/ticket/${encodeURIComponent(ticketId)}`)
    await rest2.getTicket(ticketId, call)
  }

  function invalid(field: string, message: string): ValidationError {
    return new ValidationError(`Invalid ${field}: ${message}. Nothing was sent.`, { status: 0, vendor, issues: [{ field, message }] })
  }

  /**
   * The queue of a write. RT takes a queue by id or name, so the queue list is read only when
   * the queue's lifecycle matters (a status to check or to pick by category); a queue this user
   * cannot see is passed on as given, and RT answers (403 for a queue without the right).
   */
  async function resolveQueue(selector: ReferenceSelector | undefined, call: CallOptions, needLifecycle: boolean): Promise<{ id: string; lifecycle?: string }> {
    const wanted = selector ?? { name: settings.defaultQueue }
    const given = (wanted.id ?? wanted.name ?? wanted.email)!
    if (!needLifecycle) return { id: given }
    const queues = await loadQueues(call)
    const byId = wanted.id !== undefined ? queues.get(wanted.id) : undefined
    const byName = [...queues.values()].find((queue) => queue.name.toLowerCase() === given.toLowerCase())
    const found = byId ?? byName
    return found ? { id: found.id, lifecycle: found.lifecycle } : { id: given }
  }

  /** A status name for RT; checked against the lifecycle when it is known (else RT checks it). */
  function resolveStatus(selector: StatusSelector, lifecycle: string | undefined): string {
    if (selector.id !== undefined || selector.name !== undefined) {
      const status = (selector.id ?? selector.name)!.trim()
      const known = lifecycle !== undefined && lifecycles.knows(lifecycle) ? lifecycles.statuses([lifecycle]).map((definition) => definition.id) : undefined
      if (known && !known.includes(status) && status !== 'deleted') {
        throw invalid('status', `"${status}" is not a status of the ${lifecycle} lifecycle (${known.join(', ')})`)
      }
      return status
    }
    const status = lifecycles.statusFor(selector.category!, lifecycle ?? 'default')
    if (!status) throw invalid('status', `the ${lifecycle ?? 'default'} lifecycle has no ${selector.category} status; configure its statuses in the lifecycles setting`)
    return status
  }

  function resolvePriority(selector: PrioritySelector): number {
    if (selector.id !== undefined) {
      const value = Number(selector.id)
      if (!Number.isInteger(value)) throw invalid('priority', `RT priorities are whole numbers, not "${selector.id}"`)
      return value
    }
    if (selector.name !== undefined) {
      const value = priorities.valueForName(selector.name)
      if (value === undefined) throw invalid('priority', `no priority is named "${selector.name}"; see lookups.priorities()`)
      return value
    }
    const value = priorities.valueForLevel(selector.level!)
    if (value === undefined) throw invalid('priority', `no priority band has the level ${selector.level}; see the priorities setting`)
    return value
  }

  /** What RT takes to name a user in Requestor or Owner: a numeric id, a user name or an address. */
  function userIdentifier(selector: ReferenceSelector): string {
    return (selector.id ?? selector.email ?? selector.name)!
  }

  /** Custom field values checked against RT's definitions; unknown fields are warned about and left out. */
  async function customFieldValues(
    values: Record<string, CustomFieldValue>,
    warnings: AdapterWarning[],
    call: CallOptions,
    options: { allowNull: boolean },
  ): Promise<Record<string, unknown>> {
    const catalog = await loadCustomFieldCatalog(call)
    const result: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(values)) {
      const field = catalog.get(key)
      if (!field) {
        warnings.push({ type: 'unsupported', field: `customFields.${key}`, message: `RT has no ticket custom field "${key}"; the value was left out. See lookups.customFields().` })
        continue
      }
      if (value === null) {
        if (options.allowNull) result[key] = null
        continue
      }
      const list = Array.isArray(value) ? value.map(String) : [String(value)]
      if (field.maxValues === 1 && list.length > 1) throw invalid(`customFields.${key}`, `"${key}" takes one value, not ${list.length}`)
      if (field.type === 'Select') {
        const record = await loadCustomFieldRecord(field.id, call)
        const allowed = record.Values ?? []
        const wrong = list.filter((item) => !allowed.includes(item))
        if (wrong.length > 0) throw invalid(`customFields.${key}`, `${wrong.map((item) => `"${item}"`).join(', ')} is not one of ${allowed.join(', ')}`)
      }
      result[key] = field.maxValues === 1 ? list[0] : list
    }
    return result
  }

  /**
   * After a create, the description as RT stores it, known from what was sent, so reading the
   * new ticket back needs the ticket alone (not its Create transaction's parts). RT keeps a
   * text/plain or text/html Content byte for byte, except that it turns CRLF into LF; content
   * with a CR, or a create whose vendor options shape the message, is read from RT instead.
   */
  function rememberSentDescription(ticketId: string, body: Rest2TicketCreateInput, vendorOptions: Record<string, Record<string, unknown>> | undefined): void {
    const shaped = ['Content', 'ContentType', 'Attachments'].some((key) => vendorOptions?.rt?.[key] !== undefined)
    if (shaped) return
    if (body.Content === undefined) {
      descriptionCache.set(ticketId, { text: '' })
      return
    }
    if (typeof body.Content !== 'string' || body.Content.includes('\r')) return
    if (body.ContentType === 'text/plain') descriptionCache.set(ticketId, { text: body.Content })
    else if (body.ContentType === 'text/html') descriptionCache.set(ticketId, { text: htmlToText(body.Content), html: body.Content })
  }

  async function externalIdValue(externalId: string, call: CallOptions): Promise<Record<string, string>> {
    const catalog = await loadCustomFieldCatalog(call)
    if (!catalog.has(externalIdField)) {
      throw invalid('externalId', `RT has no ticket custom field "${externalIdField}" to keep it in; create a free-form ticket custom field of that name, or set externalIdCustomField`)
    }
    return { [externalIdField]: externalId }
  }

  function warnUnsupported(warnings: AdapterWarning[], field: string, message: string): void {
    warnings.push({ type: 'unsupported', field, message })
  }

  function silentWarning(options: WriteOptions | undefined, warnings: AdapterWarning[]): void {
    if (options?.silent) warnUnsupported(warnings, 'silent', 'RT cannot suppress its notifications per request; scrips ran as usual.')
  }

  function rtVendorOptions(vendorOptions: Record<string, Record<string, unknown>> | undefined): Record<string, unknown> {
    return { ...(vendorOptions?.rt ?? {}) }
  }

  /** After a PUT: what RT did not apply, told by comparing the ticket with what was asked. */
  function checkApplied(ticket: Ticket, expected: { field: string; matches: (ticket: Ticket) => boolean }[], messages: string[]): void {
    const refusals = messages.filter((message) => refusalPattern.test(message))
    const missed = expected.filter((check) => !check.matches(ticket))
    if (missed.length === 0 && refusals.length === 0) return
    const issues: ValidationIssue[] = missed.length > 0
      ? missed.map((check) => ({ field: check.field, message: refusals.find((message) => message.toLowerCase().includes(check.field.split('.').at(-1)!.toLowerCase())) ?? refusals[0] ?? 'RT did not apply this change' }))
      : refusals.map((message) => ({ message }))
    const summary = issues.map((issue) => (issue.field ? `${issue.field}: ${issue.message}` : issue.message)).join('; ')
    const options = { vendor, method: 'PUT', url: `${rest2.transport.baseUrl}/ticket/${ticket.id}`, body: messages }
    if (refusals.some((message) => /permission denied|not allowed/i.test(message))) {
      throw new PermissionError(`RT refused part of the update of ticket ${ticket.id}: ${summary}. Other changes of the same update were applied.`, { ...options, status: 403 })
    }
    throw new ValidationError(`RT refused part of the update of ticket ${ticket.id} (it answers HTTP 200 either way): ${summary}. Other changes of the same update were applied.`, { ...options, status: 400, issues })
  }

  /**
   * Posts a comment or reply. RT answers 400 `Message could not be recorded` for a ticket that
   * does not exist; that case is reported as the NotFoundError it is.
   */
  async function postMessage(
    ticketId: string,
    visibility: 'public' | 'internal',
    input: Rest2MessageInput,
    options: CallOptions & { attachments?: RtUpload[]; attachmentEncoding?: 'json' | 'multipart' },
  ): Promise<string> {
    if (!/^\d+$/.test(ticketId)) throw notFound(`Ticket ${ticketId}`, `/ticket/${encodeURIComponent(ticketId)}`)
    try {
      const send = visibility === 'internal' ? rest2.comment.bind(rest2) : rest2.correspond.bind(rest2)
      return (await send(ticketId, input, options)).transactionId
    } catch (error) {
      if (ValidationError.isInstance(error) || PermissionError.isInstance(error)) await assertTicketExists(ticketId, callOptions(options))
      throw error
    }
  }

  function mapComment(transaction: Rest2CollectionItem, parts: RtMessageParts | undefined, ticketId: string): Comment {
    const author = rtPersonReference(transaction.Creator as Rest2Reference | undefined)
    return {
      id: String(transaction.id),
      vendor,
      raw: transaction,
      ticketId,
      body: parts?.body ?? { text: '' },
      visibility: transaction.Type === 'Correspond' ? 'public' : 'internal',
      ...(author ? { author } : {}),
      createdAt: rtTimestamp(transaction.Created) ?? new Date(0).toISOString(),
      attachments: (parts?.files ?? []).map((file) => ({ id: file.id, filename: file.filename })),
    }
  }

  async function privilegedUserIds(call: CallOptions): Promise<Set<string> | undefined> {
    try {
      const groups = await rest2.searchGroups([{ field: 'Domain', value: 'SystemInternal' }, { field: 'Name', value: 'Privileged' }], { ...call, fields: ['Name'] })
      const group = groups.items[0]
      if (!group) return undefined
      const members = await collectAll((page) => rest2.getGroupMembers(String(group.id), { ...call, users: true, groups: false, page, perPage: 100 }))
      return new Set(members.map((member) => String(member.id)))
    } catch (error) {
      // Reading group members needs AdminGroupMembership; without it each user is read instead.
      if (PermissionError.isInstance(error)) return undefined
      throw error
    }
  }

  async function getPerson(id: string, call: CallOptions): Promise<Person> {
    const { record } = await rest2.getUser(id, call)
    return mapRtUser(record, vendor, Number(record.Privileged) === 1)
  }

  async function transactionTypes(ids: readonly string[], call: CallOptions): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map()
    const items = await collectAll((page) => rest2.searchTransactionsByJson([{ field: 'id', operator: 'IN', value: ids.map(Number) }], { ...call, page, perPage: 100, fields: ['Type'] }))
    return new Map(items.map((item) => [String(item.id), String(item.Type)]))
  }

  function mapAttachment(item: Rest2CollectionItem, ticketId: string, transactionType: string | undefined): Attachment {
    const createdAt = rtTimestamp(item.Created)
    const transactionId = String(item.TransactionId ?? '')
    return {
      id: String(item.id),
      vendor,
      raw: item,
      ticketId,
      ...(transactionType !== undefined && messageTypes.has(transactionType) ? { commentId: transactionId } : {}),
      filename: String(item.Filename),
      contentType: String(item.ContentType ?? 'application/octet-stream'),
      size: Number(item.ContentLength ?? 0) || 0,
      ...(createdAt ? { createdAt } : {}),
    }
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
        const perPage = checked.pageSize ?? capabilities.tickets.pageSizeLimit
        return createPaginated(async (cursor, call) => {
          if (matchesNothing) return { items: [] }
          // Keyset paging by id: stable while tickets are created or updated during the listing.
          const afterId = cursor ?? '0'
          const page = await rest2.searchTickets(`(${sql}) AND id > ${afterId}`, { ...call, perPage, orderBy: 'id', fields: ticketFields, expand: ticketExpand })
          const items = page.items as Rest2Ticket[]
          const tickets = await toTickets(items, call)
          // The exact bounds (RT compares to the second) and the filters RT cannot run.
          const matching = tickets.filter((ticket) => matchesTicketQuery(ticket, checked))
          const last = items.at(-1)
          const total = page.total === null || page.total === undefined ? undefined : Number(page.total)
          const more = last !== undefined && (total !== undefined && Number.isFinite(total) ? total > items.length : items.length >= Number(page.per_page))
          return more ? { items: matching, nextCursor: String(last.id) } : { items: matching }
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
        const queue = await resolveQueue(checked.queue, call, checked.status !== undefined)
        const body: Rest2TicketCreateInput = { ...rtVendorOptions(checked.vendorOptions), Queue: queue.id, Subject: checked.subject }
        if (checked.description.html !== undefined && checked.description.html.trim() !== '') {
          body.Content = checked.description.html
          body.ContentType = 'text/html'
        } else if (checked.description.text !== '') {
          body.Content = checked.description.text
          body.ContentType = 'text/plain'
        }
        // RT's lifecycles say which statuses a new ticket may have (new, open or resolved in the
        // shipped ones); any other status is set right after the create.
        let statusAfterCreate: string | undefined
        if (checked.status) {
          const status = resolveStatus(checked.status, queue.lifecycle)
          const creatable = queue.lifecycle !== undefined ? lifecycles.createStatuses(queue.lifecycle) : undefined
          if (creatable && !creatable.includes(status)) statusAfterCreate = status
          else body.Status = status
        }
        if (checked.priority) body.Priority = resolvePriority(checked.priority)
        if (checked.requester) body.Requestor = [userIdentifier(checked.requester)]
        if (checked.assignee) body.Owner = userIdentifier(checked.assignee)
        if (checked.dueAt) body.Due = rtInputDate(checked.dueAt)
        if (checked.createdAt) body.Created = rtInputDate(checked.createdAt)
        if (checked.team) warnUnsupported(warnings, 'team', 'RT tickets have no team; use the queue. The team was left out.')
        if (checked.organization) warnUnsupported(warnings, 'organization', 'RT has no organizations; the organization was left out.')
        if (checked.type) warnUnsupported(warnings, 'type', 'In RT the queue decides the lifecycle (the ticket type); the type was left out.')
        if (checked.tags && checked.tags.length > 0) warnUnsupported(warnings, 'tags', 'RT has no tags; they were left out.')
        const customFields = {
          ...(checked.customFields ? await customFieldValues(checked.customFields, warnings, call, { allowNull: false }) : {}),
          ...(checked.externalId !== undefined ? await externalIdValue(checked.externalId, call) : {}),
        }
        if (Object.keys(customFields).length > 0) body.CustomFields = customFields
        let created: { id: string }
        try {
          created = await rest2.createTicket(body, call)
        } catch (error) {
          // A lifecycle the adapter does not know refused the status: RT refused before
          // creating anything, so create without it and set it afterwards.
          if (!(ValidationError.isInstance(error) && body.Status !== undefined && /New tickets can not have status/i.test(error.message))) throw error
          statusAfterCreate = String(body.Status)
          delete body.Status
          created = await rest2.createTicket(body, call)
        }
        rememberSentDescription(created.id, body, checked.vendorOptions)
        let record: Ticket
        if (statusAfterCreate !== undefined) {
          const { messages } = await rest2.updateTicket(created.id, { Status: statusAfterCreate }, call)
          record = await getTicket(created.id, call)
          if (record.status.id !== statusAfterCreate) {
            warnings.push({ type: 'substituted', field: 'status', message: `RT created the ticket but did not set the status ${statusAfterCreate}: ${messages.join(' ') || 'no reason given'}. It is ${record.status.id}.` })
          }
        } else record = await getTicket(created.id, call)
        const createdAt = createdAtWarning(checked.createdAt, record)
        if (createdAt) warnings.push(createdAt)
        return { record, warnings }
      },

      async update(id, input, options) {
        ensureOpen('tickets.update')
        const checked = parseInput(ticketUpdateInputSchema, input, { vendor, what: 'ticket update' })
        const call = callOptions(options)
        const warnings: AdapterWarning[] = []
        silentWarning(options, warnings)
        const { ifMatch, ...extra } = rtVendorOptions(checked.vendorOptions)
        const body: Record<string, unknown> = { ...extra }
        const expected: { field: string; matches: (ticket: Ticket) => boolean }[] = []
        // The current ticket is read only when the change depends on it: a status chosen by
        // category (from the ticket's lifecycle) or a new first requestor (the others are kept).
        const needsCurrent = (checked.status !== undefined && checked.queue === undefined) || checked.requester !== undefined
        const current = needsCurrent ? await getTicket(id, call) : undefined
        let lifecycle = current?.type?.id
        if (checked.subject !== undefined) {
          body.Subject = checked.subject
          expected.push({ field: 'subject', matches: (ticket) => ticket.subject === checked.subject })
        }
        if (checked.queue) {
          const queue = await resolveQueue(checked.queue, call, checked.status !== undefined)
          body.Queue = queue.id
          lifecycle = queue.lifecycle
          expected.push({ field: 'queue', matches: (ticket) => ticket.queue?.id === queue.id || ticket.queue?.name?.toLowerCase() === queue.id.toLowerCase() })
        }
        if (checked.status) {
          const status = resolveStatus(checked.status, lifecycle)
          body.Status = status
          expected.push({ field: 'status', matches: (ticket) => ticket.status.id === status })
        }
        if (checked.priority) {
          const priority = resolvePriority(checked.priority)
          body.Priority = priority
          expected.push({ field: 'priority', matches: (ticket) => ticket.priority.id === String(priority) })
        }
        if (checked.assignee) {
          const assignee = checked.assignee
          body.Owner = userIdentifier(assignee)
          expected.push({
            field: 'assignee',
            matches: (ticket) =>
              assignee.id !== undefined ? ticket.assignee?.id === assignee.id : assignee.email !== undefined ? ticket.assignee?.email?.toLowerCase() === assignee.email.toLowerCase() : ticket.assignee !== undefined,
          })
        }
        if (checked.requester) {
          // The model's requester is RT's first requestor: replace it, keep the others.
          const others = (current?.raw as Rest2Ticket | undefined)?.Requestor?.slice(1).map((reference) => String(reference.id)) ?? []
          body.Requestor = [userIdentifier(checked.requester), ...others]
        }
        if (checked.dueAt !== undefined) body.Due = rtInputDate(checked.dueAt)
        if (checked.description !== undefined) warnUnsupported(warnings, 'description', 'RT keeps the description as the ticket\'s first message, which cannot be changed; add a comment instead. It was left out.')
        if (checked.createdAt !== undefined) warnUnsupported(warnings, 'createdAt', 'RT sets the creation time only when the ticket is created; it was left out.')
        if (checked.team) warnUnsupported(warnings, 'team', 'RT tickets have no team; use the queue. The team was left out.')
        if (checked.organization) warnUnsupported(warnings, 'organization', 'RT has no organizations; the organization was left out.')
        if (checked.type) warnUnsupported(warnings, 'type', 'In RT the queue decides the lifecycle; the type was left out.')
        if (checked.tags && checked.tags.length > 0) warnUnsupported(warnings, 'tags', 'RT has no tags; they were left out.')
        const customFields: Record<string, unknown> = checked.customFields ? await customFieldValues(checked.customFields, warnings, call, { allowNull: true }) : {}
        for (const [key, value] of Object.entries(customFields)) {
          expected.push({ field: `customFields.${key}`, matches: (ticket) => JSON.stringify(ticket.customFields[key] ?? null) === JSON.stringify(value) })
        }
        if (checked.externalId !== undefined) {
          Object.assign(customFields, await externalIdValue(checked.externalId, call))
          expected.push({ field: 'externalId', matches: (ticket) => ticket.externalId === checked.externalId })
        }
        if (Object.keys(customFields).length > 0) body.CustomFields = customFields
        if (Object.keys(body).length === 0) {
          if (!/^\d+$/.test(id)) throw notFound(`Ticket ${id}`, `/ticket/${encodeURIComponent(id)}`)
          return { record: await getTicket(id, call), warnings }
        }
        if (!/^\d+$/.test(id)) throw notFound(`Ticket ${id}`, `/ticket/${encodeURIComponent(id)}`)
        const { messages } = await rest2.updateTicket(id, body, { ...call, ...(typeof ifMatch === 'string' ? { ifMatch } : {}) })
        const record = await getTicket(id, call)
        checkApplied(record, expected, messages)
        return { record, warnings }
      },

      async delete(id, options) {
        ensureOpen('tickets.delete')
        if (!/^\d+$/.test(id)) throw notFound(`Ticket ${id}`, `/ticket/${encodeURIComponent(id)}`)
        attachmentTickets.forgetTicket(id)
        await rest2.deleteTicket(id, callOptions(options))
      },

      async findByExternalId(externalId, options) {
        ensureOpen('tickets.findByExternalId')
        const call = callOptions(options)
        const catalog = await loadCustomFieldCatalog(call)
        if (!catalog.has(externalIdField)) return undefined
        const found = await searchOne(`${ticketSqlCustomField(externalIdField)} = ${ticketSqlString(externalId)}`, call)
        return found ? (await toTickets([found], call))[0] : undefined
      },

      async findAllByExternalIds(externalIds, options) {
        ensureOpen('tickets.findAllByExternalIds')
        const call = callOptions(options)
        const found = new Map<string, Ticket[]>(externalIds.map((value) => [value, []]))
        const catalog = await loadCustomFieldCatalog(call)
        if (!catalog.has(externalIdField)) return found
        const field = ticketSqlCustomField(externalIdField)
        // One TicketSQL search per chunk of ids: `CF = 'a' OR CF = 'b' …`, short enough for a URL.
        for (let start = 0; start < externalIds.length; start += externalIdsPerSearch) {
          const sql = externalIds.slice(start, start + externalIdsPerSearch).map((value) => `${field} = ${ticketSqlString(value)}`).join(' OR ')
          let afterId = 0
          for (;;) {
            const page = await rest2.searchTickets(`(${sql}) AND id > ${afterId}`, { ...call, perPage: 100, orderBy: 'id', fields: ticketFields, expand: ticketExpand })
            const items = page.items as Rest2Ticket[]
            for (const ticket of await toTickets(items, call)) if (ticket.externalId !== undefined) found.get(ticket.externalId)?.push(ticket)
            if (items.length < 100) break
            afterId = Number(items.at(-1)!.id)
          }
        }
        return found
      },
    },

    comments: {
      list(ticketId, options) {
        ensureOpen('comments.list')
        return createPaginated(async (cursor, call) => {
          const page = cursor === undefined ? 1 : Number(cursor)
          // The ticket's history (merged tickets included), oldest first; the Create transaction is the description.
          const history = await rest2.getTicketHistory(ticketId, { ...call, page, perPage: 100, orderBy: 'id', fields: ['Type', 'Created', 'Creator', 'TimeTaken'], expand: { Creator: userFields } })
          if (page === 1 && history.items.length === 0) await assertTicketExists(ticketId, call)
          const messages = history.items.filter((transaction) => messageTypes.has(String(transaction.Type)))
          const parts = await loadRtMessageParts(rest2, messages.map((transaction) => String(transaction.id)), { ...call, withFiles: true })
          const items = messages.map((transaction) => mapComment(transaction, parts.get(String(transaction.id)), ticketId))
          const next = nextRest2Page(history)
          return next === undefined ? { items } : { items, nextCursor: String(next) }
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
        const html = checked.body.html !== undefined && checked.body.html.trim() !== '' ? checked.body.html : undefined
        const message = {
          ...rtVendorOptions(checked.vendorOptions),
          Content: html ?? checked.body.text,
          ContentType: html !== undefined ? 'text/html' : 'text/plain',
          ...(checked.timeWorkedMinutes !== undefined ? { TimeTaken: wholeMinutes(checked.timeWorkedMinutes, warnings) } : {}),
        }
        const transactionId = await postMessage(ticketId, checked.visibility, message, call)
        const { record: transaction } = await rest2.getTransaction(transactionId, { ...call, expand: { Creator: userFields } })
        const body: RichText = html !== undefined ? { text: htmlToText(html), html } : { text: checked.body.text }
        const author = rtPersonReference(transaction.Creator)
        return {
          record: {
            id: transactionId,
            vendor,
            raw: transaction,
            ticketId,
            body,
            visibility: transaction.Type === 'Correspond' ? 'public' : 'internal',
            ...(author ? { author } : {}),
            createdAt: rtTimestamp(transaction.Created) ?? new Date().toISOString(),
            attachments: [],
          },
          warnings,
        }
      },
    },

    attachments: {
      list(ticketId, options) {
        ensureOpen('attachments.list')
        return createPaginated(async (cursor, call) => {
          const page = cursor === undefined ? 1 : Number(cursor)
          const collection = await rest2.getTicketAttachments(ticketId, { ...call, page, perPage: 100, orderBy: 'id', fields: ['Filename', 'ContentType', 'ContentLength', 'TransactionId', 'Created'] })
          // RT lists nothing, not 404, for a ticket that does not exist.
          if (page === 1 && collection.items.length === 0) await assertTicketExists(ticketId, call)
          const files = collection.items.filter((item) => typeof item.Filename === 'string' && item.Filename !== '')
          const types = await transactionTypes([...new Set(files.map((item) => String(item.TransactionId)))], call)
          const items = files
            .filter((item) => !recordedMailTypes.has(types.get(String(item.TransactionId)) ?? ''))
            .map((item) => mapAttachment(item, ticketId, types.get(String(item.TransactionId))))
          for (const item of items) attachmentTickets.remember(item.id, ticketId)
          const next = nextRest2Page(collection)
          return next === undefined ? { items } : { items, nextCursor: String(next) }
        }, callOptions(options))
      },

      async download(attachment, options) {
        ensureOpen('attachments.download')
        const call = callOptions(options)
        if (!/^\d+$/.test(attachment.id)) throw notFound(`Attachment ${attachment.id}`, `/attachment/${encodeURIComponent(attachment.id)}`)
        if (!/^\d+$/.test(attachment.ticketId)) throw notFound(`Ticket ${attachment.ticketId}`, `/ticket/${encodeURIComponent(attachment.ticketId)}`)
        // RT answers 500 for an unknown attachment id: check it belongs to the ticket first,
        // unless this adapter listed it on that ticket (a migration downloads what it listed).
        // A failed download is then checked, so the error says what is wrong.
        const checkBelongs = async () => {
          const found = await rest2.searchTicketAttachments(attachment.ticketId, [{ field: 'id', value: Number(attachment.id) }], { ...call, perPage: 1, fields: ['Filename'] })
          if (found.items.length === 0) {
            await assertTicketExists(attachment.ticketId, call)
            throw notFound(`Attachment ${attachment.id} of ticket ${attachment.ticketId}`, `/ticket/${attachment.ticketId}/attachments`)
          }
        }
        if (attachmentTickets.seenOn(attachment.id, attachment.ticketId)) {
          try {
            return await rest2.getAttachmentContent(attachment.id, call)
          } catch (error) {
            attachmentTickets.forgetTicket(attachment.ticketId)
            if (call.signal?.aborted) throw error
            await checkBelongs()
            throw error
          }
        }
        await checkBelongs()
        return rest2.getAttachmentContent(attachment.id, call)
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
        if (checked.commentId !== undefined) {
          warnUnsupported(warnings, 'commentId', 'RT cannot add a file to an existing comment; the file came with a new internal comment.')
        }
        const { visibility, text, ...extra } = rtVendorOptions(checked.vendorOptions)
        const message = { ...extra, ...(typeof text === 'string' && text !== '' ? { Content: text, ContentType: 'text/plain' } : {}) }
        const upload = { filename: checked.filename, contentType: checked.contentType, data: checked.data }
        const transactionId = await postMessage(ticketId, visibility === 'public' ? 'public' : 'internal', message, { ...call, attachments: [upload], attachmentEncoding: 'multipart' })
        const parts = await rest2.getTransactionAttachments(transactionId, { ...call, perPage: 100, orderBy: 'id', fields: ['Filename', 'ContentType', 'ContentLength', 'TransactionId', 'Created'] })
        const stored = parts.items.find((item) => item.Filename === checked.filename) ?? parts.items.find((item) => typeof item.Filename === 'string' && item.Filename !== '')
        if (!stored) throw new NotFoundError(`RT recorded comment ${transactionId} but no file ${checked.filename} on it.`, { status: 404, vendor, method: 'GET', url: `${rest2.transport.baseUrl}/transaction/${transactionId}/attachments` })
        const record = mapAttachment(stored, ticketId, visibility === 'public' ? 'Correspond' : 'Comment')
        attachmentTickets.remember(record.id, ticketId)
        return { record, warnings }
      },
    },

    people: {
      list(query = {}, options) {
        ensureOpen('people.list')
        let privileged: Promise<Set<string> | undefined> | undefined
        const text = query.text?.toLowerCase()
        return createPaginated(async (cursor, call) => {
          if (cursor === undefined || !privileged) privileged = privilegedUserIds(call)
          const privilegedIds = await privileged
          const page = cursor === undefined ? 1 : Number(cursor)
          const collection = await rest2.listUsers({ ...call, page, perPage: query.pageSize ?? 100, orderBy: 'id', fields: ['id', 'Name', 'EmailAddress', 'RealName', 'Organization', 'Disabled'] })
          const users = (collection.items as unknown as Rest2User[]).filter((user) => !rtSystemUserNames.has(String(user.Name)))
          const people: Person[] = []
          for (const user of users) {
            const person = privilegedIds ? mapRtUser(user, vendor, privilegedIds.has(String(user.id))) : await getPerson(String(user.id), call)
            if (query.kind !== undefined && person.kind !== query.kind) continue
            if (text !== undefined && !`${person.name} ${person.email ?? ''} ${user.Name ?? ''}`.toLowerCase().includes(text)) continue
            people.push(person)
          }
          const next = nextRest2Page(collection)
          return next === undefined ? { items: people } : { items: people, nextCursor: String(next) }
        }, callOptions(options))
      },

      async get(id, options) {
        ensureOpen('people.get')
        return getPerson(id, callOptions(options))
      },

      async findByEmail(email, options) {
        ensureOpen('people.findByEmail')
        const call = callOptions(options)
        const found = await rest2.searchUsers([{ field: 'EmailAddress', value: email.trim() }], { ...call, perPage: 1, orderBy: 'id', fields: ['id'] })
        const user = found.items[0]
        return user ? getPerson(String(user.id), call) : undefined
      },

      async create(input, options) {
        ensureOpen('people.create')
        const checked = parseInput(personCreateInputSchema, input, { vendor, what: 'person' })
        const call = callOptions(options)
        const warnings: AdapterWarning[] = []
        silentWarning(options, warnings)
        const body: Record<string, unknown> & { Name: string } = {
          ...rtVendorOptions(checked.vendorOptions),
          // RT names users created from mail by their address; do the same so requestors match.
          Name: checked.email ?? checked.name,
          RealName: checked.name,
          Privileged: checked.kind === 'agent' ? 1 : 0,
          ...(checked.email ? { EmailAddress: checked.email } : {}),
        }
        if (checked.organization?.name) {
          body.Organization = checked.organization.name
          warnings.push({ type: 'converted', field: 'organization', message: 'RT has no organizations; the name was kept in the user\'s Organization field.' })
        } else if (checked.organization) {
          warnUnsupported(warnings, 'organization', 'RT has no organizations; the organization was left out.')
        }
        const { id } = await rest2.createUser(body, call)
        return { record: await getPerson(id, call), warnings }
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
        const queues = await loadQueues(callOptions(options), true)
        const known = [...new Set([...queues.values()].map((queue) => queue.lifecycle))].filter((lifecycle) => lifecycles.knows(lifecycle))
        return lifecycles.statuses(known.length > 0 ? known : ['default'])
      },
      async priorities() {
        ensureOpen('lookups.priorities')
        return priorities.definitions()
      },
      async queues(options) {
        ensureOpen('lookups.queues')
        const queues = await loadQueues(callOptions(options), true)
        return [...queues.values()].map((queue): Queue => ({ id: queue.id, name: queue.name }))
      },
      async ticketTypes(options) {
        ensureOpen('lookups.ticketTypes')
        const queues = await loadQueues(callOptions(options), true)
        return [...new Set([...queues.values()].map((queue) => queue.lifecycle))].map((lifecycle) => ({ id: lifecycle, name: lifecycle }))
      },
      async customFields(options) {
        ensureOpen('lookups.customFields')
        const call = callOptions(options)
        const catalog = await loadCustomFieldCatalog(call, true)
        customFieldRecords.clear()
        const definitions: CustomFieldDefinition[] = []
        for (const field of catalog.values()) {
          if (field.name === externalIdField) continue
          const withOptions = ['Select', 'Combobox', 'Autocomplete'].includes(field.type)
          const values = withOptions ? (await loadCustomFieldRecord(field.id, call)).Values ?? [] : undefined
          definitions.push({
            key: field.name,
            label: field.name,
            type: customFieldType(field),
            ...(values ? { options: values } : {}),
            required: /\(\?#Mandatory\)/.test(field.pattern),
          })
        }
        return definitions
      },
    },

    timeEntries: {
      list(ticketId, options) {
        ensureOpen('timeEntries.list')
        return createPaginated(async (cursor, call) => {
          const page = cursor === undefined ? 1 : Number(cursor)
          const history = await rest2.getTicketHistory(ticketId, { ...call, page, perPage: 100, orderBy: 'id', fields: ['Type', 'Created', 'Creator', 'TimeTaken'], expand: { Creator: userFields } })
          if (page === 1 && history.items.length === 0) await assertTicketExists(ticketId, call)
          const worked = history.items.filter((transaction) => Number(transaction.TimeTaken ?? 0) !== 0)
          const notes = await loadRtMessageParts(rest2, worked.filter((transaction) => messageTypes.has(String(transaction.Type))).map((transaction) => String(transaction.id)), { ...call, withFiles: false })
          const items = worked.map((transaction): TimeEntry => {
            const person = rtPersonReference(transaction.Creator as Rest2Reference | undefined)
            const note = notes.get(String(transaction.id))?.body.text
            return {
              id: String(transaction.id),
              vendor,
              raw: transaction,
              ticketId,
              // Time on a comment or reply is that comment (comments.list gives it the same id); on a Create or Set, none.
              ...(messageTypes.has(String(transaction.Type)) ? { commentId: String(transaction.id) } : {}),
              minutes: Number(transaction.TimeTaken),
              ...(note ? { note } : {}),
              ...(person ? { person } : {}),
            }
          })
          const next = nextRest2Page(history)
          return next === undefined ? { items } : { items, nextCursor: String(next) }
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
        const note = checked.note?.trim() ? checked.note : undefined
        const transactionId = await postMessage(ticketId, 'internal', { ...rtVendorOptions(checked.vendorOptions), TimeTaken: minutes, ...(note ? { Content: note, ContentType: 'text/plain' } : {}) }, call)
        const { record: transaction } = await rest2.getTransaction(transactionId, { ...call, expand: { Creator: userFields } })
        const person = rtPersonReference(transaction.Creator)
        return {
          record: {
            id: transactionId,
            vendor,
            raw: transaction,
            ticketId,
            ...(messageTypes.has(String(transaction.Type)) ? { commentId: transactionId } : {}),
            minutes: Number(transaction.TimeTaken ?? minutes),
            ...(note ? { note } : {}),
            ...(person ? { person } : {}),
          },
          warnings,
        }
      },
    },

    relations: {
      async list(ticketId, options) {
        ensureOpen('relations.list')
        if (!/^\d+$/.test(ticketId)) throw notFound(`Ticket ${ticketId}`, `/ticket/${encodeURIComponent(ticketId)}`)
        const links = await rest2.getTicketLinks(ticketId, callOptions(options))
        const relations: TicketRelation[] = []
        const add = (relatedTicketId: string, kind: TicketRelation['kind']) => {
          if (!/^\d+$/.test(relatedTicketId)) return // links to URLs and other RT objects stay in RT
          if (!relations.some((relation) => relation.relatedTicketId === relatedTicketId && relation.kind === kind)) relations.push({ ticketId, relatedTicketId, kind })
        }
        for (const id of links.parent) add(id, 'parent')
        for (const id of links.child) add(id, 'child')
        for (const id of [...links['refers-to'], ...links['referred-to-by']]) add(id, 'related')
        return relations
      },

      async create(ticketId, input, options) {
        ensureOpen('relations.create')
        const checked = parseInput(ticketRelationCreateInputSchema, input, { vendor, what: 'relation' })
        if (checked.kind === 'duplicate-of') {
          throw new UnsupportedOperationError('relations.create(kind: duplicate-of)', { vendor, reason: 'RT has no duplicate link; merge the tickets in RT or relate them as related' })
        }
        const field = checked.kind === 'parent' ? 'AddMemberOf' : checked.kind === 'child' ? 'AddMembers' : 'AddRefersTo'
        const { messages } = await rest2.updateTicketLinks(ticketId, { [field]: checked.relatedTicketId }, callOptions(options))
        const refusals = messages.filter((message) => refusalPattern.test(message) && !/already exists/i.test(message))
        if (refusals.length > 0) {
          throw new ValidationError(`RT refused the link: ${refusals.join('; ')}.`, { status: 400, vendor, issues: [{ field: 'relatedTicketId', message: refusals.join('; ') }] })
        }
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

function customFieldType(field: RtCustomFieldInfo): CustomFieldType {
  if (field.type === 'Select') return field.maxValues === 1 ? 'select' : 'multiselect'
  if (field.type === 'Date' || field.type === 'DateTime') return 'date'
  return 'text'
}

