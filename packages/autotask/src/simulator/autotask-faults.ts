import { type ConformanceFault, createFaultQueue, type FaultQueue } from '@ticketbridge/testkit/servers'
import { HttpResponse } from 'msw'
import { autotaskErrors } from './autotask-responses'

/** A failure to play instead of (or before) an answer: the conformance suite's fault vocabulary. */
export type AutotaskSimulatorFault = ConformanceFault

/** Plays faults on the next requests: a testkit `ConformanceFaults`, with the number still queued. */
export type AutotaskSimulatorFaults = Omit<FaultQueue, 'take'>

/** The queue behind {@link AutotaskSimulatorFaults}, with the call the request pipeline uses. */
export type AutotaskFaultQueue = FaultQueue

/** One fault queue for every simulator (testkit's), so the vocabulary and its checks agree. */
export const createAutotaskFaultQueue = createFaultQueue

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
