import {
  type AdapterWarning,
  type Attachment,
  type CallOptions,
  commentCreateInputSchema,
  ConflictError,
  type CustomFieldDefinition,
  type CustomFieldType,
  fileUploadSchema,
  NotFoundError,
  organizationCreateInputSchema,
  parseInput,
  parseSettings,
  personCreateInputSchema,
  type Ticket,
  type TicketingAdapterV1,
  ticketCreateInputSchema,
  type TicketQuery,
  ticketQuerySchema,
  ticketUpdateInputSchema,
  timeEntryCreateInputSchema,
  UnsupportedOperationError,
  ValidationError,
  type WriteOptions,
} from '@ticketbridge/core'
import { AutotaskClient } from '../client/autotask-client'
import { defaultAttachmentMaxBytes } from '../client/autotask-client-settings'
import { type AutotaskFilter, autotaskFilter, maximumOrConditions } from '../client/autotask-filter'
import { createPicklist } from '../client/autotask-metadata'
import type { AutotaskField } from '../client/autotask-schemas'
import type { AutotaskTicket } from '../client/autotask-tickets'
import {
  type AutotaskAdapterSettings,
  autotaskAdapterOptionKeys,
  autotaskAdapterOptionsSchema,
  type ResolvedAutotaskAdapterOptions,
} from './autotask-adapter-settings'
import { autotaskCapabilities } from './autotask-capabilities'
import { type AutotaskPublishLevels, type AutotaskTicketLookups, createPublishLevels, createTicketLookups, toTimestamp } from './autotask-lookups'
import { coalescedByField, coalescedById } from './autotask-coalesced-reads'
import { arrayPaginated, concatenatedPaginated, deferredPaginated } from './autotask-paginated'
import { AutotaskResolver, autotaskId, invalidInput } from './autotask-resolver'
import { buildAutotaskTicketBody } from './build-autotask-ticket-body'
import { htmlToText } from './html-to-text'
import { mapAutotaskAttachment } from './map-autotask-attachment'
import { mapAutotaskComment } from './map-autotask-comment'
import { mapAutotaskCompany, mapAutotaskContact, mapAutotaskResource } from './map-autotask-person'
import { mapAutotaskTicket } from './map-autotask-ticket'
import { mapAutotaskTimeEntry } from './map-autotask-time-entry'

/** The Autotask adapter: the contract, and the native client underneath for everything else. */
export interface AutotaskAdapter extends TicketingAdapterV1 {
  /** The native client the adapter uses: vendor field names, every entity. */
  readonly client: AutotaskClient
}

const vendor = 'autotask'

function callOptionsOf(options: CallOptions | undefined): CallOptions {
  return { ...(options?.signal ? { signal: options.signal } : {}), ...(options?.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) }
}

/** The common custom-field type of a user-defined field. */
function customFieldTypeOf(field: AutotaskField): CustomFieldType {
  if (field.isPickList) return 'select'
  const type = (field.type ?? field.dataType ?? '').toLowerCase()
  if (/int|long|short|double|decimal|number|currency|float/.test(type)) return 'number'
  if (/date|time/.test(type)) return 'date'
  if (/bool/.test(type)) return 'boolean'
  return 'text'
}

/**
 * Creates the Autotask adapter: the vendor-neutral contract over {@link AutotaskClient}.
 * Settings are checked at construction (ConfigurationError naming the option); nothing is sent
 * until the first call.
 *
 * - Statuses, priorities, queues and issue types come from the tenant's picklists and map to the
 *   common categories and levels by label (override with `statusCategories` / `priorityLevels`).
 * - Comments are ticket notes; their publish level gives the visibility. Notes are plain text:
 *   HTML is written as text with a `converted` warning.
 * - The external id is kept in the ticket's `externalID` field (or a UDF) and found with one query.
 * - Every ticket query filter runs in Autotask; listings page by id, 500 at a time.
 *
 * @example
 * const adapter = createAutotaskAdapter({ username, secret, integrationCode })
 * for await (const ticket of adapter.tickets.list({ updatedSince: '2025-01-01T00:00:00Z' })) console.log(ticket.subject)
 */
export function createAutotaskAdapter(settings: AutotaskAdapterSettings): AutotaskAdapter {
  const adapterPart: Record<string, unknown> = {}
  const clientPart: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(settings ?? {})) {
    if ((autotaskAdapterOptionKeys as string[]).includes(key)) adapterPart[key] = value
    else clientPart[key] = value
  }
  const client = new AutotaskClient(clientPart as unknown as ConstructorParameters<typeof AutotaskClient>[0])
  const options: ResolvedAutotaskAdapterOptions = parseSettings(autotaskAdapterOptionsSchema, adapterPart, { vendor, what: 'Autotask adapter settings' })
  const capabilities = autotaskCapabilities(options, typeof settings.attachmentMaxBytes === 'number' ? settings.attachmentMaxBytes : defaultAttachmentMaxBytes)
  const resolver = new AutotaskResolver(client, settings.username)
  // A ticket's notes, files and time, and the records read back after writes, asked for by
  // callers together (a migration moving several tickets at once), are read with one
  // `field in [...]` query instead of one request each: the hourly budget is spent per request.
  const noteReads = coalescedByField(client.ticketNotes, 'ticketID')
  const ticketFileReads = coalescedByField(client.ticketAttachments.entity, 'ticketID')
  const noteFileReads = coalescedByField(client.ticketNoteAttachments.entity, 'ticketID')
  const timeEntryReads = coalescedByField(client.timeEntries, 'ticketID')
  const readBack = {
    ticket: coalescedById(client.tickets),
    note: coalescedById(client.ticketNotes),
    ticketFile: coalescedById(client.ticketAttachments.entity),
    noteFile: coalescedById(client.ticketNoteAttachments.entity),
    timeEntry: coalescedById(client.timeEntries),
  }

  async function ticketLookups(callOptions: CallOptions, refresh = false): Promise<AutotaskTicketLookups> {
    const fields = await client.metadata.fields('Tickets', { ...callOptions, refresh })
    const picklist = (name: string) => createPicklist('Tickets', name, fields.find((field) => field.name.toLowerCase() === name.toLowerCase())?.picklistValues ?? [])
    return createTicketLookups({ statuses: picklist('status'), priorities: picklist('priority'), queues: picklist('queueID'), issueTypes: picklist('issueType') }, options)
  }

  async function publishLevels(callOptions: CallOptions): Promise<AutotaskPublishLevels> {
    return createPublishLevels(await client.metadata.picklist('TicketNotes', 'publish', callOptions), options)
  }

  async function readTicket(id: number, callOptions: CallOptions): Promise<Ticket> {
    const [raw, lookups] = await Promise.all([client.tickets.get(id, callOptions), ticketLookups(callOptions)])
    return mapAutotaskTicket(raw, lookups, options)
  }

  /** The server-side filter of a ticket query; undefined when nothing can match (no status in the asked categories). */
  async function ticketFilter(query: TicketQuery, callOptions: CallOptions): Promise<AutotaskFilter[] | undefined> {
    const filter: AutotaskFilter[] = []
    if (query.updatedSince !== undefined) filter.push(autotaskFilter.gte('lastActivityDate', query.updatedSince))
    if (query.createdSince !== undefined) filter.push(autotaskFilter.gte('createDate', query.createdSince))
    if (query.statusCategories !== undefined) {
      const lookups = await ticketLookups(callOptions)
      const values = lookups.statuses.values.filter((value) => query.statusCategories!.includes(lookups.statusCategory(Number(value.value)))).map((value) => Number(value.value))
      if (values.length === 0) return undefined
      filter.push(autotaskFilter.in('status', values))
    }
    if (query.queueId !== undefined) filter.push(autotaskFilter.eq('queueID', autotaskId(query.queueId, 'queueId')))
    if (query.organizationId !== undefined) filter.push(autotaskFilter.eq('companyID', autotaskId(query.organizationId, 'organizationId')))
    if (query.text !== undefined) filter.push(autotaskFilter.or(autotaskFilter.contains('title', query.text), autotaskFilter.contains('description', query.text)))
    return filter
  }

  async function findTicketByExternalId(externalId: string, callOptions: CallOptions): Promise<AutotaskTicket | undefined> {
    const condition = 'udf' in options.externalId ? autotaskFilter.udf.eq(options.externalId.udf, externalId) : autotaskFilter.eq(options.externalId.field, externalId)
    const page = await client.tickets.query({ filter: [condition], maxRecords: 1 }, callOptions)
    return page.items[0]
  }

  /**
   * Autotask has no conditional update. With `vendorOptions.autotask.ifUnmodifiedSince` (the
   * `updatedAt` the caller last read) the adapter reads the ticket just before writing and
   * refuses with ConflictError when it changed since: a narrow window instead of a silent overwrite.
   */
  async function checkUnmodified(ticketId: number, expected: unknown, callOptions: CallOptions): Promise<void> {
    const since = typeof expected === 'string' ? Date.parse(expected) : Number.NaN
    if (Number.isNaN(since)) throw invalidInput('vendorOptions.autotask.ifUnmodifiedSince', 'must be an ISO 8601 timestamp (the updatedAt you last read)')
    const current = await client.tickets.get(ticketId, callOptions)
    const changedAt = toTimestamp(current.lastActivityDate) ?? toTimestamp(current.lastTrackedModificationDateTime)
    if (changedAt !== undefined && Date.parse(changedAt) > since) {
      throw new ConflictError(`Ticket ${ticketId} changed at ${changedAt}, after ${new Date(since).toISOString()}; read it again and repeat the change.`, {
        status: 412,
        vendor,
        method: 'PATCH',
        url: '/Tickets',
      })
    }
  }

  function unsupported(operation: string, reason: string): UnsupportedOperationError {
    return new UnsupportedOperationError(operation, { vendor, reason })
  }

  function silentWarning(writeOptions: WriteOptions | undefined, warnings: AdapterWarning[]): void {
    if (writeOptions?.silent) {
      warnings.push({ type: 'unsupported', field: 'silent', message: 'Autotask cannot suppress notifications or workflow rules through the API; the write may notify people.' })
    }
  }

  const adapter: AutotaskAdapter = {
    specificationVersion: 'v1',
    vendor,
    capabilities,
    client,

    tickets: {
      list(query = {}, listOptions) {
        const checked = parseInput(ticketQuerySchema, query, { vendor, what: 'ticket query' })
        const callOptions = callOptionsOf(listOptions)
        const pageSize = Math.min(checked.pageSize ?? capabilities.tickets.pageSizeLimit, capabilities.tickets.pageSizeLimit)
        let lookups: AutotaskTicketLookups | undefined
        return deferredPaginated(
          async () => {
            const filter = await ticketFilter(checked, callOptions)
            if (filter === undefined) return undefined
            lookups = await ticketLookups(callOptions)
            return client.tickets.queryAll({ filter, maxRecords: pageSize }, callOptions)
          },
          (items) => items.map((raw) => mapAutotaskTicket(raw, lookups!, options)),
        )
      },

      get(id, getOptions) {
        return readTicket(autotaskId(id, 'id'), callOptionsOf(getOptions))
      },

      async create(input, writeOptions) {
        const checked = parseInput(ticketCreateInputSchema, input, { vendor, what: 'ticket' })
        const callOptions = callOptionsOf(writeOptions)
        const lookups = await ticketLookups(callOptions)
        const { body, warnings } = await buildAutotaskTicketBody(checked, 'create', {
          lookups,
          resolver,
          options,
          userDefinedFields: () => client.metadata.userDefinedFields('Tickets', callOptions),
          callOptions,
          ...(writeOptions?.silent ? { silent: true } : {}),
        })
        const id = await client.tickets.create(body, callOptions)
        return { record: mapAutotaskTicket(await readBack.ticket(id, callOptions), lookups, options), warnings }
      },

      async update(id, input, writeOptions) {
        const ticketId = autotaskId(id, 'id')
        const parsed = parseInput(ticketUpdateInputSchema, input, { vendor, what: 'ticket update' })
        const callOptions = callOptionsOf(writeOptions)
        const { ifUnmodifiedSince, ...vendorFields } = parsed.vendorOptions?.autotask ?? {}
        const checked = parsed.vendorOptions?.autotask ? { ...parsed, vendorOptions: { ...parsed.vendorOptions, autotask: vendorFields } } : parsed
        if (ifUnmodifiedSince !== undefined) await checkUnmodified(ticketId, ifUnmodifiedSince, callOptions)
        const lookups = await ticketLookups(callOptions)
        const { body, warnings } = await buildAutotaskTicketBody(checked, 'update', {
          lookups,
          resolver,
          options,
          userDefinedFields: () => client.metadata.userDefinedFields('Tickets', callOptions),
          callOptions,
          ...(writeOptions?.silent ? { silent: true } : {}),
        })
        if (Object.keys(body).length > 0) await client.tickets.update({ ...body, id: ticketId }, callOptions)
        return { record: mapAutotaskTicket(await readBack.ticket(ticketId, callOptions), lookups, options), warnings }
      },

      async delete() {
        throw unsupported('tickets.delete', 'the Autotask REST API has no ticket delete; complete or cancel the ticket with a status instead')
      },

      async findByExternalId(externalId, findOptions) {
        const callOptions = callOptionsOf(findOptions)
        const [raw, lookups] = await Promise.all([findTicketByExternalId(externalId, callOptions), ticketLookups(callOptions)])
        return raw ? mapAutotaskTicket(raw, lookups, options) : undefined
      },

      async findAllByExternalIds(externalIds, findOptions) {
        const callOptions = callOptionsOf(findOptions)
        const found = new Map<string, Ticket[]>(externalIds.map((value) => [value, []]))
        const lookups = await ticketLookups(callOptions)
        // One `in` query per 500 values (Autotask's cap on OR conditions), every page of each.
        for (let start = 0; start < externalIds.length; start += maximumOrConditions) {
          const values = externalIds.slice(start, start + maximumOrConditions)
          const condition = 'udf' in options.externalId ? autotaskFilter.udf.in(options.externalId.udf, values) : autotaskFilter.in(options.externalId.field, values)
          for await (const raw of client.tickets.queryAll({ filter: [condition] }, callOptions)) {
            const ticket = mapAutotaskTicket(raw, lookups, options)
            if (ticket.externalId !== undefined) found.get(ticket.externalId)?.push(ticket)
          }
        }
        return found
      },
    },

    comments: {
      list(ticketId, listOptions) {
        const id = autotaskId(ticketId, 'ticketId')
        const callOptions = callOptionsOf(listOptions)
        let publish: AutotaskPublishLevels | undefined
        return deferredPaginated(
          async () => {
            publish = await publishLevels(callOptions)
            return arrayPaginated(await noteReads.read(id, callOptions))
          },
          // Oldest first: notes come by id, which Autotask hands out in creation order; the sort keeps equal times stable.
          (items) =>
            items
              .map((raw) => mapAutotaskComment(raw, publish!))
              .sort((left, right) => Date.parse(left.createdAt) - Date.parse(right.createdAt) || Number(left.id) - Number(right.id)),
        )
      },

      async create(ticketId, input, writeOptions) {
        const id = autotaskId(ticketId, 'ticketId')
        const checked = parseInput(commentCreateInputSchema, input, { vendor, what: 'comment' })
        const callOptions = callOptionsOf(writeOptions)
        const warnings: AdapterWarning[] = []
        silentWarning(writeOptions, warnings)
        const publish = await publishLevels(callOptions)
        let publishValue = checked.visibility === 'internal' ? publish.internal : publish.public
        if (publishValue === undefined) {
          // An internal note must never become public; a public one may only be hidden.
          if (checked.visibility === 'internal') throw unsupported('comments.create(visibility: internal)', 'the tenant has no internal note publish level')
          publishValue = publish.internal
          warnings.push({ type: 'substituted', field: 'visibility', message: 'The tenant has no public note publish level; the note was written as internal.' })
        }
        let text = checked.body.text
        if (checked.body.html !== undefined && checked.body.html.trim() !== '') {
          warnings.push({ type: 'converted', field: 'body.html', message: 'Autotask notes are plain text; the text was written, the HTML left out.' })
          if (text.trim() === '') text = htmlToText(checked.body.html)
        }
        let impersonationResourceId: number | undefined
        if (checked.author) {
          if (!capabilities.comments.setAuthor) {
            warnings.push({ type: 'unsupported', field: 'author', message: 'The author cannot be set (impersonateAuthors is off); the note is written as the API user.' })
          } else {
            const candidate = checked.author.id !== undefined ? autotaskId(checked.author.id, 'author.id') : await resolver.resource(checked.author, 'author', callOptions).catch(() => undefined)
            if (candidate !== undefined && (checked.author.id === undefined || (await resolver.isResource(candidate, callOptions)))) impersonationResourceId = candidate
            else warnings.push({ type: 'unsupported', field: 'author', message: 'Only resources can be impersonated, and the author is not one; the note is written as the API user.' })
          }
        }
        if (checked.createdAt !== undefined) warnings.push({ type: 'unsupported', field: 'createdAt', message: 'Autotask sets a note\'s time itself; the note carries the time of import.' })
        if (checked.timeWorkedMinutes !== undefined) warnings.push({ type: 'unsupported', field: 'timeWorkedMinutes', message: 'Autotask keeps time worked as time entries, not on notes; it was left out (use timeEntries.create).' })
        const vendorFields = checked.vendorOptions?.autotask ?? {}
        const noteId = await client.ticketNotes.add(
          id,
          {
            description: text,
            ...(typeof vendorFields.title === 'string' ? { title: vendorFields.title } : {}),
            ...(options.noteType !== undefined ? { noteType: options.noteType } : {}),
            publish: publishValue!,
          },
          { ...callOptions, ...(impersonationResourceId !== undefined ? { impersonationResourceId } : {}) },
        )
        const note = await readBack.note(noteId, callOptions)
        return { record: mapAutotaskComment(note, publish), warnings }
      },
    },

    attachments: {
      list(ticketId, listOptions) {
        const id = autotaskId(ticketId, 'ticketId')
        const callOptions = callOptionsOf(listOptions)
        const map = (items: Parameters<typeof mapAutotaskAttachment>[0][]) => items.map((raw) => mapAutotaskAttachment(raw, ticketId))
        return concatenatedPaginated<Attachment>([
          () => deferredPaginated(async () => arrayPaginated(await ticketFileReads.read(id, callOptions)), map),
          () => deferredPaginated(async () => arrayPaginated(await noteFileReads.read(id, callOptions)), map),
        ])
      },

      async download(attachment, downloadOptions) {
        const callOptions = callOptionsOf(downloadOptions)
        const attachmentId = autotaskId(attachment.id, 'id')
        const ticketId = autotaskId(attachment.ticketId, 'ticketId')
        try {
          return (await client.ticketAttachments.download(ticketId, attachmentId, callOptions)).data
        } catch (error) {
          if (!NotFoundError.isInstance(error)) throw error
          // Not a ticket attachment: it may belong to one of the ticket's notes.
          const page = await client.ticketNoteAttachments.entity.query({ filter: [autotaskFilter.eq('id', attachmentId)], maxRecords: 1 }, callOptions)
          const noteAttachment = page.items[0]
          if (!noteAttachment || typeof noteAttachment.ticketNoteID !== 'number' || (typeof noteAttachment.ticketID === 'number' && noteAttachment.ticketID !== ticketId)) throw error
          return (await client.ticketNoteAttachments.download(noteAttachment.ticketNoteID, attachmentId, callOptions)).data
        }
      },

      async upload(ticketId, file, writeOptions) {
        const id = autotaskId(ticketId, 'ticketId')
        const checked = parseInput(fileUploadSchema, file, { vendor, what: 'file' })
        const callOptions = callOptionsOf(writeOptions)
        const warnings: AdapterWarning[] = []
        silentWarning(writeOptions, warnings)
        const maxBytes = capabilities.attachments.maxBytes ?? defaultAttachmentMaxBytes
        if (checked.data.byteLength > maxBytes) {
          throw new ValidationError(`${checked.filename} is ${checked.data.byteLength} bytes; Autotask accepts at most ${maxBytes} through the API. Nothing was sent.`, {
            status: 0,
            vendor,
            issues: [{ field: 'data', message: `larger than ${maxBytes} bytes` }],
          })
        }
        const vendorFields = checked.vendorOptions?.autotask ?? {}
        const upload = {
          fileName: checked.filename,
          data: checked.data,
          contentType: checked.contentType,
          ...(typeof vendorFields.title === 'string' ? { title: vendorFields.title } : {}),
          ...(typeof vendorFields.publish === 'number' ? { publish: vendorFields.publish } : {}),
        }
        let raw
        if (checked.commentId !== undefined) {
          const noteId = autotaskId(checked.commentId, 'commentId')
          const attachmentId = await client.ticketNoteAttachments.upload(noteId, upload, callOptions)
          raw = await readBack.noteFile(attachmentId, callOptions)
        } else {
          const attachmentId = await client.ticketAttachments.upload(id, upload, callOptions)
          raw = await readBack.ticketFile(attachmentId, callOptions)
        }
        const record = mapAutotaskAttachment(raw, ticketId)
        return { record: typeof raw.fileSize === 'number' ? record : { ...record, size: checked.data.byteLength }, warnings }
      },
    },

    people: {
      list(query = {}, listOptions) {
        const callOptions = callOptionsOf(listOptions)
        const pageSize = query.pageSize === undefined ? undefined : Math.min(Math.max(1, Math.floor(query.pageSize)), 500)
        const text = query.text
        const contacts = () =>
          deferredPaginated(
            async () =>
              client.contacts.queryAll(
                {
                  filter: text ? [autotaskFilter.or(autotaskFilter.contains('firstName', text), autotaskFilter.contains('lastName', text), autotaskFilter.contains('emailAddress', text))] : [],
                  ...(pageSize !== undefined ? { maxRecords: pageSize } : {}),
                },
                callOptions,
              ),
            (items) => items.map(mapAutotaskContact),
          )
        const resources = () =>
          deferredPaginated(
            async () =>
              client.resources.queryAll(
                {
                  filter: text ? [autotaskFilter.or(autotaskFilter.contains('firstName', text), autotaskFilter.contains('lastName', text), autotaskFilter.contains('email', text))] : [],
                  ...(pageSize !== undefined ? { maxRecords: pageSize } : {}),
                },
                callOptions,
              ),
            (items) => items.map(mapAutotaskResource),
          )
        if (query.kind === 'contact') return contacts()
        if (query.kind === 'agent') return resources()
        return concatenatedPaginated([contacts, resources])
      },

      async get(id, getOptions) {
        const personId = autotaskId(id, 'id')
        const callOptions = callOptionsOf(getOptions)
        // Contacts and resources are separate entities; an id is looked up as a contact first.
        try {
          return mapAutotaskContact(await client.contacts.get(personId, callOptions))
        } catch (error) {
          if (!NotFoundError.isInstance(error)) throw error
        }
        return mapAutotaskResource(await client.resources.get(personId, callOptions))
      },

      async findByEmail(email, findOptions) {
        const callOptions = callOptionsOf(findOptions)
        const contacts = await client.contacts.query(
          { filter: [autotaskFilter.or(autotaskFilter.eq('emailAddress', email), autotaskFilter.eq('emailAddress2', email), autotaskFilter.eq('emailAddress3', email))], maxRecords: 1 },
          callOptions,
        )
        if (contacts.items[0]) return mapAutotaskContact(contacts.items[0])
        const resources = await client.resources.query({ filter: [autotaskFilter.eq('email', email)], maxRecords: 1 }, callOptions)
        return resources.items[0] ? mapAutotaskResource(resources.items[0]) : undefined
      },

      async create(input, writeOptions) {
        const checked = parseInput(personCreateInputSchema, input, { vendor, what: 'person' })
        if (checked.kind === 'agent') throw unsupported('people.create(kind: agent)', 'resources (technicians) cannot be created through the Autotask REST API; only contacts can')
        const callOptions = callOptionsOf(writeOptions)
        const warnings: AdapterWarning[] = []
        silentWarning(writeOptions, warnings)
        const parts = checked.name.split(/\s+/)
        let firstName = parts.slice(0, -1).join(' ')
        const lastName = parts.at(-1)!
        if (firstName === '') {
          firstName = lastName
          warnings.push({ type: 'substituted', field: 'name', message: 'Autotask contacts need a first and a last name; the single name was used for both.' })
        }
        const companyID = checked.organization ? await resolver.company(checked.organization, 'organization', callOptions) : options.defaultCompanyId
        const body = {
          companyID,
          firstName,
          lastName,
          isActive: 1,
          ...(checked.email !== undefined ? { emailAddress: checked.email } : {}),
          ...(checked.vendorOptions?.autotask ?? {}),
        }
        const contactId = await client.contacts.create(body, { ...callOptions, parentId: companyID })
        return { record: mapAutotaskContact(await client.contacts.get(contactId, callOptions)), warnings }
      },
    },

    organizations: {
      list(listOptions) {
        const callOptions = callOptionsOf(listOptions)
        return deferredPaginated(async () => client.companies.queryAll({}, callOptions), (items) => items.map(mapAutotaskCompany))
      },

      async get(id, getOptions) {
        return mapAutotaskCompany(await client.companies.get(autotaskId(id, 'id'), callOptionsOf(getOptions)))
      },

      async findByName(name, findOptions) {
        const page = await client.companies.query({ filter: [autotaskFilter.eq('companyName', name)], maxRecords: 1 }, callOptionsOf(findOptions))
        return page.items[0] ? mapAutotaskCompany(page.items[0]) : undefined
      },

      async create(input, writeOptions) {
        const checked = parseInput(organizationCreateInputSchema, input, { vendor, what: 'organization' })
        const callOptions = callOptionsOf(writeOptions)
        const warnings: AdapterWarning[] = []
        silentWarning(writeOptions, warnings)
        const body: Record<string, unknown> = { ...options.organizationDefaults, companyName: checked.name, ...(checked.vendorOptions?.autotask ?? {}) }
        if (body.companyType === undefined) {
          const types = await client.companies.picklist('companyType', callOptions)
          body.companyType = Number(types.defaultValue() ?? types.valueOf('Customer') ?? types.active[0]?.value ?? 1)
        }
        if (body.ownerResourceID === undefined) {
          // Autotask requires an owner; the API user's own resource is the honest default.
          const owner = await resolver.apiUserResourceId(callOptions)
          if (owner !== undefined) body.ownerResourceID = owner
        }
        const companyId = await client.companies.create(body, callOptions)
        return { record: mapAutotaskCompany(await client.companies.get(companyId, callOptions)), warnings }
      },
    },

    lookups: {
      async statuses(lookupOptions) {
        const lookups = await ticketLookups(callOptionsOf(lookupOptions), true)
        return lookups.statuses.active.map((value) => ({ id: value.value, name: value.label, category: lookups.statusCategory(Number(value.value)) }))
      },
      async priorities(lookupOptions) {
        const lookups = await ticketLookups(callOptionsOf(lookupOptions), true)
        return lookups.priorities.active.map((value) => ({ id: value.value, name: value.label, level: lookups.priorityLevel(Number(value.value)) }))
      },
      async queues(lookupOptions) {
        const lookups = await ticketLookups(callOptionsOf(lookupOptions), true)
        return lookups.queues.active.map((value) => ({ id: value.value, name: value.label }))
      },
      async ticketTypes(lookupOptions) {
        const lookups = await ticketLookups(callOptionsOf(lookupOptions), true)
        return lookups.issueTypes.active.map((value) => ({ id: value.value, name: value.label }))
      },
      async customFields(lookupOptions) {
        const fields = await client.metadata.userDefinedFields('Tickets', { ...callOptionsOf(lookupOptions), refresh: true })
        return fields.map((field): CustomFieldDefinition => {
          const type = customFieldTypeOf(field)
          const choices = (field.picklistValues ?? []).filter((value) => value.isActive !== false).map((value) => value.label)
          return { key: field.name, label: field.label ?? field.name, type, ...(type === 'select' ? { options: choices } : {}), required: field.isRequired === true }
        })
      },
    },

    timeEntries: {
      list(ticketId, listOptions) {
        const id = autotaskId(ticketId, 'ticketId')
        const callOptions = callOptionsOf(listOptions)
        return deferredPaginated(async () => arrayPaginated(await timeEntryReads.read(id, callOptions)), (items) => items.map((raw) => mapAutotaskTimeEntry(raw, ticketId)))
      },

      async create(ticketId, input, writeOptions) {
        const id = autotaskId(ticketId, 'ticketId')
        const checked = parseInput(timeEntryCreateInputSchema, input, { vendor, what: 'time entry' })
        const callOptions = callOptionsOf(writeOptions)
        const warnings: AdapterWarning[] = []
        silentWarning(writeOptions, warnings)
        const resourceId = checked.person
          ? await resolver.resource(checked.person, 'person', callOptions)
          : (options.timeEntryResourceId ?? settings.impersonationResourceId)
        if (resourceId === undefined) throw invalidInput('person', 'Autotask logs time as a resource: name the person, or set timeEntryResourceId in the settings')
        const vendorFields = checked.vendorOptions?.autotask ?? {}
        const roleID = typeof vendorFields.roleID === 'number' ? vendorFields.roleID : await resolver.defaultRoleOf(resourceId, 'person', callOptions)
        const start = checked.startedAt !== undefined ? new Date(checked.startedAt) : new Date()
        const end = new Date(start.getTime() + checked.minutes * 60_000)
        const body = {
          ticketID: id,
          resourceID: resourceId,
          roleID,
          dateWorked: `${start.toISOString().slice(0, 10)}T00:00:00Z`,
          startDateTime: start.toISOString(),
          endDateTime: end.toISOString(),
          hoursWorked: Math.round((checked.minutes / 60) * 10_000) / 10_000,
          ...(checked.note !== undefined ? { summaryNotes: checked.note } : {}),
          ...(checked.billable !== undefined ? { isNonBillable: !checked.billable } : {}),
          ...vendorFields,
        }
        const entryId = await client.timeEntries.create(body, callOptions)
        return { record: mapAutotaskTimeEntry(await readBack.timeEntry(entryId, callOptions), ticketId), warnings }
      },
    },

    relations: {
      async list() {
        throw unsupported('relations.list', 'ticket relations are not mapped for Autotask')
      },
      async create() {
        throw unsupported('relations.create', 'ticket relations are not mapped for Autotask')
      },
    },

    async close() {
      await client.close()
    },
  }
  return adapter
}
