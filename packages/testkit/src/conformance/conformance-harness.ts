import type { TicketingAdapterV1 } from '@ticketbridge/core'

/**
 * A failure to play on the next calls, the same vocabulary for every harness: the memory
 * adapter's fault queue, a simulator's fault knob, or a fault proxy in front of a real server.
 */
export type ConformanceFault =
  | { kind: 'status'; status: number; retryAfterSeconds?: number; count?: number }
  | { kind: 'reset'; count?: number }
  | { kind: 'delay'; ms: number; count?: number }
  | { kind: 'html'; count?: number }

/** Plays faults on the adapter's next requests. */
export interface ConformanceFaults {
  inject(fault: ConformanceFault): void
  clear(): void
}

type MaybePromise<T> = T | Promise<T>

/**
 * What the suite needs to test an adapter. Only `createAdapter` and `secrets` are required;
 * each optional hook unlocks the cases that need it, and the suite reports which were skipped.
 */
export interface ConformanceHarness {
  /** An adapter with valid credentials and full rights. Called once per suite. */
  createAdapter(): MaybePromise<TicketingAdapterV1>
  /** Every secret the adapters hold: none may appear in an error or log line. */
  secrets: string[]
  /** An adapter whose credentials the vendor refuses (for AuthenticationError). */
  createAdapterWithBadCredentials?(): MaybePromise<TicketingAdapterV1>
  /** An adapter whose credentials may read but not write (for PermissionError). */
  createAdapterWithoutPermission?(): MaybePromise<TicketingAdapterV1>
  /**
   * An adapter that lacks some operation its `capabilities` declare missing (for
   * UnsupportedOperationError). Not needed when `createAdapter`'s adapter already lacks one.
   */
  createRestrictedAdapter?(): MaybePromise<TicketingAdapterV1>
  /** Plays faults on the adapter's next requests (for rate limits, outages, timeouts). */
  faults?: ConformanceFaults
  /** Makes `tickets.update` of this ticket fail with a conflict, as a concurrent change would. */
  provokeConflict?(adapter: TicketingAdapterV1, ticketId: string): Promise<unknown>
  /** Lines the adapters logged so far; checked for secrets. */
  logLines?(): string[]
  /**
   * Creates many tickets quickly (a simulator seeds its store directly) for the paging case;
   * without it the suite creates them through the adapter. Subjects must contain `marker`.
   */
  seedTickets?(count: number, marker: string): Promise<void>
  /** Releases what the harness started (servers, proxies). */
  dispose?(): MaybePromise<void>
}

/** Options of `describeTicketingAdapter`. */
export interface ConformanceOptions {
  /** Case names to skip, each with the reason; reported as skipped. Prefer capabilities. */
  skip?: Record<string, string>
  /** Vendor-specific cases, run with the same adapter after the shared ones. */
  extra?: (context: ConformanceContext) => void
  /** Timeout of one case in milliseconds (default 60 000: real servers are slow). */
  caseTimeoutMs?: number
  /** Tickets to list in the paging case (default: twice the page size limit plus 17). */
  pagingTicketCount?: number
}

/** What each case sees. `adapter` is set once `beforeAll` has run. */
export interface ConformanceContext {
  readonly adapter: TicketingAdapterV1
  readonly harness: ConformanceHarness
  /** A tag unique to this run, put in subjects so cases on shared servers find their own data. */
  readonly runTag: string
  /** Every error a case caught; checked for secrets at the end. */
  readonly caughtErrors: unknown[]
}
