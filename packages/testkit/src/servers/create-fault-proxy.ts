import { createServer, request as forwardRequest, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { ConformanceFault, ConformanceFaults } from '../conformance/conformance-harness'
import { createFaultQueue, type FaultScope } from './create-fault-queue'

/**
 * What the proxy can play: the suite's faults, on requests of some methods only if asked, and two
 * that need a real answer to spoil: `cut-body` sends the upstream answer's head and half its body,
 * then drops the connection (a reset mid-body); `truncated-json` sends half the body as a whole,
 * well-formed HTTP answer (a JSON document that ends early).
 */
export type ProxyFault = (ConformanceFault & FaultScope) | ({ kind: 'cut-body' } & FaultScope) | ({ kind: 'truncated-json' } & FaultScope)

export interface ProxyFaults extends ConformanceFaults {
  inject(fault: ProxyFault): void
}

/** A proxy in front of a real server, playing faults on the requests it forwards. */
export interface FaultProxy {
  /** The proxy's base URL; point the client here instead of at the target. */
  readonly url: string
  readonly faults: ProxyFaults
  /** Requests forwarded or answered so far. */
  readonly requestCount: number
  /** Faults queued and not played yet. */
  readonly pendingFaults: number
  /** Every request the proxy saw, in order: its method and path with query. */
  readonly requests: readonly { method: string; path: string }[]
  close(): Promise<void>
}

const htmlPage = '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>Sign in</form></body></html>'

/**
 * Starts an HTTP proxy on 127.0.0.1 that forwards every request to `target` (a loopback URL),
 * except those a queued fault answers: a status with Retry-After, a dropped connection, a late
 * answer or an HTML page. It lets the conformance suite test retries, timeouts and aborts
 * against a real server, such as RT 5 in CI.
 */
export async function createFaultProxy(options: { target: string }): Promise<FaultProxy> {
  const target = new URL(options.target)
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) {
    throw new Error(`The fault proxy only forwards to loopback addresses, not ${target.hostname}.`)
  }
  const queue = createFaultQueue<ProxyFault>()
  const sockets = new Set<Socket>()
  let requestCount = 0
  const requests: { method: string; path: string }[] = []

  /**
   * Forwards the request; `spoil` gets the whole upstream answer instead of it being piped. A
   * request whose body was already read (a delayed one) passes it as `body`.
   */
  function forward(
    incoming: IncomingMessage,
    outgoing: ServerResponse,
    spoil?: (answer: IncomingMessage, body: Buffer) => void,
    body?: Buffer,
  ): void {
    const upstream = forwardRequest(
      {
        hostname: target.hostname.replace(/^\[|\]$/g, ''),
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: target.host },
      },
      (answer) => {
        if (spoil) {
          const chunks: Buffer[] = []
          answer.on('data', (chunk: Buffer) => chunks.push(chunk))
          answer.on('end', () => spoil(answer, Buffer.concat(chunks)))
          return
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers)
        answer.pipe(outgoing)
      },
    )
    upstream.on('error', () => incoming.socket.destroy())
    if (body) upstream.end(body)
    else incoming.pipe(upstream)
  }

  const server = createServer((incoming, outgoing) => {
    requestCount += 1
    requests.push({ method: incoming.method ?? 'GET', path: incoming.url ?? '/' })
    const fault = queue.take({ method: incoming.method ?? 'GET' })
    if (!fault) return forward(incoming, outgoing)
    if (fault.kind === 'cut-body' || fault.kind === 'truncated-json') {
      return forward(incoming, outgoing, (answer, body) => {
        const half = body.subarray(0, Math.floor(body.length / 2))
        const headers = { ...answer.headers }
        delete headers['transfer-encoding']
        if (fault.kind === 'truncated-json') {
          outgoing.writeHead(answer.statusCode ?? 200, { ...headers, 'content-length': String(half.length) })
          outgoing.end(half)
          return
        }
        // The promised length, then half of it, then the connection drops.
        outgoing.writeHead(answer.statusCode ?? 200, { ...headers, 'content-length': String(body.length) })
        outgoing.write(half, () => incoming.socket.destroy())
      })
    }
    // Read the request body first, as a real server reads it before failing (a delayed request forwards it).
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => {
      switch (fault.kind) {
        case 'status': {
          const headers: Record<string, string> = { 'content-type': 'application/json' }
          if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds)
          outgoing.writeHead(fault.status, headers)
          outgoing.end(JSON.stringify({ error: `Injected HTTP ${fault.status}` }))
          return
        }
        case 'reset':
          incoming.socket.destroy()
          return
        case 'html':
          outgoing.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          outgoing.end(htmlPage)
          return
        case 'delay': {
          // A kept-alive socket carries many delayed requests: each removes its own listener.
          const cancel = () => clearTimeout(timer)
          const timer = setTimeout(() => {
            incoming.socket.off('close', cancel)
            forward(incoming, outgoing, undefined, Buffer.concat(chunks))
          }, fault.ms)
          incoming.socket.once('close', cancel)
          return
        }
      }
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    faults: { inject: (fault) => queue.inject(fault), clear: () => queue.clear() },
    get requestCount() {
      return requestCount
    },
    requests,
    get pendingFaults() {
      return queue.pending
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
