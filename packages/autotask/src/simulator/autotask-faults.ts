import { HttpResponse } from 'msw'
import { autotaskErrors } from './autotask-responses'

/**
 * A failure to play on the next requests, in the conformance suite's vocabulary
 * (`ConformanceFault` of @ticketbridge/testkit, restated so the published simulator does not
 * depend on the test kit).
 */
export type AutotaskSimulatorFault =
  | { kind: 'status'; status: number; retryAfterSeconds?: number; count?: number }
  | { kind: 'reset'; count?: number }
  | { kind: 'delay'; ms: number; count?: number }
  | { kind: 'html'; count?: number }

/** Plays faults on the simulator's next requests, one per request, oldest first. */
export interface AutotaskSimulatorFaults {
  /** Plays `fault` on the next `fault.count` requests (default 1), after those already queued. */
  inject(fault: AutotaskSimulatorFault): void
  /** Forgets every queued fault. */
  clear(): void
  /** Faults still queued. */
  readonly pending: number
}

/** The fault queue with the method the request pipeline uses to take the next fault. */
export interface AutotaskFaultQueue extends AutotaskSimulatorFaults {
  take(): AutotaskSimulatorFault | undefined
}

export function createAutotaskFaultQueue(): AutotaskFaultQueue {
  const queue: AutotaskSimulatorFault[] = []
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

const htmlPage =
  '<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body><h1>Autotask is undergoing maintenance</h1><p>Please try again later.</p></body></html>'

/**
 * The answer a fault gives instead of the simulator: a status with Autotask's `{"errors":[...]}`
 * body (and Retry-After when asked), a dropped connection, or an HTML page where JSON was due.
 * `delay` answers nothing: the request goes on after the wait.
 */
/** Error ids of injected server failures, as Autotask numbers its own. */
const faultErrorIds = (function* () {
  for (let id = 48_213; ; id += 1) yield id
})()

export async function playFault(fault: AutotaskSimulatorFault): Promise<Response | undefined> {
  switch (fault.kind) {
    case 'status': {
      const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) }
      // A server failure reads as Autotask's own (so clients classify real vendor text); other statuses say what they are.
      const message =
        fault.status >= 500
          ? `An unexpected error has occurred. Please contact support. Error ID: ${faultErrorIds.next().value}`
          : `Simulated HTTP ${fault.status} (fault injected into the Autotask simulator).`
      return autotaskErrors(fault.status, [message], headers)
    }
    case 'reset':
      return HttpResponse.error()
    case 'html':
      return new HttpResponse(htmlPage, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } })
    case 'delay':
      await new Promise((resolve) => setTimeout(resolve, fault.ms))
      return undefined
  }
}
