import type { AxiosInstance } from 'axios'
import type { DocumentedRateLimit, TicketingAdapter } from '@ticketbridge/core'
import type { TransportRateLimitEvent } from '../http-transport'
import type { RetryPolicyOptions } from '../retry-policy'
import type { ConnectorSignIn } from './connector-sign-in'

/** One setting a vendor connection needs, where it comes from, and whether it is a secret. */
export interface ConnectorSetting {
  /** The environment variable that sets it. */
  environment: string
  /** Secrets come only from the environment or a secrets file, never from a config file or flags. */
  secret: boolean
  required?: boolean
  description: string
}

/** What a caller can tune on an adapter a connector builds, whatever the vendor. */
export interface ConnectorAdapterOptions {
  /** A call waits for the vendor's rate limit (our budget, or a 429 the vendor answered). */
  onRateLimit?: (event: TransportRateLimitEvent) => void
  /** The longest wait without progress of one request, in milliseconds. */
  timeoutMs?: number
  /** The axios instance to send through (the bench counts what goes over it). */
  axiosInstance?: AxiosInstance
  /** Retry policy overrides: tests against simulators retry in milliseconds, not seconds. */
  retry?: Pick<RetryPolicyOptions, 'maxRetries' | 'baseDelayMs' | 'maxDelayMs'>
}

/** Options of a simulator a connector starts on 127.0.0.1. */
export interface SimulatorStartOptions {
  port?: number
  /** Tickets the simulator generates (with comments, files and people), for demos and load. */
  seedTickets?: number
  /**
   * The rolling budget the simulator enforces, as the vendor would (429s, threshold answers);
   * the adapters of `connect` keep to it, with the vendor's waits scaled to the window. Absent:
   * limits are set out of reach.
   */
  budget?: { requests: number; windowMs: number }
  /** Keep a log of the requests answered, for `requestCount()`. */
  record?: boolean
}

/** A simulator a connector started, and ways to reach it. */
export interface RunningSimulator<Simulator = unknown> {
  /** The address people open. */
  url: string
  /** Settings (as the CLI takes them, strings) that connect `createAdapter` to this simulator. */
  settings: Record<string, string>
  /** The simulator itself, for tests that look inside or play faults. */
  simulator: Simulator
  /**
   * An adapter on this simulator, tuned to its budget. `throughProxy` rewrites the address of the
   * vendor's API (not its token server) before the adapter uses it: tests put a fault proxy in between.
   */
  connect(options?: ConnectorAdapterOptions & { throughProxy?: (url: string) => string }): TicketingAdapter
  /** Requests the server answered (with `record: true`). */
  requestCount(): number
  close(): Promise<void>
}

/** How a request to the vendor counts, judged by its address. */
export interface RequestCost {
  /** The vendor's rate limit counts it (token and zone calls are exempt). */
  rateLimited: boolean
  /** It goes to a fixed-cost endpoint (authentication, lookups, metadata, people, organizations). */
  fixedCost: boolean
}

/** What a migration has to move, counted as the source holds it. */
export interface HelpDeskShape {
  tickets: number
  comments: number
  files: number
  ticketsWithFiles: number
}

/**
 * The fewest requests the vendor's documented API needs to read a help desk (as a source) and to
 * write it (as a target), from the vendor's reference and spec. Left out: tokens, zone discovery,
 * lookups and the people directory, a fixed cost that does not grow with the tickets. The bench
 * sets our request counts beside it.
 */
export interface ApiMinimum {
  read(shape: HelpDeskShape): number
  write(shape: HelpDeskShape): number
}

/**
 * What the CLI, the bench, the demo and the migration tests know of a vendor, exported by the
 * vendor's package (`@ticketbridge/<vendor>/connector`): its settings, how to build its adapter,
 * its documented rate limit, and how to start its simulator.
 */
export interface VendorConnector<Simulator = unknown> {
  vendor: string
  title: string
  settings: Record<string, ConnectorSetting>
  /** The vendor's documented rate limit; absent where it documents none. */
  rateLimit?: DocumentedRateLimit
  createAdapter(settings: Record<string, string>, options?: ConnectorAdapterOptions): TicketingAdapter
  /**
   * Which instance the settings point at, from non-secret settings only (an address, a tenant,
   * an API user): the CLI keeps its default ledger per pair of instances.
   */
  instanceOf(settings: Record<string, string>): string
  /**
   * The address of a ticket in the vendor's web interface, as a pattern with `{id}`, where the
   * vendor documents one (RT's `Ticket/Display.html?id=`): reports link each ticket to it.
   */
  ticketWebAddress?(settings: Record<string, string>): string | undefined
  startSimulator(options?: SimulatorStartOptions): Promise<RunningSimulator<Simulator>>
  requestCost(url: string): RequestCost
  apiMinimum: ApiMinimum
  /** A person's sign-in in a browser, where the vendor offers one (`ticketbridge auth login <vendor>`). */
  signIn?: ConnectorSignIn
}
