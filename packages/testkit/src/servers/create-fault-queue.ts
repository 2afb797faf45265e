import type { ConformanceFault } from '../conformance/conformance-harness'

/** What every fault may say beyond its kind: how many requests it plays on, and which. */
export interface FaultScope {
  count?: number
  /**
   * Plays only on requests of these HTTP methods (`['GET']` for reads; `['POST', 'PUT',
   * 'PATCH', 'DELETE']` for writes); others pass. Honoured where the request's method is known
   * to the queue: the fault proxy always, simulators that pass it to `take`.
   */
  methods?: readonly string[]
}

/** Faults waiting for the next requests, with the call a request pipeline uses to take one. */
export interface FaultQueue<Fault extends { kind: string } & FaultScope = ConformanceFault> {
  /** Queues a fault (a `ConformanceFaults` when `Fault` is the suite's vocabulary). */
  inject(fault: Fault): void
  clear(): void
  /** Takes the first queued fault that plays on this request, if any. */
  take(request?: { method: string }): Fault | undefined
  /** Faults still queued. */
  readonly pending: number
}

/**
 * The queue every simulator and the fault proxy play faults from: each fault applies to the next
 * `count` requests it plays on (default 1; all requests, or those of its `methods`), after those
 * already queued. Bad faults are refused at once.
 */
export function createFaultQueue<Fault extends { kind: string } & FaultScope = ConformanceFault>(): FaultQueue<Fault> {
  const queue: Fault[] = []
  return {
    inject(fault) {
      const count = fault.count ?? 1
      if (!Number.isInteger(count) || count < 1) throw new RangeError(`A fault's count must be a whole number of at least 1; got ${String(count)}.`)
      const checked = fault as { kind: string; status?: unknown; ms?: unknown }
      if (checked.kind === 'status' && (!Number.isInteger(checked.status) || (checked.status as number) < 100 || (checked.status as number) > 599)) {
        throw new RangeError(`A status fault needs an HTTP status between 100 and 599; got ${String(checked.status)}.`)
      }
      if (checked.kind === 'delay' && (!Number.isFinite(checked.ms) || (checked.ms as number) < 0))
        throw new RangeError(`A delay fault needs ms of at least 0; got ${String(checked.ms)}.`)
      for (let index = 0; index < count; index += 1) queue.push(fault)
    },
    clear() {
      queue.length = 0
    },
    take(request) {
      const method = request?.method.toUpperCase()
      const at = queue.findIndex(
        (fault) => !fault.methods || (method !== undefined && fault.methods.some((allowed) => allowed.toUpperCase() === method)),
      )
      return at < 0 ? undefined : queue.splice(at, 1)[0]
    },
    get pending() {
      return queue.length
    },
  }
}
