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

/**
 * Reads a date-time the way Autotask accepts one: ISO 8601 with `Z` or an offset, or without a
 * zone (taken as UTC, as the REST API stores and compares in UTC). Undefined when unreadable.
 */
export function parseAutotaskDate(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value)
  const withTime = /T/.test(value) ? value : `${value}T00:00:00`
  const parsed = Date.parse(hasZone ? withTime : `${withTime}Z`)
  return Number.isNaN(parsed) ? undefined : parsed
}
