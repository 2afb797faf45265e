/**
 * Halo's wire format for dates: UTC without a zone suffix, fractional seconds without trailing
 * zeros (.NET's round-trip pattern for a DateTime of unspecified kind), e.g.
 * `2024-05-02T08:00:03.21`. Dates that are not set come back as a sentinel rather than null.
 */

/** The value Halo writes for an unset date (`fixbydate`, `dateclosed`, ...). */
export const haloEmptyDate = '1900-01-01T00:00:00'

/** Formats epoch milliseconds as Halo does: UTC, no `Z`, no trailing zeros in the fraction. */
export function formatHaloDate(epochMs: number): string {
  const iso = new Date(epochMs).toISOString()
  const [seconds, fraction = ''] = iso.slice(0, -1).split('.')
  const trimmed = fraction.replace(/0+$/, '')
  return trimmed ? `${seconds}.${trimmed}` : seconds!
}

/** A day, an optional time (after `T` or a space, as .NET reads it) and an optional zone. */
const datePattern = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i

/**
 * Reads a date a client sent: Halo's own form (no zone, taken as UTC), or ISO-8601 with `Z` or
 * an offset. Returns epoch milliseconds, or undefined when the text is not a date. The zone is
 * spelled out before `Date.parse`, which would read zone-less text in the machine's zone.
 */
export function parseHaloDate(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined
  const match = datePattern.exec(text.trim())
  if (!match) return undefined
  const [, day, time = '00:00:00', zone = 'Z'] = match
  const digits = zone.slice(1).replace(':', '')
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`
  const value = Date.parse(`${day}T${time}${offset}`)
  return Number.isNaN(value) ? undefined : value
}

/** True for the sentinels Halo uses instead of null (anything before 1901). */
export function isHaloEmptyDate(text: unknown): boolean {
  const value = parseHaloDate(text)
  return value === undefined || value < Date.UTC(1901, 0, 1)
}

/** Normalises a date a client sent into Halo's wire form; unparseable input gives undefined. */
export function normaliseHaloDate(text: unknown): string | undefined {
  const value = parseHaloDate(text)
  if (value === undefined) return undefined
  return value < Date.UTC(1901, 0, 1) ? haloEmptyDate : formatHaloDate(value)
}

/**
 * A field's value as Halo stores it: a date field's date in the wire form, anything else as sent.
 * Halo names its date fields with "date" (`dateoccurred`, `last_update`, `actionarrivaldate`,
 * `datetime`), so a note or summary that merely reads like a date is kept as written.
 */
export function storedHaloFieldValue(key: string, value: unknown): unknown {
  if (!/date/i.test(key) || typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return value
  return normaliseHaloDate(value) ?? value
}
