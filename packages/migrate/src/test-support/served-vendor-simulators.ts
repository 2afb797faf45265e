import type { TicketingAdapter } from '@ticketbridge/core'
import type { VendorConnector } from '@ticketbridge/http'
import { createFaultProxy, type FaultProxy } from '@ticketbridge/testkit/servers'

/** Quick retries: the simulators answer in microseconds. */
const fastRetry = { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 200 }

/** An adapter on a vendor's simulator, the simulator itself, and the fault proxy in between if asked. */
export interface ServedVendor<Simulator> {
  adapter: TicketingAdapter
  simulator: Simulator
  proxy?: FaultProxy
}

/** Adapters on vendor simulators served on 127.0.0.1 through their connectors, closed together by `closeAll()`. */
export function createServedVendorSimulators() {
  const cleanups: (() => Promise<void>)[] = []

  return {
    /** With `faultProxy`, the vendor's API is reached through a fault proxy (a token server directly). */
    async start<Simulator>(connector: VendorConnector<Simulator>, options: { faultProxy?: boolean } = {}): Promise<ServedVendor<Simulator>> {
      const running = await connector.startSimulator({})
      const proxy = options.faultProxy ? await createFaultProxy({ target: new URL(running.url).origin }) : undefined
      const adapter = running.connect({ retry: fastRetry, ...(proxy ? { throughProxy: (url: string) => throughProxy(url, proxy) } : {}) })
      cleanups.push(async () => {
        await adapter.close()
        await proxy?.close()
        await running.close()
      })
      return { adapter, simulator: running.simulator, ...(proxy ? { proxy } : {}) }
    },

    async closeAll(): Promise<void> {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
    },
  }
}

/** `url` with the proxy's origin in place of the server's. */
function throughProxy(url: string, proxy: FaultProxy): string {
  const parsed = new URL(url)
  return `${proxy.url}${parsed.pathname.replace(/\/$/, '')}${parsed.search}`
}
