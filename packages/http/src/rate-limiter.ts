import { ConfigurationError } from '@ticketbridge/core'
import { toAbortError } from './abortable-sleep'
import { systemClock, type Clock } from './clock'
import { assertPositiveInteger } from './assert-positive-integer'
import { RateLimitGate, type RateLimitEvent } from './rate-limit-gate'
import { RollingWindowBudget, type RollingWindowBudgetOptions } from './rolling-window-budget'

export type { RateLimitEvent } from './rate-limit-gate'

/** Concurrency of one lane (for example `read` or `write`). */
export interface RateLimitLaneOptions {
  /** Tasks of this lane running at once, at most. */
  concurrency: number
}

/** Settings of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** The lanes and their concurrency. Defaults to `read` and `write`, 3 each (Autotask's thread limit). */
  lanes?: Record<string, RateLimitLaneOptions>
  /** Rolling-window request budgets shared by all lanes, such as Halo's 300 per 5 minutes. */
  budgets?: RollingWindowBudgetOptions[]
  /** Tasks running at once across all lanes. Defaults to the sum of the lanes' concurrency. */
  maxConcurrency?: number
  /** Called whenever a task must wait for budget or for a server-side throttle to pass. */
  onRateLimit?: (event: RateLimitEvent) => void
  /** Time source; tests inject one. Defaults to the process clock. */
  clock?: Clock
  /** Shorthand to replace only `clock.now`. */
  now?: () => number
}

/** Per-task options of {@link RateLimiter.schedule}. */
export interface ScheduleOptions {
  /** Removes the task while it waits and rejects it with AbortError; a running task handles the signal itself. */
  signal?: AbortSignal
  /** Budget units the task consumes; defaults to 1 request. */
  weight?: number
  /** Like {@link RateLimiterOptions.onRateLimit}, for this task only (a transport sharing a limiter uses it). */
  onRateLimit?: (event: RateLimitEvent) => void
}

/**
 * A rate-limit layer independent of any HTTP library: lanes with their own concurrency,
 * an overall concurrency cap, and rolling-window budgets that every task start consumes.
 */
export interface RateLimiter {
  /** Runs `task` when its lane, the overall cap, every budget and any server pause allow it. */
  schedule<T>(lane: string, task: () => Promise<T>, options?: ScheduleOptions): Promise<T>
  /** Holds every lane until `timestampMs` (epoch ms), after a server-side throttle. Never shortens a pause. */
  pauseUntil(timestampMs: number): void
  /** Holds every lane for `retryAfterMs` from now: what a 429 with Retry-After asks for. */
  penalize(retryAfterMs: number): void
  /**
   * Replaces a budget's count (and optionally its limit) with what the vendor reports. `asOf`
   * (epoch ms, default now) is when the report was asked for: requests answered later or still
   * in flight stay counted on top of it.
   */
  setUsage(budgetName: string, used: number, options?: { limit?: number; asOf?: number }): void
  /** Starts counted by a budget in its current window. */
  used(budgetName: string): number
  /** Tasks running now. */
  readonly inFlight: number
  /** Tasks waiting for a lane, the overall cap, budget or a pause. */
  readonly queued: number
  /** Epoch ms until which a server throttle holds every lane; 0 or past when none. */
  readonly pausedUntil: number
  /** The lane names this limiter accepts. */
  readonly lanes: readonly string[]
}

/** Lanes used when none are given: reads and writes, three at a time each. */
export const defaultRateLimitLanes: Readonly<Record<string, RateLimitLaneOptions>> = Object.freeze({
  read: { concurrency: 3 },
  write: { concurrency: 3 },
})

/**
 * Creates a rate limiter. Every task waits in one line (`rate-limit-gate.ts`), which admits the
 * oldest task whose lane has room once the overall cap, every budget and any server pause allow
 * it. A task counts against every budget from its start, and from its end for a whole window,
 * so it never leaves a budget before the vendor, which counts it on arrival somewhere in
 * between, lets it go. A task that finds room everywhere starts at once, without a promise of
 * the limiter's own: the transport pays this on every request.
 *
 * @example
 * const limiter = createRateLimiter({
 *   lanes: { read: { concurrency: 4 }, write: { concurrency: 2 } },
 *   budgets: [{ name: 'rolling-5-minutes', limit: 300, windowMs: 300_000 }],
 * })
 * const ticket = await limiter.schedule('read', () => client.get('/api/Tickets/1'))
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const baseClock = options.clock ?? systemClock
  const clock: Clock = options.now ? { ...baseClock, now: options.now } : baseClock
  const laneOptions = options.lanes ?? defaultRateLimitLanes
  const laneNames = Object.keys(laneOptions)
  if (laneNames.length === 0) throw new ConfigurationError('A rate limiter needs at least one lane.', { option: 'lanes' })

  const laneConcurrency = new Map<string, number>()
  let concurrencySum = 0
  for (const [name, lane] of Object.entries(laneOptions)) {
    assertPositiveInteger(lane.concurrency, `lanes.${name}.concurrency`)
    concurrencySum += lane.concurrency
    laneConcurrency.set(name, lane.concurrency)
  }
  const maxConcurrency = options.maxConcurrency ?? concurrencySum
  assertPositiveInteger(maxConcurrency, 'maxConcurrency')

  const budgets = new Map<string, RollingWindowBudget>()
  for (const budgetOptions of options.budgets ?? []) {
    if (budgets.has(budgetOptions.name)) {
      throw new ConfigurationError(`Two rate-limit budgets are named ${budgetOptions.name}.`, { option: 'budgets' })
    }
    budgets.set(budgetOptions.name, new RollingWindowBudget(budgetOptions))
  }

  const gate = new RateLimitGate(budgets, laneConcurrency, maxConcurrency, clock, options.onRateLimit)

  /** Throws the ConfigurationError of a task no lane or budget can ever take. */
  const checkTask = (lane: string, weight: number): void => {
    if (!laneConcurrency.has(lane)) {
      throw new ConfigurationError(`Unknown rate-limit lane ${lane}; this limiter has ${laneNames.join(', ')}.`, { option: 'lane' })
    }
    assertPositiveInteger(weight, 'weight')
    for (const budget of budgets.values()) {
      if (weight > budget.limit) {
        throw new ConfigurationError(`A task of weight ${weight} can never fit budget ${budget.name} (limit ${budget.limit}).`, { option: 'weight' })
      }
    }
  }

  /** Runs an admitted task and frees its place however it ends (a throw included). */
  const runAdmitted = <T>(lane: string, weight: number, task: () => Promise<T>): Promise<T> => {
    let running: Promise<T>
    try {
      running = task()
    } catch (error) {
      gate.leave(lane, weight)
      return Promise.reject(error)
    }
    return running.finally(() => gate.leave(lane, weight))
  }

  return {
    schedule<T>(lane: string, task: () => Promise<T>, scheduleOptions: ScheduleOptions = {}): Promise<T> {
      const weight = scheduleOptions.weight ?? 1
      try {
        checkTask(lane, weight)
      } catch (error) {
        return Promise.reject(error)
      }
      const { signal } = scheduleOptions
      if (signal?.aborted) return Promise.reject(toAbortError(signal))
      if (gate.admitAtOnce(lane, weight)) return runAdmitted(lane, weight, task)
      // The signal removes the task while it waits; once running, the task handles it itself and
      // keeps its place until it settles (freeing it early would break the concurrency cap).
      return gate.enter(lane, weight, signal, scheduleOptions.onRateLimit).then(() => runAdmitted(lane, weight, task))
    },

    pauseUntil(timestampMs: number): void {
      gate.pauseUntil(timestampMs)
    },

    penalize(retryAfterMs: number): void {
      if (!Number.isFinite(retryAfterMs) || retryAfterMs <= 0) return
      gate.pauseUntil(clock.now() + retryAfterMs)
    },

    setUsage(budgetName: string, used: number, setUsageOptions: { limit?: number; asOf?: number } = {}): void {
      const budget = budgets.get(budgetName)
      if (!budget) throw new ConfigurationError(`Unknown rate-limit budget ${budgetName}.`, { option: 'budgetName' })
      const now = clock.now()
      budget.setUsage(now, used, setUsageOptions.limit, Math.min(now, setUsageOptions.asOf ?? now))
      // A lower count (or a higher limit) may let waiting tasks start now.
      gate.recheck()
    },

    used(budgetName: string): number {
      const budget = budgets.get(budgetName)
      if (!budget) throw new ConfigurationError(`Unknown rate-limit budget ${budgetName}.`, { option: 'budgetName' })
      return budget.used(clock.now())
    },

    get inFlight() {
      return gate.inFlight
    },
    get queued() {
      return gate.waiting
    },
    get pausedUntil() {
      return gate.pausedUntil
    },
    lanes: laneNames,
  }
}
