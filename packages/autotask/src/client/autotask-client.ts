import { type CallOptions, ConfigurationError, type Paginated, parseSettings } from '@ticketbridge/core'
import type { HttpMethod, QueryParameters } from '@ticketbridge/http'
import type { z } from 'zod'
import { type AutotaskEntityModels, type AutotaskEntityName, autotaskEntityRoutes } from '../generated/autotask-entities'
import { AutotaskAttachments } from './autotask-attachments'
import type { AutotaskBatchOptions, AutotaskBatchResult } from './autotask-batch'
import { type AutotaskClientSettings, autotaskClientSettingsSchema, type ResolvedAutotaskClientSettings } from './autotask-client-settings'
import {
  autotaskClientEnvironmentNames,
  checkAutotaskCredentials,
  namingAutotaskVariable,
  withAutotaskEnvironment,
} from './autotask-environment-settings'
import { AutotaskConnection } from './autotask-connection'
import { AutotaskEntity, type AutotaskUpdate, type AutotaskWrite, type AutotaskWriteOptions } from './autotask-entity'
import type { AutotaskFilter } from './autotask-filter'
import { AutotaskMetadata } from './autotask-metadata'
import type { AutotaskListOptions, AutotaskQuery, AutotaskQueryPage, AutotaskRecord } from './autotask-query'
import type { AutotaskThresholdInformation } from './autotask-schemas'
import { AutotaskTicketNotes, AutotaskTickets } from './autotask-tickets'
import type { AutotaskZone } from './autotask-zone'

/** A raw request, for what the typed accessors do not cover. */
export interface AutotaskRawRequest extends CallOptions {
  method: HttpMethod
  /** Relative to `/ATServicesRest/V1.0`, such as `/Version`. */
  path: string
  query?: QueryParameters
  body?: unknown
  /** Whether repeating the call is harmless (defaults by method; set it on read-only POSTs). */
  idempotent?: boolean
}

/**
 * The native Autotask PSA REST client: vendor field names, every entity of the spec, and the
 * rules of the API built in.
 *
 * - **Zone**: discovered once per user name from `ZoneInformation` (no credentials sent) and
 *   cached, or given as `zoneUrl`.
 * - **Queries**: every operator, `and`/`or` groups and UDF conditions, checked before sending
 *   (Autotask silently ignores a misspelled operator); 500-record pages, paged by `id > last`
 *   (or by next-page URL, pinned to the zone); `in` lists split at 500; counts.
 * - **Limits**: at most 3 requests in flight per endpoint, and the database's hourly budget
 *   (10,000 by default) shared by every client of the tenant and resynced from
 *   ThresholdInformation.
 * - **Errors**: Autotask's HTTP 500 `{"errors": [...]}` bodies are classified before retries:
 *   ValidationError (with issues), AuthenticationError (unknown user, bad integration code),
 *   RateLimitError (thread limit, hourly threshold), PermissionError, ServerError.
 *
 * @example
 * // AUTOTASK_USERNAME, AUTOTASK_SECRET and AUTOTASK_INTEGRATION_CODE set in the environment:
 * const client = new AutotaskClient()
 * for await (const ticket of client.tickets.queryAll({ filter: [autotaskFilter.noteq('status', 5)] })) console.log(ticket.title)
 *
 * @example
 * const client = new AutotaskClient({ username, secret, integrationCode })
 * for await (const ticket of client.tickets.queryAll({ filter: [autotaskFilter.noteq('status', 5)] })) console.log(ticket.title)
 */
export class AutotaskClient {
  /** Entity information, fields, picklists and UDF definitions, cached per entity. */
  readonly metadata: AutotaskMetadata
  readonly tickets: AutotaskTickets
  readonly ticketNotes: AutotaskTicketNotes
  /** Attachments of tickets: upload, download, list, delete. */
  readonly ticketAttachments: AutotaskAttachments<AutotaskEntityModels['TicketAttachments']>
  /** Attachments of ticket notes: upload, download, list, delete. */
  readonly ticketNoteAttachments: AutotaskAttachments<AutotaskEntityModels['TicketNoteAttachments']>
  readonly companies: AutotaskEntity<AutotaskEntityModels['Companies']>
  /** Contacts: read at `/Contacts`, written under `/Companies/{companyId}/Contacts` (`companyID` or `parentId`). */
  readonly contacts: AutotaskEntity<AutotaskEntityModels['Contacts']>
  /** Resources (technicians): query, get, update; the REST API cannot create them. */
  readonly resources: AutotaskEntity<AutotaskEntityModels['Resources']>
  readonly timeEntries: AutotaskEntity<AutotaskEntityModels['TimeEntries']>
  readonly projects: AutotaskEntity<AutotaskEntityModels['Projects']>
  readonly contracts: AutotaskEntity<AutotaskEntityModels['Contracts']>
  readonly configurationItems: AutotaskEntity<AutotaskEntityModels['ConfigurationItems']>
  /** Batch writes by entity name, at most the per-endpoint limit in flight. */
  readonly batch: {
    create<Name extends AutotaskEntityName>(
      name: Name,
      records: readonly AutotaskWrite<AutotaskEntityModels[Name]>[],
      options?: AutotaskBatchOptions & { parentId?: number },
    ): Promise<AutotaskBatchResult<number>[]>
    update<Name extends AutotaskEntityName>(
      name: Name,
      records: readonly AutotaskUpdate<AutotaskEntityModels[Name]>[],
      options?: AutotaskBatchOptions & { parentId?: number },
    ): Promise<AutotaskBatchResult<number>[]>
    delete(
      name: AutotaskEntityName,
      ids: readonly number[],
      options?: AutotaskBatchOptions & { parentId?: number },
    ): Promise<AutotaskBatchResult<void>[]>
  }

  private readonly connection: AutotaskConnection
  private readonly entities = new Map<string, AutotaskEntity<unknown>>()

  /**
   * Checks the settings (ConfigurationError naming the option) and prepares the client; nothing is
   * sent yet. Settings left out are read from `AUTOTASK_*` variables (see {@link AutotaskClientSettings}).
   */
  constructor(settings: AutotaskClientSettings = {}) {
    const { environment = process.env, retry, logger, axiosInstance, onRateLimit, onRetry, ...given } = settings
    const { settings: plain, fromEnvironment } = withAutotaskEnvironment(given, environment, autotaskClientEnvironmentNames)
    let checked: z.output<typeof autotaskClientSettingsSchema>
    try {
      checkAutotaskCredentials(plain)
      checked = parseSettings(autotaskClientSettingsSchema, plain, { vendor: 'autotask', what: 'Autotask client settings' })
    } catch (error) {
      throw namingAutotaskVariable(error, fromEnvironment)
    }
    const resolved: ResolvedAutotaskClientSettings = {
      ...checked,
      ...(retry ? { retry } : {}),
      ...(logger ? { logger } : {}),
      ...(axiosInstance ? { axiosInstance } : {}),
      ...(onRateLimit ? { onRateLimit } : {}),
      ...(onRetry ? { onRetry } : {}),
    }
    this.connection = new AutotaskConnection(resolved)
    this.metadata = new AutotaskMetadata(this.connection, resolved.metadataCacheTtlMs)
    this.ticketNotes = new AutotaskTicketNotes(this.connection, this.metadata, 'TicketNotes', autotaskEntityRoutes.TicketNotes)
    this.tickets = new AutotaskTickets(this.connection, this.metadata, autotaskEntityRoutes.Tickets, this.ticketNotes)
    this.entities.set('TicketNotes', this.ticketNotes as AutotaskEntity<unknown>)
    this.entities.set('Tickets', this.tickets as AutotaskEntity<unknown>)
    this.ticketAttachments = new AutotaskAttachments(this.connection, this.entity('TicketAttachments'), {
      parent: 'Tickets',
      parentField: 'ticketID',
    })
    this.ticketNoteAttachments = new AutotaskAttachments(this.connection, this.entity('TicketNoteAttachments'), {
      parent: 'TicketNotes',
      parentField: 'ticketNoteID',
    })
    this.companies = this.entity('Companies')
    this.contacts = this.entity('Contacts')
    this.resources = this.entity('Resources')
    this.timeEntries = this.entity('TimeEntries')
    this.projects = this.entity('Projects')
    this.contracts = this.entity('Contracts')
    this.configurationItems = this.entity('ConfigurationItems')
    this.batch = {
      create: (name, records, options) => this.entity(name).createMany(records as never, options),
      update: (name, records, options) => this.entity(name).updateMany(records as never, options),
      delete: (name, ids, options) => this.entity(name).deleteMany(ids, options),
    }
  }

  /**
   * Any entity of the spec, typed with its generated model: `client.entity('Opportunities')`.
   * The accessor offers exactly the routes the spec gives the entity.
   */
  entity<Name extends AutotaskEntityName>(name: Name): AutotaskEntity<AutotaskEntityModels[Name]> {
    const canonical = (Object.keys(autotaskEntityRoutes) as AutotaskEntityName[]).find((entry) => entry.toLowerCase() === String(name).toLowerCase())
    if (canonical === undefined) {
      throw new ConfigurationError(
        `Autotask has no entity named ${String(name)}; see AutotaskEntityName for the list (the URL segment after /V1.0/).`,
        {
          vendor: 'autotask',
          option: 'entity',
        },
      )
    }
    let accessor = this.entities.get(canonical)
    if (!accessor) {
      accessor = new AutotaskEntity(this.connection, this.metadata, canonical, autotaskEntityRoutes[canonical])
      this.entities.set(canonical, accessor)
    }
    return accessor as AutotaskEntity<AutotaskEntityModels[Name]>
  }

  /** One page of a query on any entity. */
  query<Name extends AutotaskEntityName>(
    name: Name,
    query: AutotaskQuery = {},
    options: CallOptions = {},
  ): Promise<AutotaskQueryPage<AutotaskRecord<AutotaskEntityModels[Name]>>> {
    return this.entity(name).query(query, options)
  }

  /** Every matching record of any entity, paged by id. */
  queryAll<Name extends AutotaskEntityName>(
    name: Name,
    query: AutotaskQuery = {},
    options: AutotaskListOptions = {},
  ): Paginated<AutotaskRecord<AutotaskEntityModels[Name]>> {
    return this.entity(name).queryAll(query, options)
  }

  /** How many records of any entity match. */
  count(name: AutotaskEntityName, filter: readonly AutotaskFilter[] = [], options: CallOptions = {}): Promise<number> {
    return this.entity(name).count(filter, options)
  }

  /** Creates a record of any entity (child entities need `parentId` or their parent field). */
  create<Name extends AutotaskEntityName>(
    name: Name,
    record: AutotaskWrite<AutotaskEntityModels[Name]>,
    options: AutotaskWriteOptions = {},
  ): Promise<number> {
    return this.entity(name).create(record, options)
  }

  /** The tenant's zone (discovering it if needed). */
  zone(options: CallOptions = {}): Promise<AutotaskZone> {
    return this.connection.zone(options)
  }

  /**
   * The database's hourly threshold and how much of it is used, from `GET /ThresholdInformation`.
   * Also resyncs the shared hourly budget with it (the client does so by itself every
   * `thresholdResyncIntervalMs` while in use).
   */
  thresholdInformation(options: CallOptions = {}): Promise<AutotaskThresholdInformation> {
    return this.connection.thresholdInformation(options)
  }

  /** Requests counted against the hourly budget in the last rolling hour, as this process knows it. */
  async hourlyRequestsUsed(options: CallOptions = {}): Promise<number> {
    return (await this.connection.rateLimiter(options)).used('hourly')
  }

  /** `GET /Version`: the API build. */
  async version(options: CallOptions = {}): Promise<{ majorVersion?: number; minorVersion?: number; build?: number }> {
    return await this.request<{ majorVersion?: number; minorVersion?: number; build?: number }>({ method: 'GET', path: '/Version', ...options })
  }

  /** `GET /EntityInformation`: what every entity allows on this tenant. */
  async entityInformation(options: CallOptions = {}): Promise<unknown[]> {
    const data = await this.request<{ entityDescriptions?: unknown[] }>({ method: 'GET', path: '/EntityInformation', ...options })
    return data.entityDescriptions ?? []
  }

  /** `GET /Modules`: which product modules are active. */
  async modules(options: CallOptions = {}): Promise<{ key: number; value: boolean }[]> {
    const data = await this.request<{ modules?: { key: number; value: boolean }[] }>({ method: 'GET', path: '/Modules', ...options })
    return data.modules ?? []
  }

  /** Sends any request under the zone's `/V1.0`, with credentials, limits, retries and error classification; returns the body. */
  async request<T = unknown>(request: AutotaskRawRequest): Promise<T> {
    const response = await this.connection.send<T>(request)
    return response.data
  }

  /** Stops the client; later calls fail. Shared tenant limits stay for other clients. */
  async close(): Promise<void> {
    this.connection.close()
  }
}
