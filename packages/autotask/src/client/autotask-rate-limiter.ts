import { getSharedRateLimiter, type RateLimiter, type ScheduleOptions } from '@ticketbridge/http'
import { autotaskEntityRoutes } from '../generated/autotask-entities'

/** The budget name the hourly threshold is kept under (for `used` and `setUsage`). */
export const hourlyBudgetName = 'hourly'

/** The one lane of each per-endpoint limiter and of the budget limiter. */
const laneName = 'requests'

/** Settings of {@link createAutotaskRateLimiter}. */
export interface AutotaskRateLimiterOptions {
  /**
   * Names the database: every client with the same key (a migration's source listing and its
   * target writes, two adapters of one tenant) draws on the same hourly budget.
   */
  tenantKey: string
  /**
   * Names the tracking identifier: Autotask counts threads per integration code and endpoint,
   * so lanes are shared by clients of one tenant with the same code.
   */
  integrationKey: string
  /** Concurrent requests per endpoint (Autotask's thread limit: 3). */
  concurrencyPerEndpoint: number
  /** Requests per rolling hour for the database. */
  hourlyRequestLimit: number
  /** The window of that budget: an hour, unless a simulator runs a fast clock. */
  hourlyWindowMs?: number
}

/**
 * The Autotask rate limit as one {@link RateLimiter} for the transport: a request first takes a
 * slot in its endpoint's lane (`Tickets`, `TicketNotes`, … at most three at once, Autotask's
 * thread limit per integration code and endpoint), then a start in the database's rolling hourly
 * budget (10,000 by default, resynced from ThresholdInformation with `setUsage`). Both live in
 * the process-wide registry of `getSharedRateLimiter`, keyed by tenant, so every client of one
 * tenant shares them. The transport passes the endpoint as the lane name.
 *
 * A server pause (after a 429 or a thread-limit refusal) holds the whole tenant: Autotask slows
 * every integration of a database as it nears its threshold.
 */
export function createAutotaskRateLimiter(options: AutotaskRateLimiterOptions): RateLimiter {
  const budget = getSharedRateLimiter(`autotask:budget:${options.tenantKey}`, {
    // The budget limits starts, not concurrency: the endpoint lanes do that.
    lanes: { [laneName]: { concurrency: 100_000 } },
    budgets: [{ name: hourlyBudgetName, limit: options.hourlyRequestLimit, windowMs: options.hourlyWindowMs ?? 3_600_000 }],
  })
  const endpoints = new Map<string, RateLimiter>()

  function endpointLimiter(endpoint: string): RateLimiter {
    let limiter = endpoints.get(endpoint)
    if (!limiter) {
      limiter = getSharedRateLimiter(`autotask:threads:${options.tenantKey}:${options.integrationKey}:${endpoint.toLowerCase()}`, {
        lanes: { [laneName]: { concurrency: options.concurrencyPerEndpoint } },
      })
      endpoints.set(endpoint, limiter)
    }
    return limiter
  }

  return {
    schedule<T>(lane: string, task: () => Promise<T>, scheduleOptions: ScheduleOptions = {}): Promise<T> {
      const { signal } = scheduleOptions
      // A thread of every endpoint the lane names, taken in one order so two lanes never wait on each other.
      const threads = lane.split(laneSeparator).sort()
      const run = (index: number): Promise<T> =>
        index === threads.length
          ? budget.schedule(laneName, task, scheduleOptions)
          : endpointLimiter(threads[index]!).schedule(laneName, () => run(index + 1), signal ? { signal } : {})
      return run(0)
    },
    pauseUntil: (timestampMs) => budget.pauseUntil(timestampMs),
    penalize: (retryAfterMs) => budget.penalize(retryAfterMs),
    setUsage: (budgetName, used, setUsageOptions) => budget.setUsage(budgetName, used, setUsageOptions),
    used: (budgetName) => budget.used(budgetName),
    get inFlight() {
      return budget.inFlight
    },
    get queued() {
      let queued = budget.queued
      for (const limiter of endpoints.values()) queued += limiter.queued
      return queued
    },
    get pausedUntil() {
      return budget.pausedUntil
    },
    get lanes() {
      return [...endpoints.keys()]
    },
  }
}

/** A child entity by its parent and URL segment (`Tickets` + `Notes` → `TicketNotes`). */
const childEntities = new Map(
  Object.entries(autotaskEntityRoutes).flatMap(([name, route]) =>
    route.parent ? [[`${route.parent.entity}/${route.parent.segment}`.toLowerCase(), name] as const] : [],
  ),
)

/** Separates the endpoints of a lane that counts against two (a child route). */
const laneSeparator = '+'

/**
 * The endpoint a request counts against: the entity segment after `V1.0` (`/Tickets/query` →
 * `Tickets`), which is how Autotask names the "object endpoint" of its thread limit. A child
 * route (`/Tickets/12/Notes`) counts against its parent and its own entity both
 * (`Tickets+TicketNotes`): which one Autotask counts it under is not documented, and taking a
 * thread of each never exceeds either (the simulator counts the entity).
 */
export function autotaskEndpointOf(pathOrUrl: string): string {
  const path = /^https?:\/\//i.test(pathOrUrl) ? new URL(pathOrUrl).pathname : pathOrUrl
  const segments = path.split('?')[0]!.split('/').filter(Boolean)
  const versionIndex = segments.findIndex((segment) => segment.toLowerCase() === 'v1.0')
  const endpoint = segments[versionIndex + 1] ?? segments[0] ?? 'root'
  const [parentId, childSegment] = [segments[versionIndex + 2], segments[versionIndex + 3]]
  const child =
    parentId !== undefined && /^\d+$/.test(parentId) && childSegment ? childEntities.get(`${endpoint}/${childSegment}`.toLowerCase()) : undefined
  return child ? `${endpoint}${laneSeparator}${child}` : endpoint
}
