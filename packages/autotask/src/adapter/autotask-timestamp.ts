/**
 * Autotask's REST API stores and answers date-times in UTC (autotask.md §14): ISO 8601 with `Z`
 * and 0 to 3 fractional digits, sometimes without the `Z`. JavaScript reads a date-time without a
 * zone in the machine's zone, so nothing here hands zone-less text to `Date`: the zone is spelled
 * out first, UTC unless the text names another.
 */

/** A day, an optional time (after `T` or a space) and an optional zone (`Z`, `±hh`, `±hhmm`, `±hh:mm`). */
const autotaskDatePattern = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i

/** `+05`, `+0530` or `+05:30` as `Date.parse` reads every offset: `+05:30`. */
function spelledOffset(zone: string): string {
  if (zone.toUpperCase() === 'Z') return 'Z'
  const digits = zone.slice(1).replace(':', '')
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`
}

/** Epoch milliseconds of an Autotask date-time (UTC without a zone), or undefined when it is not one. */
export function parseAutotaskTimestamp(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const match = autotaskDatePattern.exec(value.trim())
  if (!match) return undefined
  const [, day, time = '00:00:00', zone = 'Z'] = match
  const milliseconds = Date.parse(`${day}T${time}${spelledOffset(zone)}`)
  return Number.isNaN(milliseconds) ? undefined : milliseconds
}

/** An Autotask date-time as the common model writes it: ISO 8601 UTC with `Z`, or undefined. */
export function toTimestamp(value: unknown): string | undefined {
  const milliseconds = parseAutotaskTimestamp(value)
  return milliseconds === undefined ? undefined : new Date(milliseconds).toISOString()
}
