import { listRegisteredSecrets } from './secret-registry'

export const redactedMarker = '[REDACTED]'

/** Header names whose values are credentials. Compared lower-cased. */
export const secretHeaderNames = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'secret',
  'x-api-key',
  'api-key',
  'apiintegrationcode',
  'x-auth-token',
])

/** Field and query parameter names whose values are credentials. Compared lower-cased. */
export const secretFieldNames = new Set([
  'password',
  'pass',
  'passwd',
  'secret',
  'client_secret',
  'clientsecret',
  'access_token',
  'accesstoken',
  'refresh_token',
  'refreshtoken',
  'id_token',
  'token',
  'apiintegrationcode',
  'authorization',
  'cookie',
  'sessionid',
])

const secretNamePattern = [...secretFieldNames, ...secretHeaderNames].map((name) => name.replace(/[-_]/g, '[-_]?')).join('|')

/** `name=value` and `name: value` pairs (query strings, form bodies, header dumps, JSON). */
const pairPatterns: RegExp[] = [
  // JSON: "password": "value"
  new RegExp(`("(?:${secretNamePattern})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'),
  // query strings and form bodies: password=value
  new RegExp(`(\\b(?:${secretNamePattern})=)[^&\\s"']+`, 'gi'),
  // header dumps: Authorization: Bearer abc
  new RegExp(`(\\b(?:${secretNamePattern})\\s*:\\s*)(?!\\s*")[^\\r\\n,;]+`, 'gi'),
  // Bearer and Basic schemes wherever they appear
  /(\b(?:Bearer|Basic)\s+)[A-Za-z0-9._~+/=-]{8,}/g,
  // RT's `token <value>` scheme: only a value with a digit, so prose ("the token expired") stays
  /(\btoken\s+)(?=[A-Za-z._~+/=-]*\d)[A-Za-z0-9._~+/=-]{12,}/g,
]

/**
 * Whether text may hold a pair or scheme `pairPatterns` redacts: each of them starts with one of
 * these words. One test spares most strings (a method, an id, a plain URL) five replaces.
 */
const mayHoldPair = new RegExp(`${secretNamePattern}|Bearer|Basic`, 'i')

/**
 * Removes credentials from free text: every registered secret value, and the value of every
 * credential-named pair. Used on messages, body excerpts and log lines.
 */
export function redactText(text: string): string {
  let result = text
  for (const secret of listRegisteredSecrets()) {
    if (result.includes(secret)) result = result.split(secret).join(redactedMarker)
  }
  if (!mayHoldPair.test(result)) return result
  for (const pattern of pairPatterns) {
    result = result.replace(pattern, (_match, prefix: string) =>
      prefix.trimEnd().endsWith(':') && prefix.includes('"') ? `${prefix}"${redactedMarker}"` : `${prefix}${redactedMarker}`,
    )
  }
  return result
}

/** A URL without user info and without the values of credential query parameters. */
export function redactUrl(url: string): string {
  // Without user info or a credential-named parameter there is nothing for the URL parser to find.
  if (!url.includes('@') && !url.includes('%') && !mayHoldPair.test(url)) return redactText(url)
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return redactText(url)
  }
  if (parsed.username || parsed.password) {
    parsed.username = ''
    parsed.password = ''
  }
  for (const name of [...parsed.searchParams.keys()]) {
    if (secretFieldNames.has(name.toLowerCase())) parsed.searchParams.set(name, redactedMarker)
  }
  // URLSearchParams encodes the marker's brackets; show it as written.
  return redactText(parsed.toString().replaceAll(encodeURIComponent(redactedMarker), redactedMarker))
}

/** A copy of a header map with credential values replaced. */
export function redactHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(headers)) {
    copy[name] = secretHeaderNames.has(name.toLowerCase()) ? redactedMarker : typeof value === 'string' ? redactText(value) : value
  }
  return copy
}

/**
 * A deep copy of plain data with credential-named fields replaced and secret values removed
 * from every string. Binary data is summarised by size.
 */
export function redactValue(value: unknown, depth = 0): unknown {
  if (depth > 20) return '[…]'
  if (typeof value === 'string') return redactText(value)
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1))
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    copy[key] = secretFieldNames.has(key.toLowerCase()) || secretHeaderNames.has(key.toLowerCase()) ? redactedMarker : redactValue(item, depth + 1)
  }
  return copy
}
