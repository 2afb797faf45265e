/**
 * Halo writes instants in UTC without a zone (`2024-05-01T09:12:44.357`) and marks "no date"
 * with sentinels (`1900-01-01T00:00:00`, `1899-12-30T00:00:00`) instead of null (halo.md §3.5).
 *
 * JavaScript reads a date-time without a zone in the machine's zone (`new Date('2024-05-01T09:12')`
 * is 09:12 in Auckland on a laptop there), so nothing here hands zone-less text to `Date`: the
 * zone is spelled out first, UTC unless the text names another.
 */

/** Anything before this year is one of Halo's "no date" sentinels. */
const firstRealYear = 1901

/** A day, an optional time (after `T` or a space) and an optional zone (`Z`, `±hh`, `±hhmm`, `±hh:mm`). */
const haloDatePattern = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i

/** `+05`, `+0530` or `+05:30` as `Date.parse` reads every offset: `+05:30`. */
function spelledOffset(zone: string): string {
  if (zone.toUpperCase() === 'Z') return 'Z'
  const digits = zone.slice(1).replace(':', '')
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`
}

/**
 * Epoch milliseconds of a date as Halo or a caller writes it, or undefined when it is not one.
 * Text without a zone is UTC, Halo's convention, whatever the machine's zone; a zone given is honoured.
 */
export function parseHaloInstant(value: string): number | undefined {
  const match = haloDatePattern.exec(value.trim())
  if (!match) return undefined
  const [, day, time = '00:00:00', zone = 'Z'] = match
  const milliseconds = Date.parse(`${day}T${time}${spelledOffset(zone)}`)
  return Number.isNaN(milliseconds) ? undefined : milliseconds
}

/**
 * A Halo date as the common model writes it: ISO-8601 UTC with `Z`, or undefined for an absent
 * or sentinel date. A value that already carries a zone is honoured.
 */
export function fromHaloDate(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const milliseconds = parseHaloInstant(value)
  if (milliseconds === undefined) return undefined
  const date = new Date(milliseconds)
  if (date.getUTCFullYear() < firstRealYear) return undefined
  return date.toISOString()
}

/**
 * An instant as Halo reads it: UTC without a zone (a zone would make .NET convert to server time).
 * Text without a zone is already Halo's UTC, so this is idempotent; text that is no ISO-8601 date
 * is a RangeError, as an invalid `Date` is.
 */
export function toHaloDate(timestamp: string | Date): string {
  const milliseconds = typeof timestamp === 'string' ? parseHaloInstant(timestamp) : timestamp.getTime()
  if (milliseconds === undefined || Number.isNaN(milliseconds)) throw new RangeError(`Not an ISO-8601 date: ${String(timestamp)}`)
  return new Date(milliseconds).toISOString().replace(/Z$/, '')
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
