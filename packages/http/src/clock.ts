/**
 * Time as the rate limiter and token manager see it. Injectable so tests drive time by hand
 * instead of sleeping, and never assert how long real time took.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number
  setTimeout(callback: () => void, delayMs: number): unknown
  clearTimeout(handle: unknown): void
}

/**
 * The process clock. Globals are looked up at each call rather than captured, so fake timers
 * installed after a limiter was created still apply to it.
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}
