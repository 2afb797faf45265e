import { afterAll, beforeAll, expect } from 'vitest'

/**
 * Instants around 2026's daylight-saving changes in New York and Auckland, with UTC wall-clock
 * times that a reading in the machine's zone would move (skipped or repeated there): a date an
 * adapter reads or writes in the machine's zone comes back as another instant at one of them.
 */
export const daylightSavingInstants: readonly string[] = [
  // New York springs forward at 07:00Z on 8 March: 02:30 does not exist there that night.
  '2026-03-08T02:30:00.000Z',
  '2026-03-08T06:59:59.500Z',
  '2026-03-08T07:00:00.000Z',
  // Auckland falls back at 14:00Z on 4 April (03:00 NZDT to 02:00 NZST): 02:30 on 5 April happens twice.
  '2026-04-04T13:59:59.999Z',
  '2026-04-04T14:00:00.000Z',
  '2026-04-05T02:30:00.000Z',
  // Auckland springs forward at 14:00Z on 26 September (02:00 to 03:00 NZDT): 02:30 on 27 September does not exist.
  '2026-09-26T13:59:59.000Z',
  '2026-09-26T14:00:00.001Z',
  '2026-09-27T02:30:00.000Z',
  // New York falls back at 06:00Z on 1 November: 01:30 happens twice.
  '2026-11-01T01:30:00.000Z',
  '2026-11-01T05:59:59.999Z',
  '2026-11-01T06:00:00.000Z',
]

/** The changes of each zone, as the pair of instants around each (the zone's offset differs across it). */
export const daylightSavingChanges: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  'America/New_York': [
    ['2026-03-08T06:59:59.500Z', '2026-03-08T07:00:00.000Z'],
    ['2026-11-01T05:59:59.999Z', '2026-11-01T06:00:00.000Z'],
  ],
  'Pacific/Auckland': [
    ['2026-04-04T13:59:59.999Z', '2026-04-04T14:00:00.000Z'],
    ['2026-09-26T13:59:59.000Z', '2026-09-26T14:00:00.001Z'],
  ],
}

/** The instant `milliseconds` after `instant`, as ISO-8601 UTC. */
export const instantAfter = (instant: string, milliseconds: number): string => new Date(Date.parse(instant) + milliseconds).toISOString()

/**
 * Runs the enclosing `describe` with the process in `zone` (Node reads `TZ` when it changes) and
 * puts the zone back after it; checks that the zone took effect, so a case cannot pass in UTC by
 * accident. Call it first in the `describe`, before the hooks that build adapters.
 */
export function useMachineTimeZone(zone: string): void {
  const originalZone = process.env.TZ
  beforeAll(() => {
    process.env.TZ = zone
    expect(new Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone)
  })
  afterAll(() => {
    if (originalZone === undefined) delete process.env.TZ
    else process.env.TZ = originalZone
  })
}
