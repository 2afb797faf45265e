import { createHash } from 'node:crypto'
import { type CallOptions, registerSecret, UnsupportedOperationError } from '@ticketbridge/core'
import {
  createHttpTransport,
  type HttpMethod,
  type HttpResponse,
  type HttpResponseType,
  type HttpTransport,
  type QueryParameters,
  type RateLimiter,
} from '@ticketbridge/http'
import { type AttachmentByteBudget, sharedAttachmentByteBudget } from './autotask-attachment-budget'
import { attachmentBytesPerFiveMinutes, type ResolvedAutotaskClientSettings } from './autotask-client-settings'
import { autotaskEndpointOf, createAutotaskRateLimiter, hourlyBudgetName } from './autotask-rate-limiter'
import { type AutotaskThresholdInformation, autotaskThresholdInformationSchema, parseAutotaskResponse } from './autotask-schemas'
import { type AutotaskZone, discoverAutotaskZone, toZoneDiscoveryUrl, zoneFromUrl } from './autotask-zone'
import { createAutotaskErrorClassifier } from './autotask-classify-error'

/** One request to the zone's REST API. */
export interface AutotaskRequest extends CallOptions {
  method: HttpMethod
  /** Relative to the zone's `/ATServicesRest/V1.0`, such as `/Tickets/query`. */
  path?: string
  /** An absolute URL on the zone (a next-page link). */
  url?: string
  query?: QueryParameters
  body?: unknown
  /** Whether repeating the call is harmless; queries (POST) say so. Defaults by method. */
  idempotent?: boolean
  responseType?: HttpResponseType
  /**
   * Act as this resource for this call only (`ImpersonationResourceId`); `null` sends the call
   * as the API user even when the client impersonates by default.
   */
  impersonationResourceId?: number | null
}

/**
 * The connection of one AutotaskClient: the zone (discovered once, or given), the transport with
 * the credential headers, the rate limit shared per tenant, and the hourly-count resync. Every
 * part of the client sends through `send`.
 */
export class AutotaskConnection {
  private zonePromise: Promise<AutotaskZone> | undefined
  private transportPromise: Promise<{ transport: HttpTransport; zone: AutotaskZone; tenantKey: string }> | undefined
  private readonly discoveryTransport: HttpTransport
  private lastThresholdSync = Number.NEGATIVE_INFINITY
  private thresholdSync: Promise<AutotaskThresholdInformation> | undefined
  private closed = false

  constructor(readonly settings: ResolvedAutotaskClientSettings) {
    // Registered before anything is sent: a secret must never show, even in a construction error.
    registerSecret(settings.secret)
    registerSecret(settings.integrationCode)
    const discoveryUrl = toZoneDiscoveryUrl(settings.zoneDiscoveryUrl)
    // Zone discovery needs no credentials and is exempt from thread limits: a plain transport.
    this.discoveryTransport = createHttpTransport({
      vendor: 'autotask',
      baseUrl: new URL(discoveryUrl).origin,
      timeoutMs: settings.timeoutMs,
      // An unknown user comes back as HTTP 500 "Zone information could not be determined".
      classifyError: createAutotaskErrorClassifier(),
      ...this.sharedTransportOptions(),
    })
  }

  /** The zone, discovered on first use (or taken from `zoneUrl`). */
  zone(options: CallOptions = {}): Promise<AutotaskZone> {
    if (this.settings.zoneUrl !== undefined) {
      this.zonePromise ??= Promise.resolve(zoneFromUrl(this.settings.zoneUrl))
      return this.zonePromise
    }
    // Not memoised here: the process-wide cache shares one discovery, and a failed one is retried.
    return discoverAutotaskZone(this.discoveryTransport, toZoneDiscoveryUrl(this.settings.zoneDiscoveryUrl), this.settings.username, options)
  }

  /** The rate limiter of this tenant, once the zone is known. */
  async rateLimiter(options: CallOptions = {}): Promise<RateLimiter> {
    const { transport } = await this.ready(options)
    return transport.rateLimiter!
  }

  /** The tenant's attachment byte budget (10,000,000 bytes per 5 minutes). */
  async attachmentBudget(options: CallOptions = {}): Promise<AttachmentByteBudget> {
    const { tenantKey } = await this.ready(options)
    return sharedAttachmentByteBudget(tenantKey, { limitBytes: attachmentBytesPerFiveMinutes, windowMs: 300_000 })
  }

  /** Sends one request through the rate limit, with the credential headers; resolves to the response. */
  async send<T>(request: AutotaskRequest): Promise<HttpResponse<T>> {
    if (this.closed)
      throw new UnsupportedOperationError('calls after close()', { vendor: 'autotask', reason: 'this AutotaskClient was closed; create a new one' })
    const { transport } = await this.ready(request)
    this.maybeResyncThreshold()
    const impersonation = request.impersonationResourceId === undefined ? this.settings.impersonationResourceId : request.impersonationResourceId
    const target = request.url ?? request.path ?? '/'
    return transport.request<T>({
      method: request.method,
      ...(request.url !== undefined ? { url: request.url } : { path: request.path ?? '/' }),
      ...(request.query !== undefined ? { query: request.query } : {}),
      ...(request.body !== undefined ? { body: request.body } : {}),
      ...(request.idempotent !== undefined ? { idempotent: request.idempotent } : {}),
      ...(request.responseType !== undefined ? { responseType: request.responseType } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
      ...(request.timeoutMs !== undefined ? { timeoutMs: request.timeoutMs } : {}),
      headers: impersonation === undefined || impersonation === null ? {} : { ImpersonationResourceId: String(impersonation) },
      // Each endpoint is its own lane: Autotask's thread limit counts per endpoint.
      lane: autotaskEndpointOf(target),
    })
  }

  /**
   * Reads the database's hourly threshold and current count (`GET /ThresholdInformation`) and
   * resyncs the shared budget with them, so other integrations' use of the tenant counts too.
   */
  async thresholdInformation(options: CallOptions = {}): Promise<AutotaskThresholdInformation> {
    this.lastThresholdSync = Date.now()
    const { transport } = await this.ready(options)
    // The count is as of when Autotask answers; requests answered after we asked stay counted on top.
    const askedAt = Date.now()
    const response = await transport.request<unknown>({
      method: 'GET',
      path: '/ThresholdInformation',
      lane: 'ThresholdInformation',
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    })
    const information = parseAutotaskResponse(autotaskThresholdInformationSchema, response.data, 'GET /ThresholdInformation')
    const used = information.currentTimeframeRequestCount
    const limit = information.externalRequestThreshold
    if (typeof used === 'number' && Number.isInteger(used) && used >= 0) {
      const ownLimit = Math.min(
        this.settings.hourlyRequestLimit,
        typeof limit === 'number' && limit > 0 ? Math.floor(limit) : this.settings.hourlyRequestLimit,
      )
      transport.rateLimiter?.setUsage(hourlyBudgetName, used, { limit: ownLimit, asOf: askedAt })
      // Other integrations of the database used the hour up: calls now wait until the window
      // frees, which can take most of an hour. Said once per resync, at warn, not left silent.
      if (used >= ownLimit) {
        this.settings.logger?.warn('autotask hourly threshold reached: calls wait until the hour frees requests', {
          used,
          limit: ownLimit,
          ...(typeof information.requestThresholdTimeframe === 'number' ? { timeframeMinutes: information.requestThresholdTimeframe } : {}),
        })
      }
    }
    return information
  }

  /** Stops sending: later calls fail. Shared limits and caches stay for other clients of the tenant. */
  close(): void {
    this.closed = true
  }

  private maybeResyncThreshold(): void {
    const interval = this.settings.thresholdResyncIntervalMs
    if (interval === 0 || this.thresholdSync !== undefined || Date.now() - this.lastThresholdSync < interval) return
    this.thresholdSync = this.thresholdInformation().finally(() => {
      this.thresholdSync = undefined
    })
    // A failed resync only leaves the local count in charge until the next one.
    this.thresholdSync.catch((error: unknown) => {
      this.settings.logger?.warn('autotask threshold resync failed', {
        error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
      })
    })
  }

  private ready(options: CallOptions): Promise<{ transport: HttpTransport; zone: AutotaskZone; tenantKey: string }> {
    this.transportPromise ??= this.zone(options).then((zone) => this.createTransport(zone))
    const pending = this.transportPromise
    // A failed discovery (bad username, network) is tried again by the next call.
    pending.catch(() => {
      if (this.transportPromise === pending) this.transportPromise = undefined
    })
    return pending
  }

  private createTransport(zone: AutotaskZone): { transport: HttpTransport; zone: AutotaskZone; tenantKey: string } {
    const { settings } = this
    const origin = new URL(zone.apiBaseUrl).origin
    const tenantKey =
      settings.rateLimitKey ?? (zone.databaseId !== undefined ? `${origin}#${zone.databaseId}` : `${origin}#${settings.username.toLowerCase()}`)
    // Thread limits count per integration code; the code itself never goes into a key.
    const integrationKey = createHash('sha256').update(settings.integrationCode).digest('hex').slice(0, 16)
    const transport = createHttpTransport({
      vendor: 'autotask',
      baseUrl: zone.apiBaseUrl,
      timeoutMs: settings.timeoutMs,
      defaultHeaders: {
        ApiIntegrationCode: settings.integrationCode,
        UserName: settings.username,
        Secret: settings.secret,
        Accept: 'application/json',
      },
      secrets: [settings.secret, settings.integrationCode],
      classifyError: createAutotaskErrorClassifier(
        settings.retry?.maximumRetryAfterMs === undefined ? {} : { maximumRetryAfterMs: settings.retry.maximumRetryAfterMs },
      ),
      rateLimiter: createAutotaskRateLimiter({
        tenantKey,
        integrationKey,
        concurrencyPerEndpoint: settings.concurrencyPerEndpoint,
        hourlyRequestLimit: settings.hourlyRequestLimit,
        hourlyWindowMs: settings.hourlyWindowMs,
      }),
      ...this.sharedTransportOptions(),
    })
    return { transport, zone, tenantKey }
  }

  private sharedTransportOptions() {
    const { settings } = this
    return {
      ...(settings.axiosInstance ? { axiosInstance: settings.axiosInstance } : {}),
      ...(settings.retry ? { retry: settings.retry } : {}),
      ...(settings.logger ? { logger: settings.logger } : {}),
      ...(settings.logLevel ? { logLevel: settings.logLevel } : {}),
      ...(settings.onRateLimit ? { onRateLimit: settings.onRateLimit } : {}),
      ...(settings.onRetry ? { onRetry: settings.onRetry } : {}),
    }
  }
}
