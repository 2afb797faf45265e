import type { TicketingAdapter } from '@ticketbridge/core'
import { createAutotaskAdapter } from '@ticketbridge/autotask'
import { createAutotaskSimulator } from '@ticketbridge/autotask/simulator'
import { createHaloAdapter, type HaloAdapter } from '@ticketbridge/halo'
import { createHaloSimulator } from '@ticketbridge/halo/simulator'
import { createRtAdapter } from '@ticketbridge/rt'
import { createRtSimulator } from '@ticketbridge/rt/simulator'
import { createFaultProxy, type FaultProxy } from '@ticketbridge/testkit/servers'

/** Quick retries: the simulators answer in microseconds. */
const fast = { retry: { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 200 } }

/** Adapters on vendor simulators served on 127.0.0.1, closed together by `closeAll()`. */
export function createServedVendorSimulators() {
  const cleanups: (() => Promise<void>)[] = []
  const keep = (close: () => Promise<void>) => cleanups.push(close)

  return {
    /** With `faultProxy`, the resource server is reached through a fault proxy (the token server directly). */
    async halo(options: { faultProxy?: boolean } = {}): Promise<{ adapter: HaloAdapter; simulator: ReturnType<typeof createHaloSimulator>; proxy?: FaultProxy }> {
      const simulator = createHaloSimulator({ rateLimit: false })
      const served = await simulator.serve({ record: false })
      const proxy = options.faultProxy ? await proxyTo(served.resourceUrl) : undefined
      const site = simulator.state.sites.all().find((row) => row.inactive !== true)
      const adapter = createHaloAdapter({
        resourceUrl: proxy ? throughProxy(served.resourceUrl, proxy) : served.resourceUrl,
        authUrl: served.authUrl,
        ...(simulator.credentials.tenant ? { tenant: simulator.credentials.tenant } : {}),
        clientId: simulator.credentials.clientId,
        clientSecret: simulator.credentials.clientSecret,
        ...(site ? { defaultSiteId: Number(site.id) } : {}),
        // A 429 without Retry-After waits a tenth to a fifth of Halo's 5-minute window; here a moment.
        retry: { ...fast.retry, rateLimitDelayMs: { min: 50, max: 150 } },
      })
      keep(async () => {
        await adapter.close()
        await proxy?.close()
        await served.close()
      })
      return { adapter, simulator, ...(proxy ? { proxy } : {}) }
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
    async rt(options: { faultProxy?: boolean } = {}): Promise<{ adapter: TicketingAdapter; simulator: ReturnType<typeof createRtSimulator>; proxy?: FaultProxy }> {
      const simulator = createRtSimulator()
      const served = await simulator.serve({ record: false })
      const proxy = options.faultProxy ? await proxyTo(served.url) : undefined
      const adapter = createRtAdapter({ baseUrl: proxy ? throughProxy(served.url, proxy) : served.url, auth: { token: simulator.credentials.token }, ...fast })
      keep(async () => {
        await adapter.close()
        await proxy?.close()
        await served.close()
      })
      return { adapter, simulator, ...(proxy ? { proxy } : {}) }
    },

    async closeAll(): Promise<void> {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
    },
  }
}

/** A fault proxy in front of the server of `url`. */
function proxyTo(url: string): Promise<FaultProxy> {
  return createFaultProxy({ target: new URL(url).origin })
}

/** `url` with the proxy's origin in place of the server's. */
function throughProxy(url: string, proxy: FaultProxy): string {
  const parsed = new URL(url)
  return `${proxy.url}${parsed.pathname.replace(/\/$/, '')}${parsed.search}`
}
