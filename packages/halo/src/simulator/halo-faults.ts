import { HttpResponse } from 'msw'

/**
 * A failure to play instead of (or before) an answer: the conformance suite's fault vocabulary.
 * - `status`: answer with this HTTP status, with `Retry-After` when `retryAfterSeconds` is set.
 * - `reset`: drop the connection (`HttpResponse.error()`).
 * - `delay`: wait `ms`, then answer normally.
 * - `html`: answer 200 with an HTML page, as a wrong base URL does on a real instance.
 * Each fault applies to the next `count` requests (default 1), after those already queued.
 */
export type HaloFault =
  | { kind: 'status'; status: number; retryAfterSeconds?: number; count?: number }
  | { kind: 'reset'; count?: number }
  | { kind: 'delay'; ms: number; count?: number }
  | { kind: 'html'; count?: number }

/** Plays faults on the next requests; structurally a testkit `ConformanceFaults`. */
export interface HaloFaults {
  inject(fault: HaloFault): void
  clear(): void
  /** Faults still queued. */
  readonly pending: number
}

/** The queue behind {@link HaloFaults}, with the call the request pipeline uses. */
export interface HaloFaultQueue extends HaloFaults {
  /** Takes the fault for this request, if any. */
  take(): HaloFault | undefined
}

export function createHaloFaultQueue(): HaloFaultQueue {
  const queue: HaloFault[] = []
  return {
    inject(fault) {
      const count = fault.count ?? 1
      if (!Number.isInteger(count) || count < 1) throw new RangeError(`A fault's count must be a whole number of at least 1; got ${String(count)}.`)
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

/** The page a wrong base URL gets from a real Halo web server: the agent app's HTML, with 200. */
export const haloHtmlPage =
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
      if (fault.status === 429) return new HttpResponse(rateLimitText, { status: 429, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } })
      return HttpResponse.json(
        { ClassName: 'System.Exception', Message: `Simulated fault: HTTP ${fault.status}.` },
        { status: fault.status, headers },
      )
    }
  }
}
