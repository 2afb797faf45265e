import { type ConformanceFault, createFaultQueue, type FaultQueue } from '@ticketbridge/testkit/servers'
import { HttpResponse } from 'msw'

/** A failure to play instead of (or before) an answer: the conformance suite's fault vocabulary. */
export type RtFault = ConformanceFault

/** Plays faults on the next requests: a testkit `ConformanceFaults`, with the number still queued. */
export type RtFaults = Omit<FaultQueue, 'take'>

/** One fault queue for every simulator (testkit's), so the vocabulary and its checks agree. */
export const createRtFaultQueue = createFaultQueue

/** The start of RT 5's login page, which any non-REST URL (a wrong base URL) answers with 200. */
const rtLoginPage =
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
