/**
 * The RT adapter on an RT whose server `$Timezone` is America/New_York, played by the simulator:
 * the scenario of test-support/rt-time-zone-scenario.ts (the real RT runs it in
 * rt-time-zone.real-rt.test.ts).
 */
import { createRtSimulator } from '../simulator/index'
import { describeRtTimeZoneScenario } from '../test-support/rt-time-zone-scenario'

describeRtTimeZoneScenario('RT time zones (simulator in America/New_York)', async () => {
  const simulator = createRtSimulator({ timeZone: 'America/New_York' })
  const served = await simulator.serve()
  const { user, password, token } = simulator.credentials
  return { baseUrl: served.url, user, password, token, close: () => served.close() }
})
