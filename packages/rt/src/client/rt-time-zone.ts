import { tzOffset } from '@date-fns/tz'

/**
 * RT's local dates: REST 1.0 writes ticket dates as wall time in the RT user's zone (or the
 * server's `$Timezone`) with no marker, and reads dates given to it (REST 1.0 forms, TicketSQL)
 * the same way. These turn wall times into instants and back with the zone's rules of the day
 * (DST included), from the runtime's time zone data (`Intl`, through @date-fns/tz).
 *
 * A zone is an IANA name (`America/New_York`), or a fixed offset such as `+05:30` (what the
 * deprecated `rest1UtcOffsetMinutes` setting gives).
 */

/** A wall-clock time: what a clock on the wall in the zone shows. Months count from 1. */
export interface RtWallTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

const hourMs = 3_600_000
const dayMs = 24 * hourMs

/**
 * The zone's canonical IANA name (`america/new_york` → `America/New_York`), or `undefined` when the
 * runtime does not know it. Offsets (`+05:00`) are not names and are refused here.
 */
export function canonicalTimeZone(name: string): string | undefined {
  const text = name.trim()
  if (!/^[A-Za-z][\w+\-/]*$/.test(text)) return undefined
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone
  } catch {
    return undefined
  }
}

/** A fixed offset in minutes east of UTC as a zone (`+05:30`, `-08:00`); 0 is `UTC`. */
export function fixedOffsetTimeZone(minutes: number): string {
  if (minutes === 0) return 'UTC'
  const size = Math.abs(minutes)
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(size / 60)).padStart(2, '0')}:${String(size % 60).padStart(2, '0')}`
}

/** The zone's offset from UTC in milliseconds (east positive) at an instant. */
function timeZoneOffsetMs(timeZone: string, instantMs: number): number {
  if (timeZone === 'UTC') return 0
  const minutes = tzOffset(timeZone, new Date(instantMs))
  if (Number.isNaN(minutes)) throw new RangeError(`Unknown time zone ${timeZone}`)
  return minutes * 60_000
}

/** The wall time as if it were UTC, in milliseconds: the arithmetic both directions share. */
function wallTimeAsUtcMs(wall: RtWallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second)
}

function wallTimeOfUtcMs(milliseconds: number): RtWallTime {
  const date = new Date(milliseconds)
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  }
}

/** What a clock in the zone shows at an instant. */
export function wallTimeAt(instantMs: number, timeZone: string): RtWallTime {
  return wallTimeOfUtcMs(instantMs + timeZoneOffsetMs(timeZone, instantMs))
}

/** The offsets a zone has around a moment: before and after any transition within a day of it. */
function offsetsAround(timeZone: string, milliseconds: number): number[] {
  return [...new Set([-dayMs, 0, dayMs].map((shift) => timeZoneOffsetMs(timeZone, milliseconds + shift)))]
}

/**
 * The instant a wall time in the zone names. In the hour a clock goes back (autumn), the wall
 * time happens twice; RT's text does not say which, so this takes the earlier instant (summer
 * time). A wall time skipped in spring (RT never writes one) is read with the offset before the
 * change, as JavaScript's Date does.
 */
export function instantOfWallTime(wall: RtWallTime, timeZone: string): number {
  const asUtc = wallTimeAsUtcMs(wall)
  const offsets = offsetsAround(timeZone, asUtc)
  const matching = offsets.map((offset) => asUtc - offset).filter((instant) => asUtc - timeZoneOffsetMs(timeZone, instant) === instant)
  if (matching.length > 0) return Math.min(...matching)
  return asUtc - timeZoneOffsetMs(timeZone, asUtc - dayMs)
}

/** `YYYY-MM-DD HH:MM:SS` of a wall time. */
export function formatWallTime(wall: RtWallTime): string {
  const two = (value: number) => String(value).padStart(2, '0')
  return `${String(wall.year).padStart(4, '0')}-${two(wall.month)}-${two(wall.day)} ${two(wall.hour)}:${two(wall.minute)}:${two(wall.second)}`
}

/**
 * The text to give RT for an instant, `YYYY-MM-DD HH:MM:SS`, in a REST 1.0 form or a TicketSQL
 * date literal, when RT reads dates in `timeZone`.
 *
 * RT (RT::Date's "unknown" format, Time::ParseDate) reads the text as UTC, then subtracts the
 * zone's offset *at that UTC reading* rather than at the instant meant. Near a DST change the
 * two differ, so the plain wall time lands an hour off (checked on RT 5.0.3: `2026-03-08
 * 03:30:00` in America/New_York is stored as 08:30Z, not 07:30Z). A zone marker does not help:
 * RT subtracts the offset after honouring `+0000` as well. So the text written is the one RT's
 * rule turns into the instant: usually the wall time, in the hours after a change another one.
 *
 * Some instants cannot be reached at all (New York: 10:00–11:00Z on the day clocks go back);
 * for those the latest instant before is written, an hour early at most, which keeps a
 * TicketSQL lower bound on the safe side.
 */
export function rtInputDate(instantMs: number, timeZone: string): string {
  const instant = Math.floor(instantMs / 1000) * 1000
  // RT reads the text P as the instant P - offset(P); find P with P - offset(P) = instant.
  const readBack = (text: number) => text - timeZoneOffsetMs(timeZone, text)
  const trueOffset = timeZoneOffsetMs(timeZone, instant)
  const candidates = [...new Set([trueOffset, ...offsetsAround(timeZone, instant)])].map((offset) => instant + offset)
  const exact = candidates.find((text) => readBack(text) === instant)
  if (exact !== undefined) return formatWallTime(wallTimeOfUtcMs(exact))
  const before = candidates.filter((text) => readBack(text) < instant).sort((left, right) => readBack(right) - readBack(left))
  const chosen = before[0] ?? candidates[0]!
  return formatWallTime(wallTimeOfUtcMs(chosen))
}
