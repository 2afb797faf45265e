import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A local server answering every request with the same small JSON body. */
export interface JsonServer {
  url: string
  close(): Promise<void>
}

/** Starts it on 127.0.0.1 with a random port: loopback only, nothing leaves the machine. */
export async function startJsonServer(body: unknown): Promise<JsonServer> {
  const payload = Buffer.from(JSON.stringify(body))
  const server = createServer((request, response) => {
    // Drain the request before answering so keep-alive sockets stay reusable.
    request.resume()
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': payload.length, 'x-request-id': 'bench' })
      response.end(payload)
    })
  })
  server.keepAliveTimeout = 60_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
