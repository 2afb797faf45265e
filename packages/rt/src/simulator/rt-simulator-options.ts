import { randomBytes } from 'node:crypto'
import { ConfigurationError } from '@ticketbridge/core'
import type { RtFault } from './rt-faults'

/** Time as the simulator sees it; inject one to control the dates RT records. */
export interface RtSimulatorClock {
  /** Epoch milliseconds. */
  now(): number
}

/** The accounts the simulator accepts (start-rt's, unless overridden). */
export interface RtSimulatorCredentials {
  /** The superuser's name (start-rt: `root`). */
  user: string
  password: string
  /** An auth token for the superuser: `1-14-<32 hex digits>`, RT's format for user 14. */
  token: string
  /** A privileged user without any rights (start-rt: `guest`), for permission errors. */
  guestUser: string
  guestPassword: string
}

/** Options of `createRtSimulator`. Every field is optional. */
export interface RtSimulatorOptions {
  /**
   * Tickets to create on top of start-rt's fresh state (queue General, users root and guest,
   * custom fields Severity and External ID). Default 0, so ids start where a fresh RT's do.
   */
  seed?: { tickets?: number; marker?: string }
  /** Added to every answer, in milliseconds. Default 0. */
  latencyMs?: number
  /** Faults to play on the first requests, in order. */
  faults?: RtFault[]
  /** Source of the current time. Default: the system clock. */
  clock?: RtSimulatorClock
  /**
   * RT's `$WebBaseURL`, the origin every REST2 `_url` is built from (`http://127.0.0.1:9080`).
   * Default: the origin each request was sent to, which is the served URL under `serve()`.
   */
  baseUrl?: string
  /** Override the accepted credentials; the token defaults to a fresh random one. */
  credentials?: Partial<RtSimulatorCredentials>
  /**
   * Play an RT with full-text search (`%FullTextSearch`): TicketSQL `Content LIKE 'x'` then
   * searches message text. Default false, like start-rt's RT, where `Content` matches nothing.
   */
  fullTextSearch?: boolean
  /**
   * Play an RT that keeps a `Created` given to REST2's `POST /ticket`, as Debian's
   * request-tracker5 did up to 5.0.3+dfsg-3~deb12u6. Default false, like start-rt's RT
   * (deb12u7), which records the time of the request whatever `Created` says.
   */
  keepsCreatedOnCreate?: boolean
  /**
   * RT's `$Timezone` (an IANA name such as `America/New_York`): REST 1.0 shows ticket dates in it
   * and reads dates given to it in it, for users who chose no zone of their own (a user's
   * `Timezone`, settable through REST2). Its preferences page (`/Prefs/AboutMe.html`) shows it.
   * Default `UTC`, as start-rt sets it.
   */
  timeZone?: string
}

/** Options with every default filled in. */
export interface ResolvedRtSimulatorOptions {
  seedTickets: number
  seedMarker: string
  latencyMs: number
  faults: RtFault[]
  clock: RtSimulatorClock
  baseUrl: string | undefined
  credentials: RtSimulatorCredentials
  fullTextSearch: boolean
  keepsCreatedOnCreate: boolean
  timeZone: string
}

const systemClock: RtSimulatorClock = { now: () => Date.now() }

function wholeNumber(value: number | undefined, fallback: number, option: string): number {
  if (value === undefined) return fallback
  if (!Number.isInteger(value) || value < 0) {
    throw new ConfigurationError(`RT simulator option ${option} must be a whole number of at least 0; got ${String(value)}.`, { option })
  }
  return value
}

function name(value: string | undefined, fallback: string, option: string): string {
  if (value === undefined) return fallback
  if (!/^[\w.@-]+$/.test(value))
    throw new ConfigurationError(`RT simulator option ${option} must be a plain user name such as 'root'; got '${value}'.`, { option })
  return value
}

function timeZone(value: string | undefined): string {
  if (value === undefined) return 'UTC'
  try {
    if (!/^[A-Za-z]/.test(value)) throw new RangeError(value)
    return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone
  } catch {
    throw new ConfigurationError(`RT simulator option timeZone must be an IANA time zone name such as 'America/New_York'; got '${value}'.`, {
      option: 'timeZone',
    })
  }
}

/** Fills in defaults and refuses nonsensical values with a ConfigurationError naming the option. */
export function resolveRtSimulatorOptions(options: RtSimulatorOptions = {}): ResolvedRtSimulatorOptions {
  let baseUrl: string | undefined
  if (options.baseUrl !== undefined) {
    let parsed: URL
    try {
      parsed = new URL(options.baseUrl)
    } catch {
      throw new ConfigurationError(
        `RT simulator option baseUrl must be an absolute http(s) URL such as 'http://127.0.0.1:9080'; got '${options.baseUrl}'.`,
        { option: 'baseUrl' },
      )
    }
    if (!/^https?:$/.test(parsed.protocol)) {
      throw new ConfigurationError(`RT simulator option baseUrl must use http or https; got '${options.baseUrl}'.`, { option: 'baseUrl' })
    }
    baseUrl = `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`
  }
  const token = options.credentials?.token ?? `1-14-${randomBytes(16).toString('hex')}`
  if (!/^1-14-[0-9a-f]{32}$/.test(token)) {
    throw new ConfigurationError("RT simulator option credentials.token must look like RT's '1-14-<32 hex digits>' (a token of user 14, root).", {
      option: 'credentials.token',
    })
  }
  return {
    seedTickets: wholeNumber(options.seed?.tickets, 0, 'seed.tickets'),
    seedMarker: options.seed?.marker ?? 'seeded',
    latencyMs: wholeNumber(options.latencyMs, 0, 'latencyMs'),
    faults: options.faults ?? [],
    clock: options.clock ?? systemClock,
    baseUrl,
    fullTextSearch: options.fullTextSearch ?? false,
    keepsCreatedOnCreate: options.keepsCreatedOnCreate ?? false,
    timeZone: timeZone(options.timeZone),
    credentials: {
      user: name(options.credentials?.user, 'root', 'credentials.user'),
      password: options.credentials?.password ?? 'password',
      token,
      guestUser: name(options.credentials?.guestUser, 'guest', 'credentials.guestUser'),
      guestPassword: options.credentials?.guestPassword ?? 'guestpass',
    },
  }
}
