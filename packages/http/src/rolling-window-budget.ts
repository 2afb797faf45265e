import { ConfigurationError } from '@ticketbridge/core'
import { assertPositiveInteger } from './assert-positive-integer'

/** A vendor request budget: at most `limit` requests may start in any `windowMs` window. */
export interface RollingWindowBudgetOptions {
  /** Shown in hooks, logs and `used(name)`, e.g. `rolling-5-minutes` or `hourly`. */
  name: string
  limit: number
  windowMs: number
}

/**
 * A sliding-window request budget kept as a log of timestamps.
 *
 * Vendors count requests per rolling window (Halo: about 300 per rolling 5 minutes; Autotask:
 * 10,000 per rolling hour), so a fixed window that resets on the hour would allow twice the
 * limit across a boundary. A log is exact: a request may start only when fewer than `limit`
 * entries lie in the last `windowMs`, and a blocked request can wait precisely until the oldest
 * entry leaves the window. Memory is bounded by `limit` timestamps.
 *
 * The vendor counts a request when it arrives, which is some time after we send it and before
 * its answer comes back, and that delay varies (the first request of a connection also pays
 * for the handshake). Counting from the send time would let a request go out that the server,
 * seeing the old one arrive late, still counts in its window: a 429. So a request the limiter
 * admits ({@link begin}) counts while it is in flight, and from its answer ({@link finish}) for a
 * whole window: never earlier than the vendor counts it. An entry recorded at `t` counts in
 * `[t, t + windowMs)`.
 */
export class RollingWindowBudget {
  readonly name: string
  /** Mutable so a vendor-reported threshold (Autotask ThresholdInformation) can replace it. */
  limit: number
  readonly windowMs: number
  // A queue of ascending timestamps; `head` marks its start, so expiry is O(1) without shift().
  private starts: number[] = []
  private head = 0
  /** Requests admitted and not yet answered: they count until they finish, then for a window. */
  private inFlight = 0

  constructor(options: RollingWindowBudgetOptions) {
    if (!options.name) throw new ConfigurationError('A rate-limit budget needs a name.', { option: 'budgets[].name' })
    assertPositiveInteger(options.limit, `budgets[${options.name}].limit`)
    assertPositiveInteger(options.windowMs, `budgets[${options.name}].windowMs`)
    this.name = options.name
    this.limit = options.limit
    this.windowMs = options.windowMs
  }

  /** Requests counted in the window ending at `now`, those in flight included. */
  used(now: number): number {
    this.expire(now)
    return this.starts.length - this.head + this.inFlight
  }

  /**
   * Milliseconds until `weight` more starts fit, 0 when they fit now. Infinity when `weight`
   * exceeds the limit itself and can never fit.
   */
  waitMs(now: number, weight = 1): number {
    if (weight > this.limit) return Number.POSITIVE_INFINITY
    const excess = this.used(now) + weight - this.limit
    if (excess <= 0) return 0
    // The `excess` oldest entries must leave; the last of them leaves at its time + windowMs.
    const leaving = this.starts[this.head + excess - 1]
    // Requests still in flight must be answered first, and then count a whole window.
    if (leaving === undefined) return this.windowMs
    return Math.max(1, leaving + this.windowMs - now)
  }

  /** Records `weight` requests at `now` that are already answered (or whose timing is unknown). */
  record(now: number, weight = 1): void {
    for (let index = 0; index < weight; index++) this.starts.push(now)
  }

  /** Counts `weight` admitted requests as in flight. The caller checked {@link waitMs} first. */
  begin(weight = 1): void {
    this.inFlight += weight
  }

  /** The answer of `weight` requests {@link begin} counted came back at `now`: they count a window from here. */
  finish(now: number, weight = 1): void {
    this.inFlight = Math.max(0, this.inFlight - weight)
    this.record(now, weight)
  }

  /**
   * Resynchronises the count with what the vendor reports (Autotask's ThresholdInformation
   * counts every integration of the tenant, not only this process). The report describes the
   * moment the vendor answered the question, `asOf` (when we asked; default `now`): requests
   * answered after it, and requests still in flight, may not be in it, so they are kept on top.
   * When the vendor counts more than we had up to `asOf`, the missing ones are recorded at `now`:
   * we do not know when they happened, and assuming "just now" errs on the side of never
   * crossing the vendor's threshold, which suspends the whole tenant. When it counts fewer, the
   * oldest entries up to `asOf` are dropped.
   */
  setUsage(now: number, used: number, limit?: number, asOf = now): void {
    if (!Number.isInteger(used) || used < 0) throw new RangeError(`Budget ${this.name}: used must be a whole number ≥ 0, got ${used}.`)
    if (limit !== undefined) {
      assertPositiveInteger(limit, `budgets[${this.name}].limit`)
      this.limit = limit
    }
    this.expire(now)
    let reported = 0
    while (this.head + reported < this.starts.length && (this.starts[this.head + reported] as number) <= asOf) reported++
    if (used > reported) this.record(now, used - reported)
    else if (used < reported) this.head += reported - used
    this.compact()
  }

  private expire(now: number): void {
    const cutoff = now - this.windowMs
    while (this.head < this.starts.length && (this.starts[this.head] as number) <= cutoff) this.head++
    this.compact()
  }

  private compact(): void {
    // Reclaim the consumed prefix once it dominates the array.
    if (this.head > 1024 && this.head * 2 > this.starts.length) {
      this.starts = this.starts.slice(this.head)
      this.head = 0
    }
  }
}
