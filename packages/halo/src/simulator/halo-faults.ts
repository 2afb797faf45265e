import { type ConformanceFault, createFaultQueue, type FaultQueue } from '@ticketbridge/testkit/servers'
import { HttpResponse } from 'msw'

/** A failure to play instead of (or before) an answer: the conformance suite's fault vocabulary. */
export type HaloFault = ConformanceFault

/** Plays faults on the next requests: a testkit `ConformanceFaults`, with the number still queued. */
export type HaloFaults = Omit<FaultQueue, 'take'>

/** The queue behind {@link HaloFaults}, with the call the request pipeline uses. */
export type HaloFaultQueue = FaultQueue

/** One fault queue for every simulator (testkit's), so the vocabulary and its checks agree. */
export const createHaloFaultQueue = createFaultQueue

/** The page a wrong base URL gets from a real Halo web server: the agent app's HTML, with 200. */
const haloHtmlPage =
  '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Halo</title></head>' +
  '<body><div id="root"></div><noscript>You need to enable JavaScript to run this app.</noscript></body></html>\n'

const rateLimitText = 'Rate Limit Reached - 300 Requests per rolling 5 minute window'

/**
 * The answer a fault stands for, or undefined for `delay` (which only waits; the caller then
 * answers normally).
 */
export async function playHaloFault(fault: HaloFault): Promise<Response | undefined> {
  switch (fault.kind) {
    case 'reset':
      return HttpResponse.error()
    case 'html':
      return new HttpResponse(haloHtmlPage, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } })
    case 'delay':
      await new Promise((resolve) => setTimeout(resolve, fault.ms))
      return undefined
    case 'status': {
      const headers: Record<string, string> = {}
      if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds)
      if (fault.status === 429)
        return new HttpResponse(rateLimitText, { status: 429, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } })
      return HttpResponse.json(
        { ClassName: 'System.Exception', Message: `Simulated fault: HTTP ${fault.status}.` },
        { status: fault.status, headers },
      )
    }
  }
}
