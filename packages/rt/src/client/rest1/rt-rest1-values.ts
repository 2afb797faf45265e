import { fixedOffsetTimeZone, instantOfWallTime } from '../rt-time-zone'

/**
 * Values as REST 1.0 writes them (rt.md §2.6): ticket dates in RT::Date's `AsString` format in
 * the user's or server's timezone without a zone marker (`Wed Nov 25 07:32:50 2026`, `Not set`),
 * history dates as the raw database value in UTC (`2026-11-25 07:37:52`), ids as `ticket/12`.
 */

const monthNumbers: Record<string, number> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
}

/**
 * Reads a REST 1.0 ticket date (`Wed Nov 25 07:32:50 2026`) as an ISO-8601 UTC timestamp.
 * RT writes it in the user's time zone without saying which: pass that zone's IANA name
 * (`America/New_York`; DST is applied), or, deprecated, a fixed offset from UTC in minutes (east
 * positive). Default UTC. A wall time that happens twice (the hour clocks go back) is read as the
 * earlier instant. `Not set` and empty values give `undefined`.
 */
export function parseRest1Date(value: string | undefined, timeZone: string | number = 'UTC'): string | undefined {
  if (value === undefined) return undefined
  const text = value.trim()
  if (text === '' || /^not set$/i.test(text)) return undefined
  const named = /^(?:\w{3}\s+)?(\w{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(\d{4})$/.exec(text)
  if (named) {
    const month = monthNumbers[named[1]!]
    if (month === undefined) return undefined
    const zone = typeof timeZone === 'number' ? fixedOffsetTimeZone(timeZone) : timeZone
    const wall = {
      year: Number(named[6]),
      month: month + 1,
      day: Number(named[2]),
      hour: Number(named[3]),
      minute: Number(named[4]),
      second: Number(named[5]),
    }
    return new Date(instantOfWallTime(wall, zone)).toISOString()
  }
  return parseRest1DatabaseDate(text)
}

/** Whether a REST 1.0 ticket date names a time (anything but `Not set` and empty). */
export function isSetRest1Date(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '' && !/^not set$/i.test(value.trim())
}

/** Reads a database date (`2026-11-25 07:37:52`, UTC) as ISO-8601 UTC; RT's zero date gives `undefined`. */
export function parseRest1DatabaseDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})Z?$/.exec(value.trim())
  if (!match) return undefined
  if (match[1] === '1970' && match[2] === '01' && match[3] === '01') return undefined
  return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}.000Z`
}

/** Formats a timestamp as RT expects dates on input: `YYYY-MM-DD HH:MM:SS` in UTC. */
export function formatRtDatabaseDate(timestamp: string | Date): string {
  const date = typeof timestamp === 'string' ? new Date(timestamp) : timestamp
  return date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '')
}

/** The number in an object id such as `ticket/12`, `user/14` or `queue/1`; the text itself if there is no slash. */
export function rest1ObjectId(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const text = value.trim()
  if (text === '') return undefined
  const slash = text.lastIndexOf('/')
  return slash === -1 ? text : text.slice(slash + 1)
}

/**
 * A size from the attachment listings: `<n>b` up to 1024, then `<x.y>k` (and `m`). RT counts
 * characters of decoded content, so for text with non-ASCII characters this is not the byte count.
 */
export function parseRest1Size(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const match = /^(\d+(?:\.\d+)?)\s*([bkmg])?$/i.exec(value.trim())
  if (!match) return undefined
  const factor = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(match[2] ?? 'b').toLowerCase() as 'b' | 'k' | 'm' | 'g']
  return Math.round(Number(match[1]) * factor)
}
