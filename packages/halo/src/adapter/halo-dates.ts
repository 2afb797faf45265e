/**
 * Halo writes instants in UTC without a zone (`2024-05-01T09:12:44.357`) and marks "no date"
 * with sentinels (`1900-01-01T00:00:00`, `1899-12-30T00:00:00`) instead of null (halo.md §3.5).
 */

/** Anything before this year is one of Halo's "no date" sentinels. */
const firstRealYear = 1901

/**
 * A Halo date as the common model writes it: ISO-8601 UTC with `Z`, or undefined for an absent
 * or sentinel date. A value that already carries a zone is honoured.
 */
export function fromHaloDate(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const text = value.trim()
  const hasZone = /(?:z|[+-]\d{2}:?\d{2})$/i.test(text)
  const withTime = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00` : text
  const milliseconds = Date.parse(hasZone ? withTime : `${withTime}Z`)
  if (Number.isNaN(milliseconds)) return undefined
  const date = new Date(milliseconds)
  if (date.getUTCFullYear() < firstRealYear) return undefined
  return date.toISOString()
}

/** An instant as Halo reads it: UTC without a zone (a zone would make .NET convert to server time). */
export function toHaloDate(timestamp: string | Date): string {
  const date = typeof timestamp === 'string' ? new Date(timestamp) : timestamp
  return date.toISOString().replace(/Z$/, '')
}

/** The latest of several Halo dates, as a common-model timestamp. */
export function latestHaloDate(...values: (string | null | undefined)[]): string | undefined {
  let latest: string | undefined
  for (const value of values) {
    const converted = fromHaloDate(value)
    if (converted !== undefined && (latest === undefined || Date.parse(converted) > Date.parse(latest))) latest = converted
  }
  return latest
}
