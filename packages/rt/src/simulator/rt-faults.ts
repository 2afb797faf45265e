import { HttpResponse } from 'msw'

/**
 * A failure to play instead of (or before) an answer: the conformance suite's fault vocabulary.
 * - `status`: answer with this HTTP status (as a proxy in front of RT would), with
 *   `Retry-After` when `retryAfterSeconds` is set.
 * - `reset`: drop the connection (`HttpResponse.error()`).
 * - `delay`: wait `ms`, then answer normally.
 * - `html`: answer 200 with RT's web login page, as a wrong base URL does on a real instance.
 * Each fault applies to the next `count` requests (default 1), after those already queued.
 */
export type RtFault =
  | { kind: 'status'; status: number; retryAfterSeconds?: number; count?: number }
  | { kind: 'reset'; count?: number }
  | { kind: 'delay'; ms: number; count?: number }
  | { kind: 'html'; count?: number }

/** Plays faults on the next requests; structurally a testkit `ConformanceFaults`. */
export interface RtFaults {
  inject(fault: RtFault): void
  clear(): void
  /** Faults still queued. */
  readonly pending: number
}

/** The queue behind {@link RtFaults}, with the call the request pipeline uses. */
export interface RtFaultQueue extends RtFaults {
  /** Takes the fault for this request, if any. */
  take(): RtFault | undefined
}

export function createRtFaultQueue(): RtFaultQueue {
  const queue: RtFault[] = []
  return {
    inject(fault) {
      const count = fault.count ?? 1
      if (!Number.isInteger(count) || count < 1) throw new RangeError(`A fault's count must be a whole number of at least 1; got ${String(count)}.`)
      if (fault.kind === 'status' && (!Number.isInteger(fault.status) || fault.status < 100 || fault.status > 599)) {
        throw new RangeError(`A status fault needs an HTTP status between 100 and 599; got ${String(fault.status)}.`)
      }
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

/** The start of RT 5's login page, which any non-REST URL (a wrong base URL) answers with 200. */
export const rtLoginPage =
  '<!DOCTYPE html>\n<html lang="en">\n  <head>\n    <title>Login</title>\n    <meta http-equiv="X-UA-Compatible" content="IE=edge" />\n' +
  '  </head>\n  <body class="rudder sidebyside" id="comp-index">\n<div id="login-box">\n<form id="login" name="login" method="post" action="/NoAuth/Login.html">\n' +
  '<input type="text" name="user" value="" id="user" /><input type="password" name="pass" />\n</form>\n</div>\n  </body>\n</html>\n'

/**
 * The answer a fault stands for, or undefined for `delay` (which only waits; the caller then
 * answers normally). A status fault on REST2 looks like RT's own JSON error (RT's ErrorAsJSON
 * wraps every error status); on REST 1.0 like a proxy's HTML error page, since RT itself would
 * answer 200 there.
 */
export async function playRtFault(fault: RtFault, api: 'rest1' | 'rest2'): Promise<Response | undefined> {
  switch (fault.kind) {
    case 'reset':
      return HttpResponse.error()
    case 'html':
      return new HttpResponse(rtLoginPage, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } })
    case 'delay':
      await new Promise((resolve) => setTimeout(resolve, fault.ms))
      return undefined
    case 'status': {
      const retryAfter: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {}
      if (api === 'rest2') {
        return new HttpResponse(JSON.stringify({ message: `Simulated fault: HTTP ${fault.status}` }), {
          status: fault.status,
          headers: { 'content-type': 'application/json; charset=utf-8', ...retryAfter },
        })
      }
      const headers: Record<string, string> = { 'content-type': 'text/html; charset=iso-8859-1', ...retryAfter }
      const body = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${fault.status} Simulated fault</title>\n</head><body>\n<h1>Simulated fault</h1>\n<p>The proxy in front of RT answered ${fault.status}.</p>\n</body></html>\n`
      return new HttpResponse(body, { status: fault.status, headers })
    }
  }
}
