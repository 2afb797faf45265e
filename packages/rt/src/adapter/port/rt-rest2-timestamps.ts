/**
 * An RT REST2 date as the common model's timestamp: ISO-8601 UTC with milliseconds and `Z`.
 * RT writes unset dates as `1970-01-01T00:00:00Z`; those, empty and unreadable values give
 * `undefined`.
 */
export function rtTimestamp(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const milliseconds = Date.parse(/Z$|[+-]\d{2}:?\d{2}$/.test(value.trim()) ? value.trim() : `${value.trim().replace(' ', 'T')}Z`)
  if (!Number.isFinite(milliseconds) || milliseconds <= 0) return undefined
  return new Date(milliseconds).toISOString()
}

/** A timestamp as RT takes dates on input (`Due`, `Created`): `YYYY-MM-DD HH:MM:SS` in UTC. */
export function rtInputDate(timestamp: string): string {
  return new Date(timestamp)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '')
}
