import { type CallOptions, redactText, registerSecret } from '@ticketbridge/core'
import { type HttpTransport, isLogLevelEnabled, type LogLevel, toAbortError, type TransportLogger } from '@ticketbridge/http'
import { readRtTimeZonePreference } from './rt-preferences-page'
import { canonicalTimeZone } from './rt-time-zone'

const preferencesPath = '/Prefs/AboutMe.html'
const loginPath = '/NoAuth/Login.html'

/** What finding RT's time zone needs. */
export interface RtTimeZoneDiscoveryOptions {
  /** A transport on RT's web root; with a token, it sends `Authorization: token …` (RT 5 takes it on web pages too). */
  web: HttpTransport
  /**
   * A user name and password: logged in through RT's web login form first. A REST 1.0 session
   * cookie does not open web pages (RT keeps REST sessions to `/REST/`), nor does basic auth.
   */
  credentials?: { username: string; password: string }
  logger?: TransportLogger
  logLevel?: LogLevel
}

/** Logs in on RT's web login form (`POST /NoAuth/Login.html`, user and pass) and returns the session cookie. */
async function webSessionCookie(web: HttpTransport, credentials: { username: string; password: string }): Promise<string> {
  const response = await web.post<string>(loginPath, new URLSearchParams({ user: credentials.username, pass: credentials.password }), {
    responseType: 'text',
    // Logging in again changes nothing: safe to retry.
    idempotent: true,
  })
  const cookie = /(RT_SID_[^=;,\s]+=[^;,\s]+)/.exec(response.headers['set-cookie'] ?? '')?.[1]
  if (!cookie) throw new Error('RT set no session cookie on its web login')
  registerSecret(cookie.slice(cookie.indexOf('=') + 1))
  return cookie
}

/** The zone RT's preferences page shows for the user (theirs, else the server's), or why there is none. */
async function readTimeZone(options: RtTimeZoneDiscoveryOptions): Promise<{ zone: string } | { problem: string }> {
  const cookie = options.credentials ? await webSessionCookie(options.web, options.credentials) : undefined
  const response = await options.web.get<string>(preferencesPath, { responseType: 'text', ...(cookie ? { headers: { Cookie: cookie } } : {}) })
  const preference = readRtTimeZonePreference(response.data)
  if (!preference) {
    const login = /<title>\s*Login\b/i.test(response.data)
    return { problem: login ? 'RT showed its login page: the credentials do not open its web pages' : 'the page has no time zone choice' }
  }
  // The user's own zone wins over the server's, as in RT::Date.
  const named = preference.user ?? preference.system
  if (!named) return { problem: 'the page names no time zone' }
  const zone = canonicalTimeZone(named)
  return zone ? { zone } : { problem: `RT's zone ${named} is not one this runtime knows` }
}

/**
 * Reads the time zone RT uses for this user from RT's preferences page: one request with a
 * token, two with a password (the web login, then the page). Never fails: when the page cannot
 * be read or is not what RT 5 shows, the zone is UTC and one warning says so, naming the
 * `timeZone` setting that avoids the question.
 */
export async function discoverRtTimeZone(options: RtTimeZoneDiscoveryOptions): Promise<string> {
  let problem: string
  try {
    const found = await readTimeZone(options)
    if ('zone' in found) return found.zone
    problem = found.problem
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error)
  }
  const { logger, logLevel = 'info' } = options
  if (logger && isLogLevelEnabled(logLevel, 'warn')) {
    logger.warn(
      redactText(
        `rt: could not read the RT user's time zone from ${preferencesPath} (${problem}); REST 1.0 dates and TicketSQL date filters are taken as UTC. ` +
          "Set the timeZone setting (or RT_TIMEZONE) to the RT user's zone, e.g. 'America/New_York'.",
      ),
      { vendor: 'rt', setting: 'timeZone' },
    )
  }
  return 'UTC'
}

/**
 * The zone source a client keeps: the configured zone, or RT's, read the first time it is asked
 * for and kept. A caller's signal ends its own wait, not the shared read.
 */
export function createRtTimeZoneSource(configured: string | undefined, discover: () => Promise<string>): (options: CallOptions) => Promise<string> {
  if (configured !== undefined) return async () => configured
  let found: Promise<string> | undefined
  return (options) => {
    found ??= discover()
    const { signal } = options
    if (!signal) return found
    if (signal.aborted) return Promise.reject(toAbortError(signal, 'rt'))
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(toAbortError(signal, 'rt'))
      signal.addEventListener('abort', onAbort, { once: true })
      found!.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
    })
  }
}
