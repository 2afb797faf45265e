import { ConfigurationError, UnsupportedOperationError } from '@ticketbridge/core'
import {
  createHttpTransport,
  getSharedRateLimiter,
  type HttpRequest,
  type HttpResponse,
  type HttpResponseType,
  type HttpTransport,
  type RateLimiter,
} from '@ticketbridge/http'
import { createHaloErrorClassifier, defaultRateLimitDelayMs } from './halo-classify-error'
import { createHaloAuthentication, type HaloAuthentication, type HaloTokenEndpoint } from './halo-authentication'
import {
  createHaloAuthorizationStart,
  type HaloAuthorizationStart,
  haloAuthorizeUrlOf,
  readHaloAuthorizationRedirect,
} from './halo-authorization-code'
import { type HaloClientSettings, resolveHaloClientSettings, type ResolvedHaloClientSettings } from './halo-client-settings'
import type { HaloCallOptions, HaloRequestContext } from './halo-collection'
import type { HaloBodyOf, HaloPathWith, HaloRawAnswer, HaloResponseOf } from './halo-openapi-types'
import { type HaloRawOptionsArgument, sendHaloRaw } from './halo-raw-api'
import { HaloActions } from './resources/halo-actions'
import { HaloAgents } from './resources/halo-agents'
import { HaloAssets } from './resources/halo-assets'
import { HaloAttachments } from './resources/halo-attachments'
import { HaloCategories } from './resources/halo-categories'
import { HaloClients } from './resources/halo-clients'
import { HaloCustomFields } from './resources/halo-custom-fields'
import { HaloLookups } from './resources/halo-lookups'
import { HaloKnowledgeBase } from './resources/halo-knowledge-base'
import { HaloOutcomes } from './resources/halo-outcomes'
import { HaloPriorities } from './resources/halo-priorities'
import { HaloSlas } from './resources/halo-slas'
import { HaloProjects } from './resources/halo-projects'
import { HaloSites } from './resources/halo-sites'
import { HaloStatuses } from './resources/halo-statuses'
import { HaloTeams } from './resources/halo-teams'
import { HaloTicketTypes } from './resources/halo-ticket-types'
import { HaloTickets } from './resources/halo-tickets'
import { HaloTimeEntries } from './resources/halo-time-entries'
import { HaloUsers } from './resources/halo-users'

/** Halo hosted: about 300 requests per rolling 5 minutes per instance (halo.md §6). */
export const haloDefaultRateLimit = { requests: 300, windowMs: 300_000, readConcurrency: 6, writeConcurrency: 3 } as const

/**
 * The native Halo client (HaloPSA, HaloITSM, HaloServiceDesk): Halo's own field names, every
 * resource an ITSM integration needs, and typed raw calls for the rest of the spec.
 *
 * Every request goes through one transport: an OAuth token cached per client and refreshed
 * single-flight, a request budget shared by all clients of the instance, retries of reads (and
 * of any call after a 429), and Halo's error answers mapped to ticketbridge's error classes.
 * No token, password or secret appears in a log line or an error.
 *
 * @example
 * // HALO_RESOURCE_URL, HALO_CLIENT_ID and HALO_CLIENT_SECRET set in the environment:
 * const client = new HaloClient()
 * for await (const ticket of client.tickets.list({ open_only: true })) console.log(ticket.id, ticket.summary)
 *
 * @example
 * const client = new HaloClient({ resourceUrl: 'https://acme.halopsa.com/api', authUrl: 'https://acme.halopsa.com/auth', clientId, clientSecret })
 */
export class HaloClient {
  /** The transport every call goes through (for advanced use: custom calls, its rate limiter). */
  readonly transport: HttpTransport
  /** The resource server, such as `https://acme.halopsa.com/api`. */
  readonly resourceUrl: string

  readonly tickets: HaloTickets
  readonly projects: HaloProjects
  readonly actions: HaloActions
  readonly attachments: HaloAttachments
  readonly timeEntries: HaloTimeEntries
  readonly ticketTypes: HaloTicketTypes
  readonly statuses: HaloStatuses
  readonly priorities: HaloPriorities
  readonly slas: HaloSlas
  readonly outcomes: HaloOutcomes
  readonly categories: HaloCategories
  /** Field definitions (`/FieldInfo`), custom fields included. */
  readonly customFields: HaloCustomFields
  /** Lookup values (`/Lookup`). */
  readonly lookups: HaloLookups
  /** End users (contacts). */
  readonly users: HaloUsers
  /** Customer organizations (`/Client`). */
  readonly clients: HaloClients
  readonly sites: HaloSites
  readonly agents: HaloAgents
  readonly teams: HaloTeams
  readonly assets: HaloAssets
  readonly knowledgeBase: HaloKnowledgeBase

  readonly #authentication: HaloAuthentication
  readonly #settings: ResolvedHaloClientSettings
  #closed = false

  /**
   * Checks the settings (ConfigurationError naming the option) and prepares the client; nothing is
   * sent yet. Settings left out are read from `HALO_*` variables (see {@link HaloClientSettings}).
   */
  constructor(settings: HaloClientSettings = {}) {
    const resolved = resolveHaloClientSettings(settings)
    this.#settings = resolved
    this.resourceUrl = resolved.location.resourceUrl
    const rateLimiter = haloRateLimiter(resolved)
    const retryPolicy = {
      ...(resolved.retry.maxRetries !== undefined ? { maxRetries: resolved.retry.maxRetries } : {}),
      ...(resolved.retry.baseDelayMs !== undefined ? { baseDelayMs: resolved.retry.baseDelayMs } : {}),
      ...(resolved.retry.maxDelayMs !== undefined ? { maxDelayMs: resolved.retry.maxDelayMs } : {}),
      ...(resolved.retry.maximumRetryAfterMs !== undefined ? { maximumRetryAfterMs: resolved.retry.maximumRetryAfterMs } : {}),
    }
    const shared = {
      vendor: 'halo',
      baseUrl: resolved.location.resourceUrl,
      timeoutMs: resolved.timeoutMs,
      retry: retryPolicy,
      defaultHeaders: { accept: 'application/json', ...resolved.defaultHeaders },
      classifyError: createHaloErrorClassifier({
        rateLimitDelayMs: resolved.retry.rateLimitDelayMs ?? rateLimitDelayFor(resolved),
        maximumRetryAfterMs: resolved.retry.maximumRetryAfterMs ?? 120_000,
      }),
      ...(rateLimiter ? { rateLimiter } : {}),
      ...(resolved.axiosInstance ? { axiosInstance: resolved.axiosInstance } : {}),
      ...(resolved.logger ? { logger: resolved.logger } : {}),
      ...(resolved.logLevel ? { logLevel: resolved.logLevel } : {}),
      ...(resolved.onRateLimit ? { onRateLimit: resolved.onRateLimit } : {}),
      ...(resolved.onRetry ? { onRetry: resolved.onRetry } : {}),
    }
    // Discovery (`/AuthInfo`) needs no token: its own transport, same budget.
    let discoveryTransport: HttpTransport | undefined
    this.#authentication = createHaloAuthentication({
      settings: resolved,
      resourceTransport: () => (discoveryTransport ??= createHttpTransport(shared)),
    })
    this.transport = createHttpTransport({ ...shared, authenticate: this.#authentication })

    const guarded: HttpTransport = this.#guard(this.transport)
    const context: HaloRequestContext = { transport: guarded, batchSize: resolved.batchSize }
    this.tickets = new HaloTickets(context)
    this.projects = new HaloProjects(context)
    this.actions = new HaloActions(context)
    this.attachments = new HaloAttachments(context)
    this.timeEntries = new HaloTimeEntries(this.actions)
    this.ticketTypes = new HaloTicketTypes(context)
    this.statuses = new HaloStatuses(context)
    this.priorities = new HaloPriorities(context)
    this.slas = new HaloSlas(context)
    this.outcomes = new HaloOutcomes(context)
    this.categories = new HaloCategories(context)
    this.customFields = new HaloCustomFields(context)
    this.lookups = new HaloLookups(context)
    this.users = new HaloUsers(context)
    this.clients = new HaloClients(context)
    this.sites = new HaloSites(context)
    this.agents = new HaloAgents(context)
    this.teams = new HaloTeams(context)
    this.assets = new HaloAssets(context)
    this.knowledgeBase = new HaloKnowledgeBase(context)
  }

  /** Which grant the client authenticates with. */
  get grant(): ResolvedHaloClientSettings['grant']['kind'] {
    return this.#settings.grant.kind
  }

  /** Fetches a token now (it is otherwise fetched on the first call) and resolves the token endpoint. */
  async authenticate(options: HaloCallOptions = {}): Promise<HaloTokenEndpoint> {
    const endpoint = await this.#authentication.endpoint(options.signal)
    await this.#authentication.getToken(options.signal ? { signal: options.signal } : {})
    return endpoint
  }

  /** The token endpoint and tenant in use: from the settings, or discovered from `/AuthInfo`. */
  tokenEndpoint(options: HaloCallOptions = {}): Promise<HaloTokenEndpoint> {
    return this.#authentication.endpoint(options.signal)
  }

  /**
   * Starts a person's sign-in in a browser (the authorization code grant with PKCE; needs
   * `clientId` and `redirectUri` in the settings): the address to open, and the state and code
   * verifier to keep until the browser comes back to `redirectUri`.
   *
   * @example
   * const client = new HaloClient({ instance: 'acme', clientId, redirectUri: 'http://127.0.0.1:8400/callback', onRefreshTokenIssued: save })
   * const start = await client.startAuthorization()
   * // open start.url; Halo sends the browser to http://127.0.0.1:8400/callback?code=…&state=…
   * await client.completeAuthorization(start, redirectedTo)
   */
  async startAuthorization(options: HaloCallOptions = {}): Promise<HaloAuthorizationStart> {
    const grant = this.#authorizationCodeGrant('startAuthorization')
    const endpoint = await this.#authentication.endpoint(options.signal)
    return createHaloAuthorizationStart({
      authorizeUrl: haloAuthorizeUrlOf(endpoint.tokenUrl),
      ...(endpoint.tenant !== undefined ? { tenant: endpoint.tenant } : {}),
      clientId: grant.clientId,
      redirectUri: grant.redirectUri,
      scope: this.#settings.scope,
    })
  }

  /**
   * Finishes a sign-in: checks that the address the browser came back to carries this sign-in's
   * state (AuthenticationError otherwise, or when Halo refused), redeems its code with the code
   * verifier, and keeps the token for the calls that follow. Resolves to the refresh token Halo
   * issued (also given to `onRefreshTokenIssued`), the person's sign-in to store.
   */
  async completeAuthorization(
    start: HaloAuthorizationStart,
    redirect: URL | string,
    options: HaloCallOptions = {},
  ): Promise<{ refreshToken?: string }> {
    const grant = this.#authorizationCodeGrant('completeAuthorization')
    if (start.redirectUri !== grant.redirectUri) {
      throw new ConfigurationError('completeAuthorization() got a sign-in started with another redirectUri than this client’s.', {
        vendor: 'halo',
        option: 'redirectUri',
      })
    }
    const code = readHaloAuthorizationRedirect(start, redirect)
    const refreshToken = await this.#authentication.redeemAuthorizationCode({ code, codeVerifier: start.codeVerifier }, options.signal)
    return refreshToken !== undefined ? { refreshToken } : {}
  }

  #authorizationCodeGrant(method: string): Extract<ResolvedHaloClientSettings['grant'], { kind: 'authorization_code' }> {
    const { grant } = this.#settings
    if (grant.kind !== 'authorization_code') {
      throw new ConfigurationError(`${method}() signs a person in: give clientId and redirectUri, without a secret, password or token.`, {
        vendor: 'halo',
        option: 'redirectUri',
      })
    }
    return grant
  }

  /**
   * `GET` any path of the spec, with its query and path parameters typed, and its answer typed
   * from the spec's schemas where they say what it is (`HaloResponseOf`; `unknown` otherwise).
   * A query key the spec does not list for the path is refused before anything is sent.
   *
   * @example
   * const ticket = await client.get('/Tickets/{id}', { params: { id: 4812 }, query: { includedetails: true } }) // Faults
   * const page = await client.get('/Tickets', { query: { pageinate: true, page_size: 50, page_no: 1 } }) // { record_count, tickets? }
   * const bytes = await client.get('/Attachment/{id}', { params: { id: 7 }, responseType: 'bytes' }) // Uint8Array
   */
  get<Path extends HaloPathWith<'get'>, As extends HttpResponseType = 'json'>(
    path: Path,
    ...[options]: HaloRawOptionsArgument<Path, 'get', As>
  ): Promise<HaloRawAnswer<HaloResponseOf<Path, 'get'>, As>> {
    return sendHaloRaw(this.#guard(this.transport), 'GET', path, undefined, options ?? {})
  }

  /**
   * `POST` any path of the spec with its typed body (most bodies are arrays: Halo upserts). A
   * collection's upsert answers the saved record for one, the array for several.
   *
   * @example
   * const saved = await client.post('/Tags', [{ text: 'vip' }]) // Tag | Tag[]
   */
  post<Path extends HaloPathWith<'post'>, As extends HttpResponseType = 'json'>(
    path: Path,
    body: HaloBodyOf<Path, 'post'>,
    ...[options]: HaloRawOptionsArgument<Path, 'post', As>
  ): Promise<HaloRawAnswer<HaloResponseOf<Path, 'post'>, As>> {
    return sendHaloRaw(this.#guard(this.transport), 'POST', path, body, options ?? {})
  }

  /** `DELETE` any path of the spec (Halo's answer to a delete is not documented: `unknown`). */
  delete<Path extends HaloPathWith<'delete'>, As extends HttpResponseType = 'json'>(
    path: Path,
    ...[options]: HaloRawOptionsArgument<Path, 'delete', As>
  ): Promise<HaloRawAnswer<HaloResponseOf<Path, 'delete'>, As>> {
    return sendHaloRaw(this.#guard(this.transport), 'DELETE', path, undefined, options ?? {})
  }

  /** Any call at all, untyped: for paths a newer Halo build has and this spec lacks. */
  request<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>> {
    return this.#guard(this.transport).request<T>(request)
  }

  /** Forgets the token; later calls fail. The instance's shared request budget stays for other clients. */
  async close(): Promise<void> {
    this.#closed = true
    this.#authentication.invalidate()
  }

  /** A view of the transport that refuses calls after `close()`. */
  #guard(transport: HttpTransport): HttpTransport {
    const check = (): void => {
      if (this.#closed) throw new UnsupportedOperationError('calls after close()', { vendor: 'halo' })
    }
    return {
      vendor: transport.vendor,
      baseUrl: transport.baseUrl,
      rateLimiter: transport.rateLimiter,
      request: async (request) => (check(), transport.request(request)),
      get: async (path, options) => (check(), transport.get(path, options)),
      post: async (path, body, options) => (check(), transport.post(path, body, options)),
      put: async (path, body, options) => (check(), transport.put(path, body, options)),
      patch: async (path, body, options) => (check(), transport.patch(path, body, options)),
      delete: async (path, options) => (check(), transport.delete(path, options)),
    }
  }
}

/**
 * How long to wait after a 429 without Retry-After: a tenth to a fifth of the configured window
 * (30 to 60 s for Halo's 5 minutes), so an instance configured with another window is not left
 * waiting a minute for a window of seconds.
 */
function rateLimitDelayFor(settings: ResolvedHaloClientSettings): { min: number; max: number } {
  if (settings.rateLimit === false || settings.rateLimit.windowMs === undefined) return defaultRateLimitDelayMs
  const windowMs = settings.rateLimit.windowMs
  return { min: Math.round(windowMs / 10), max: Math.round(windowMs / 5) }
}

/** The budget of the instance, shared by every client of it in this process (halo.md §6). */
function haloRateLimiter(settings: ResolvedHaloClientSettings): RateLimiter | undefined {
  if (settings.rateLimit === false) return undefined
  const requests = settings.rateLimit.requests ?? haloDefaultRateLimit.requests
  const windowMs = settings.rateLimit.windowMs ?? haloDefaultRateLimit.windowMs
  const readConcurrency = settings.rateLimit.readConcurrency ?? haloDefaultRateLimit.readConcurrency
  const writeConcurrency = settings.rateLimit.writeConcurrency ?? haloDefaultRateLimit.writeConcurrency
  // Clients that disagree on the budget do not share one: the first caller's options would win.
  const key =
    settings.rateLimit.key ?? `halo:${new URL(settings.location.resourceUrl).origin}:${requests}/${windowMs}:${readConcurrency}/${writeConcurrency}`
  return getSharedRateLimiter(key, {
    lanes: { read: { concurrency: readConcurrency }, write: { concurrency: writeConcurrency } },
    budgets: [{ name: 'rolling-window', limit: requests, windowMs }],
  })
}
