import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

/** A request as the test server received it. */
export interface RecordedRequest {
  method: string
  /** Path and query, as sent. */
  url: string
  headers: Record<string, string | string[] | undefined>
  body: string
}

/**
 * What the server does for one request: answer with a status, headers and body (after an
 * optional delay), reset the connection, or never answer.
 */
export type ScriptedResponse =
  | { status: number; headers?: Record<string, string>; body?: unknown; delayMs?: number }
  | { reset: true }
  | { hang: true }

/** Picks the response of a request; `index` counts requests from 0. */
export type ResponseScript = (request: RecordedRequest, index: number) => ScriptedResponse | Promise<ScriptedResponse>

/** A running test server on 127.0.0.1. */
export interface ScriptedServer {
  /** `http://127.0.0.1:port`. */
  readonly url: string
  /** Every request received, in order. */
  readonly requests: RecordedRequest[]
  /** Replaces the script: a function, or a list served in order (the last one repeats). */
  setScript(script: ResponseScript | ScriptedResponse[]): void
  close(): Promise<void>
}

/**
 * Starts a real node:http server on 127.0.0.1 with a random port, answering from a script.
 * Tests of the transport use it instead of mocks, so sockets, resets and timeouts are real.
 * Bodies that are not strings are sent as JSON.
 */
export async function startScriptedServer(script: ResponseScript | ScriptedResponse[] = [{ status: 200, body: {} }]): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = []
  const sockets = new Set<Socket>()
  let current = toScript(script)

  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => {
      const recorded: RecordedRequest = {
        method: incoming.method ?? 'GET',
        url: incoming.url ?? '/',
        headers: { ...incoming.headers },
        body: Buffer.concat(chunks).toString('utf8'),
      }
      const index = requests.length
      requests.push(recorded)
      void Promise.resolve(current(recorded, index)).then(async (response) => {
        if ('reset' in response) {
          incoming.socket.destroy()
          return
        }
        if ('hang' in response) return
        if (response.delayMs) await new Promise((resolve) => setTimeout(resolve, response.delayMs))
        const body = response.body === undefined ? '' : typeof response.body === 'string' ? response.body : JSON.stringify(response.body)
        const headers = {
          ...(typeof response.body === 'string' || response.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...response.headers,
        }
        outgoing.writeHead(response.status, headers)
        outgoing.end(body)
      })
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setScript(next) {
      current = toScript(next)
    },
    async close() {
      if (!server.listening) return
      // Hanging requests keep sockets open; destroy them so close() returns.
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
    },
  }
}

function toScript(script: ResponseScript | ScriptedResponse[]): ResponseScript {
  if (typeof script === 'function') return script
  if (script.length === 0) throw new Error('A response list needs at least one response.')
  return (_request, index) => script[Math.min(index, script.length - 1)] as ScriptedResponse
}
