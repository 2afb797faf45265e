import { builtInConnectors, findBuiltInConnector } from '@ticketbridge/connectors'
import type { TicketingAdapter } from '@ticketbridge/core'
import type { VendorConnector } from '@ticketbridge/http'
import { type CountingAxios, createCountingAxios, type WireExchange } from './counting-axios'

/** The vendors the bench measures: every built-in connector. */
export const vendorNames: readonly string[] = builtInConnectors.map((connector) => connector.vendor)

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
  vendor: string
  connector: VendorConnector
  /** The current adapter (replaced by `reconnect`). */
  readonly adapter: TicketingAdapter
  /** What the current adapter sent, one entry per HTTP exchange (retries and refusals included). */
  readonly wire: CountingAxios
  /**
   * Closes the adapter and builds a fresh one on the same simulator, so a second migration from
   * the same data starts with cold caches, as a new run of the CLI would (under a budget, one
   * window later, so the simulator's window holds none of the old adapter's requests).
   */
  reconnect(): Promise<void>
  /** Requests the simulator's own server log holds. */
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

/**
 * Starts a vendor's simulator through its connector (as the CLI does) and builds its adapter
 * with a counting axios instance. Without a budget, limits are out of reach, as the demo has
 * them; with one, the simulator enforces it as the vendor would and the connector scales the
 * vendor's waits (and hourly clocks) to the budget's window.
 */
export async function startVendorSandbox(vendor: string, options: VendorSandboxOptions = {}): Promise<VendorSandbox> {
  const connector = findBuiltInConnector(vendor)
  const running = await connector.startSimulator({
    record: true,
    ...(options.budget ? { budget: options.budget } : {}),
    ...(options.generatedTickets ? { seedTickets: options.generatedTickets } : {}),
  })
  let wire = createCountingAxios()
  let adapter = running.connect({ axiosInstance: wire.instance })
  return {
    vendor: connector.vendor,
    connector,
    get adapter() {
      return adapter
    },
    get wire() {
      return wire
    },
    async reconnect() {
      await adapter.close()
      // A new run's limiter knows nothing of the old adapter's requests: it starts after their window has passed, as a run started after an idle moment would.
      if (options.budget) await new Promise((resolve) => setTimeout(resolve, options.budget!.windowMs))
      wire = createCountingAxios()
      adapter = running.connect({ axiosInstance: wire.instance })
    },
    serverRequestCount: () => running.requestCount(),
    isRateLimited: (exchange) => connector.requestCost(exchange.url).rateLimited,
    isFixedCost: (exchange) => connector.requestCost(exchange.url).fixedCost,
    async close() {
      await adapter.close()
      await running.close()
    },
  }
}
