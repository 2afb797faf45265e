import { ConfigurationError, parseSettings, absoluteHttpUrlSchema } from '@ticketbridge/core'
import type { LogLevel, RetryPolicyOptions, TransportLogger, TransportRateLimitEvent, TransportRetryEvent } from '@ticketbridge/http'
import type { AxiosInstance } from 'axios'
import { z } from 'zod'
import { haloClientEnvironmentNames, haloSetOrPass, namingHaloVariable, withHaloEnvironment } from './halo-environment-settings'

const credential = z.string().trim().min(1, 'must not be empty')

const haloClientSettingsSchema = z
  .object({
    // Where the instance is: one of resourceUrl, instance or baseUrl.
    resourceUrl: absoluteHttpUrlSchema.optional(),
    authUrl: absoluteHttpUrlSchema.optional(),
    tenant: z.string().trim().min(1, 'must not be empty').optional(),
    instance: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9.-]*$/i, 'must be the instance name (acme) or its host name (acme.haloitsm.com), without https:// or a path')
      .optional(),
    baseUrl: absoluteHttpUrlSchema.optional(),

    // How to authenticate.
    clientId: credential.optional(),
    clientSecret: credential.optional(),
    username: credential.optional(),
    password: z.string().min(1, 'must not be empty').optional(),
    accessToken: credential.optional(),
    refreshToken: credential.optional(),
    accessTokenExpiresAt: z.union([z.date(), z.iso.datetime({ offset: true })]).optional(),
    redirectUri: absoluteHttpUrlSchema.optional(),
    onRefreshTokenIssued: z
      .custom<(refreshToken: string) => void | Promise<void>>((value) => typeof value === 'function', 'must be a function')
      .optional(),
    scopes: z
      .union([z.string().trim().min(1, 'must not be empty'), z.array(z.string().trim().min(1)).min(1, 'must name at least one scope')])
      .default('all'),

    // How to send.
    timeoutMs: z.number().int().positive().default(30_000),
    retry: z
      .object({
        maxRetries: z.number().int().min(0).max(20),
        baseDelayMs: z.number().nonnegative(),
        maxDelayMs: z.number().positive(),
        maximumRetryAfterMs: z.number().positive(),
        rateLimitDelayMs: z
          .object({ min: z.number().nonnegative(), max: z.number().nonnegative() })
          .refine((range) => range.max >= range.min, 'max must be at least min'),
      })
      .partial()
      .default({}),
    rateLimit: z
      .union([
        z.literal(false),
        z
          .object({
            requests: z.number().int().positive(),
            windowMs: z.number().int().positive(),
            readConcurrency: z.number().int().positive(),
            writeConcurrency: z.number().int().positive(),
            key: z.string().min(1),
          })
          .partial(),
      ])
      .default({}),
    defaultHeaders: z.record(z.string(), z.string()).default({}),
    logger: z
      .custom<TransportLogger>(
        (value) =>
          typeof value === 'object' &&
          value !== null &&
          ['debug', 'info', 'warn', 'error'].every((level) => typeof (value as Record<string, unknown>)[level] === 'function'),
        'must have debug, info, warn and error functions',
      )
      .optional(),
    logLevel: z.enum(['off', 'error', 'warn', 'info', 'debug']).optional(),
    axiosInstance: z
      .custom<AxiosInstance>((value) => typeof value === 'function' || (typeof value === 'object' && value !== null), 'must be an axios instance')
      .optional(),
    onRateLimit: z.custom<(event: TransportRateLimitEvent) => void>((value) => typeof value === 'function', 'must be a function').optional(),
    onRetry: z.custom<(event: TransportRetryEvent) => void>((value) => typeof value === 'function', 'must be a function').optional(),
    /** Records per POST when creating or updating many at once. */
    batchSize: z.number().int().min(1).max(100).default(100),
    /** Epoch milliseconds; tests inject a clock for token expiry. */
    now: z.custom<() => number>((value) => typeof value === 'function', 'must be a function').optional(),
  })
  .strict()

/**
 * Settings of {@link HaloClient}, as the caller writes them. What they leave out is read from the
 * environment: HALO_RESOURCE_URL, HALO_INSTANCE or HALO_BASE_URL, HALO_AUTH_URL, HALO_TENANT,
 * HALO_CLIENT_ID, HALO_CLIENT_SECRET, HALO_USERNAME, HALO_PASSWORD, HALO_SCOPES and
 * HALO_REQUESTS_PER_5_MINUTES. Given settings always win; settings that say where the instance is
 * take none of the location variables, and an access token, refresh token or redirect address
 * takes none of HALO_CLIENT_SECRET, HALO_USERNAME and HALO_PASSWORD.
 */
export interface HaloClientSettings {
  /**
   * The resource server, ending in `/api`: `https://acme.halopsa.com/api`. Shown in Halo under
   * Configuration > Integrations > Halo API > API Details. Give this, `instance` or `baseUrl`
   * (or HALO_RESOURCE_URL, HALO_INSTANCE or HALO_BASE_URL).
   */
  resourceUrl?: string
  /**
   * The authorisation server; the token endpoint is `{authUrl}/token` (a URL already ending in
   * `/token` is used as it is). Hosted instances may use another host, such as
   * `https://auth.haloservicedesk.com`. Without it the client asks `{resource}/AuthInfo` and
   * falls back to `{host}/auth` only when the instance does not answer that.
   */
  authUrl?: string
  /** The tenant name of a Halo-hosted instance, sent as `?tenant=` to the token endpoint. */
  tenant?: string
  /** A Halo-hosted instance: its name (`acme`, meaning acme.halopsa.com) or host (`acme.haloitsm.com`). */
  instance?: string
  /** An on-premises installation's address, such as `https://halo.example.com`; `/api` is added. */
  baseUrl?: string

  /** The API application's client id (a GUID). */
  clientId?: string
  /** With `clientId`: the client credentials grant. Also sent with the password grant when set. */
  clientSecret?: string
  /** With `clientId` and `password`: the password grant (an application using "Username & Password"). */
  username?: string
  password?: string
  /** An access token obtained elsewhere; used as it is until it expires or is refused. */
  accessToken?: string
  /**
   * With `accessToken`: renews it (needs `clientId`). Alone, with `clientId`: the refresh token
   * grant, a person's stored sign-in (see `redirectUri`); Halo may answer each refresh with a new
   * refresh token, handed to `onRefreshTokenIssued`.
   */
  refreshToken?: string
  /** When `accessToken` expires; without it, it is used until Halo refuses it. */
  accessTokenExpiresAt?: Date | string
  /**
   * With `clientId` (and no secret, password or token): a person signs in in a browser, the
   * authorization code grant with PKCE. Halo sends the browser back here, usually a loopback
   * address such as `http://127.0.0.1:8400/callback`; it must be registered on the application.
   * See `HaloClient.startAuthorization` and `completeAuthorization`.
   */
  redirectUri?: string
  /**
   * Called with every refresh token Halo issues (a sign-in, or a refresh that replaced the old
   * one), so a caller can store it for the next run: a refresh token used once may not work
   * again. Waited for; what it throws is logged, not thrown, since the new token works either way.
   */
  onRefreshTokenIssued?: (refreshToken: string) => void | Promise<void>
  /** Scopes to ask for, space-separated or as a list. Defaults to `all`. */
  scopes?: string | string[]

  /** Time limit of one attempt, in milliseconds. Defaults to 30 000. */
  timeoutMs?: number
  /**
   * Retries of reads on network errors, timeouts and 5xx, and of every call on 429. Halo sends
   * no Retry-After, so a 429 without one waits `rateLimitDelayMs` (30 to 60 s, jittered).
   */
  retry?: Pick<RetryPolicyOptions, 'maxRetries' | 'baseDelayMs' | 'maxDelayMs' | 'maximumRetryAfterMs'> & {
    rateLimitDelayMs?: { min: number; max: number }
  }
  /**
   * The request budget shared by every client of one instance in this process. Defaults to
   * 300 requests per rolling 5 minutes (Halo hosted), 6 reads and 3 writes at once. `false`
   * turns it off (on-premises instances without a limit).
   */
  rateLimit?: false | { requests?: number; windowMs?: number; readConcurrency?: number; writeConcurrency?: number; key?: string }
  /** Sent with every request to the resource server. */
  defaultHeaders?: Record<string, string>
  /** Receives redacted log lines. */
  logger?: TransportLogger
  /** Defaults to `info` when a logger is given. */
  logLevel?: LogLevel
  /** The axios instance to send with (tests, proxies, custom agents). */
  axiosInstance?: AxiosInstance
  /** Called when a call waits for the budget or Halo answered 429. */
  onRateLimit?: (event: TransportRateLimitEvent) => void
  /** Called before each retry wait. */
  onRetry?: (event: TransportRetryEvent) => void
  /** Records per POST when creating or updating many at once (at most 100). Defaults to 100. */
  batchSize?: number
  /** Epoch milliseconds; tests inject a clock for token expiry. */
  now?: () => number
  /** Where settings left out are read from, when not `process.env` (read at construction); `{}` reads none. */
  environment?: NodeJS.ProcessEnv
}

/** How the client obtains its access token. */
export type HaloGrant =
  | { kind: 'client_credentials'; clientId: string; clientSecret: string }
  | { kind: 'password'; clientId: string; clientSecret?: string; username: string; password: string }
  | { kind: 'token'; accessToken: string; refreshToken?: string; clientId?: string; clientSecret?: string; expiresAt?: number }
  | { kind: 'authorization_code'; clientId: string; clientSecret?: string; redirectUri: string }
  | { kind: 'refresh_token'; clientId: string; clientSecret?: string; refreshToken: string }

/** Where the instance is: the resource server, and the authorisation server when known. */
export interface HaloLocation {
  /** The resource server without a trailing slash, such as `https://acme.halopsa.com/api`. */
  resourceUrl: string
  /** The token endpoint, when given; otherwise discovered. */
  tokenUrl?: string
  /** Where to look when the token endpoint is not given: the host's `/auth`. */
  fallbackAuthUrl: string
  tenant?: string
  /** A tenant to use when neither the settings nor discovery name one (a hosted instance's name). */
  fallbackTenant?: string
}

/** Settings after validation, with the location and grant resolved. */
export type ResolvedHaloClientSettings = Omit<z.output<typeof haloClientSettingsSchema>, 'scopes'> & {
  scope: string
  grant: HaloGrant
  location: HaloLocation
}

/**
 * Checks the settings and resolves where the instance is and how to authenticate. Throws a
 * ConfigurationError naming the option at fault.
 */
export function resolveHaloClientSettings(settings: HaloClientSettings = {}): ResolvedHaloClientSettings {
  if (typeof settings !== 'object' || settings === null) {
    throw new ConfigurationError('Halo settings must be an object such as { resourceUrl, authUrl, clientId, clientSecret }.', { vendor: 'halo' })
  }
  const { environment = process.env, ...given } = settings
  const known = [...Object.keys(haloClientSettingsSchema.shape), 'environment']
  for (const key of Object.keys(given)) {
    if (known.includes(key)) continue
    const near = closestName(key, known)
    fail(key, `is not a Halo client setting${near ? `; did you mean ${near}?` : '.'}`)
  }
  const { settings: complete, fromEnvironment } = withHaloEnvironment(given, environment, haloClientEnvironmentNames)
  try {
    checkCredentialTexts(complete)
    const parsed = parseSettings(haloClientSettingsSchema, complete, { vendor: 'halo', what: 'Halo client settings' })
    const { scopes, ...rest } = parsed
    const scope = (Array.isArray(scopes) ? scopes : scopes.split(/\s+/)).filter(Boolean).join(' ')
    return { ...rest, scope, grant: resolveGrant(parsed), location: resolveLocation(parsed) }
  } catch (error) {
    throw namingHaloVariable(error, fromEnvironment)
  }
}

/** The known name nearest to a mistyped one (at most a third of its letters apart), if any. */
function closestName(typed: string, names: readonly string[]): string | undefined {
  const distance = (left: string, right: string): number => {
    const previous = Array.from({ length: right.length + 1 }, (_, index) => index)
    for (let row = 1; row <= left.length; row++) {
      let diagonal = previous[0]!
      previous[0] = row
      for (let column = 1; column <= right.length; column++) {
        const above = previous[column]!
        previous[column] = Math.min(above + 1, previous[column - 1]! + 1, diagonal + (left[row - 1] === right[column - 1] ? 0 : 1))
        diagonal = above
      }
    }
    return previous[right.length]!
  }
  let best: { name: string; distance: number } | undefined
  for (const name of names) {
    const measured = distance(typed.toLowerCase(), name.toLowerCase())
    if (measured <= Math.max(1, Math.floor(name.length / 3)) && (!best || measured < best.distance)) best = { name, distance: measured }
  }
  return best?.name
}

/**
 * The option goes in parentheses, not before a colon: every error message is redacted, and
 * `clientSecret: …` (or `password: …`) reads to the redactor as a credential pair, so the words
 * after it would be erased and the message would no longer say what to set.
 */
function fail(option: string, message: string): never {
  throw new ConfigurationError(`Invalid Halo client settings (${option}): ${message}`, { vendor: 'halo', option })
}

const credentialOptions = ['clientId', 'clientSecret', 'username', 'password', 'accessToken', 'refreshToken'] as const

/**
 * Empty or non-text credentials, refused before the schema: its messages (`clientSecret: must not
 * be empty`) come out as `name: text` pairs, which redaction erases.
 */
function checkCredentialTexts(settings: HaloClientSettings): void {
  for (const option of credentialOptions) {
    const value: unknown = settings[option]
    if (value === undefined) continue
    if (typeof value !== 'string') fail(option, `must be text, not ${value === null ? 'null' : typeof value}.`)
    if (value.trim() === '') fail(option, 'is empty; leave it out or give a value.')
  }
}

function resolveGrant(settings: z.output<typeof haloClientSettingsSchema>): HaloGrant {
  const { clientId, clientSecret, username, password, accessToken, refreshToken, redirectUri } = settings
  const secret = clientSecret !== undefined ? { clientSecret } : {}
  if (accessToken !== undefined) {
    if (username !== undefined || password !== undefined) fail('accessToken', 'give an access token or a username and password, not both.')
    if (refreshToken !== undefined && clientId === undefined) fail('clientId', 'refreshing the access token needs the application’s clientId.')
    const expiresAt = settings.accessTokenExpiresAt === undefined ? undefined : new Date(settings.accessTokenExpiresAt).getTime()
    return {
      kind: 'token',
      accessToken,
      ...(refreshToken !== undefined ? { refreshToken } : {}),
      ...(clientId !== undefined ? { clientId } : {}),
      ...(clientSecret !== undefined ? { clientSecret } : {}),
      ...(expiresAt !== undefined ? { expiresAt } : {}),
    }
  }
  if (refreshToken !== undefined) {
    if (username !== undefined || password !== undefined) fail('refreshToken', 'give a refresh token or a username and password, not both.')
    if (clientId === undefined) fail('clientId', 'the refresh token grant needs the clientId of the application the person signed in with.')
    return { kind: 'refresh_token', clientId, refreshToken, ...secret }
  }
  if (redirectUri !== undefined) {
    if (username !== undefined || password !== undefined)
      fail('redirectUri', 'a person signs in either in a browser (redirectUri) or with username and password, not both.')
    if (clientId === undefined) fail('clientId', 'signing a person in needs the API application’s clientId.')
    return { kind: 'authorization_code', clientId, redirectUri, ...secret }
  }
  if (username !== undefined || password !== undefined) {
    if (username === undefined) fail('username', `the password grant needs username as well as password. ${capitalised(haloSetOrPass('username'))}.`)
    if (password === undefined) fail('password', `the password grant needs password as well as username. ${capitalised(haloSetOrPass('password'))}.`)
    if (clientId === undefined)
      fail('clientId', `the password grant needs the API application’s clientId. ${capitalised(haloSetOrPass('clientId'))}.`)
    return { kind: 'password', clientId, username, password, ...secret }
  }
  if (clientId === undefined) {
    fail(
      'clientId',
      `${haloSetOrPass('clientId')}, with clientSecret or HALO_CLIENT_SECRET (client credentials), with username and password or HALO_USERNAME and HALO_PASSWORD (password grant), with refreshToken (a person’s stored sign-in) or with redirectUri (a person signs in in a browser); or pass accessToken.`,
    )
  }
  if (clientSecret === undefined) {
    fail(
      'clientSecret',
      `Halo needs a client secret for the client credentials grant. ${capitalised(haloSetOrPass('clientSecret'))}, or sign in as a person instead: username and password (HALO_USERNAME and HALO_PASSWORD), refreshToken from an earlier sign-in, or redirectUri to sign in in a browser.`,
    )
  }
  return { kind: 'client_credentials', clientId, clientSecret }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '')
}

function resolveLocation(settings: z.output<typeof haloClientSettingsSchema>): HaloLocation {
  const given = (['resourceUrl', 'instance', 'baseUrl'] as const).filter((option) => settings[option] !== undefined)
  if (given.length === 0) {
    fail(
      'resourceUrl',
      'say where the instance is: set HALO_RESOURCE_URL, HALO_INSTANCE or HALO_BASE_URL, or pass resourceUrl (https://acme.halopsa.com/api), instance (acme) or baseUrl (https://halo.example.com).',
    )
  }
  if (given.length > 1) fail(given[1]!, `give only one of resourceUrl, instance and baseUrl (got ${given.join(' and ')}).`)

  let resourceUrl: string
  let fallbackTenant: string | undefined
  if (settings.resourceUrl !== undefined) {
    const parsed = new URL(settings.resourceUrl)
    if (parsed.search || parsed.hash) fail('resourceUrl', 'must not have a query or fragment.')
    resourceUrl = withoutTrailingSlash(`${parsed.origin}${parsed.pathname}`)
  } else if (settings.instance !== undefined) {
    const isName = !settings.instance.includes('.')
    const host = isName ? `${settings.instance.toLowerCase()}.halopsa.com` : settings.instance.toLowerCase()
    resourceUrl = `https://${host}/api`
    if (isName) fallbackTenant = settings.instance.toLowerCase()
  } else {
    const parsed = new URL(settings.baseUrl!)
    if (parsed.search || parsed.hash) fail('baseUrl', 'must not have a query or fragment.')
    const base = withoutTrailingSlash(`${parsed.origin}${parsed.pathname}`)
    resourceUrl = /\/api$/i.test(base) ? base : `${base}/api`
  }

  const host = resourceUrl.replace(/\/api$/i, '')
  let tokenUrl: string | undefined
  if (settings.authUrl !== undefined) {
    const parsed = new URL(settings.authUrl)
    if (parsed.hash) fail('authUrl', 'must not have a fragment.')
    if (parsed.searchParams.has('tenant') && settings.tenant === undefined) {
      // A token URL copied with its tenant: keep the tenant, drop it from the URL.
      fallbackTenant = parsed.searchParams.get('tenant') ?? fallbackTenant
    }
    const path = withoutTrailingSlash(parsed.pathname)
    tokenUrl = /\/token$/i.test(path) ? `${parsed.origin}${path}` : `${parsed.origin}${path}/token`
  }
  return {
    resourceUrl,
    ...(tokenUrl !== undefined ? { tokenUrl } : {}),
    fallbackAuthUrl: `${host}/auth`,
    ...(settings.tenant !== undefined ? { tenant: settings.tenant } : {}),
    ...(fallbackTenant !== undefined ? { fallbackTenant } : {}),
  }
}
