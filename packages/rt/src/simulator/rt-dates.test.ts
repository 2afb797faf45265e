import { ConfigurationError } from '@ticketbridge/core'
import { describe, expect, it } from 'vitest'
import { formatRtDateString, parseRtDate } from './rt-dates'
import { createRtSimulator } from './rt-simulator'

const seconds = (instant: string) => Date.parse(instant) / 1000
const stored = (text: string, zone: string) => new Date(parseRtDate(text, 0, zone)!.seconds * 1000).toISOString()

describe('RT dates in a time zone, as RT 5.0.3 writes and reads them', () => {
  it('writes AsString in the zone, DST included, and in UTC by default', () => {
    expect(formatRtDateString(seconds('2026-07-01T16:00:00Z'))).toBe('Wed Jul 01 16:00:00 2026')
    expect(formatRtDateString(seconds('2026-07-01T16:00:00Z'), 'America/New_York')).toBe('Wed Jul 01 12:00:00 2026')
    expect(formatRtDateString(seconds('2026-12-01T17:00:00Z'), 'America/New_York')).toBe('Tue Dec 01 12:00:00 2026')
    expect(formatRtDateString(seconds('2026-11-01T06:30:00Z'), 'America/New_York')).toBe('Sun Nov 01 01:30:00 2026')
    expect(formatRtDateString(0, 'America/New_York')).toBe('Not set')
  })

  it('reads dates given to it the way a real RT in America/New_York did (offset at the wrong instant, +0000 offset too)', () => {
    expect(stored('2026-03-08 01:30:00', 'America/New_York')).toBe('2026-03-08T06:30:00.000Z')
    expect(stored('2026-03-08 03:30:00', 'America/New_York')).toBe('2026-03-08T08:30:00.000Z')
    expect(stored('2026-03-08 02:30:00', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z')
    expect(stored('2026-03-08 07:30:00 +0000', 'America/New_York')).toBe('2026-03-08T11:30:00.000Z')
    expect(stored('2026-11-01 02:30:00', 'America/New_York')).toBe('2026-11-01T06:30:00.000Z')
    expect(stored('2026-11-01 05:30:00', 'America/New_York')).toBe('2026-11-01T09:30:00.000Z')
    expect(stored('2026-11-01 06:00:00', 'America/New_York')).toBe('2026-11-01T11:00:00.000Z')
    expect(stored('2026-07-01 12:00:00', 'UTC')).toBe('2026-07-01T12:00:00.000Z')
  })

  it('words a REST2 change of date in the user’s zone, as the real RT answered in America/New_York', async () => {
    const simulator = createRtSimulator({ timeZone: 'America/New_York' })
    const served = await simulator.serve()
    try {
      const headers = { authorization: `token ${simulator.credentials.token}`, 'content-type': 'application/json' }
      const created = await fetch(`${served.url}/REST/2.0/ticket`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ Queue: 'General', Subject: 'due', Due: '2026-07-01 12:00:00' }),
      })
      const { id } = (await created.json()) as { id: string }
      const changed = await fetch(`${served.url}/REST/2.0/ticket/${id}`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ Due: '2026-03-08 07:30:00' }),
      })
      expect(await changed.json()).toEqual([`Ticket ${id}: Due changed from Wed Jul 01 08:00:00 2026 to Sun Mar 08 03:30:00 2026`])
    } finally {
      await served.close()
    }
  })

  it('runs with a configured $Timezone (checked), UTC by default', () => {
    expect(createRtSimulator().state.timeZone).toBe('UTC')
    expect(createRtSimulator({ timeZone: 'america/new_york' }).state.timeZone).toBe('America/New_York')
    expect(() => createRtSimulator({ timeZone: 'Nowhere/Town' })).toThrow(ConfigurationError)
  })
})
