import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { escapeHtml, TimeoutError } from '@ticketbridge/core'

/** The browser's return to the listener, to be answered with a page once the sign-in is finished or refused. */
export interface LoopbackRedirect {
  url: URL
  respond(status: number, title: string, message: string): void
}

/** A one-shot HTTP listener on 127.0.0.1 for an OAuth redirect (RFC 8252 §7.3). */
export interface LoopbackRedirectListener {
  /** `http://127.0.0.1:<port>/callback`: the redirect address to send to the sign-in page. */
  redirectUri: string
  /** The first request to the callback path; refused after `timeoutMs`. */
  nextRedirect(timeoutMs: number): Promise<LoopbackRedirect>
  close(): Promise<void>
}

const callbackPath = '/callback'

function answer(response: ServerResponse, status: number, title: string, message: string): void {
  const page = `<!doctype html><meta charset="utf-8"><title>${escapeHtml(title)}</title><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`
  // `connection: close` so closing the listener does not wait for the browser's idle connection.
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', connection: 'close' })
  response.end(page)
}

/**
 * Listens on 127.0.0.1 on a port the system picks: loopback only, so nothing else on the network
 * reaches it. The first request to `/callback` is handed over; later ones are told the sign-in has
 * moved on, and every other path is a 404 (a browser also asks for `/favicon.ico`).
 */
export async function startLoopbackRedirectListener(): Promise<LoopbackRedirectListener> {
  let deliver: ((redirect: LoopbackRedirect) => void) | undefined
  let received: LoopbackRedirect | undefined
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (request.method !== 'GET' || url.pathname !== callbackPath) return answer(response, 404, 'Not found', 'Nothing here.')
    if (received) return answer(response, 409, 'Already answered', 'This sign-in has already come back; see the terminal.')
    received = { url, respond: (status, title, message) => answer(response, status, title, message) }
    deliver?.(received)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    redirectUri: `http://127.0.0.1:${port}${callbackPath}`,
    nextRedirect(timeoutMs) {
      if (received) return Promise.resolve(received)
      return new Promise<LoopbackRedirect>((resolve, reject) => {
        const timer = setTimeout(() => {
          deliver = undefined
          reject(new TimeoutError(`No sign-in came back within ${Math.round(timeoutMs / 60_000)} minutes; run the command again.`, { timeoutMs }))
        }, timeoutMs)
        deliver = (redirect) => {
          clearTimeout(timer)
          resolve(redirect)
        }
      })
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
