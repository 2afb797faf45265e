import { ConfigurationError, InvalidResponseError, type CallOptions } from '@ticketbridge/core'
import { type HttpTransport, toAbortError } from '@ticketbridge/http'
import { autotaskZoneInformationSchema, parseAutotaskResponse } from './autotask-schemas'

/** The tenant's zone, as discovery (or the settings) gave it. */
export interface AutotaskZone {
  /** The zone's name (`AE02`), when discovery said. */
  zoneName?: string
  /** The zone's REST base, ending in `/ATServicesRest/`. */
  url: string
  /** The web application of the zone (`https://ww14.autotask.net/`), when discovery said. */
  webUrl?: string
  /** The database id (`ci`): a stable key of the tenant, when discovery said. */
  databaseId?: number
  /** What every request is sent under: `url` + `V1.0`. */
  apiBaseUrl: string
}

/** How long a discovered zone is trusted before it is asked again. */
const zoneCacheTtlMs = 24 * 3_600_000

const discoveredZones = new Map<string, { zone: Promise<AutotaskZone>; expiresAt: number }>()

/**
 * The REST base for a zone URL: `…/ATServicesRest/` gets `V1.0` appended; a URL that already
 * ends in `/V1.0` is kept. Throws ConfigurationError naming `option` for anything else.
 */
function toApiBaseUrl(zoneUrl: string, option: string): string {
  let parsed: URL
  try {
    parsed = new URL(zoneUrl)
  } catch {
    throw new ConfigurationError(`autotask: ${option} must be an absolute URL such as https://webservices14.autotask.net/ATServicesRest/.`, {
      vendor: 'autotask',
      option,
    })
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new ConfigurationError(`autotask: ${option} must use https.`, { vendor: 'autotask', option })
  }
  const path = parsed.pathname.replace(/\/+$/, '')
  return /\/v1\.0$/i.test(path) ? `${parsed.origin}${path}` : `${parsed.origin}${path}/V1.0`
}

/** The zone discovery URL: `…/ZoneInformation` as given, or the spec's path below a REST base. */
export function toZoneDiscoveryUrl(discoveryUrl: string): string {
  const parsed = new URL(discoveryUrl)
  const path = parsed.pathname.replace(/\/+$/, '')
  if (/\/zoneinformation$/i.test(path)) return `${parsed.origin}${path}`
  return `${toApiBaseUrl(discoveryUrl, 'zoneDiscoveryUrl')}/ZoneInformation`
}

/** A zone given in the settings: no discovery, no database id. */
export function zoneFromUrl(zoneUrl: string): AutotaskZone {
  const apiBaseUrl = toApiBaseUrl(zoneUrl, 'zoneUrl')
  return { url: `${apiBaseUrl.replace(/\/V1\.0$/i, '')}/`, apiBaseUrl }
}

/**
 * Discovers the zone of `username`: `GET …/ZoneInformation?user=` without credentials (the call
 * needs none, and is exempt from thread limits). The answer is cached per discovery URL and user
 * name for a day and shared by every client in the process; concurrent callers share one request,
 * and a failure is not cached.
 *
 * The zone URL is where credentials go next, so it must be http(s), and when discovery ran at
 * `*.autotask.net` the zone must be there too.
 */
export function discoverAutotaskZone(
  transport: HttpTransport,
  discoveryUrl: string,
  username: string,
  options: CallOptions = {},
): Promise<AutotaskZone> {
  const key = `${discoveryUrl}\n${username.toLowerCase()}`
  const cached = discoveredZones.get(key)
  if (cached && cached.expiresAt > Date.now()) return withSignal(cached.zone, options.signal)
  // Shared by every caller, so it runs without any one caller's signal; each caller stops
  // waiting when its own signal fires.
  const zone = fetchZone(transport, discoveryUrl, username, options.timeoutMs)
  discoveredZones.set(key, { zone, expiresAt: Date.now() + zoneCacheTtlMs })
  zone.catch(() => {
    if (discoveredZones.get(key)?.zone === zone) discoveredZones.delete(key)
  })
  return withSignal(zone, options.signal)
}

function withSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise
  if (signal.aborted) return Promise.reject(toAbortError(signal, 'autotask'))
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(toAbortError(signal, 'autotask'))
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}

/** Forgets every discovered zone (tests; or after a tenant moved zones). */
export function clearDiscoveredZones(): void {
  discoveredZones.clear()
}

async function fetchZone(transport: HttpTransport, discoveryUrl: string, username: string, timeoutMs: number | undefined): Promise<AutotaskZone> {
  const response = await transport.request<unknown>({
    method: 'GET',
    url: discoveryUrl,
    query: { user: username },
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  })
  const information = parseAutotaskResponse(autotaskZoneInformationSchema, response.data, 'zone discovery', discoveryUrl)
  let zoneUrl: URL
  try {
    zoneUrl = new URL(information.url)
  } catch {
    throw new InvalidResponseError(`Autotask zone discovery answered a zone URL that is not a URL. Set zoneUrl in the settings instead.`, {
      vendor: 'autotask',
      url: discoveryUrl,
    })
  }
  const discoveryHost = new URL(discoveryUrl).hostname
  const trusted = !/(^|\.)autotask\.net$/i.test(discoveryHost) || /(^|\.)autotask\.net$/i.test(zoneUrl.hostname)
  if ((zoneUrl.protocol !== 'https:' && zoneUrl.protocol !== 'http:') || !trusted) {
    throw new InvalidResponseError(
      `Autotask zone discovery pointed at ${zoneUrl.origin}, which is not an Autotask zone; credentials were not sent there. Set zoneUrl in the settings if this is intended.`,
      { vendor: 'autotask', url: discoveryUrl },
    )
  }
  const apiBaseUrl = toApiBaseUrl(information.url, 'zoneUrl')
  return {
    ...(information.zoneName ? { zoneName: information.zoneName } : {}),
    url: information.url,
    ...(information.webUrl ? { webUrl: information.webUrl } : {}),
    ...(typeof information.ci === 'number' ? { databaseId: information.ci } : {}),
    apiBaseUrl,
  }
}
