import { ConfigurationError } from '@ticketbridge/core'

/** A query parameter value; arrays repeat the parameter, `undefined` and `null` leave it out. */
export type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[]

/** Query parameters of a request. */
export type QueryParameters = Readonly<Record<string, QueryValue>>

/** A parsed base URL: its origin and its path without a trailing slash (`''` at the root). */
export interface BaseUrl {
  origin: string
  path: string
}

/**
 * Parses and normalises a transport's base URL, or throws a ConfigurationError naming
 * `baseUrl`. Query and fragment are not allowed: they would be lost on every request.
 */
export function parseBaseUrl(baseUrl: string, vendor: string): BaseUrl {
  let parsed: URL
  try {
    parsed = new URL(baseUrl)
  } catch {
    throw new ConfigurationError(`${vendor}: baseUrl must be an absolute http(s) URL, such as https://example.halopsa.com/api.`, {
      option: 'baseUrl',
      vendor,
    })
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new ConfigurationError(`${vendor}: baseUrl must use http or https.`, { option: 'baseUrl', vendor })
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    throw new ConfigurationError(`${vendor}: baseUrl must not have a query or fragment; pass query parameters per request.`, {
      option: 'baseUrl',
      vendor,
    })
  }
  return { origin: parsed.origin, path: parsed.pathname.replace(/\/+$/, '') }
}

/**
 * The absolute URL of a request: `path` appended to the base URL, or an absolute `url` (a
 * vendor's next-page link). An absolute URL must share the base URL's origin: credentials are
 * attached to every request, and a link pointing elsewhere must never receive them.
 */
export function buildRequestUrl(baseUrl: BaseUrl, target: { path?: string; url?: string; query?: QueryParameters }, vendor: string): string {
  let url: URL
  if (target.url !== undefined) {
    try {
      url = new URL(target.url)
    } catch {
      throw new ConfigurationError(`${vendor}: the request url is not an absolute URL.`, { option: 'url', vendor })
    }
    if (url.origin !== baseUrl.origin) {
      throw new ConfigurationError(
        `${vendor}: refusing to send credentials to ${url.origin}, which is not the origin of baseUrl (${baseUrl.origin}).`,
        { option: 'url', vendor },
      )
    }
  } else {
    const path = target.path ?? ''
    const separator = path === '' || path.startsWith('/') || path.startsWith('?') ? '' : '/'
    url = new URL(`${baseUrl.origin}${baseUrl.path}${separator}${path}`)
  }
  for (const [name, value] of Object.entries(target.query ?? {})) {
    if (value === undefined || value === null) continue
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(name, String(item))
    else url.searchParams.append(name, String(value))
  }
  return url.toString()
}
