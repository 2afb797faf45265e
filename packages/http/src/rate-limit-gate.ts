import { toAbortError } from './abortable-sleep'
import type { Clock } from './clock'
import type { RollingWindowBudget } from './rolling-window-budget'

/** What a rate limiter's `onRateLimit` hooks are told when a task has to wait. */
export interface RateLimitEvent {
  /** The budget that is full, or `server` when a server-side throttle (a 429) paused every lane. */
  budget: string
  /** How long the task waits, at least, before it may start. */
  waitMs: number
  /** The lane of the waiting task. */
  lane: string
  reason: 'budget' | 'server-throttle'
}

interface GateWaiter {
  lane: string
  weight: number
  resolve: () => void
  reject: (error: unknown) => void
  onRateLimit: ((event: RateLimitEvent) => void) | undefined
  /** The last blocker reported for this waiter, so each wait is reported once. */
  reportedBlocker?: string
}

/**
 * The one line of a rate limiter: it admits the oldest waiting task whose lane has room once
 * the overall cap, every budget and any server pause allow it, and counts each task against
 * every budget from its start to a window after its end. A full lane holds only its own tasks;
 * a full budget, the overall cap or a pause holds everyone.
 */
export class RateLimitGate {
  private readonly waiters: GateWaiter[] = []
  private running = 0
  /** Tasks running per lane. */
  private readonly laneRunning = new Map<string, number>()
  private pausedUntilMs = 0
  private timer: unknown
  private timerDueAt = Number.POSITIVE_INFINITY

  constructor(
    private readonly budgets: ReadonlyMap<string, RollingWindowBudget>,
    /** Each lane's concurrency. */
    private readonly laneConcurrency: ReadonlyMap<string, number>,
    private readonly maxConcurrency: number,
    private readonly clock: Clock,
    private readonly onRateLimit: ((event: RateLimitEvent) => void) | undefined,
  ) {
    for (const lane of laneConcurrency.keys()) this.laneRunning.set(lane, 0)
  }

  /** Tasks admitted and not yet finished. */
  get inFlight(): number {
    return this.running
  }

  /** Tasks waiting at the gate. */
  get waiting(): number {
    return this.waiters.length
  }

  /** Epoch ms until which a server throttle holds every lane. */
  get pausedUntil(): number {
    return this.pausedUntilMs
  }

  /** The common case, without a promise: nobody waiting and room everywhere. */
  admitAtOnce(lane: string, weight: number): boolean {
    if (this.waiters.length > 0 || this.running >= this.maxConcurrency || !this.laneHasRoom(lane)) return false
    const now = this.clock.now()
    if (this.pausedUntilMs > now) return false
    for (const budget of this.budgets.values()) if (budget.waitMs(now, weight) > 0) return false
    this.start(lane, weight)
    return true
  }

  /** Waits in line until admitted; a waiting task whose signal fires leaves the line with AbortError. */
  enter(lane: string, weight: number, signal: AbortSignal | undefined, onRateLimit: ((event: RateLimitEvent) => void) | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter: GateWaiter = {
        lane,
        weight,
        onRateLimit,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        },
        reject,
      }
      const onAbort = (): void => {
        const index = this.waiters.indexOf(waiter)
        if (index === -1) return
        this.waiters.splice(index, 1)
        reject(toAbortError(signal))
        // The head may have changed; let the next task have its chance.
        this.pump()
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.waiters.push(waiter)
      this.pump()
    })
  }

  /** A task finished: its budgets keep counting it for a window from now. */
  leave(lane: string, weight: number): void {
    this.running--
    this.laneRunning.set(lane, (this.laneRunning.get(lane) as number) - 1)
    const now = this.clock.now()
    for (const budget of this.budgets.values()) budget.finish(now, weight)
    this.pump()
  }

  /** Holds every task until `timestampMs` (epoch ms). Never shortens a pause. */
  pauseUntil(timestampMs: number): void {
    if (!Number.isFinite(timestampMs) || timestampMs <= this.pausedUntilMs) return
    this.pausedUntilMs = timestampMs
    // Waiters blocked on an earlier timer re-check the pause when it fires.
    this.pump()
  }

  /** Looks at the line again now, after a budget changed (a lower count or a higher limit). */
  recheck(): void {
    if (this.timer !== undefined) {
      this.clock.clearTimeout(this.timer)
      this.timer = undefined
      this.timerDueAt = Number.POSITIVE_INFINITY
    }
    this.pump()
  }

  private report(waiter: GateWaiter, event: RateLimitEvent): void {
    const blocker = `${event.reason}:${event.budget}`
    if (waiter.reportedBlocker === blocker) return
    waiter.reportedBlocker = blocker
    this.onRateLimit?.(event)
    waiter.onRateLimit?.(event)
  }

  /** Everyone in line waits behind the head, at least as long: tell each of them once. */
  private reportAll(budget: string, waitMs: number, reason: RateLimitEvent['reason']): void {
    for (const waiter of this.waiters) this.report(waiter, { budget, waitMs, lane: waiter.lane, reason })
  }

  private wakeAfter(delayMs: number): void {
    const dueAt = this.clock.now() + delayMs
    // One timer serves the head of the line; keep an earlier one that is already set.
    if (this.timer !== undefined && this.timerDueAt <= dueAt) return
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer)
    this.timerDueAt = dueAt
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined
      this.timerDueAt = Number.POSITIVE_INFINITY
      this.pump()
    }, delayMs)
  }

  private laneHasRoom(lane: string): boolean {
    return (this.laneRunning.get(lane) as number) < (this.laneConcurrency.get(lane) as number)
  }

  private start(lane: string, weight: number): void {
    for (const budget of this.budgets.values()) budget.begin(weight)
    this.running++
    this.laneRunning.set(lane, (this.laneRunning.get(lane) as number) + 1)
  }

  /** Admits waiting tasks, oldest first among lanes with room, while the cap, the budgets and any pause allow. */
  private pump(): void {
    while (this.waiters.length > 0) {
      if (this.running >= this.maxConcurrency) return // a finishing task calls pump again
      // The oldest task whose lane has room; a full lane's tasks wait for one of its own to finish.
      const index = this.waiters.findIndex((candidate) => this.laneHasRoom(candidate.lane))
      if (index === -1) return
      const waiter = this.waiters[index] as GateWaiter
      const now = this.clock.now()
      if (this.pausedUntilMs > now) {
        this.reportAll('server', this.pausedUntilMs - now, 'server-throttle')
        this.wakeAfter(this.pausedUntilMs - now)
        return
      }
      let waitMs = 0
      let blocking: RollingWindowBudget | undefined
      for (const budget of this.budgets.values()) {
        const budgetWaitMs = budget.waitMs(now, waiter.weight)
        if (budgetWaitMs > waitMs) {
          waitMs = budgetWaitMs
          blocking = budget
        }
      }
      if (blocking !== undefined) {
        this.reportAll(blocking.name, waitMs, 'budget')
        this.wakeAfter(waitMs)
        return
      }
      this.waiters.splice(index, 1)
      this.start(waiter.lane, waiter.weight)
      waiter.resolve()
    }
  }
}
