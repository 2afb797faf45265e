import type { TicketingAdapter } from '@ticketbridge/core'
import { createAutotaskAdapter } from '@ticketbridge/autotask'
import { createAutotaskSimulator } from '@ticketbridge/autotask/simulator'
import { createHaloAdapter } from '@ticketbridge/halo'
import { createHaloSimulator } from '@ticketbridge/halo/simulator'
import { createRtAdapter } from '@ticketbridge/rt'
import { createRtSimulator } from '@ticketbridge/rt/simulator'
import { type CountingAxios, createCountingAxios, type WireExchange } from './counting-axios'

export type VendorName = 'halo' | 'autotask' | 'rt'

export const vendorNames: readonly VendorName[] = ['halo', 'autotask', 'rt']

/** A rolling-window budget: at most `requests` in any `windowMs`. */
export interface RequestBudget {
  requests: number
  windowMs: number
}

/** Options of {@link startVendorSandbox}. */
export interface VendorSandboxOptions {
  /**
   * The budget the simulator enforces and the adapter's own limiter is given, both the same.
   * Absent: the simulator's limit is set out of reach (the count case measures requests, not waits).
   */
  budget?: RequestBudget
  /** Tickets the simulator generates itself (its `seed` option), for workloads that need no exact counts. */
  generatedTickets?: number
}

/** A simulator on 127.0.0.1, an adapter on it, and both sides' count of the requests between them. */
export interface VendorSandbox {
  vendor: VendorName
  /** The current adapter (replaced by `reconnect`). */
  readonly adapter: TicketingAdapter
  /** What the current adapter sent, one entry per HTTP exchange (retries and refusals included). */
  readonly wire: CountingAxios
  /**
   * Closes the adapter and builds a fresh one on the same simulator, so a second migration from
   * the same data starts with cold caches, as a new run of the CLI would.
   */
  reconnect(): Promise<void>
  /** Requests the simulator's own server log holds (its `serve({ record: true })`). */
  serverRequestCount(): number
  /** Whether a request counts against the vendor's rate limit (token and zone calls do not). */
  isRateLimited(exchange: WireExchange): boolean
  /**
   * Whether a request went to a fixed-cost endpoint: authentication, zone, limits, lookups and
   * metadata, people and organizations. Judged by path alone, so a per-ticket call to one of
   * those endpoints is counted here too.
   */
  isFixedCost(exchange: WireExchange): boolean
  close(): Promise<void>
}

/** What differs per vendor: how to build an adapter on the running simulator, and how to read its paths. */
interface VendorConnection {
  connect(wire: CountingAxios): TicketingAdapter
  serverRequestCount(): number
  isRateLimited(exchange: WireExchange): boolean
  isFixedCost(exchange: WireExchange): boolean
  closeServer(): Promise<void>
}

let sandboxes = 0

/**
 * Starts a vendor's simulator the way the CLI's connectors do (apps/demo/src/connectors) and
 * builds its adapter with a counting axios instance. Without a budget, limits are raised out of
 * reach, as the demo does; with one, the simulator enforces it as the vendor would:
 * - Halo: the simulator's rolling window (`rateLimit: { limit, windowMs }`, 429 without
 *   Retry-After as on hosted Halo), and the adapter's `rateLimit: { requests, windowMs }`. The
 *   client waits 30–60 s after a Retry-After-less 429 on a 5-minute window; here that wait is
 *   scaled to the window (a fifth to two fifths of it).
 * - Autotask: the threshold is per rolling hour. The simulator gets a clock that runs
 *   `3 600 000 / windowMs` times faster (its hour lasts `windowMs`; its usage latency, 0.5 s from
 *   half and 1 s from three quarters of the threshold, is scaled down by the same factor) and
 *   `hourlyLimit: requests`; the adapter gets `hourlyRequestLimit: requests` over
 *   `hourlyWindowMs: windowMs`. The adapter's 60 s pause after a threshold refusal is capped to
 *   the window, as Halo's wait is scaled.
 * - RT documents no rate limit and its simulator enforces none.
 */
export async function startVendorSandbox(vendor: VendorName, options: VendorSandboxOptions = {}): Promise<VendorSandbox> {
  const connection = await startSimulator(vendor, options)
  let wire = createCountingAxios()
  let adapter = connection.connect(wire)
  return {
    vendor,
    get adapter() {
      return adapter
    },
    get wire() {
      return wire
    },
    async reconnect() {
      await adapter.close()
      wire = createCountingAxios()
      adapter = connection.connect(wire)
    },
    serverRequestCount: () => connection.serverRequestCount(),
    isRateLimited: (exchange) => connection.isRateLimited(exchange),
    isFixedCost: (exchange) => connection.isFixedCost(exchange),
    async close() {
      await adapter.close()
      await connection.closeServer()
    },
  }
}

async function startSimulator(vendor: VendorName, options: VendorSandboxOptions): Promise<VendorConnection> {
  const { budget } = options
  switch (vendor) {
    case 'halo': {
      const simulator = createHaloSimulator({
        seed: options.generatedTickets ?? 0,
        rateLimit: budget ? { limit: budget.requests, windowMs: budget.windowMs } : false,
      })
      const served = await simulator.serve({ record: true })
      const site = simulator.state.sites.all().find((row) => row.inactive !== true)
      return {
        connect: (wire) =>
          createHaloAdapter({
            resourceUrl: served.resourceUrl,
            authUrl: served.authUrl,
            ...(simulator.credentials.tenant ? { tenant: simulator.credentials.tenant } : {}),
            clientId: simulator.credentials.clientId,
            clientSecret: simulator.credentials.clientSecret,
            ...(site ? { defaultSiteId: Number(site.id) } : {}),
            // Each adapter its own limiter key: a fresh adapter starts with an empty budget log, as a new process would.
            rateLimit: { ...(budget ? { requests: budget.requests, windowMs: budget.windowMs } : { requests: 10_000_000, windowMs: 300_000 }), key: `bench:halo:${++sandboxes}` },
            ...(budget ? { retry: { rateLimitDelayMs: { min: budget.windowMs / 5, max: (budget.windowMs * 2) / 5 } } } : {}),
            axiosInstance: wire.instance,
          }),
        serverRequestCount: () => served.requests.length,
        // Halo counts resource requests; the authorisation server's token calls are not limited.
        isRateLimited: (exchange) => !/\/auth\/token/i.test(exchange.url),
        isFixedCost: (exchange) => /\/auth\/token|\/api\/(Agent|Client|Site|Users|Status|Priority|Outcome|Team|TicketType|FieldInfo|Lookup|SLA|Category|AuthInfo)(\/|\?|$)/i.test(exchange.url),
        closeServer: () => served.close(),
      }
    }
    case 'autotask': {
      const startedAt = Date.now()
      const speedUp = budget ? 3_600_000 / budget.windowMs : 1
      const simulator = createAutotaskSimulator({
        seed: options.generatedTickets ?? 0,
        hourlyLimit: budget ? budget.requests : 10_000_000,
        usageLatencyScale: budget ? 1 / speedUp : 0,
        ...(budget ? { clock: { now: () => startedAt + (Date.now() - startedAt) * speedUp } } : {}),
      })
      const served = await simulator.serve({ record: true })
      // One tenant key for every adapter of this simulator: Autotask counts per database.
      const rateLimitKey = `bench-autotask-${++sandboxes}`
      return {
        connect: (wire) =>
          createAutotaskAdapter({
            ...simulator.credentials,
            zoneDiscoveryUrl: served.zoneDiscoveryUrl,
            hourlyRequestLimit: budget ? budget.requests : 10_000_000,
            ...(budget ? { hourlyWindowMs: budget.windowMs } : {}),
            rateLimitKey,
            organizationDefaults: { phone: '555-0100' },
            // After a threshold refusal the client pauses 60 s, a sixtieth of Autotask's hour; capped to the shortened window here.
            ...(budget ? { retry: { maximumRetryAfterMs: budget.windowMs } } : {}),
            axiosInstance: wire.instance,
          }),
        serverRequestCount: () => served.requests.length,
        // Zone discovery is exempt from Autotask's limits (autotask.md §3, §16).
        isRateLimited: (exchange) => !/\/ZoneInformation/i.test(exchange.url),
        isFixedCost: (exchange) => /\/(ZoneInformation|ThresholdInformation|Companies|Contacts|Resources|ResourceRoles|Roles)(\/|\?|$)|\/entityInformation/i.test(exchange.url),
        closeServer: () => served.close(),
      }
    }
    case 'rt': {
      const simulator = createRtSimulator()
      if (options.generatedTickets) await simulator.seedTickets(options.generatedTickets, 'Generated')
      const served = await simulator.serve({ record: true })
      return {
        connect: (wire) => createRtAdapter({ baseUrl: served.url, auth: { token: simulator.credentials.token }, axiosInstance: wire.instance }),
        serverRequestCount: () => served.requests.length,
        isRateLimited: () => false,
        isFixedCost: (exchange) => /\/REST\/2\.0\/(queues?|customfields?|users?|groups?|rt)(\/|\?|$)/i.test(exchange.url),
        closeServer: () => served.close(),
      }
    }
  }
}
