import type { TicketingAdapter } from '@ticketbridge/core'
import type { TransportRateLimitEvent } from '@ticketbridge/http'

/** One setting a vendor connection needs, where it comes from, and whether it is a secret. */
export interface ConnectorSetting {
  /** The environment variable that sets it. */
  environment: string
  /** Secrets come only from the environment or a secrets file, never from the config file or flags. */
  secret: boolean
  required?: boolean
  description: string
}

/** A simulator the CLI started, and the settings that connect an adapter to it. */
export interface RunningSimulator {
  url: string
  settings: Record<string, string>
  /** Stops the server. */
  close(): Promise<void>
}

/** What the CLI listens to on an adapter it builds. */
export interface AdapterHooks {
  /** A call waits for the vendor's rate limit (our budget, or a 429 the vendor answered). */
  onRateLimit?: (event: TransportRateLimitEvent) => void
  /** `--timeout`: the longest wait without progress of one request, in milliseconds. */
  timeoutMs?: number
}

/**
 * What the CLI knows of a vendor: its settings, how to build its adapter from them, and how to
 * start its simulator for `demo` and `simulate`.
 */
export interface VendorConnector {
  vendor: string
  title: string
  settings: Record<string, ConnectorSetting>
  createAdapter(settings: Record<string, string>, hooks?: AdapterHooks): TicketingAdapter
  /**
   * Which instance the settings point at, from non-secret settings only (an address, a tenant, an
   * API user): the default ledger is kept per pair of instances.
   */
  instanceOf(settings: Record<string, string>): string
  startSimulator(options: { port?: number; seedTickets?: number }): Promise<RunningSimulator>
}
