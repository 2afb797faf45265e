import type { RequestHandler } from 'msw'
import { setupServer } from 'msw/node'
import { type RecordedRequest, recordRequest } from './recorded-request'

/** An msw interceptor with a log of what was sent. */
export interface MockServer {
  /** Requests intercepted so far, oldest first. */
  readonly requests: RecordedRequest[]
  /** Adds handlers in front of the current ones (until `reset`). */
  use(...handlers: RequestHandler[]): void
  /** Drops handlers added with `use` and forgets the request log. */
  reset(): void
  close(): void
}

/**
 * Starts msw interception in this process for the given handlers. Requests no handler answers
 * fail the test (`onUnhandledRequest: 'error'`): a client must never reach a real network.
 */
export function createMockServer(handlers: RequestHandler[]): MockServer {
  const server = setupServer(...handlers)
  const requests: RecordedRequest[] = []
  server.events.on('request:start', ({ request }) => {
    void recordRequest(request).then((recorded) => requests.push(recorded))
  })
  server.listen({ onUnhandledRequest: 'error' })
  return {
    requests,
    use: (...extra) => server.use(...extra),
    reset: () => {
      server.resetHandlers()
      requests.length = 0
    },
    close: () => server.close(),
  }
}
