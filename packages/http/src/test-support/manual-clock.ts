import type { Clock } from '../clock'

/** A {@link Clock} that only moves when a test calls `advance`, running the timers that fall due. */
export interface ManualClock extends Clock {
  advance(milliseconds: number): void
  /** Timers waiting to fire. */
  readonly pendingTimers: number
}

/** Creates a {@link ManualClock} starting at `start` epoch milliseconds. */
export function createManualClock(start = 0): ManualClock {
  let now = start
  let nextHandle = 1
  const timers = new Map<number, { dueAt: number; callback: () => void }>()
  return {
    now: () => now,
    setTimeout(callback, delayMs) {
      const handle = nextHandle++
      timers.set(handle, { dueAt: now + Math.max(0, delayMs), callback })
      return handle
    },
    clearTimeout(handle) {
      timers.delete(handle as number)
    },
    advance(milliseconds) {
      const target = now + milliseconds
      for (;;) {
        const due = [...timers.entries()].filter(([, timer]) => timer.dueAt <= target).sort(([, left], [, right]) => left.dueAt - right.dueAt)[0]
        if (!due) break
        const [handle, timer] = due
        timers.delete(handle)
        now = Math.max(now, timer.dueAt)
        timer.callback()
      }
      now = target
    },
    get pendingTimers() {
      return timers.size
    },
  }
}
