/**
 * Autotask answers date-times in UTC, ISO 8601 with `Z` and 0 to 3 fractional digits, trailing
 * zeros dropped as .NET writes them: `2024-05-02T08:00:03.21Z`, `2022-12-06T13:00:00Z`.
 */
export function formatAutotaskDate(epochMs: number): string {
  const iso = new Date(epochMs).toISOString()
  return iso.replace(/\.(\d{3})Z$/, (_, fraction: string) => {
    const trimmed = fraction.replace(/0+$/, '')
    return trimmed === '' ? 'Z' : `.${trimmed}Z`
  })
}

/** A day, an optional time (after `T` or a space, as .NET reads it) and an optional zone. */
const datePattern = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i

/**
 * Reads a date-time the way Autotask accepts one: ISO 8601 with `Z` or an offset, or without a
 * zone (taken as UTC, as the REST API stores and compares in UTC). Undefined when unreadable.
 * The zone is spelled out before `Date.parse`, which would read zone-less text in the machine's zone.
 */
export function parseAutotaskDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const match = datePattern.exec(value.trim())
  if (!match) return undefined
  const [, day, time = '00:00:00', zone = 'Z'] = match
  const digits = zone.slice(1).replace(':', '')
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`
  const parsed = Date.parse(`${day}T${time}${offset}`)
  return Number.isNaN(parsed) ? undefined : parsed
}
