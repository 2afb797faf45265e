import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { getResponse, type RequestHandler } from 'msw'
import { type RecordedRequest, recordRequest } from './recorded-request'

/** Options of {@link serveHandlers}. */
export interface ServeHandlersOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number
  /** Loopback only: simulators never listen beyond this machine. */
  host?: '127.0.0.1' | 'localhost' | '::1'
  /** Keep every request for assertions (default true; turn off for long benchmarks). */
  record?: boolean
}

/** A running server. */
export interface ServedHandlers {
  /** Base URL, such as `http://127.0.0.1:40123`. */
  readonly url: string
  readonly port: number
  /** Requests seen so far, oldest first. */
  readonly requests: RecordedRequest[]
  close(): Promise<void>
}

async function toFetchRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = []
  for await (const chunk of incoming) chunks.push(chunk as Buffer)
  const headers = new Headers()
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue
    for (const single of Array.isArray(value) ? value : [value]) headers.append(name, single)
  }
  const method = incoming.method ?? 'GET'
  const hasBody = method !== 'GET' && method !== 'HEAD' && chunks.length > 0
  return new Request(new URL(incoming.url ?? '/', origin), { method, headers, ...(hasBody ? { body: Buffer.concat(chunks) } : {}) })
}

async function writeResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name === 'set-cookie') return
    headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  outgoing.writeHead(response.status, response.statusText, headers)
  if (response.body) {
    const reader = response.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      outgoing.write(value)
    }
  }
  outgoing.end()
}

/**
 * Serves msw request handlers as a real HTTP server on 127.0.0.1, so the same simulator code
 * answers in-process (msw interception in unit tests) and over sockets (the demo, the CLI's
 * `simulate` command, benchmarks, clients in other processes). A handler that answers
 * `HttpResponse.error()` drops the connection, as a reset would.
 */
export async function serveHandlers(
  handlers: RequestHandler[] | (() => RequestHandler[]),
  options: ServeHandlersOptions = {},
): Promise<ServedHandlers> {
  const host = options.host ?? '127.0.0.1'
  const requests: RecordedRequest[] = []
  const sockets = new Set<Socket>()
  let origin = ''
  const server = createServer((incoming, outgoing) => {
    void (async () => {
      try {
        const request = await toFetchRequest(incoming, origin)
        if (options.record !== false) requests.push(await recordRequest(request))
        const current = typeof handlers === 'function' ? handlers() : handlers
        const response = await getResponse(current, request)
        if (!response) {
          outgoing.writeHead(404, { 'content-type': 'application/json' })
          outgoing.end(JSON.stringify({ error: `No simulator route for ${request.method} ${new URL(request.url).pathname}` }))
          return
        }
        if (response.type === 'error') {
          incoming.socket.destroy()
          return
        }
        await writeResponse(response, outgoing)
      } catch (error) {
        if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'application/json' })
        outgoing.end(JSON.stringify({ error: `Simulator failure: ${(error as Error).message}` }))
      }
    })()
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  return {
    url: origin,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
