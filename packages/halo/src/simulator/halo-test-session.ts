/**
 * Test support for the simulator's own tests (not exported): a served simulator, a token, and
 * `fetch` helpers. Plain fetch on purpose: the simulator is tested without the Halo client.
 */
import { afterEach } from 'vitest'
import { createHaloSimulator, type HaloServedSimulator, type HaloSimulator, type HaloSimulatorOptions } from './index'

export interface HaloTestSession {
  simulator: HaloSimulator
  server: HaloServedSimulator
  /** A client_credentials token (scope all). */
  token: string
  /** Fetches `resourceUrl + path` with the token. */
  api(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>
  /** Like `api`, parsing the JSON answer and failing on a non-2xx status. */
  json<T = unknown>(path: string, init?: RequestInit & { json?: unknown }): Promise<T>
}

const open: HaloServedSimulator[] = []

afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()))
})

/** POSTs a form to the token endpoint. */
export async function requestToken(server: HaloServedSimulator, form: Record<string, string>, tenant?: string): Promise<Response> {
  const url = tenant === undefined ? `${server.authUrl}/token` : `${server.authUrl}/token?tenant=${encodeURIComponent(tenant)}`
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() })
}

/** A client_credentials token for the simulator's full-rights application. */
export async function fetchToken(simulator: HaloSimulator, server: HaloServedSimulator, scope = 'all'): Promise<string> {
  const { credentials } = simulator
  const response = await requestToken(
    server,
    { grant_type: 'client_credentials', client_id: credentials.clientId, client_secret: credentials.clientSecret, scope },
    credentials.tenant,
  )
  if (!response.ok) throw new Error(`Token request failed: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { access_token: string }).access_token
}

/** Starts a served simulator (closed after each test) with a token ready. */
export async function startHaloTestSession(options: HaloSimulatorOptions = {}): Promise<HaloTestSession> {
  const simulator = createHaloSimulator({ rateLimit: false, ...options })
  const server = await simulator.serve()
  open.push(server)
  const token = await fetchToken(simulator, server)
  const api = (path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> => {
    const { json, headers, ...rest } = init
    return fetch(`${server.resourceUrl}${path}`, {
      ...rest,
      headers: {
        authorization: `Bearer ${token}`,
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
        ...(headers as Record<string, string>),
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    })
  }
  return {
    simulator,
    server,
    token,
    api,
    async json<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
      const response = await api(path, init)
      const text = await response.text()
      if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${text}`)
      return JSON.parse(text) as T
    },
  }
}
