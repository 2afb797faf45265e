import { describe, expect, it } from 'vitest'
import { parseAutotaskTimestamp, toTimestamp } from './autotask-timestamp'

describe('Autotask timestamps', () => {
  it('reads Autotask date-times as UTC, with or without the Z', () => {
    expect(toTimestamp('2022-12-07T09:15:45.2Z')).toBe('2022-12-07T09:15:45.200Z')
    expect(toTimestamp('2020-09-24T09:40:14.113')).toBe('2020-09-24T09:40:14.113Z')
    expect(toTimestamp('not a date')).toBeUndefined()
    expect(toTimestamp(null)).toBeUndefined()
  })

  it('reads every zone-less form as UTC, never in the machine’s zone', () => {
    // 02:30 on these days does not exist (or exists twice) in New York and Auckland: read locally, it would move.
    expect(toTimestamp('2026-03-08 02:30:00')).toBe('2026-03-08T02:30:00.000Z')
    expect(toTimestamp('2026-11-01T01:30')).toBe('2026-11-01T01:30:00.000Z')
    expect(toTimestamp('2026-09-27T02:30:00.1234567')).toBe('2026-09-27T02:30:00.123Z')
    expect(toTimestamp('2026-04-05')).toBe('2026-04-05T00:00:00.000Z')
    expect(parseAutotaskTimestamp('2026-04-05T02:30:00')).toBe(Date.UTC(2026, 3, 5, 2, 30))
  })

  it('honours a zone the text names', () => {
    expect(toTimestamp('2026-03-08T02:30:00-05:00')).toBe('2026-03-08T07:30:00.000Z')
    expect(toTimestamp('2026-04-05T02:30:00+1300')).toBe('2026-04-04T13:30:00.000Z')
    expect(toTimestamp('2026-04-05T02:30:00+12')).toBe('2026-04-04T14:30:00.000Z')
  })
})
