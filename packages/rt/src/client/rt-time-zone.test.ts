import { describe, expect, it } from 'vitest'
import { parseRtDate } from '../simulator/rt-dates'
import { parseRest1Date } from './rest1/rt-rest1-values'
import { canonicalTimeZone, fixedOffsetTimeZone, formatWallTime, instantOfWallTime, rtInputDate, wallTimeAt } from './rt-time-zone'

/** REST 1.0's `AsString` of a wall time, read in a zone. */
const read = (text: string, zone: string) => parseRest1Date(text, zone)
const wall = (instant: string, zone: string) => formatWallTime(wallTimeAt(Date.parse(instant), zone))

describe('RT wall times in a time zone', () => {
  it('reads New York around 8 March 2026, when clocks go forward at 2:00 (07:00Z)', () => {
    expect(read('Sun Mar 08 01:30:00 2026', 'America/New_York')).toBe('2026-03-08T06:30:00.000Z')
    expect(read('Sun Mar 08 03:30:00 2026', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z')
    // Skipped by the clocks (RT never writes it): the offset before the change, as Date does.
    expect(read('Sun Mar 08 02:30:00 2026', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z')
    expect(wall('2026-03-08T06:59:59Z', 'America/New_York')).toBe('2026-03-08 01:59:59')
    expect(wall('2026-03-08T07:00:00Z', 'America/New_York')).toBe('2026-03-08 03:00:00')
  })

  it('reads New York around 1 November 2026, when clocks go back at 2:00: the repeated hour as its first (summer) time', () => {
    expect(read('Sun Nov 01 00:30:00 2026', 'America/New_York')).toBe('2026-11-01T04:30:00.000Z')
    expect(read('Sun Nov 01 01:30:00 2026', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z')
    expect(read('Sun Nov 01 02:30:00 2026', 'America/New_York')).toBe('2026-11-01T07:30:00.000Z')
    // Both 01:30s show alike; only the earlier comes back.
    expect(wall('2026-11-01T05:30:00Z', 'America/New_York')).toBe('2026-11-01 01:30:00')
    expect(wall('2026-11-01T06:30:00Z', 'America/New_York')).toBe('2026-11-01 01:30:00')
  })

  it('reads Auckland, whose summer is in January: back on 5 April 2026 at 3:00, forward on 27 September at 2:00', () => {
    expect(read('Thu Jan 15 12:00:00 2026', 'Pacific/Auckland')).toBe('2026-01-14T23:00:00.000Z')
    expect(read('Wed Jul 15 12:00:00 2026', 'Pacific/Auckland')).toBe('2026-07-15T00:00:00.000Z')
    expect(read('Sun Apr 05 02:30:00 2026', 'Pacific/Auckland')).toBe('2026-04-04T13:30:00.000Z')
    expect(read('Sun Apr 05 03:30:00 2026', 'Pacific/Auckland')).toBe('2026-04-04T15:30:00.000Z')
    expect(read('Sun Sep 27 01:30:00 2026', 'Pacific/Auckland')).toBe('2026-09-26T13:30:00.000Z')
    expect(read('Sun Sep 27 03:30:00 2026', 'Pacific/Auckland')).toBe('2026-09-26T14:30:00.000Z')
  })

  it('turns every quarter hour of 2026 into a wall time and back, the repeated hours aside', () => {
    for (const zone of ['America/New_York', 'Pacific/Auckland', 'Europe/Berlin', 'Asia/Kolkata', 'UTC']) {
      let repeated = 0
      for (let instant = Date.parse('2026-01-01T00:00:00Z'); instant < Date.parse('2027-01-01T00:00:00Z'); instant += 15 * 60_000) {
        const back = instantOfWallTime(wallTimeAt(instant, zone), zone)
        if (back !== instant) {
          repeated += 1
          // The second of two equal wall times: read as the first, an hour earlier.
          expect(instant - back).toBe(3_600_000)
        }
      }
      expect(repeated).toBe(['America/New_York', 'Pacific/Auckland', 'Europe/Berlin'].includes(zone) ? 4 : 0)
    }
  })

  it('reads a fixed offset in minutes as before (the deprecated rest1UtcOffsetMinutes), and UTC by default', () => {
    expect(read('Wed Nov 25 08:37:52 2026', fixedOffsetTimeZone(60) as string)).toBe('2026-11-25T07:37:52.000Z')
    expect(parseRest1Date('Wed Nov 25 08:37:52 2026', 60)).toBe('2026-11-25T07:37:52.000Z')
    expect(parseRest1Date('Wed Nov 25 02:07:52 2026', -330)).toBe('2026-11-25T07:37:52.000Z')
    expect(parseRest1Date('Wed Nov 25 07:37:52 2026')).toBe('2026-11-25T07:37:52.000Z')
    expect(fixedOffsetTimeZone(-330)).toBe('-05:30')
    expect(fixedOffsetTimeZone(0)).toBe('UTC')
  })

  it('knows IANA names by their canonical spelling, and nothing else', () => {
    expect(canonicalTimeZone('america/new_york')).toBe('America/New_York')
    expect(canonicalTimeZone('UTC')).toBe('UTC')
    for (const wrong of ['Mars/Olympus_Mons', '+05:00', '', 'EST; DROP']) expect(canonicalTimeZone(wrong)).toBeUndefined()
  })
})

describe('dates given to RT (REST 1.0 forms, TicketSQL)', () => {
  it('writes the text RT 5.0.3 stores as the instant, as checked on a real RT in America/New_York', () => {
    // RT took `2026-03-08 03:30:00` (the wall time of 07:30Z) as 08:30Z, and `02:30:00` as 07:30Z.
    expect(rtInputDate(Date.parse('2026-03-08T06:30:00Z'), 'America/New_York')).toBe('2026-03-08 01:30:00')
    expect(rtInputDate(Date.parse('2026-03-08T07:30:00Z'), 'America/New_York')).toBe('2026-03-08 02:30:00')
    // RT took `2026-11-01 01:30:00` as 05:30Z and `02:30:00` as 06:30Z.
    expect(rtInputDate(Date.parse('2026-11-01T05:30:00Z'), 'America/New_York')).toBe('2026-11-01 01:30:00')
    expect(rtInputDate(Date.parse('2026-11-01T06:30:00Z'), 'America/New_York')).toBe('2026-11-01 02:30:00')
    // Elsewhere the plain wall time, cut to the second.
    expect(rtInputDate(Date.parse('2026-07-01T16:00:00.900Z'), 'America/New_York')).toBe('2026-07-01 12:00:00')
    expect(rtInputDate(Date.parse('2026-07-01T16:00:00Z'), 'UTC')).toBe('2026-07-01 16:00:00')
  })

  it('reaches every quarter hour of 2026 through RT’s reading (the simulator’s copy of RT::Date), but an hour a year', () => {
    for (const zone of ['America/New_York', 'Pacific/Auckland', 'Asia/Kolkata']) {
      const missed: string[] = []
      for (let instant = Date.parse('2026-01-01T00:00:00Z'); instant < Date.parse('2027-01-01T00:00:00Z'); instant += 15 * 60_000) {
        const stored = parseRtDate(rtInputDate(instant, zone), 0, zone)!.seconds * 1000
        if (stored !== instant) {
          missed.push(new Date(instant).toISOString())
          // Out of RT's reach: the latest instant before it, an hour early.
          expect(instant - stored).toBe(3_600_000)
        }
      }
      // New York: 10:00–11:00Z on 1 November; Auckland: 01:00–02:00Z on 4 April (offset hours before its change).
      const expected: Record<string, string | undefined> = { 'America/New_York': '2026-11-01T10:', 'Pacific/Auckland': '2026-04-04T01:' }
      expect(missed.length).toBe(expected[zone] ? 4 : 0)
      for (const instant of missed) expect(instant.startsWith(expected[zone]!)).toBe(true)
    }
  })
})
