import { describe, expect, it } from 'vitest'
import { fromHaloDate, latestHaloDate, toHaloDate } from './halo-dates'

describe('Halo dates', () => {
  it('reads Halo’s zone-less UTC as UTC and its sentinels as absent', () => {
    expect(fromHaloDate('2024-05-01T09:12:44.357')).toBe('2024-05-01T09:12:44.357Z')
    expect(fromHaloDate('2024-05-01T09:12:44')).toBe('2024-05-01T09:12:44.000Z')
    expect(fromHaloDate('2024-05-01T11:12:44+02:00')).toBe('2024-05-01T09:12:44.000Z')
    expect(fromHaloDate('2024-05-01')).toBe('2024-05-01T00:00:00.000Z')
    expect(fromHaloDate('1900-01-01T00:00:00')).toBeUndefined()
    expect(fromHaloDate('1899-12-30T00:00:00')).toBeUndefined()
    expect(fromHaloDate('')).toBeUndefined()
    expect(fromHaloDate(null)).toBeUndefined()
    expect(fromHaloDate('not a date')).toBeUndefined()
  })

  it('writes UTC without a zone, and picks the latest of several', () => {
    expect(toHaloDate('2024-05-01T09:12:44.357Z')).toBe('2024-05-01T09:12:44.357')
    expect(toHaloDate(new Date(Date.UTC(2024, 4, 1, 9)))).toBe('2024-05-01T09:00:00.000')
    expect(latestHaloDate('2024-05-01T09:00:00', '1900-01-01T00:00:00', undefined, '2024-05-02T08:00:00')).toBe('2024-05-02T08:00:00.000Z')
    expect(latestHaloDate('1900-01-01T00:00:00')).toBeUndefined()
  })

  it('reads zone-less text as UTC in every form, and writes it back unchanged', () => {
    // 02:30 on these days is skipped or repeated in New York and Auckland: read locally, it would move.
    expect(fromHaloDate('2026-03-08 02:30:00')).toBe('2026-03-08T02:30:00.000Z')
    expect(fromHaloDate('2026-11-01T01:30')).toBe('2026-11-01T01:30:00.000Z')
    expect(fromHaloDate('2022-09-30T08:23:56.4214387Z')).toBe('2022-09-30T08:23:56.421Z')
    expect(fromHaloDate('2026-04-05T02:30:00+1300')).toBe('2026-04-04T13:30:00.000Z')
    expect(fromHaloDate('0001-01-01T00:00:00')).toBeUndefined()
    expect(toHaloDate('2026-09-27T02:30:00')).toBe('2026-09-27T02:30:00.000')
    expect(toHaloDate(toHaloDate('2026-03-08T02:30:00.5Z'))).toBe('2026-03-08T02:30:00.500')
    expect(() => toHaloDate('next Tuesday')).toThrow(RangeError)
  })
})
