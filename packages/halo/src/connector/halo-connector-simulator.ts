import type { TicketingAdapter } from '@ticketbridge/core'
import type { ConnectorAdapterOptions, RunningSimulator, SimulatorStartOptions } from '@ticketbridge/http'
import { createHaloAdapter } from '../adapter/halo-adapter'
import type { HaloAdapterSettings } from '../adapter/halo-adapter-settings'
import { createHaloSimulator, type HaloSimulator } from '../simulator/index'
import { haloAdapterSettingsFrom, haloBudgetWindowMs } from './halo-connector-settings'

/** A budget out of reach: where none is given, neither the simulator nor its adapters hold anything back. */
const outOfReachRequests = 10_000_000

/** Adapters connected so far in this process: each gets its own limiter key. */
let connections = 0

/**
 * Retries on a simulator. Halo answers a 429 without Retry-After, and the client then waits a
 * tenth to a fifth of the 5-minute window; under a budget that wait is scaled to the budget's
 * window (a fifth to two fifths of it), and where the caller asks for quick retries it is a moment.
 */
function simulatorRetry(budget: SimulatorStartOptions['budget'], retry: ConnectorAdapterOptions['retry']): HaloAdapterSettings['retry'] | undefined {
  if (budget) return { ...retry, rateLimitDelayMs: { min: budget.windowMs / 5, max: (budget.windowMs * 2) / 5 } }
  if (retry) return { ...retry, rateLimitDelayMs: { min: 50, max: 150 } }
  return undefined
}

/**
 * Starts a Halo simulator on 127.0.0.1. With a budget it enforces that rolling window as hosted
 * Halo does (429 without Retry-After), and the adapters of `connect` keep to it; without one,
 * limits are out of reach.
 */
export async function startHaloConnectorSimulator(options: SimulatorStartOptions = {}): Promise<RunningSimulator<HaloSimulator>> {
  const { budget } = options
  const simulator = createHaloSimulator({
    seed: options.seedTickets ?? 0,
    rateLimit: budget ? { limit: budget.requests, windowMs: budget.windowMs } : false,
  })
  const served = await simulator.serve({ ...(options.port ? { port: options.port } : {}), record: options.record ?? false })
  const site = simulator.state.sites.all().find((row) => row.inactive !== true)
  const settings: Record<string, string> = {
    resourceUrl: served.resourceUrl,
    authUrl: served.authUrl,
    ...(simulator.credentials.tenant ? { tenant: simulator.credentials.tenant } : {}),
    clientId: simulator.credentials.clientId,
    clientSecret: simulator.credentials.clientSecret,
    ...(site ? { defaultSiteId: String(site.id) } : {}),
    // The simulator's own window, so a command's adapters keep to exactly what it enforces.
    requestsPerFiveMinutes: String(budget ? budget.requests : outOfReachRequests),
    ...(budget ? { rateLimitWindowSeconds: String(budget.windowMs / 1000) } : {}),
  }
  const adapters: TicketingAdapter[] = []
  return {
    url: served.url,
    settings,
    simulator,
    connect({ throughProxy, ...adapterOptions } = {}) {
      const retry = simulatorRetry(budget, adapterOptions.retry)
      const adapter = createHaloAdapter({
        ...haloAdapterSettingsFrom(settings, adapterOptions),
        // The fault proxy stands before the resource server only; tokens come from the simulator directly.
        ...(throughProxy ? { resourceUrl: throughProxy(served.resourceUrl) } : {}),
        // Each adapter its own limiter key: a fresh adapter starts with an empty budget log, as a new process would.
        rateLimit: {
          requests: budget?.requests ?? outOfReachRequests,
          windowMs: budget?.windowMs ?? haloBudgetWindowMs,
          key: `connector:halo:${++connections}`,
        },
        ...(retry ? { retry } : {}),
      })
      adapters.push(adapter)
      return adapter
    },
    requestCount: () => served.requests.length,
    async close() {
      for (const adapter of adapters.splice(0)) await adapter.close()
      await served.close()
    },
  }
}
