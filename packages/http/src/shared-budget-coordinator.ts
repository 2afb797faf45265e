import { toAbortError } from './abortable-sleep'
import type { RateLimitEvent, RateLimiter, RateLimiterOptions, ScheduleOptions } from './rate-limiter'
import type { RollingWindowBudgetOptions } from './rolling-window-budget'

/**
 * Spends a vendor instance's budgets across processes: workers on one or many machines that
 * touch the same tenant must together stay within what the vendor allows, which no limiter of
 * one process can see. A store every process reaches (a PostgreSQL table, for one) keeps the
 * count; `getSharedRateLimiter` asks it for every task while one is set with
 * {@link coordinateSharedBudgets}.
 */
export interface SharedBudgetCoordinator {
  /** Waits until `weight` more requests fit `budget` of the instance `key` across every process using the same store; resolves with `release`, to call when their answers came back (from then they count a whole window). Rejects with AbortError when `signal` aborts while waiting. */
  acquire(
    key: string,
    budget: RollingWindowBudgetOptions,
    weight: number,
    options?: { signal?: AbortSignal; onWait?: (waitMs: number) => void },
  ): Promise<() => void>
  close(): Promise<void>
}

// Process-wide like the limiter registry: every limiter of this process spends the same store.
let currentCoordinator: SharedBudgetCoordinator | undefined

/**
 * Sets the coordinator that limiters created from now on by `getSharedRateLimiter` with budgets
 * also spend, or none (`undefined`, the default). A limiter keeps the coordinator it was created
 * with, so set this before building clients; closing the coordinator stays the caller's task.
 */
export function coordinateSharedBudgets(coordinator: SharedBudgetCoordinator | undefined): void {
  currentCoordinator = coordinator
}

/** The coordinator set by {@link coordinateSharedBudgets}, if any. */
export function sharedBudgetCoordinator(): SharedBudgetCoordinator | undefined {
  return currentCoordinator
}

/** Calls every release; a coordinator reports its own failures, so one failing never hides the task's outcome. */
function releaseAll(releases: readonly (() => void)[]): void {
  for (const release of releases) {
    try {
      release()
    } catch {
      // The contract says release never throws; the task's result or error matters more here.
    }
  }
}

/** Budgets sorted by name: every process takes a task's budgets in one order, so none holds one while waiting for a budget another holds. */
function inAcquireOrder(budgets: readonly RollingWindowBudgetOptions[]): RollingWindowBudgetOptions[] {
  return [...budgets].sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0))
}

/**
 * Wraps the local limiter `local` (registered under `key`) so that, inside its slot, every task
 * also takes its weight from `coordinator` for each budget (keyed `key#budget`), runs, and gives
 * it back however it ends. Local lanes, concurrency and budgets still apply: the distributed
 * count is the stricter, so they only cost a little waiting.
 */
export function coordinateRateLimiter(
  key: string,
  local: RateLimiter,
  options: RateLimiterOptions,
  coordinator: SharedBudgetCoordinator,
): RateLimiter {
  const budgets = inAcquireOrder(options.budgets ?? [])
  const limiterOnRateLimit = options.onRateLimit

  /** Takes the task's weight from every budget in turn; on failure gives back what it took. */
  const acquireAll = async (lane: string, weight: number, scheduleOptions: ScheduleOptions): Promise<(() => void)[]> => {
    const { signal } = scheduleOptions
    const releases: (() => void)[] = []
    try {
      for (const budget of budgets) {
        if (signal?.aborted) throw toAbortError(signal)
        // Told once per budget, like the local gate tells each wait once: the progress line shows it.
        let reported = false
        const onWait = (waitMs: number): void => {
          if (reported) return
          reported = true
          const event: RateLimitEvent = { budget: budget.name, waitMs, lane, reason: 'budget' }
          limiterOnRateLimit?.(event)
          scheduleOptions.onRateLimit?.(event)
        }
        releases.push(await coordinator.acquire(`${key}#${budget.name}`, budget, weight, signal ? { signal, onWait } : { onWait }))
      }
    } catch (error) {
      releaseAll(releases)
      throw error
    }
    return releases
  }

  return {
    schedule<T>(lane: string, task: () => Promise<T>, scheduleOptions: ScheduleOptions = {}): Promise<T> {
      const weight = scheduleOptions.weight ?? 1
      const coordinated = async (): Promise<T> => {
        const releases = await acquireAll(lane, weight, scheduleOptions)
        try {
          return await task()
        } finally {
          releaseAll(releases)
        }
      }
      return local.schedule(lane, coordinated, scheduleOptions)
    },
    pauseUntil: (timestampMs) => local.pauseUntil(timestampMs),
    penalize: (retryAfterMs) => local.penalize(retryAfterMs),
    setUsage: (budgetName, used, setUsageOptions) => local.setUsage(budgetName, used, setUsageOptions),
    used: (budgetName) => local.used(budgetName),
    get inFlight() {
      return local.inFlight
    },
    get queued() {
      return local.queued
    },
    get pausedUntil() {
      return local.pausedUntil
    },
    lanes: local.lanes,
  }
}
