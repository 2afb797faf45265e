/** A request as a test server saw it, for assertions on what a client sent. */
export interface RecordedRequest {
  method: string
  url: string
  headers: Record<string, string>
  /** The body as text (binary bodies as latin1), empty when there was none. */
  body: string
}

export async function recordRequest(request: Request): Promise<RecordedRequest> {
  const headers: Record<string, string> = {}
  request.headers.forEach((value, name) => {
    headers[name] = value
  })
  const body = request.method === 'GET' || request.method === 'HEAD' ? '' : Buffer.from(await request.clone().arrayBuffer()).toString('latin1')
  return { method: request.method, url: request.url, headers, body }
}
