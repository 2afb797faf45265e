/**
 * The RT adapter on a real RT 5 whose server `$Timezone` is America/New_York: a second RT beside
 * CI's (which runs in UTC), started for this file (test-support/rt-server-in-time-zone.ts) and
 * removed after it. Skipped, as the other real-RT tests, without RT_URL, and without RT installed.
 */
import { describe } from 'vitest'
import { rtServerUnavailable, startRtServerInTimeZone } from '../test-support/rt-server-in-time-zone'
import { describeRtTimeZoneScenario } from '../test-support/rt-time-zone-scenario'

const unavailable = rtServerUnavailable()

describe.skipIf(unavailable !== undefined)(`a real RT in America/New_York${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  describeRtTimeZoneScenario('RT time zones (a real RT in America/New_York)', async () => {
    const server = await startRtServerInTimeZone('America/New_York')
    return { baseUrl: server.url, user: server.user, password: server.password, token: server.token, close: () => server.stop() }
  })
})
