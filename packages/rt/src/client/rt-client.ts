import { type CallOptions, ConfigurationError, parseSettings, registerSecret } from '@ticketbridge/core'
import {
  createHttpTransport,
  createRateLimiter,
  type HttpTransport,
  type HttpTransportOptions,
  type RateLimiter,
  type RateLimiterOptions,
  staticAuthentication,
} from '@ticketbridge/http'
import axios from 'axios'
import type { z } from 'zod'
import { Rest1Client } from './rest1/rt-rest1-client'
import { classifyRest1Response } from './rest1/rt-rest1-classify-error'
import { createRest1Session, type Rest1Session } from './rest1/rt-rest1-session'
import { Rest2Client } from './rest2/rt-rest2-client'
import { classifyRest2Response } from './rest2/rt-rest2-classify-error'
import { defaultRtRateLimiterOptions, type RtClientSettings, rtClientSettingsSchema } from './rt-client-settings'
import { checkRtRequiredSettings, namingRtVariable, rtClientEnvironmentNames, withRtEnvironment } from './rt-environment-settings'
import { canonicalTimeZone, fixedOffsetTimeZone } from './rt-time-zone'
import { createRtTimeZoneSource, discoverRtTimeZone } from './rt-time-zone-discovery'

const vendor = 'rt'

/**
 * The native Request Tracker client: both of RT's REST interfaces over one set of settings.
 *
 * - `client.rest2`: REST2 (`/REST/2.0/`, built into RT 5; JSON, real HTTP statuses, ETags).
 * - `client.rest1`: REST 1.0 (`/REST/1.0/`, every RT since 3.x; `key: value` forms, errors in
 *   HTTP 200 bodies), for servers without REST2.
 *
 * Authentication: a token is sent as `Authorization: token <token>` to both. A user name and
 * password are sent as HTTP basic authentication to REST2 and used to log in to REST 1.0 (a
 * session cookie, renewed on a 401), since REST 1.0 refuses basic authentication. Credentials
 * are registered as secrets: no error or log line shows them.
 *
 * Both interfaces share one rate limiter (they reach the same server): by default 4 concurrent
 * reads and 2 writes.
 *
 * Time zone: REST 1.0 writes ticket dates as wall time in the RT user's zone, and RT reads dates
 * in REST 1.0 forms and TicketSQL in it. Give it as `timeZone` (RT_TIMEZONE); otherwise the
 * client reads it from RT's preferences page the first time a date needs it (see
 * {@link RtClient.timeZone}). REST2's own dates are UTC and need none.
 *
 * @example
 * // RT_URL and RT_TOKEN (or RT_USER and RT_PASSWORD) set in the environment:
 * const client = new RtClient()
 * const page = await client.rest2.searchTickets("Queue = 'General' AND Status = '__Active__'", { orderBy: 'id', fields: ['Subject', 'Status'] })
 * const history = await client.rest1.getHistoryLong(12)
 */
export class RtClient {
  /** RT's web root, normalised (no trailing slash, no `/REST/…`). */
  readonly baseUrl: string
  readonly rest2: Rest2Client
  readonly rest1: Rest1Client
  /** The limiter both interfaces share. */
  readonly rateLimiter: RateLimiter
  readonly #rest1Session: Rest1Session | undefined

  /** Settings left out are read from RT_URL and RT_TOKEN (or RT_USER and RT_PASSWORD), at construction. */
  constructor(settings: RtClientSettings = {}) {
    const { environment = process.env, ...given } = settings
    const { settings: complete, fromEnvironment } = withRtEnvironment(given, environment, rtClientEnvironmentNames)
    let parsed: z.output<typeof rtClientSettingsSchema>
    try {
      checkRtRequiredSettings(complete, 'RT client settings')
      parsed = parseSettings(rtClientSettingsSchema, complete, { vendor, what: 'RT client settings' })
    } catch (error) {
      throw namingRtVariable(error, fromEnvironment)
    }
    this.baseUrl = normaliseRtBaseUrl(parsed.baseUrl)
    const { auth } = parsed
    if ('token' in auth) registerSecret(auth.token)
    else registerSecret(auth.password)

    this.rateLimiter =
      parsed.rateLimiter && typeof (parsed.rateLimiter as RateLimiter).schedule === 'function'
        ? (parsed.rateLimiter as RateLimiter)
        : createRateLimiter((parsed.rateLimiter as RateLimiterOptions | undefined) ?? defaultRtRateLimiterOptions)

    const common: Omit<HttpTransportOptions, 'baseUrl'> = {
      vendor,
      rateLimiter: this.rateLimiter,
      ...(parsed.timeoutMs !== undefined ? { timeoutMs: parsed.timeoutMs } : {}),
      ...(parsed.retry !== undefined ? { retry: parsed.retry } : {}),
      ...(parsed.onRateLimit ? { onRateLimit: parsed.onRateLimit } : {}),
      ...(parsed.onRetry ? { onRetry: parsed.onRetry } : {}),
      ...(parsed.logger ? { logger: parsed.logger } : {}),
      ...(parsed.logLevel ? { logLevel: parsed.logLevel } : {}),
      ...(parsed.axiosInstance ? { axiosInstance: parsed.axiosInstance } : {}),
      secrets: 'token' in auth ? [auth.token] : [auth.password],
      defaultHeaders: { 'User-Agent': 'ticketbridge-rt' },
    }

    const rest2Authorization =
      'token' in auth ? `token ${auth.token}` : `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}`
    registerSecret(rest2Authorization.slice(rest2Authorization.indexOf(' ') + 1))
    const rest2Transport = createHttpTransport({
      ...common,
      baseUrl: `${this.baseUrl}/REST/2.0`,
      // RT sends no WWW-Authenticate challenge: credentials go with every request (rt.md §3.4).
      authenticate: staticAuthentication({ Authorization: rest2Authorization }),
      classifyError: classifyRest2Response,
      defaultHeaders: { ...common.defaultHeaders, Accept: 'application/json' },
    })

    const rest1Base = `${this.baseUrl}/REST/1.0`
    // RT 5 answers an edit that changes nothing with an empty chunked body terminated twice
    // (`0\r\n\r\n0\r\n\r\n`). Node's http parser rejects the extra bytes even after the
    // response completed (HPE_CLOSED_CONNECTION); fetch (undici) accepts the answer. So REST 1.0
    // goes through axios's fetch adapter unless the caller brings an axios instance.
    const rest1Common = { ...common, axiosInstance: parsed.axiosInstance ?? axios.create({ adapter: 'fetch' }) }
    let rest1Transport: HttpTransport
    if ('token' in auth) {
      this.#rest1Session = undefined
      rest1Transport = createHttpTransport({
        ...rest1Common,
        baseUrl: rest1Base,
        authenticate: staticAuthentication({ Authorization: `token ${auth.token}` }),
        classifyError: classifyRest1Response,
      })
    } else {
      const loginTransport = createHttpTransport({ ...rest1Common, baseUrl: rest1Base, classifyError: classifyRest1Response })
      this.#rest1Session = createRest1Session(loginTransport, { username: auth.username, password: auth.password })
      rest1Transport = createHttpTransport({
        ...rest1Common,
        baseUrl: rest1Base,
        authenticate: this.#rest1Session,
        classifyError: classifyRest1Response,
      })
    }

    // RT's web pages (the time zone on the preferences page): the token works there, a REST session does not.
    const web = createHttpTransport({
      ...rest1Common,
      baseUrl: this.baseUrl,
      ...('token' in auth ? { authenticate: staticAuthentication({ Authorization: `token ${auth.token}` }) } : {}),
    })
    const configuredZone = parsed.timeZone
      ? canonicalTimeZone(parsed.timeZone)
      : parsed.rest1UtcOffsetMinutes !== undefined
        ? fixedOffsetTimeZone(parsed.rest1UtcOffsetMinutes)
        : undefined
    const timeZone = createRtTimeZoneSource(configuredZone, () =>
      discoverRtTimeZone({
        web,
        ...('token' in auth ? {} : { credentials: { username: auth.username, password: auth.password } }),
        ...(parsed.logger ? { logger: parsed.logger } : {}),
        ...(parsed.logLevel ? { logLevel: parsed.logLevel } : {}),
      }),
    )

    this.rest2 = new Rest2Client({ transport: rest2Transport })
    this.rest1 = new Rest1Client({ transport: rest1Transport, ...(this.#rest1Session ? { session: this.#rest1Session } : {}), timeZone })
  }

  /**
   * The time zone RT writes and reads local dates in for this client's user (REST 1.0 ticket
   * dates, dates in REST 1.0 forms and TicketSQL): `timeZone` when given, else read from RT
   * once, lazily: `GET /Prefs/AboutMe.html` (with a token; with a password after RT's web login),
   * where the user's own zone wins over the server's `$Timezone`. UTC, with one warning through
   * the logger, when RT's page cannot be read. An IANA name (`+05:30` for the deprecated
   * `rest1UtcOffsetMinutes`).
   */
  timeZone(options: CallOptions = {}): Promise<string> {
    return this.rest1.timeZone(options)
  }

  /** Ends the REST 1.0 session if one was opened (password authentication). The client stays usable. */
  async close(): Promise<void> {
    if (this.#rest1Session?.cookie) {
      try {
        await this.rest1.logout({ timeoutMs: 5000 })
      } catch {
        // Logging out is a courtesy; an unreachable server must not fail close().
      }
    }
  }
}

/**
 * RT's web root from what a user may paste: trailing slashes and a trailing `/REST/2.0` or
 * `/REST/1.0` are removed. Query strings and fragments are refused.
 */
export function normaliseRtBaseUrl(baseUrl: string): string {
  let parsed: URL
  try {
    parsed = new URL(baseUrl.trim())
  } catch {
    throw new ConfigurationError(`rt: baseUrl must be an absolute http(s) URL such as https://rt.example.com (RT's web root).`, {
      option: 'baseUrl',
      vendor,
    })
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ConfigurationError('rt: baseUrl must use http or https.', { option: 'baseUrl', vendor })
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    throw new ConfigurationError("rt: baseUrl must not have a query or fragment; give RT's web root.", { option: 'baseUrl', vendor })
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new ConfigurationError('rt: put credentials in auth, not in baseUrl.', { option: 'baseUrl', vendor })
  }
  const path = parsed.pathname.replace(/\/+$/, '').replace(/\/REST\/(1\.0|2\.0)$/i, '')
  return `${parsed.origin}${path}`
}
