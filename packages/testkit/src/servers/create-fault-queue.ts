import type { ConformanceFault, ConformanceFaults } from '../conformance/conformance-harness'

/** Faults waiting for the next requests, with the call a request pipeline uses to take one. */
export interface FaultQueue extends ConformanceFaults {
  /** Takes the fault for this request, if any. */
  take(): ConformanceFault | undefined
  /** Faults still queued. */
  readonly pending: number
}

/**
 * The queue every simulator and the fault proxy play faults from: each fault applies to the next
 * `count` requests (default 1), after those already queued. Bad faults are refused at once.
 */
export function createFaultQueue(): FaultQueue {
  const queue: ConformanceFault[] = []
  return {
    inject(fault) {
      const count = fault.count ?? 1
      if (!Number.isInteger(count) || count < 1) throw new RangeError(`A fault's count must be a whole number of at least 1; got ${String(count)}.`)
      if (fault.kind === 'status' && (!Number.isInteger(fault.status) || fault.status < 100 || fault.status > 599)) {
        throw new RangeError(`A status fault needs an HTTP status between 100 and 599; got ${String(fault.status)}.`)
      }
      if (fault.kind === 'delay' && (!Number.isFinite(fault.ms) || fault.ms < 0)) throw new RangeError(`A delay fault needs ms of at least 0; got ${String(fault.ms)}.`)
      for (let index = 0; index < count; index += 1) queue.push(fault)
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
