/**
 * RT's date formats. RT stores seconds in UTC; each API formats them its own way:
 * - REST 1.0 ticket dates: RT::Date `AsString`, `Wed Nov 25 07:37:52 2026`, or `Not set`;
 * - REST 1.0 history and attachments: the raw SQL value, `2026-11-25 07:37:52`;
 * - REST2: W3C/ISO in UTC, `2026-11-25T07:37:52Z`; an unset date is `1970-01-01T00:00:00Z`.
 * `AsString` is wall time in the user's zone (theirs, else the server's `$Timezone`; UTC by
 * default, as start-rt sets it), and RT reads dates it is given in that zone too, its own way
 * (see {@link parseRtDate}).
 */
import { tzOffset } from '@date-fns/tz'

/** The zone's offset from UTC in seconds at an instant, as RT::Date's `Localtime` gives it. */
function rtZoneOffsetSeconds(timeZone: string, seconds: number): number {
  return timeZone === 'UTC' ? 0 : tzOffset(timeZone, new Date(seconds * 1000)) * 60
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function two(value: number): string {
  return String(value).padStart(2, '0')
}

/** `YYYY-MM-DD HH:MM:SS` in UTC: RT's SQL column value. 0 is RT's "unset" `1970-01-01 00:00:00`. */
export function formatSqlDate(seconds: number): string {
  const date = new Date(seconds * 1000)
  return (
    `${String(date.getUTCFullYear()).padStart(4, '0')}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`
  )
}

/** RT::Date `AsString` in a zone (`Wed Nov 25 07:37:52 2026`, UTC by default), or `Not set` for an unset date. */
export function formatRtDateString(seconds: number | null, timeZone = 'UTC'): string {
  if (!seconds || seconds <= 0) return 'Not set'
  const date = new Date((seconds + rtZoneOffsetSeconds(timeZone, seconds)) * 1000)
  return (
    `${weekdays[date.getUTCDay()] ?? ''} ${months[date.getUTCMonth()] ?? ''} ${two(date.getUTCDate())} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} ${date.getUTCFullYear()}`
  )
}

/** RT::Date `W3CDTF` in UTC (`2026-11-25T07:37:52Z`); unset dates give `1970-01-01T00:00:00Z`. */
export function formatW3cDate(seconds: number | null): string {
  return `${formatSqlDate(seconds && seconds > 0 ? seconds : 0).replace(' ', 'T')}Z`
}

/** An RFC 2822 date, as RT writes in the `Date:` header of the mail it records. */
export function formatMailDate(seconds: number): string {
  const date = new Date(seconds * 1000)
  return (
    `${weekdays[date.getUTCDay()] ?? ''}, ${two(date.getUTCDate())} ${months[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`
  )
}

/** A date RT parsed from input: the moment, and whether only a day was given. */
export interface ParsedRtDate {
  seconds: number
  dateOnly: boolean
}

/**
 * Parses a date the way RT's "unknown" format does (RT::Date's ParseByTimeParseDate) for a user
 * in `timeZone`: Time::ParseDate reads the text as UTC (honouring a zone marker) against a "now"
 * moved by the zone's offset, then RT subtracts the zone's offset at the instant it read. That
 * offset is taken at the wrong instant near a DST change, and a `+0000` marker is still offset:
 * both as on a real RT 5.0.3 (America/New_York: `2026-03-08 03:30:00` → 08:30Z). UTC by default.
 */
export function parseRtDate(text: string, nowSeconds: number, timeZone = 'UTC'): ParsedRtDate | undefined {
  const shiftedNow = nowSeconds + rtZoneOffsetSeconds(timeZone, nowSeconds)
  const parsed = parseDateAsUtc(text, shiftedNow)
  return parsed && { ...parsed, seconds: parsed.seconds - rtZoneOffsetSeconds(timeZone, parsed.seconds) }
}

/**
 * Time::ParseDate with `GMT => 1`: the text as UTC unless it names its zone. The forms the
 * simulator reads: ISO (`2026-11-25`, `2026-11-25 07:37:52`, `2026-11-25T07:37:52Z`), RT's own
 * `AsString` output, `now`, `today`, `yesterday`, `tomorrow` and `N units ago` / `in N units`.
 */
function parseDateAsUtc(text: string, nowSeconds: number): ParsedRtDate | undefined {
  const value = text.trim()
  if (!value) return undefined
  const lower = value.toLowerCase()
  const startOfDay = (seconds: number): number => Math.floor(seconds / 86_400) * 86_400
  if (lower === 'now') return { seconds: nowSeconds, dateOnly: false }
  if (lower === 'today') return { seconds: startOfDay(nowSeconds), dateOnly: true }
  if (lower === 'yesterday') return { seconds: startOfDay(nowSeconds) - 86_400, dateOnly: true }
  if (lower === 'tomorrow') return { seconds: startOfDay(nowSeconds) + 86_400, dateOnly: true }
  const units: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86_400, week: 604_800, month: 2_592_000, year: 31_536_000 }
  const relative = /^(?:(in)\s+)?(\d+)\s+(second|minute|hour|day|week|month|year)s?(?:\s+(ago))?$/.exec(lower)
  if (relative) {
    const amount = Number(relative[2]) * (units[relative[3] as string] ?? 0)
    return { seconds: relative[4] ? nowSeconds - amount : nowSeconds + amount, dateOnly: false }
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(value)
  if (iso) {
    const [, year, month, day, hour, minute, second, zone] = iso
    let seconds = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0)) / 1000
    if (zone && zone.toUpperCase() !== 'Z') {
      const sign = zone.startsWith('-') ? -1 : 1
      const digits = zone.slice(1).replace(':', '')
      seconds -= sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2)) * 60)
    }
    return Number.isFinite(seconds) ? { seconds, dateOnly: hour === undefined } : undefined
  }
  const asString = /^(?:[A-Za-z]{3}\s+)?([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(\d{4})$/.exec(value)
  if (asString) {
    const month = months.findIndex((name) => name.toLowerCase() === (asString[1] as string).toLowerCase())
    if (month >= 0) {
      const seconds =
        Date.UTC(Number(asString[6]), month, Number(asString[2]), Number(asString[3]), Number(asString[4]), Number(asString[5] ?? 0)) / 1000
      return { seconds, dateOnly: false }
    }
  }
  const fallback = Date.parse(value)
  return Number.isNaN(fallback) ? undefined : { seconds: Math.floor(fallback / 1000), dateOnly: false }
}
