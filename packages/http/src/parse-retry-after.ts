/** Longest server-requested delay honoured unless a caller says otherwise: two minutes. */
export const defaultMaximumRetryAfterMs = 120_000

/**
 * Response headers in any of the shapes they arrive in: a plain record (Node, axios), a
 * `Headers`-like object with `get` (fetch), values possibly repeated as arrays.
 */
export type HeaderSource =
  | Readonly<Record<string, string | readonly string[] | number | boolean | null | undefined>>
  | { get(name: string): string | null | undefined }

/** Options of {@link parseRetryAfter}. */
export interface ParseRetryAfterOptions {
  /** Longest delay returned; larger server values are cut to it. Defaults to 120 000 ms. */
  maximumDelayMs?: number
}

/**
 * How long the server asked us to wait, in milliseconds, or `undefined` when it did not say.
 *
 * Reads `retry-after-ms` (milliseconds, used by some gateways) first, then `Retry-After` as
 * seconds (decimals allowed) or as an HTTP date. Absent, unparseable and negative values give
 * `undefined`, and so does a date already in the past: the caller then falls back to its own
 * backoff rather than hammering a server whose clock disagrees with ours. The result is capped
 * at `maximumDelayMs`, so a hostile or broken header cannot park a call for hours.
 *
 * @param headers The response headers; names are matched case-insensitively.
 * @param now The current time in epoch milliseconds, for HTTP dates.
 */
export function parseRetryAfter(
  headers: HeaderSource | undefined,
  now: number = Date.now(),
  options: ParseRetryAfterOptions = {},
): number | undefined {
  if (headers === undefined) return undefined
  const maximumDelayMs = options.maximumDelayMs ?? defaultMaximumRetryAfterMs
  const cap = (delayMs: number): number => Math.min(Math.ceil(delayMs), maximumDelayMs)

  const milliseconds = parseNonNegativeNumber(readHeader(headers, 'retry-after-ms'))
  if (milliseconds !== undefined) return cap(milliseconds)

  const retryAfter = readHeader(headers, 'retry-after')
  if (retryAfter === undefined) return undefined
  const seconds = parseNonNegativeNumber(retryAfter)
  if (seconds !== undefined) return cap(seconds * 1000)
  // A bare number that failed the check above is negative or malformed, never a date.
  if (/^[\s+-]*[\d.]+\s*$/.test(retryAfter)) return undefined
  const date = Date.parse(retryAfter)
  if (Number.isNaN(date)) return undefined
  const delayMs = date - now
  return delayMs < 0 ? undefined : cap(delayMs)
}

function parseNonNegativeNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const trimmed = text.trim()
  // Number('') is 0 and Number('1e3') is 1000: only plain decimals are accepted.
  if (!/^\d+(?:\.\d+)?$/.test(trimmed)) return undefined
  const value = Number(trimmed)
  return Number.isFinite(value) ? value : undefined
}

function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    const value = (headers as { get(name: string): string | null | undefined }).get(name)
    return value === null || value === undefined ? undefined : String(value)
  }
  for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
    if (key.toLowerCase() !== name) continue
    if (value === null || value === undefined) return undefined
    // A repeated header: the first value is what the server meant.
    if (Array.isArray(value)) return value.length > 0 ? String(value[0]) : undefined
    return String(value)
  }
  return undefined
}
