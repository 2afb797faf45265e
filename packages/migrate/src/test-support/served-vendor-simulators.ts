import type { TicketingAdapter } from '@ticketbridge/core'
import { createAutotaskAdapter } from '@ticketbridge/autotask'
import { createAutotaskSimulator } from '@ticketbridge/autotask/simulator'
import { createHaloAdapter, type HaloAdapter } from '@ticketbridge/halo'
import { createHaloSimulator } from '@ticketbridge/halo/simulator'
import { createRtAdapter } from '@ticketbridge/rt'
import { createRtSimulator } from '@ticketbridge/rt/simulator'

/** Quick retries: the simulators answer in microseconds. */
const fast = { retry: { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 200 } }

/** Adapters on vendor simulators served on 127.0.0.1, closed together by `closeAll()`. */
export function createServedVendorSimulators() {
  const cleanups: (() => Promise<void>)[] = []
  const keep = (close: () => Promise<void>) => cleanups.push(close)

  return {
    async halo(): Promise<{ adapter: HaloAdapter; simulator: ReturnType<typeof createHaloSimulator> }> {
      const simulator = createHaloSimulator({ rateLimit: false })
      const served = await simulator.serve({ record: false })
      const site = simulator.state.sites.all().find((row) => row.inactive !== true)
      const adapter = createHaloAdapter({
        resourceUrl: served.resourceUrl,
        authUrl: served.authUrl,
        ...(simulator.credentials.tenant ? { tenant: simulator.credentials.tenant } : {}),
        clientId: simulator.credentials.clientId,
        clientSecret: simulator.credentials.clientSecret,
        ...(site ? { defaultSiteId: Number(site.id) } : {}),
        ...fast,
      })
      keep(async () => {
        await adapter.close()
        await served.close()
      })
      return { adapter, simulator }
    },

    async autotask(): Promise<TicketingAdapter> {
      const simulator = createAutotaskSimulator({ hourlyLimit: 1_000_000 })
      const served = await simulator.serve({ record: false })
      const adapter = createAutotaskAdapter({
        username: simulator.credentials.username,
        secret: simulator.credentials.secret,
        integrationCode: simulator.credentials.integrationCode,
        zoneDiscoveryUrl: served.zoneDiscoveryUrl,
        organizationDefaults: { phone: '555-0100' },
        thresholdResyncIntervalMs: 0,
        ...fast,
      })
      keep(async () => {
        await adapter.close()
        await served.close()
      })
      return adapter
    },

    /** The RT adapter (REST2) on the RT simulator. */
    async rt(): Promise<{ adapter: TicketingAdapter; simulator: ReturnType<typeof createRtSimulator> }> {
      const simulator = createRtSimulator()
      const served = await simulator.serve({ record: false })
      const adapter = createRtAdapter({ baseUrl: served.url, auth: { token: simulator.credentials.token }, ...fast })
      keep(async () => {
        await adapter.close()
        await served.close()
      })
      return { adapter, simulator }
    },

    async closeAll(): Promise<void> {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
    },
  }
}
