import { describe, expect, it } from 'vitest'
import { formatHaloDate, haloEmptyDate, isHaloEmptyDate, normaliseHaloDate, parseHaloDate } from './halo-date-format'

describe('Halo date format', () => {
  it('reads Halo’s zone-less dates as UTC and ISO dates with a zone as given', () => {
    expect(parseHaloDate('2024-05-02T08:00:03.21')).toBe(Date.UTC(2024, 4, 2, 8, 0, 3, 210))
    expect(parseHaloDate('2024-05-02T10:00:03.21+02:00')).toBe(Date.UTC(2024, 4, 2, 8, 0, 3, 210))
    expect(parseHaloDate('2024-05-02')).toBe(Date.UTC(2024, 4, 2))
    expect(parseHaloDate('yesterday')).toBeUndefined()
    expect(parseHaloDate(42)).toBeUndefined()
  })

  it('treats the 1900 and 1899 sentinels as empty and normalises input to the wire form', () => {
    expect(isHaloEmptyDate(haloEmptyDate)).toBe(true)
    expect(isHaloEmptyDate('1899-12-30T00:00:00')).toBe(true)
    expect(isHaloEmptyDate('2024-05-02T08:00:00')).toBe(false)
    expect(normaliseHaloDate('2024-05-02T08:00:00.000Z')).toBe('2024-05-02T08:00:00')
    expect(normaliseHaloDate('1899-12-30T00:00:00')).toBe(haloEmptyDate)
    expect(formatHaloDate(0)).toBe('1970-01-01T00:00:00')
  })
})
