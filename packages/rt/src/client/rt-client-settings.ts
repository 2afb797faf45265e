import type {
  LogLevel,
  RateLimiter,
  RateLimiterOptions,
  RetryPolicyOptions,
  TransportLogger,
  TransportRateLimitEvent,
  TransportRetryEvent,
} from '@ticketbridge/http'
import type { AxiosInstance } from 'axios'
import { z } from 'zod'
import { canonicalTimeZone } from './rt-time-zone'

/** An RT auth token (Settings → Auth Tokens), sent as `Authorization: token <token>`. */
export interface RtTokenAuth {
  token: string
}

/**
 * A user name and password: HTTP basic authentication on REST2, a session login (cookie) on
 * REST 1.0, which does not accept basic authentication.
 */
export interface RtPasswordAuth {
  username: string
  password: string
}

/** How the client authenticates. Tokens work on REST2 and REST 1.0 alike. */
export type RtAuth = RtTokenAuth | RtPasswordAuth

const isFunction = (value: unknown): boolean => typeof value === 'function'
const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null

const rtAuthSchema = z.union(
  [
    z.object({ token: z.string().trim().min(1, 'the token is empty') }).strict(),
    z.object({ username: z.string().trim().min(1, 'the user name is empty'), password: z.string().min(1, 'the password is empty') }).strict(),
  ],
  { error: 'give either { token } or { username, password }' },
)

/** Transport settings shared by the client and the adapter. */
export const rtTransportSettingsShape = {
  /** RT's web root, e.g. `https://rt.example.com` or `https://example.com/rt` (RT's `$WebBaseURL` + `$WebPath`). */
  baseUrl: z.string().trim().min(1, 'baseUrl is required'),
  auth: rtAuthSchema,
  /** Time limit of one attempt in milliseconds (default 30 000). */
  timeoutMs: z.number().int().positive().optional(),
  /** Retry policy (see @ticketbridge/http). */
  retry: z.custom<RetryPolicyOptions>(isObject, 'retry must be an object of retry settings').optional(),
  /**
   * A rate limiter shared with other clients of the same RT, or its settings. RT has no
   * published limits; by default each client caps itself at 4 concurrent reads and 2 writes,
   * which keeps a small RT (two Starlet workers) responsive.
   */
  rateLimiter: z.custom<RateLimiter | RateLimiterOptions>(isObject, 'rateLimiter must be a rate limiter or its settings').optional(),
  onRateLimit: z.custom<(event: TransportRateLimitEvent) => void>(isFunction, 'onRateLimit must be a function').optional(),
  onRetry: z.custom<(event: TransportRetryEvent) => void>(isFunction, 'onRetry must be a function').optional(),
  logger: z.custom<TransportLogger>(isObject, 'logger must have debug, info, warn and error methods').optional(),
  logLevel: z.enum(['off', 'error', 'warn', 'info', 'debug']).optional(),
  /** The axios instance to send with (tests). */
  axiosInstance: z.custom<AxiosInstance>(isFunction, 'axiosInstance must be an axios instance').optional(),
  /**
   * The RT user's time zone, an IANA name (`America/New_York`): REST 1.0 writes ticket dates in
   * it without a marker, and RT reads dates in REST 1.0 forms and TicketSQL in it. Left out, it
   * is read from RT once, when first needed (RT_TIMEZONE when set).
   */
  timeZone: z
    .string()
    .trim()
    .refine((zone) => canonicalTimeZone(zone) !== undefined, {
      error: (issue) => `'${String(issue.input)}' is not a time zone name this runtime knows; give an IANA name such as 'America/New_York' or 'UTC'`,
    })
    .optional(),
  /**
   * @deprecated The offset of the RT user's zone from UTC in minutes (east positive): a fixed
   * offset, an hour off half the year wherever clocks change. Give `timeZone`, which wins when
   * both are given.
   */
  rest1UtcOffsetMinutes: z
    .number()
    .int()
    .min(-14 * 60)
    .max(14 * 60)
    .optional(),
}

export const rtClientSettingsSchema = z.object(rtTransportSettingsShape).strict()

/**
 * Settings of {@link RtClient}. What they leave out is read from the environment: RT_URL for
 * `baseUrl`, RT_TOKEN (or RT_USER with RT_PASSWORD) for `auth`, RT_TIMEZONE for `timeZone`.
 * Given settings always win.
 */
export interface RtClientSettings {
  /** RT's web root, e.g. `https://rt.example.com` (a trailing `/REST/2.0` or `/REST/1.0` is removed); RT_URL when left out. */
  baseUrl?: string
  /** RT_TOKEN, or RT_USER with RT_PASSWORD, when left out. */
  auth?: RtAuth
  timeoutMs?: number
  retry?: RetryPolicyOptions
  rateLimiter?: RateLimiter | RateLimiterOptions
  onRateLimit?: (event: TransportRateLimitEvent) => void
  onRetry?: (event: TransportRetryEvent) => void
  logger?: TransportLogger
  logLevel?: LogLevel
  axiosInstance?: AxiosInstance
  /**
   * The RT user's time zone, an IANA name such as `America/New_York` (RT_TIMEZONE when left
   * out). REST 1.0 writes ticket dates in it without saying so, and RT reads the dates of REST 1.0
   * forms and TicketSQL in it. Left out everywhere, the client reads it from RT the first time a
   * date needs it (the user's own zone on RT's preferences page, else the server's `$Timezone`;
   * UTC, with one warning, when that page cannot be read).
   */
  timeZone?: string
  /** @deprecated A fixed offset in minutes east of UTC, wrong half the year where clocks change: give `timeZone` (which wins). */
  rest1UtcOffsetMinutes?: number
  /** Where settings left out are read from, when not `process.env` (read at construction); `{}` reads none. */
  environment?: NodeJS.ProcessEnv
}

/** Default lanes when no limiter is given: RT servers are often small (two workers). */
export const defaultRtRateLimiterOptions: RateLimiterOptions = {
  lanes: { read: { concurrency: 4 }, write: { concurrency: 2 } },
}
