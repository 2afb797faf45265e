/**
 * A failure the memory adapter plays instead of answering, so callers (and the conformance
 * suite) can see how errors, retries and timeouts behave without a network.
 * - `status`: answer with this HTTP status (and Retry-After, for 429/503).
 * - `reset`: the connection drops.
 * - `delay`: the answer comes `ms` later.
 * - `html`: a web page comes back where data was due.
 */
export type MemoryFault =
  | { kind: 'status'; status: number; retryAfterSeconds?: number; count?: number }
  | { kind: 'reset'; count?: number }
  | { kind: 'delay'; ms: number; count?: number }
  | { kind: 'html'; count?: number }

/** A queue of faults, consumed one per call attempt. */
export interface MemoryFaultQueue {
  /** Plays `fault` on the next `fault.count` attempts (default 1), after those already queued. */
  inject(fault: MemoryFault): void
  /** Forgets every queued fault. */
  clear(): void
  /** Takes the fault for the next attempt, if any. */
  take(): MemoryFault | undefined
  readonly pending: number
}

export function createMemoryFaultQueue(): MemoryFaultQueue {
  const queue: MemoryFault[] = []
  return {
    inject(fault) {
      for (let index = 0; index < (fault.count ?? 1); index += 1) queue.push(fault)
    },
    clear() {
      queue.length = 0
    },
    take() {
      return queue.shift()
    },
    get pending() {
      return queue.length
    },
  }
}
