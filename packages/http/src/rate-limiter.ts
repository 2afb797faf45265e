import { AbortError, ConfigurationError } from '@ticketbridge/core'
import PQueue from 'p-queue'
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
 * A rate-limit layer independent of any HTTP library: lanes with their own concurrency (p-queue),
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
 * Creates a rate limiter. A task passes two stages: its lane's p-queue (lane concurrency, FIFO)
 * and then a shared gate, which admits the oldest waiting task once the overall cap, every
 * budget and any server pause allow it. A task counts against every budget from its start, and
 * from its end for a whole window, so it never leaves a budget before the vendor, which counts
 * it on arrival somewhere in between, lets it go.
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

  const laneQueues = new Map<string, PQueue>()
  let concurrencySum = 0
  for (const [name, lane] of Object.entries(laneOptions)) {
    assertPositiveInteger(lane.concurrency, `lanes.${name}.concurrency`)
    concurrencySum += lane.concurrency
    laneQueues.set(name, new PQueue({ concurrency: lane.concurrency }))
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

  const gate = new RateLimitGate(budgets, maxConcurrency, clock, options.onRateLimit)

  return {
    async schedule<T>(lane: string, task: () => Promise<T>, scheduleOptions: ScheduleOptions = {}): Promise<T> {
      const queue = laneQueues.get(lane)
      if (!queue) {
        throw new ConfigurationError(`Unknown rate-limit lane ${lane}; this limiter has ${laneNames.join(', ')}.`, { option: 'lane' })
      }
      const weight = scheduleOptions.weight ?? 1
      assertPositiveInteger(weight, 'weight')
      for (const budget of budgets.values()) {
        if (weight > budget.limit) {
          throw new ConfigurationError(`A task of weight ${weight} can never fit budget ${budget.name} (limit ${budget.limit}).`, {
            option: 'weight',
          })
        }
      }
      const { signal } = scheduleOptions
      if (signal?.aborted) throw toAbortError(signal)

      // p-queue is given a signal that fires only while the task is still queued. Given the
      // caller's signal, it would also settle a *running* task early and free its slot while
      // the work (an HTTP request) was still in flight, breaking the concurrency cap.
      // Without a caller signal there is nothing to cancel, and no controller is made.
      const queuedController = signal ? new AbortController() : undefined
      let started = false
      const onQueuedAbort = (): void => {
        if (!started) queuedController?.abort(toAbortError(signal))
      }
      signal?.addEventListener('abort', onQueuedAbort, { once: true })
      const run = async (): Promise<T> => {
        started = true
        signal?.removeEventListener('abort', onQueuedAbort)
        if (!gate.admitAtOnce(weight)) await gate.enter(lane, weight, signal, scheduleOptions.onRateLimit)
        try {
          return await task()
        } finally {
          gate.leave(weight)
        }
      }
      try {
        return await queue.add(run, queuedController ? { signal: queuedController.signal } : {})
      } catch (error) {
        if (queuedController?.signal.aborted && !AbortError.isInstance(error)) throw toAbortError(signal)
        throw error
      } finally {
        signal?.removeEventListener('abort', onQueuedAbort)
      }
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
      let queued = gate.waiting
      for (const queue of laneQueues.values()) queued += queue.size
      return queued
    },
    get pausedUntil() {
      return gate.pausedUntil
    },
    lanes: laneNames,
  }
}
