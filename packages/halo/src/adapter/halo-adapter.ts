import {
  AbortError,
  type AdapterWarning,
  type CallOptions,
  type CommentVisibility,
  commentCreateInputSchema,
  ConfigurationError,
  createPaginated,
  fileUploadSchema,
  InvalidResponseError,
  matchesTicketQuery,
  organizationCreateInputSchema,
  runConcurrently,
  type Page,
  type Paginated,
  parseInput,
  type Person,
  personCreateInputSchema,
  type Ticket,
  ticketCreateInputSchema,
  type TicketingAdapterV1,
  type TicketQuery,
  ticketQuerySchema,
  ticketUpdateInputSchema,
  timeEntryCreateInputSchema,
  UnsupportedOperationError,
  ValidationError,
} from '@ticketbridge/core'
import { createWriteCoalescer } from '@ticketbridge/http'
import type { HaloClient } from '../client/halo-client'
import { haloPageSizeLimit, localValidationError } from '../client/halo-collection'
import type { HaloAction, HaloActionInput } from '../client/resources/halo-actions'
import { HaloTimeEntries } from '../client/resources/halo-time-entries'
import type { HaloOutcome } from '../client/resources/halo-outcomes'
import type { HaloTicket, HaloTicketQuery } from '../client/resources/halo-tickets'
import { type HaloAdapterSettings, resolveHaloAdapterSettings } from './halo-adapter-settings'
import { buildHaloTicketPayload, silentTicketFlags } from './build-halo-ticket-payload'
import { haloCapabilities } from './halo-capabilities'
import { toHaloDate } from './halo-dates'
import { externalIdSearchText } from './halo-external-id'
import { createHaloInstanceLookups, type HaloNamedEntry, type HaloPriorityEntry, type HaloStatusEntry } from './halo-instance-lookups'
import { HaloInputResolver } from './halo-input-resolver'
import { mapHaloAttachment } from './map-halo-attachment'
import { mapHaloComment } from './map-halo-comment'
import { mapHaloAgent, mapHaloClient, mapHaloUser } from './map-halo-person'
import { type HaloTicketMappingContext, mapHaloTicket } from './map-halo-ticket'
import { isHaloCommentAction, mapHaloTimeEntry } from './map-halo-time-entry'
import { runTogether } from './run-together'

/** The Halo adapter: the contract, plus the native client it runs on. */
export interface HaloAdapter extends TicketingAdapterV1 {
  /** The native client, for anything the common model leaves out. */
  readonly client: HaloClient
}

const vendor = 'halo'
/** Write flags of a silent action: no email, no rules. */
const silentActionFlags = { dont_do_rules: true, sendemail: false } as const
/** Write flag of a silent user or client: no automations. */
const silentDirectoryFlags = { _dont_fire_automations: true } as const

function callOptionsOf(options: CallOptions | undefined): CallOptions {
  return { ...(options?.signal ? { signal: options.signal } : {}), ...(options?.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) }
}

function requireNumericId(id: string, field: string, what: string): number {
  if (!/^\d+$/.test(id)) throw localValidationError(what, field, `${JSON.stringify(id)} is not a Halo id (a whole number)`)
  return Number(id)
}

function warningOf(row: { _warning?: string | null | undefined }, field?: string): AdapterWarning[] {
  return typeof row._warning === 'string' && row._warning.trim() !== '' ? [{ type: 'other', ...(field ? { field } : {}), message: `Halo: ${row._warning.trim()}` }] : []
}

/**
 * The TicketingAdapter for Halo (HaloPSA, HaloITSM, HaloServiceDesk) over {@link HaloClient}.
 *
 * - Status categories and priority levels are resolved from the instance's own statuses and
 *   priorities (and the caller's overrides), never from fixed ids.
 * - Comments are actions: internal ones `hiddenfromuser: true`, public ones `false`, written
 *   with an outcome chosen from the instance (or configured).
 * - Time entries are actions carrying `timetaken`: one that is also a comment (any but a system
 *   action) names it as its `commentId`, so a reader of both does not take its note twice.
 * - The external id is kept as a marker in the details (default) or in a custom field, and
 *   found with Halo's search.
 * - Lists follow what Halo returned (100 per page at most); filters Halo cannot run are applied
 *   to what it returned.
 *
 * @example
 * const adapter = createHaloAdapter({ resourceUrl: 'https://acme.halopsa.com/api', authUrl: 'https://acme.halopsa.com/auth', clientId, clientSecret })
 * const { record } = await adapter.tickets.create({ subject: 'Printer jammed', description: { text: 'Floor 2' }, priority: { level: 'high' } })
 */
export function createHaloAdapter(settings: HaloAdapterSettings): HaloAdapter {
  const { options, client, ownsClient } = resolveHaloAdapterSettings(settings)
  const externalId = options.externalId
  const capabilities = haloCapabilities(externalId.storage === 'marker' ? { storage: 'marker', field: 'details' } : { storage: 'custom-field', field: externalId.field })
  const lookups = createHaloInstanceLookups(client, { ttlMs: options.lookupCacheMs, statusCategories: options.statusCategories, priorityLevels: options.priorityLevels })
  const resolver = new HaloInputResolver(client, lookups, 'ticket', { userCacheMs: options.lookupCacheMs })
  // Every Halo POST takes an array (halo.md §3.1): single creates made together (a migration
  // moving several tickets at once) leave as one request. Files stay one per request: an array
  // of them is one body of their summed size.
  type TicketWrite = Parameters<HaloClient['tickets']['createMany']>[0][number]
  const ticketWrites = createWriteCoalescer((rows: TicketWrite[], current) => client.tickets.createMany(rows, current), { maxBatch: 100 })
  const actionWrites = createWriteCoalescer((rows: HaloActionInput[], current) => client.actions.createMany(rows, current), { maxBatch: 100 })
  let closed = false

  /** Runs an operation unless the adapter is closed or the call was aborted before it started. */
  async function run<T>(options: CallOptions | undefined, operation: (callOptions: CallOptions) => Promise<T>): Promise<T> {
    if (closed) throw new UnsupportedOperationError('calls after close()', { vendor })
    if (options?.signal?.aborted) throw new AbortError('The call was aborted before it started.', { vendor })
    return operation(callOptionsOf(options))
  }

  async function mappingContext(callOptions: CallOptions): Promise<HaloTicketMappingContext> {
    const [statuses, priorities, teams] = await runTogether<[HaloStatusEntry[], HaloPriorityEntry[], HaloNamedEntry[]]>(callOptions, [
      (options) => lookups.statuses(options),
      (options) => lookups.priorities(options),
      (options) => lookups.teams(options),
    ])
    return { statuses, priorities, teams, externalId }
  }

  async function mapTicket(row: HaloTicket, callOptions: CallOptions): Promise<Ticket> {
    return mapHaloTicket(row, await mappingContext(callOptions))
  }

  /** Halo's filters for a query; `undefined` when no ticket can match (no status in the categories). */
  async function serverFilters(query: TicketQuery, callOptions: CallOptions): Promise<HaloTicketQuery | undefined> {
    const filters: HaloTicketQuery = {}
    if (query.text !== undefined) filters.search = query.text
    if (query.organizationId !== undefined) filters.client_id = requireNumericId(query.organizationId, 'organizationId', 'ticket query')
    if (query.queueId !== undefined) filters.team = requireNumericId(query.queueId, 'queueId', 'ticket query').toString()
    if (query.statusCategories !== undefined) {
      const ids = (await lookups.statuses(callOptions)).filter((status) => query.statusCategories!.includes(status.category)).map((status) => status.id)
      if (ids.length === 0) return undefined
      filters.status = ids.join(',')
    }
    if (query.createdSince !== undefined) {
      // The spec's own example spells the field `dateoccured`.
      filters.datesearch = 'dateoccured'
      filters.startdate = toHaloDate(query.createdSince)
    }
    return filters
  }

  /**
   * Every filter holds on what is returned, whatever Halo did with it. Text is checked on the
   * subject, and on the description when the list row carries it (list rows are abbreviated;
   * without the details, Halo's own search is trusted).
   */
  function matches(ticket: Ticket, row: HaloTicket, query: TicketQuery): boolean {
    if (!matchesTicketQuery(ticket, query, ['updatedSince', 'createdSince', 'statusCategories', 'queueId', 'organizationId'])) return false
    if (query.text === undefined) return true
    const needle = query.text.toLowerCase()
    if (ticket.subject.toLowerCase().includes(needle)) return true
    const hasDetails = (row.details ?? row.details_html ?? null) !== null
    return hasDetails ? ticket.description.text.toLowerCase().includes(needle) : true
  }

  async function outcomeFor(kind: 'public' | 'internal' | 'timeEntry', callOptions: CallOptions): Promise<{ outcome_id?: number; outcome?: string }> {
    const configured = options.outcomes[kind] ?? (kind === 'timeEntry' ? options.outcomes.internal : undefined)
    if (typeof configured === 'number') return { outcome_id: configured }
    const outcomes = await lookups.outcomes(callOptions)
    const nameOf = (outcome: HaloOutcome) => (outcome.outcome ?? outcome.buttonname ?? '').trim()
    if (typeof configured === 'string') {
      const match = outcomes.find((outcome) => nameOf(outcome).toLowerCase() === configured.toLowerCase())
      return match ? { outcome_id: Number(match.id) } : { outcome: configured }
    }
    // Outcomes that change the status or send email would do more than add a comment.
    const plain = outcomes.filter((outcome) => !outcome.hidden && !(typeof outcome.newstatus === 'number' && outcome.newstatus > 0) && !outcome.sendemail)
    const hidden = (outcome: HaloOutcome) => outcome.hidefromuser === true
    const internalPreferences: ((outcome: HaloOutcome) => boolean)[] = [
      (outcome) => /private|internal/i.test(nameOf(outcome)) && /note|comment/i.test(nameOf(outcome)),
      (outcome) => hidden(outcome) && /note|comment/i.test(nameOf(outcome)),
      (outcome) => /private|internal/i.test(nameOf(outcome)),
      hidden,
      (outcome) => /note|comment/i.test(nameOf(outcome)),
    ]
    const preferences: ((outcome: HaloOutcome) => boolean)[] =
      kind === 'timeEntry'
        ? [(outcome) => hidden(outcome) && /time/i.test(nameOf(outcome)), ...internalPreferences]
        : kind === 'public'
        ? [
            (outcome) => !hidden(outcome) && /^(public\s+)?(note|update|comment)$/i.test(nameOf(outcome)),
            (outcome) => !hidden(outcome) && /note|update|comment|reply/i.test(nameOf(outcome)),
            (outcome) => !hidden(outcome),
          ]
        : internalPreferences
    for (const preference of preferences) {
      const found = plain.find(preference)
      if (found) return { outcome_id: Number(found.id) }
    }
    const option = `outcomes.${kind}`
    throw new ConfigurationError(
      `No Halo outcome fits a${kind === 'internal' ? 'n internal comment' : kind === 'public' ? ' public comment' : ' time entry'}; set ${option} to an outcome id or name (see client.outcomes.list()).`,
      { vendor, option },
    )
  }

  function listTickets(query: TicketQuery, listOptions: CallOptions): Paginated<Ticket> {
    const pageSize = Math.min(query.pageSize ?? haloPageSizeLimit, haloPageSizeLimit)
    return createPaginated<Ticket>(async (cursor, callOptions) =>
      run(callOptions, async (current) => {
        // The cursor: the page to fetch, rows fetched so far, and the first id of the last page.
        const [pageText = '1', fetchedText = '0', previousFirstId = ''] = cursor?.split(':') ?? []
        const pageNumber = Number(pageText)
        const fetchedBefore = Number(fetchedText)
        const filters = await serverFilters(query, current)
        if (filters === undefined) return { items: [] }
        const page = await client.tickets.listPage({ ...filters, page_no: pageNumber, page_size: pageSize }, current)
        const firstId = page.rows[0] ? String(page.rows[0].id) : ''
        if (pageNumber > 1 && firstId !== '' && firstId === previousFirstId) {
          throw new InvalidResponseError(`Halo returned the same tickets for page ${pageNumber} as for the page before; it ignored page_no. Paging stopped.`, { vendor })
        }
        const context = await mappingContext(current)
        const items = page.rows.flatMap((row) => {
          const ticket = mapHaloTicket(row, context)
          return matches(ticket, row, query) ? [ticket] : []
        })
        const fetched = fetchedBefore + page.rows.length
        // Paging trusts what Halo returned: on while rows come and record_count is not reached.
        const moreRemain = page.rows.length > 0 && (page.recordCount === undefined || fetched < page.recordCount)
        const result: Page<Ticket> = moreRemain ? { items, nextCursor: `${pageNumber + 1}:${fetched}:${firstId}` } : { items }
        return result
      }),
    listOptions)
  }

  /** Every ticket carrying this external id: Halo's search has no `in`, so one search per value. */
  async function findAllByExternalId(value: string, callOptions: CallOptions): Promise<Ticket[]> {
    const candidates: HaloTicket[] = []
    if (externalId.storage === 'custom-field') {
      const advancedSearch = JSON.stringify([{ filter_name: externalId.field, filter_type: 2, filter_value: value }])
      try {
        candidates.push(...(await client.tickets.list({ advanced_search: advancedSearch, page_size: 100 }, callOptions).toArray({ limit: 200 })))
      } catch (error) {
        // Builds that cannot search this custom field ("Invalid advanced search parameter"): fall
        // back to the plain search, then read the candidates' custom fields.
        if (!ValidationError.isInstance(error)) throw error
        candidates.push(...(await client.tickets.list({ search: value, page_size: 100 }, callOptions).toArray({ limit: 200 })))
      }
    } else {
      candidates.push(...(await client.tickets.list({ search: externalIdSearchText(value), page_size: 100 }, callOptions).toArray({ limit: 200 })))
    }
    const matches: Ticket[] = []
    for (const candidate of candidates) {
      // List rows may leave out the details or custom fields: read those tickets in full.
      const hasEvidence = externalId.storage === 'marker' ? (candidate.details ?? candidate.details_html ?? null) !== null : Array.isArray(candidate.customfields)
      const full = hasEvidence ? candidate : await client.tickets.get(candidate.id, {}, callOptions)
      const ticket = await mapTicket(full, callOptions)
      if (ticket.externalId === value) matches.push(ticket)
    }
    return matches
  }

  async function findAllByExternalIds(values: readonly string[], callOptions: CallOptions): Promise<Map<string, Ticket[]>> {
    const found = new Map<string, Ticket[]>()
    // A few searches at once: the rate limiter still sets the pace.
    await runConcurrently(values, 4, async (value) => void found.set(value, await findAllByExternalId(value, callOptions)))
    return found
  }

  const adapter: HaloAdapter = {
    specificationVersion: 'v1',
    vendor,
    capabilities,
    client,

    tickets: {
      list(query = {}, listOptions) {
        const checked = parseInput(ticketQuerySchema, query, { vendor, what: 'ticket query' })
        return listTickets(checked, callOptionsOf(listOptions))
      },

      get: (id, callOptions) =>
        run(callOptions, async (current) => mapTicket(await client.tickets.get(requireNumericId(id, 'id', 'ticket id'), {}, current), current)),

      create: (input, writeOptions) =>
        run(writeOptions, async (current) => {
          const checked = parseInput(ticketCreateInputSchema, input, { vendor, what: 'ticket' })
          const warnings: AdapterWarning[] = []
          const payload = await buildHaloTicketPayload(checked, {
            resolver,
            externalId,
            ...(options.ticketTypeId !== undefined ? { ticketTypeId: options.ticketTypeId } : {}),
            callOptions: current,
            warnings,
          })
          const row = await ticketWrites.write(writeOptions?.silent ? { ...payload, ...silentTicketFlags } : payload, current)
          return { record: await mapTicket(row, current), warnings: [...warnings, ...warningOf(row)] }
        }),

      update: (id, input, writeOptions) =>
        run(writeOptions, async (current) => {
          const ticketId = requireNumericId(id, 'id', 'ticket id')
          const checked = parseInput(ticketUpdateInputSchema, input, { vendor, what: 'ticket update' })
          // Read first: Halo's upsert would create a new ticket for an id it does not have, and the
          // current details carry the external-id marker an edited description must keep.
          const existing = await client.tickets.get(ticketId, {}, current)
          const warnings: AdapterWarning[] = []
          const payload = await buildHaloTicketPayload(checked, { resolver, externalId, existing, callOptions: current, warnings })
          if (Object.keys(payload).length === 0) return { record: await mapTicket(existing, current), warnings }
          const row = await client.tickets.update({ ...payload, ...(writeOptions?.silent ? silentTicketFlags : {}), id: ticketId }, current)
          return { record: await mapTicket(row, current), warnings: [...warnings, ...warningOf(row)] }
        }),

      delete: (id, callOptions) => run(callOptions, (current) => client.tickets.delete(requireNumericId(id, 'id', 'ticket id'), {}, current)),

      findByExternalId: (value, callOptions) => run(callOptions, async (current) => (await findAllByExternalId(value, current))[0]),
      findAllByExternalIds: (values, callOptions) => run(callOptions, (current) => findAllByExternalIds(values, current)),
    },

    comments: {
      list(ticketId, listOptions) {
        return createPaginated(
          async (_cursor, callOptions) =>
            run(callOptions, async (current) => {
              const rows = await client.actions.listForTicket(requireNumericId(ticketId, 'ticketId', 'comment query'), { excludesys: true, includehtmlnote: true }, current)
              const items = rows
                .map((row) => mapHaloComment(row, ticketId))
                .sort((left, right) => Date.parse(left.createdAt) - Date.parse(right.createdAt) || Number(left.id) - Number(right.id))
              return { items }
            }),
          callOptionsOf(listOptions),
        )
      },

      create: (ticketId, input, writeOptions) =>
        run(writeOptions, async (current) => {
          const ticket = requireNumericId(ticketId, 'ticketId', 'comment')
          const checked = parseInput(commentCreateInputSchema, input, { vendor, what: 'comment' })
          const warnings: AdapterWarning[] = []
          if (checked.author) warnings.push({ type: 'unsupported', field: 'author', message: 'Halo writes the comment as the API application’s agent; the author was left out.' })
          if (checked.createdAt) warnings.push({ type: 'unsupported', field: 'createdAt', message: 'Halo stamps the comment with the time it is written; the original time was left out.' })
          const hiddenfromuser = checked.visibility === 'internal'
          const action = {
            ticket_id: ticket,
            ...(await outcomeFor(checked.visibility, current)),
            note: checked.body.text,
            ...(checked.body.html !== undefined ? { note_html: checked.body.html } : {}),
            hiddenfromuser,
            sendemail: false,
            // Halo keeps time worked on the action itself, in hours.
            ...(checked.timeWorkedMinutes !== undefined ? { timetaken: checked.timeWorkedMinutes / 60 } : {}),
            ...(writeOptions?.silent ? silentActionFlags : {}),
            ...checked.vendorOptions?.halo,
          } as HaloActionInput
          const row = await actionWrites.write(action, current)
          // An abbreviated answer keeps what was written.
          const merged = { note: action.note, note_html: action.note_html, hiddenfromuser, ...row } as typeof row
          return { record: mapHaloComment(merged, ticketId, checked.visibility as CommentVisibility), warnings: [...warnings, ...warningOf(row)] }
        }),
    },

    attachments: {
      list(ticketId, listOptions) {
        return createPaginated(
          async (_cursor, callOptions) =>
            run(callOptions, async (current) => {
              const rows = await client.attachments.list({ ticket_id: requireNumericId(ticketId, 'ticketId', 'attachment query') }, current).toArray({ limit: 100_000 })
              return { items: rows.map((row) => mapHaloAttachment(row, ticketId)) }
            }),
          callOptionsOf(listOptions),
        )
      },

      download: (attachment, callOptions) => run(callOptions, (current) => client.attachments.download(requireNumericId(attachment.id, 'id', 'attachment'), current)),

      upload: (ticketId, file, writeOptions) =>
        run(writeOptions, async (current) => {
          const ticket = requireNumericId(ticketId, 'ticketId', 'attachment')
          const checked = parseInput(fileUploadSchema, file, { vendor, what: 'file' })
          const row = await client.attachments.upload(
            {
              ticket_id: ticket,
              filename: checked.filename,
              data: checked.data,
              isimage: checked.contentType.startsWith('image/'),
              content_type: checked.contentType,
              ...(checked.commentId !== undefined ? { action_id: requireNumericId(checked.commentId, 'commentId', 'file') } : {}),
              ...checked.vendorOptions?.halo,
            },
            current,
          )
          const record = mapHaloAttachment(row, ticketId, { filename: checked.filename, contentType: checked.contentType, size: checked.data.byteLength })
          return { record, warnings: warningOf(row) }
        }),
    },

    people: {
      list(query = {}, listOptions) {
        const pageSize = Math.min(query.pageSize ?? haloPageSizeLimit, haloPageSizeLimit)
        return createPaginated<Person>(
          async (cursor, callOptions) =>
            run(callOptions, async (current) => {
              // End users first (paged), then agents (one answer).
              const [phase, pageText, fetchedText] = (cursor ?? `${query.kind === 'agent' ? 'agents' : 'users'}:1:0`).split(':') as [string, string, string]
              if (phase === 'users') {
                const page = await client.users.listPage({ ...(query.text ? { search: query.text } : {}), page_no: Number(pageText), page_size: pageSize }, current)
                const fetched = Number(fetchedText) + page.rows.length
                const moreUsers = page.rows.length > 0 && (page.recordCount === undefined || fetched < page.recordCount)
                const next = moreUsers ? `users:${Number(pageText) + 1}:${fetched}` : query.kind === 'contact' ? undefined : 'agents:1:0'
                return { items: page.rows.map(mapHaloUser), ...(next ? { nextCursor: next } : {}) }
              }
              const agents = await client.agents.list(query.text ? { search: query.text } : {}, current).toArray({ limit: 100_000 })
              return { items: agents.map(mapHaloAgent) }
            }),
          callOptionsOf(listOptions),
        )
      },

      get: (id, callOptions) =>
        run(callOptions, async (current) => {
          if (id.startsWith('agent:')) return mapHaloAgent(await client.agents.get(requireNumericId(id.slice('agent:'.length), 'id', 'person id'), {}, current))
          return mapHaloUser(await client.users.get(requireNumericId(id, 'id', 'person id'), {}, current))
        }),

      findByEmail: (email, callOptions) =>
        run(callOptions, async (current) => {
          const wanted = email.trim().toLowerCase()
          const users = await client.users.list({ search: email.trim(), page_size: 100 }, current).toArray({ limit: 1000 })
          const user = users.find((row) => [row.emailaddress, row.email2, row.email3].some((address) => typeof address === 'string' && address.trim().toLowerCase() === wanted))
          if (user) return mapHaloUser(user)
          const agents = await client.agents.list({ search: email.trim() }, current).toArray({ limit: 1000 })
          const agent = agents.find((row) => row.email?.trim().toLowerCase() === wanted)
          return agent ? mapHaloAgent(agent) : undefined
        }),

      create: (input, writeOptions) =>
        run(writeOptions, async (current) => {
          const checked = parseInput(personCreateInputSchema, input, { vendor, what: 'person' })
          if (checked.kind === 'agent') {
            throw new UnsupportedOperationError('people.create (kind: agent)', { vendor, reason: 'agents are licensed Halo users; create them in Halo' })
          }
          let clientId: number | undefined
          let siteId: number | undefined = options.defaultSiteId
          if (checked.organization) {
            clientId = await resolver.clientId(checked.organization, 'organization', current)
            const [site] = await client.sites.list({ client_id: clientId, page_size: 1 }, current).toArray({ limit: 1 })
            // A user must sit on a site of its own client; a client without one gets its main site.
            siteId = site
              ? Number(site.id)
              : Number((await client.sites.create({ name: 'Main', client_id: clientId, ...(writeOptions?.silent ? silentDirectoryFlags : {}) }, current)).id)
          }
          if (siteId === undefined) {
            // Halo puts every end user on a site (of a client); refuse before sending.
            throw localValidationError('person', 'organization', 'Halo puts every end user on a site: name the organization (a client with a site), or set the adapter’s defaultSiteId')
          }
          const row = await client.users.create(
            {
              name: checked.name,
              ...(checked.email !== undefined ? { emailaddress: checked.email } : {}),
              site_id: siteId,
              ...(clientId !== undefined ? { client_id: clientId } : {}),
              ...(writeOptions?.silent ? silentDirectoryFlags : {}),
              ...checked.vendorOptions?.halo,
            },
            current,
          )
          const merged = { name: checked.name, emailaddress: checked.email, ...row } as typeof row
          return { record: mapHaloUser(merged), warnings: warningOf(row) }
        }),
    },

    organizations: {
      list(listOptions) {
        return createPaginated(async (cursor, callOptions) =>
          run(callOptions, async (current) => {
            const pageNumber = cursor === undefined ? 1 : Number(cursor.split(':')[0])
            const fetchedBefore = cursor === undefined ? 0 : Number(cursor.split(':')[1])
            const page = await client.clients.listPage({ page_no: pageNumber, page_size: haloPageSizeLimit }, current)
            const fetched = fetchedBefore + page.rows.length
            const moreRemain = page.rows.length > 0 && (page.recordCount === undefined || fetched < page.recordCount)
            return { items: page.rows.map(mapHaloClient), ...(moreRemain ? { nextCursor: `${pageNumber + 1}:${fetched}` } : {}) }
          }),
        callOptionsOf(listOptions))
      },

      get: (id, callOptions) => run(callOptions, async (current) => mapHaloClient(await client.clients.get(requireNumericId(id, 'id', 'organization id'), {}, current))),

      findByName: (name, callOptions) =>
        run(callOptions, async (current) => {
          const wanted = name.trim().toLowerCase()
          const rows = await client.clients.list({ search: name.trim(), page_size: 100 }, current).toArray({ limit: 1000 })
          const found = rows.find((row) => row.name?.trim().toLowerCase() === wanted)
          return found ? mapHaloClient(found) : undefined
        }),

      create: (input, writeOptions) =>
        run(writeOptions, async (current) => {
          const checked = parseInput(organizationCreateInputSchema, input, { vendor, what: 'organization' })
          const row = await client.clients.create({ name: checked.name, ...(writeOptions?.silent ? silentDirectoryFlags : {}), ...checked.vendorOptions?.halo }, current)
          return { record: mapHaloClient({ name: checked.name, ...row }), warnings: warningOf(row) }
        }),
    },

    lookups: {
      statuses: (callOptions) => run(callOptions, async (current) => (await lookups.statuses({ ...current, fresh: true })).map(({ id, name, category }) => ({ id, name, category }))),
      priorities: (callOptions) => run(callOptions, async (current) => (await lookups.priorities({ ...current, fresh: true })).map(({ id, name, level }) => ({ id, name, level }))),
      queues: (callOptions) => run(callOptions, async (current) => (await lookups.teams({ ...current, fresh: true })).map(({ id, name }) => ({ id, name }))),
      ticketTypes: (callOptions) => run(callOptions, async (current) => (await lookups.ticketTypes({ ...current, fresh: true })).map(({ id, name }) => ({ id, name }))),
      customFields: (callOptions) => run(callOptions, async (current) => (await lookups.ticketFields({ ...current, fresh: true })).map((field) => field.definition)),
    },

    timeEntries: {
      list(ticketId, listOptions) {
        return createPaginated(
          async (_cursor, callOptions) =>
            run(callOptions, async (current) => {
              const ticket = requireNumericId(ticketId, 'ticketId', 'time entry query')
              // Time is recorded on actions: an entry names the comment it is, unless its action is a system one.
              const [rows, systemOutcomeIds] = await runTogether<[HaloAction[], ReadonlySet<string>]>(current, [
                (options) => client.timeEntries.listForTicket(ticket, {}, options),
                (options) => lookups.systemOutcomeIds(options),
              ])
              return { items: rows.map((row) => mapHaloTimeEntry(row, ticketId, isHaloCommentAction(row, systemOutcomeIds))) }
            }),
          callOptionsOf(listOptions),
        )
      },

      create: (ticketId, input, writeOptions) =>
        run(writeOptions, async (current) => {
          const ticket = requireNumericId(ticketId, 'ticketId', 'time entry')
          const checked = parseInput(timeEntryCreateInputSchema, input, { vendor, what: 'time entry' })
          const warnings: AdapterWarning[] = []
          if (checked.person) warnings.push({ type: 'unsupported', field: 'person', message: 'Halo records time as the API application’s agent; the person was left out.' })
          const hours = checked.minutes / 60
          const started = checked.startedAt !== undefined ? new Date(checked.startedAt) : undefined
          const entry = {
            timetaken: hours,
            ...(await outcomeFor('timeEntry', current)),
            ...(checked.note !== undefined ? { note: checked.note } : {}),
            ...(started ? { actionarrivaldate: toHaloDate(started), actioncompletiondate: toHaloDate(new Date(started.getTime() + checked.minutes * 60_000)) } : {}),
            ...(checked.billable !== undefined ? { actisbillable: checked.billable } : {}),
            ...(writeOptions?.silent ? silentActionFlags : {}),
            ...checked.vendorOptions?.halo,
          }
          // Read before the write, so a failed lookup never hides a write that landed.
          const systemOutcomeIds = await lookups.systemOutcomeIds(current)
          const row = await actionWrites.write(HaloTimeEntries.toAction(ticket, entry), current)
          const merged = { timetaken: hours, note: checked.note, ...row } as typeof row
          const isComment = isHaloCommentAction({ outcome_id: row.outcome_id ?? (entry as { outcome_id?: number }).outcome_id }, systemOutcomeIds)
          return { record: mapHaloTimeEntry(merged, ticketId, isComment), warnings: [...warnings, ...warningOf(row)] }
        }),
    },

    relations: {
      list: async () => {
        throw new UnsupportedOperationError('relations.list', { vendor, reason: 'the Halo adapter does not map ticket relations yet; use client.tickets (parent_id) directly' })
      },
      create: async () => {
        throw new UnsupportedOperationError('relations.create', { vendor, reason: 'the Halo adapter does not map ticket relations yet; use client.tickets (parent_id) directly' })
      },
    },

    async close() {
      if (closed) return
      closed = true
      if (ownsClient) await client.close()
    },
  }
  return adapter
}
