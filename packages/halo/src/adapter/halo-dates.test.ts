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
})
