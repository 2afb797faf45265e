import {
  AbortError,
  type AdapterCapabilities,
  type AdapterWarning,
  AuthenticationError,
  type CallOptions,
  clientSideFilters,
  commentCreateInputSchema,
  ConflictError,
  createApiError,
  createPaginated,
  fileUploadSchema,
  InvalidResponseError,
  matchesTicketQuery,
  NetworkError,
  NotFoundError,
  organizationCreateInputSchema,
  type Page,
  type Paginated,
  parseInput,
  parseSettings,
  registerSecret,
  PermissionError,
  personCreateInputSchema,
  type ReferenceSelector,
  type StatusSelector,
  type PrioritySelector,
  type Ticket,
  type TicketingAdapterV1,
  ticketCreateInputSchema,
  type TicketQuery,
  ticketQuerySchema,
  ticketRelationCreateInputSchema,
  ticketUpdateInputSchema,
  timeEntryCreateInputSchema,
  TimeoutError,
  UnsupportedOperationError,
  ValidationError,
  type WriteOptions,
} from '@ticketbridge/core'
import { executeWithRetry } from '@ticketbridge/http'
import { createMemoryFaultQueue, type MemoryFaultQueue } from './memory-faults'
import {
  mapMemoryAttachment,
  mapMemoryComment,
  mapMemoryOrganization,
  mapMemoryPerson,
  mapMemoryRelation,
  mapMemoryTicket,
  mapMemoryTimeEntry,
} from './map-memory-records'
import { type MemoryAdapterSettingsInput, memoryAdapterSettingsSchema, resolveMemoryCapabilities } from './memory-settings'
import { createMemoryStore, type MemoryStore, type MemoryTicketRecord, nextMemoryId } from './memory-store'

/** Settings of {@link createMemoryAdapter}. */
export interface MemoryAdapterSettings extends MemoryAdapterSettingsInput {
  /** The tenant's data; share one store between adapters to see the same records. */
  store?: MemoryStore
  /** Faults to play on the next calls; see {@link MemoryFaultQueue}. */
  faults?: MemoryFaultQueue
  /** The clock records are stamped with. */
  now?: () => Date
}

/** The memory adapter: the contract plus handles on its store and faults. */
export interface MemoryAdapter extends TicketingAdapterV1 {
  readonly store: MemoryStore
  readonly faults: MemoryFaultQueue
}

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

const htmlPage = '<!DOCTYPE html><html><head><title>Sign in</title></head><body>Sign in</body></html>'

/**
 * The in-memory reference adapter. It keeps a help desk in plain maps, implements the whole
 * contract and passes the whole conformance suite. It stands in for a real vendor in dry runs
 * (give it the target's capabilities and it warns and refuses the same way) and in tests, where
 * its fault queue plays rate limits, outages, slow answers and dropped connections.
 */
export function createMemoryAdapter(settings: MemoryAdapterSettings = {}): MemoryAdapter {
  const { store: givenStore, faults: givenFaults, now: givenNow, ...plainSettings } = settings
  const parsed = parseSettings(memoryAdapterSettingsSchema, plainSettings, { vendor: 'memory' })
  const vendor = parsed.vendor
  const store = givenStore ?? createMemoryStore()
  const faults = givenFaults ?? createMemoryFaultQueue()
  const now = givenNow ?? (() => new Date())
  const capabilities: AdapterCapabilities = resolveMemoryCapabilities(parsed.capabilities)
  // Registered so that no error or log line anywhere in the process can show it.
  registerSecret(parsed.token)
  let closed = false

  const timestamp = () => now().toISOString()

  function sleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new AbortError('The call was aborted.', { vendor }))
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, milliseconds)
      const onAbort = () => {
        clearTimeout(timer)
        reject(new AbortError('The call was aborted.', { vendor }))
      }
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  /** One attempt: the "network" (latency and faults), then the credentials, then the work. */
  async function attempt<T>(method: HttpMethod, path: string, options: CallOptions, work: () => T): Promise<T> {
    const timeoutMs = options.timeoutMs ?? parsed.timeoutMs
    const url = `memory://${vendor}${path}`
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), timeoutMs)
    const onCallerAbort = () => controller.abort()
    options.signal?.addEventListener('abort', onCallerAbort, { once: true })
    try {
      const fault = faults.take()
      const delay = parsed.latencyMs + (fault?.kind === 'delay' ? fault.ms : 0)
      if (delay > 0) {
        try {
          await sleep(delay, controller.signal)
        } catch (error) {
          if (options.signal?.aborted) throw error
          throw new TimeoutError(`No answer within ${timeoutMs} ms (${method} ${path}).`, { vendor, timeoutMs, method, url })
        }
      }
      if (fault?.kind === 'status') {
        const retryAfterMs = fault.retryAfterSeconds === undefined ? undefined : fault.retryAfterSeconds * 1000
        throw createApiError({ status: fault.status, vendor, method, url, retryAfterMs, body: { error: `simulated ${fault.status}` } })
      }
      if (fault?.kind === 'reset') {
        throw new NetworkError(`The connection was reset (${method} ${path}).`, { vendor, code: 'ECONNRESET', method, url })
      }
      if (fault?.kind === 'html') {
        throw new InvalidResponseError(`Expected data but got an HTML page (${method} ${path}); check the base URL.`, {
          vendor,
          status: 200,
          url,
          body: htmlPage,
        })
      }
      authorize(method, path)
      return work()
    } finally {
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', onCallerAbort)
    }
  }

  function authorize(method: HttpMethod, path: string): void {
    if (store.tokens.size === 0) return
    const access = parsed.token === undefined ? undefined : store.tokens.get(parsed.token)
    if (access === undefined) {
      throw new AuthenticationError('The memory store refused the token. Pass a token the store lists.', {
        status: 401,
        vendor,
        method,
        url: `memory://${vendor}${path}`,
      })
    }
    if (access === 'read-only' && method !== 'GET') {
      throw new PermissionError('This token may only read. Use a token with full access to write.', {
        status: 403,
        vendor,
        method,
        url: `memory://${vendor}${path}`,
      })
    }
  }

  /** Runs a call with the retry policy every adapter uses: idempotent calls only, Retry-After first. */
  function call<T>(method: HttpMethod, path: string, options: CallOptions | undefined, work: () => T): Promise<T> {
    const callOptions = options ?? {}
    if (closed) return Promise.reject(new UnsupportedOperationError('calls after close()', { vendor }))
    if (callOptions.signal?.aborted) return Promise.reject(new AbortError('The call was aborted before it started.', { vendor }))
    return executeWithRetry(() => attempt(method, path, callOptions, work), parsed.retry ?? {}, {
      signal: callOptions.signal,
      idempotent: method !== 'POST',
    })
  }

  function requireCapability(enabled: boolean, operation: string): void {
    if (!enabled) throw new UnsupportedOperationError(operation, { vendor })
  }

  function ticketRecord(id: string, method: HttpMethod = 'GET'): MemoryTicketRecord {
    const record = store.tickets.get(Number(id))
    if (!record || !/^\d+$/.test(id)) {
      throw new NotFoundError(`Ticket ${id} does not exist. Check the id.`, {
        status: 404,
        vendor,
        method,
        url: `memory://${vendor}/tickets/${id}`,
      })
    }
    return record
  }

  function invalid(field: string, message: string): ValidationError {
    return new ValidationError(`Invalid ${field}: ${message}.`, { status: 400, vendor, issues: [{ field, message }] })
  }

  function resolveStatus(selector: StatusSelector, field: string): string {
    const found =
      (selector.id !== undefined && store.statuses.find((status) => status.id === selector.id)) ||
      (selector.name !== undefined && store.statuses.find((status) => status.name.toLowerCase() === selector.name!.toLowerCase())) ||
      (selector.category !== undefined && store.statuses.find((status) => status.category === selector.category))
    if (!found) throw invalid(field, `no status matches ${JSON.stringify(selector)}; see lookups.statuses()`)
    return found.id
  }

  function resolvePriority(selector: PrioritySelector, field: string): string {
    const found =
      (selector.id !== undefined && store.priorities.find((priority) => priority.id === selector.id)) ||
      (selector.name !== undefined && store.priorities.find((priority) => priority.name.toLowerCase() === selector.name!.toLowerCase())) ||
      (selector.level !== undefined && store.priorities.find((priority) => priority.level === selector.level))
    if (!found) throw invalid(field, `no priority matches ${JSON.stringify(selector)}; see lookups.priorities()`)
    return found.id
  }

  function resolveNamed(list: readonly { id: string; name: string }[], selector: ReferenceSelector, field: string): string {
    const found =
      (selector.id !== undefined && list.find((entry) => entry.id === selector.id)) ||
      (selector.name !== undefined && list.find((entry) => entry.name.toLowerCase() === selector.name!.toLowerCase()))
    if (!found) throw invalid(field, `nothing matches ${JSON.stringify(selector)}`)
    return found.id
  }

  function resolvePerson(selector: ReferenceSelector, field: string): string {
    const people = [...store.people.values()]
    const found =
      (selector.id !== undefined && store.people.get(Number(selector.id))) ||
      (selector.email !== undefined && people.find((person) => person.email?.toLowerCase() === selector.email!.toLowerCase())) ||
      (selector.name !== undefined && people.find((person) => person.name.toLowerCase() === selector.name!.toLowerCase()))
    if (!found) throw invalid(field, `no person matches ${JSON.stringify(selector)}`)
    return String(found.id)
  }

  function resolveOrganization(selector: ReferenceSelector, field: string): string {
    const organizations = [...store.organizations.values()]
    const found =
      (selector.id !== undefined && store.organizations.get(Number(selector.id))) ||
      (selector.name !== undefined && organizations.find((organization) => organization.name.toLowerCase() === selector.name!.toLowerCase()))
    if (!found) throw invalid(field, `no organization matches ${JSON.stringify(selector)}`)
    return String(found.id)
  }

  function checkCustomFields(values: Record<string, unknown>, warnings: AdapterWarning[]): Record<string, MemoryTicketRecord['customFields'][string]> {
    const accepted: MemoryTicketRecord['customFields'] = {}
    for (const [key, value] of Object.entries(values)) {
      const definition = store.customFields.find((field) => field.key === key)
      if (!definition) {
        warnings.push({ type: 'unsupported', field: `customFields.${key}`, message: `No custom field "${key}" exists; the value was left out.` })
        continue
      }
      if (definition.type === 'select' && value !== null && !definition.options?.includes(String(value))) {
        throw invalid(`customFields.${key}`, `"${String(value)}" is not one of ${definition.options?.join(', ')}`)
      }
      accepted[key] = value as MemoryTicketRecord['customFields'][string]
    }
    return accepted
  }

  function silenceWarning(options: WriteOptions | undefined, warnings: AdapterWarning[]): void {
    if (options?.silent && !capabilities.silentWrites) {
      warnings.push({ type: 'unsupported', field: 'silent', message: 'This target cannot suppress notifications; the write may notify people.' })
    }
  }

  function stampTimes(record: MemoryTicketRecord, previousCategory: string | undefined): void {
    const category = store.statuses.find((status) => status.id === record.statusId)?.category
    if (category === previousCategory) return
    if (category === 'resolved') record.resolvedAt = record.updatedAt
    if (category === 'closed') {
      record.closedAt = record.updatedAt
      record.resolvedAt ??= record.updatedAt
    }
    if (category !== 'resolved' && category !== 'closed') {
      delete record.resolvedAt
      delete record.closedAt
    }
  }

  function listTickets(query: TicketQuery): (cursor: string | undefined) => Page<Ticket> {
    const pageSize = Math.min(query.pageSize ?? capabilities.tickets.pageSizeLimit, capabilities.tickets.pageSizeLimit)
    const serverFilters = (Object.keys(capabilities.query) as (keyof AdapterCapabilities['query'])[]).filter(
      (filter) => capabilities.query[filter] === 'server',
    )
    const clientFilters = clientSideFilters(query, capabilities)
    return (cursor) => {
      // Keyset paging by id, as a server would do it: stable while records are added.
      const afterId = cursor === undefined ? 0 : Number(cursor)
      const candidates = [...store.tickets.values()]
        .filter((record) => record.id > afterId)
        .sort((left, right) => left.id - right.id)
        .map((record) => mapMemoryTicket(store, record, vendor))
        .filter((ticket) => matchesTicketQuery(ticket, query, serverFilters))
      const pageItems = candidates.slice(0, pageSize)
      const last = pageItems.at(-1)
      const items = pageItems.filter((ticket) => matchesTicketQuery(ticket, query, clientFilters))
      return candidates.length > pageSize && last ? { items, nextCursor: last.id } : { items }
    }
  }

  const adapter: MemoryAdapter = {
    specificationVersion: 'v1',
    vendor,
    capabilities,
    store,
    faults,

    tickets: {
      list(query = {}, options) {
        const checked = parseInput(ticketQuerySchema, query, { vendor, what: 'ticket query' })
        const fetchPage = listTickets(checked)
        return createPaginated((cursor) => call('GET', '/tickets', options, () => fetchPage(cursor)))
      },

      get(id, options) {
        return call('GET', `/tickets/${id}`, options, () => mapMemoryTicket(store, ticketRecord(id), vendor))
      },

      async create(input, options) {
        requireCapability(capabilities.tickets.create, 'tickets.create')
        const checked = parseInput(ticketCreateInputSchema, input, { vendor, what: 'ticket' })
        return call('POST', '/tickets', options, () => {
          const warnings: AdapterWarning[] = []
          silenceWarning(options, warnings)
          const createdAt = timestamp()
          let created = createdAt
          if (checked.createdAt !== undefined) {
            if (capabilities.tickets.setCreatedAt) created = checked.createdAt
            else warnings.push({ type: 'unsupported', field: 'createdAt', message: 'The original creation time cannot be set; the ticket carries the time of import.' })
          }
          let html = checked.description.html
          if (html !== undefined && !capabilities.tickets.html) {
            warnings.push({ type: 'converted', field: 'description.html', message: 'HTML is not kept by this target; the plain text was written.' })
            html = undefined
          }
          const record: MemoryTicketRecord = {
            id: nextMemoryId(store),
            subject: checked.subject,
            descriptionText: checked.description.text,
            ...(html !== undefined ? { descriptionHtml: html } : {}),
            statusId: resolveStatus(checked.status ?? { category: 'new' }, 'status'),
            priorityId: resolvePriority(checked.priority ?? { level: 'normal' }, 'priority'),
            tags: checked.tags ?? [],
            customFields: checkCustomFields(checked.customFields ?? {}, warnings),
            createdAt: created,
            updatedAt: createdAt,
            version: 1,
          }
          if (checked.queue) record.queueId = resolveNamed(store.queues, checked.queue, 'queue')
          if (checked.type) record.typeId = resolveNamed(store.ticketTypes, checked.type, 'type')
          if (checked.team) record.teamId = resolveNamed(store.queues, checked.team, 'team')
          if (checked.requester) record.requesterId = resolvePerson(checked.requester, 'requester')
          if (checked.assignee) record.assigneeId = resolvePerson(checked.assignee, 'assignee')
          if (checked.organization) record.organizationId = resolveOrganization(checked.organization, 'organization')
          if (checked.dueAt) record.dueAt = checked.dueAt
          if (checked.externalId) record.externalId = checked.externalId
          stampTimes(record, undefined)
          store.tickets.set(record.id, record)
          return { record: mapMemoryTicket(store, record, vendor), warnings }
        })
      },

      async update(id, input, options) {
        requireCapability(capabilities.tickets.update, 'tickets.update')
        const checked = parseInput(ticketUpdateInputSchema, input, { vendor, what: 'ticket update' })
        return call('PUT', `/tickets/${id}`, options, () => {
          const existing = ticketRecord(id, 'PUT')
          const expectedVersion = (checked.vendorOptions?.[vendor] ?? checked.vendorOptions?.memory)?.expectedVersion
          if (expectedVersion !== undefined && expectedVersion !== existing.version) {
            throw new ConflictError(`Ticket ${id} changed since version ${String(expectedVersion)} (now ${existing.version}). Read it again.`, {
              status: 409,
              vendor,
              method: 'PUT',
              url: `memory://${vendor}/tickets/${id}`,
            })
          }
          const warnings: AdapterWarning[] = []
          silenceWarning(options, warnings)
          const record = structuredClone(existing)
          const previousCategory = store.statuses.find((status) => status.id === record.statusId)?.category
          if (checked.subject !== undefined) record.subject = checked.subject
          if (checked.description !== undefined) {
            record.descriptionText = checked.description.text
            if (checked.description.html !== undefined && capabilities.tickets.html) record.descriptionHtml = checked.description.html
            else delete record.descriptionHtml
          }
          if (checked.status) record.statusId = resolveStatus(checked.status, 'status')
          if (checked.priority) record.priorityId = resolvePriority(checked.priority, 'priority')
          if (checked.queue) record.queueId = resolveNamed(store.queues, checked.queue, 'queue')
          if (checked.type) record.typeId = resolveNamed(store.ticketTypes, checked.type, 'type')
          if (checked.team) record.teamId = resolveNamed(store.queues, checked.team, 'team')
          if (checked.requester) record.requesterId = resolvePerson(checked.requester, 'requester')
          if (checked.assignee) record.assigneeId = resolvePerson(checked.assignee, 'assignee')
          if (checked.organization) record.organizationId = resolveOrganization(checked.organization, 'organization')
          if (checked.tags) record.tags = checked.tags
          if (checked.customFields) record.customFields = { ...record.customFields, ...checkCustomFields(checked.customFields, warnings) }
          if (checked.dueAt) record.dueAt = checked.dueAt
          if (checked.externalId) record.externalId = checked.externalId
          record.updatedAt = timestamp()
          record.version += 1
          stampTimes(record, previousCategory)
          store.tickets.set(record.id, record)
          return { record: mapMemoryTicket(store, record, vendor), warnings }
        })
      },

      async delete(id, options) {
        requireCapability(capabilities.tickets.delete, 'tickets.delete')
        return call('DELETE', `/tickets/${id}`, options, () => {
          const record = ticketRecord(id, 'DELETE')
          store.tickets.delete(record.id)
          for (const [commentId, comment] of store.comments) if (comment.ticketId === record.id) store.comments.delete(commentId)
          for (const [attachmentId, attachment] of store.attachments) if (attachment.ticketId === record.id) store.attachments.delete(attachmentId)
          for (const [entryId, entry] of store.timeEntries) if (entry.ticketId === record.id) store.timeEntries.delete(entryId)
          store.relations = store.relations.filter((relation) => relation.ticketId !== record.id && relation.relatedTicketId !== record.id)
        })
      },

      findByExternalId(externalId, options) {
        return call('GET', `/tickets?externalId=${encodeURIComponent(externalId)}`, options, () => {
          const record = [...store.tickets.values()].find((ticket) => ticket.externalId === externalId)
          return record ? mapMemoryTicket(store, record, vendor) : undefined
        })
      },

      findAllByExternalIds(externalIds, options) {
        // One request, as a vendor's `in` query would be: dry runs count what the real target costs.
        return call('GET', `/tickets?externalId=${externalIds.map(encodeURIComponent).join(',')}`, options, () => {
          const found = new Map<string, Ticket[]>(externalIds.map((value) => [value, []]))
          for (const record of store.tickets.values()) {
            if (record.externalId !== undefined) found.get(record.externalId)?.push(mapMemoryTicket(store, record, vendor))
          }
          return found
        })
      },
    },

    comments: {
      list(ticketId, options) {
        return createPaginated((cursor) =>
          call('GET', `/tickets/${ticketId}/comments`, options, () => {
            const ticket = ticketRecord(ticketId)
            const all = [...store.comments.values()]
              .filter((comment) => comment.ticketId === ticket.id)
              .sort((left, right) => left.createdAt.localeCompare(right.createdAt) || left.id - right.id)
            const start = cursor === undefined ? 0 : Number(cursor)
            const end = start + 100
            const items = all.slice(start, end).map((comment) => mapMemoryComment(store, comment, vendor))
            return end < all.length ? { items, nextCursor: String(end) } : { items }
          }),
        )
      },

      async create(ticketId, input, options) {
        requireCapability(capabilities.comments.create, 'comments.create')
        const checked = parseInput(commentCreateInputSchema, input, { vendor, what: 'comment' })
        return call('POST', `/tickets/${ticketId}/comments`, options, () => {
          const ticket = ticketRecord(ticketId, 'POST')
          const warnings: AdapterWarning[] = []
          silenceWarning(options, warnings)
          let visibility = checked.visibility
          if (!capabilities.comments.visibilities.includes(visibility)) {
            // An internal note must never become public; the reverse only hides it from the requester.
            if (visibility === 'internal') throw new UnsupportedOperationError('internal comments', { vendor })
            visibility = 'internal'
            warnings.push({ type: 'substituted', field: 'visibility', message: 'Public comments are not supported; written as internal.' })
          }
          let authorId: string | undefined
          if (checked.author) {
            if (capabilities.comments.setAuthor) authorId = resolvePerson(checked.author, 'author')
            else warnings.push({ type: 'unsupported', field: 'author', message: 'The author cannot be set; the comment is written as the API user.' })
          }
          let createdAt = timestamp()
          if (checked.createdAt) {
            if (capabilities.comments.setCreatedAt) createdAt = checked.createdAt
            else warnings.push({ type: 'unsupported', field: 'createdAt', message: 'The comment time cannot be set; it carries the time of import.' })
          }
          let html = checked.body.html
          if (html !== undefined && !capabilities.comments.html) {
            warnings.push({ type: 'converted', field: 'body.html', message: 'HTML is not kept by this target; the plain text was written.' })
            html = undefined
          }
          const record = {
            id: nextMemoryId(store),
            ticketId: ticket.id,
            bodyText: checked.body.text,
            ...(html !== undefined ? { bodyHtml: html } : {}),
            visibility,
            ...(authorId !== undefined ? { authorId } : {}),
            createdAt,
          }
          store.comments.set(record.id, record)
          if (checked.timeWorkedMinutes !== undefined) {
            // Like Halo and RT when declared so: the time is kept on the comment, and listed as a time entry too.
            if (capabilities.timeEntries && capabilities.timeEntriesAreComments) {
              // The entry is the comment, as on those vendors: it has the comment's id.
              store.timeEntries.set(record.id, { id: record.id, ticketId: ticket.id, minutes: checked.timeWorkedMinutes, note: checked.body.text, commentId: record.id })
            } else warnings.push({ type: 'unsupported', field: 'timeWorkedMinutes', message: 'Time is not recorded on comments here; it was left out (use timeEntries.create).' })
          }
          ticket.updatedAt = timestamp()
          ticket.version += 1
          return { record: mapMemoryComment(store, record, vendor), warnings }
        })
      },
    },

    attachments: {
      list(ticketId, options) {
        return createPaginated((cursor) =>
          call('GET', `/tickets/${ticketId}/attachments`, options, () => {
            const ticket = ticketRecord(ticketId)
            const all = [...store.attachments.values()].filter((attachment) => attachment.ticketId === ticket.id)
            const start = cursor === undefined ? 0 : Number(cursor)
            const items = all.slice(start, start + 100).map((attachment) => mapMemoryAttachment(attachment, vendor))
            return start + 100 < all.length ? { items, nextCursor: String(start + 100) } : { items }
          }),
        )
      },

      download(attachment, options) {
        requireCapability(capabilities.attachments.download, 'attachments.download')
        return call('GET', `/attachments/${attachment.id}`, options, () => {
          const record = store.attachments.get(Number(attachment.id))
          if (!record || String(record.ticketId) !== attachment.ticketId) {
            throw new NotFoundError(`Attachment ${attachment.id} of ticket ${attachment.ticketId} does not exist.`, {
              status: 404,
              vendor,
              method: 'GET',
              url: `memory://${vendor}/attachments/${attachment.id}`,
            })
          }
          return new Uint8Array(record.data)
        })
      },

      async upload(ticketId, file, options) {
        requireCapability(capabilities.attachments.upload, 'attachments.upload')
        const checked = parseInput(fileUploadSchema, file, { vendor, what: 'file' })
        const limit = capabilities.attachments.maxBytes
        if (limit !== undefined && checked.data.byteLength > limit) {
          throw new ValidationError(`${checked.filename} is ${checked.data.byteLength} bytes; the limit is ${limit}.`, {
            status: 413,
            vendor,
            issues: [{ field: 'data', message: `larger than ${limit} bytes` }],
          })
        }
        return call('POST', `/tickets/${ticketId}/attachments`, options, () => {
          const ticket = ticketRecord(ticketId, 'POST')
          const warnings: AdapterWarning[] = []
          let commentId: number | undefined
          if (checked.commentId !== undefined) {
            if (!capabilities.attachments.linkToComment) {
              warnings.push({ type: 'unsupported', field: 'commentId', message: 'Attachments cannot belong to a comment here; attached to the ticket.' })
            } else {
              const comment = store.comments.get(Number(checked.commentId))
              if (!comment || comment.ticketId !== ticket.id) throw invalid('commentId', `comment ${checked.commentId} is not on ticket ${ticketId}`)
              commentId = comment.id
            }
          }
          const record = {
            id: nextMemoryId(store),
            ticketId: ticket.id,
            ...(commentId !== undefined ? { commentId } : {}),
            filename: checked.filename,
            contentType: checked.contentType,
            data: new Uint8Array(checked.data),
            createdAt: timestamp(),
          }
          store.attachments.set(record.id, record)
          return { record: mapMemoryAttachment(record, vendor), warnings }
        })
      },
    },

    people: {
      list(query = {}, options) {
        return createPaginated((cursor) =>
          call('GET', '/people', options, () => {
            const text = query.text?.toLowerCase()
            const all = [...store.people.values()].filter(
              (person) =>
                (query.kind === undefined || person.kind === query.kind) &&
                (text === undefined || `${person.name} ${person.email ?? ''}`.toLowerCase().includes(text)),
            )
            const start = cursor === undefined ? 0 : Number(cursor)
            const size = Math.min(query.pageSize ?? 100, 100)
            const items = all.slice(start, start + size).map((person) => mapMemoryPerson(store, person, vendor))
            return start + size < all.length ? { items, nextCursor: String(start + size) } : { items }
          }),
        )
      },
      get(id, options) {
        return call('GET', `/people/${id}`, options, () => {
          const record = store.people.get(Number(id))
          if (!record) throw new NotFoundError(`Person ${id} does not exist.`, { status: 404, vendor, method: 'GET', url: `memory://${vendor}/people/${id}` })
          return mapMemoryPerson(store, record, vendor)
        })
      },
      findByEmail(email, options) {
        return call('GET', '/people?email', options, () => {
          const record = [...store.people.values()].find((person) => person.email?.toLowerCase() === email.toLowerCase())
          return record ? mapMemoryPerson(store, record, vendor) : undefined
        })
      },
      async create(input, options) {
        requireCapability(capabilities.people.create, 'people.create')
        const checked = parseInput(personCreateInputSchema, input, { vendor, what: 'person' })
        return call('POST', '/people', options, () => {
          const record = {
            id: nextMemoryId(store),
            kind: checked.kind,
            name: checked.name,
            ...(checked.email !== undefined ? { email: checked.email } : {}),
            ...(checked.organization ? { organizationId: resolveOrganization(checked.organization, 'organization') } : {}),
          }
          store.people.set(record.id, record)
          return { record: mapMemoryPerson(store, record, vendor), warnings: [] }
        })
      },
    },

    organizations: {
      list(options) {
        return createPaginated((cursor) =>
          call('GET', '/organizations', options, () => {
            const all = [...store.organizations.values()]
            const start = cursor === undefined ? 0 : Number(cursor)
            const items = all.slice(start, start + 100).map((organization) => mapMemoryOrganization(organization, vendor))
            return start + 100 < all.length ? { items, nextCursor: String(start + 100) } : { items }
          }),
        )
      },
      get(id, options) {
        return call('GET', `/organizations/${id}`, options, () => {
          const record = store.organizations.get(Number(id))
          if (!record) throw new NotFoundError(`Organization ${id} does not exist.`, { status: 404, vendor, method: 'GET', url: `memory://${vendor}/organizations/${id}` })
          return mapMemoryOrganization(record, vendor)
        })
      },
      findByName(name, options) {
        return call('GET', '/organizations?name', options, () => {
          const record = [...store.organizations.values()].find((organization) => organization.name.toLowerCase() === name.toLowerCase())
          return record ? mapMemoryOrganization(record, vendor) : undefined
        })
      },
      async create(input, options) {
        requireCapability(capabilities.organizations.create, 'organizations.create')
        const checked = parseInput(organizationCreateInputSchema, input, { vendor, what: 'organization' })
        return call('POST', '/organizations', options, () => {
          const record = { id: nextMemoryId(store), name: checked.name }
          store.organizations.set(record.id, record)
          return { record: mapMemoryOrganization(record, vendor), warnings: [] }
        })
      },
    },

    lookups: {
      statuses: (options) => call('GET', '/statuses', options, () => structuredClone(store.statuses)),
      priorities: (options) => call('GET', '/priorities', options, () => structuredClone(store.priorities)),
      queues: (options) => call('GET', '/queues', options, () => structuredClone(store.queues)),
      ticketTypes: (options) => call('GET', '/ticket-types', options, () => structuredClone(store.ticketTypes)),
      customFields: (options) => call('GET', '/custom-fields', options, () => structuredClone(store.customFields)),
    },

    timeEntries: {
      list(ticketId, options) {
        return createPaginated(() =>
          call('GET', `/tickets/${ticketId}/time-entries`, options, () => {
            const ticket = ticketRecord(ticketId)
            const items = [...store.timeEntries.values()]
              .filter((entry) => entry.ticketId === ticket.id)
              .map((entry) => mapMemoryTimeEntry(store, entry, vendor))
            return { items }
          }),
        )
      },
      async create(ticketId, input, options) {
        requireCapability(capabilities.timeEntries, 'timeEntries.create')
        const checked = parseInput(timeEntryCreateInputSchema, input, { vendor, what: 'time entry' })
        return call('POST', `/tickets/${ticketId}/time-entries`, options, () => {
          const ticket = ticketRecord(ticketId, 'POST')
          const record = {
            id: nextMemoryId(store),
            ticketId: ticket.id,
            minutes: checked.minutes,
            ...(checked.note !== undefined ? { note: checked.note } : {}),
            ...(checked.person ? { personId: resolvePerson(checked.person, 'person') } : {}),
            ...(checked.startedAt !== undefined ? { startedAt: checked.startedAt } : {}),
            ...(checked.billable !== undefined ? { billable: checked.billable } : {}),
          }
          store.timeEntries.set(record.id, record)
          return { record: mapMemoryTimeEntry(store, record, vendor), warnings: [] }
        })
      },
    },

    relations: {
      async list(ticketId, options) {
        requireCapability(capabilities.relations, 'relations.list')
        return call('GET', `/tickets/${ticketId}/relations`, options, () => {
          const ticket = ticketRecord(ticketId)
          return store.relations.filter((relation) => relation.ticketId === ticket.id).map(mapMemoryRelation)
        })
      },
      async create(ticketId, input, options) {
        requireCapability(capabilities.relations, 'relations.create')
        const checked = parseInput(ticketRelationCreateInputSchema, input, { vendor, what: 'relation' })
        return call('POST', `/tickets/${ticketId}/relations`, options, () => {
          const ticket = ticketRecord(ticketId, 'POST')
          const related = ticketRecord(checked.relatedTicketId, 'POST')
          const record = { ticketId: ticket.id, relatedTicketId: related.id, kind: checked.kind }
          const exists = store.relations.some(
            (relation) => relation.ticketId === record.ticketId && relation.relatedTicketId === record.relatedTicketId && relation.kind === record.kind,
          )
          if (!exists) store.relations.push(record)
          return { record: mapMemoryRelation(record), warnings: [] }
        })
      },
    },

    async close() {
      closed = true
    },
  }
  return adapter
}
