import { createHash } from 'node:crypto'
import { inspect } from 'node:util'
import { AuthenticationError, ConfigurationError } from '@ticketbridge/core'
import { afterEach, describe, expect, it } from 'vitest'
import { createHaloSimulator, type HaloServedSimulator, type HaloSimulator } from '../simulator/index'
import { HaloClient } from './halo-client'
import type { HaloClientSettings } from './halo-client-settings'

const redirectUri = 'http://127.0.0.1:43118/callback'
const open: HaloServedSimulator[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()))
})

async function startSimulator(): Promise<{ simulator: HaloSimulator; server: HaloServedSimulator }> {
  const simulator = createHaloSimulator({ rateLimit: false })
  const server = await simulator.serve()
  open.push(server)
  return { simulator, server }
}

function settingsFor(simulator: HaloSimulator, server: HaloServedSimulator, extra: Partial<HaloClientSettings>): HaloClientSettings {
  return {
    resourceUrl: server.resourceUrl,
    authUrl: server.authUrl,
    ...(simulator.credentials.tenant ? { tenant: simulator.credentials.tenant } : {}),
    clientId: simulator.credentials.authorizationCodeClientId,
    rateLimit: false,
    retry: { maxRetries: 0 },
    ...extra,
  }
}

/** What a browser does with the sign-in address on the simulator: it comes back at once. */
async function browse(url: string): Promise<string> {
  const response = await fetch(url, { redirect: 'manual' })
  expect(response.status).toBe(302)
  return response.headers.get('location')!
}

const tokenRequests = (server: HaloServedSimulator) => server.requests.filter((request) => request.url.includes('/auth/token'))

describe('Halo client: a person signs in (authorization code with PKCE) and the stored refresh token', () => {
  it('builds the sign-in address with an S256 challenge of a verifier it keeps, and the tenant', async () => {
    const { simulator, server } = await startSimulator()
    const client = new HaloClient(settingsFor(simulator, server, { redirectUri, scopes: 'read:tickets edit:tickets' }))
    expect(client.grant).toBe('authorization_code')
    const start = await client.startAuthorization()
    const url = new URL(start.url)
    expect(`${url.origin}${url.pathname}`).toBe(`${server.authUrl}/authorize`)
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tenant: simulator.credentials.tenant,
      response_type: 'code',
      client_id: simulator.credentials.authorizationCodeClientId,
      redirect_uri: redirectUri,
      scope: 'read:tickets edit:tickets',
      state: start.state,
      code_challenge: createHash('sha256').update(start.codeVerifier).digest('base64url'),
      code_challenge_method: 'S256',
    })
    expect(start.codeVerifier).toMatch(/^[\w-]{43,128}$/)
    expect(start.url).not.toContain(start.codeVerifier)
    // Two sign-ins never share a state or a verifier.
    const other = await client.startAuthorization()
    expect(other.state).not.toBe(start.state)
    expect(other.codeVerifier).not.toBe(start.codeVerifier)
  })

  it('redeems the code with the verifier, hands out the refresh token, and works as the person', async () => {
    const { simulator, server } = await startSimulator()
    const issued: string[] = []
    const client = new HaloClient(settingsFor(simulator, server, { redirectUri, onRefreshTokenIssued: (token) => void issued.push(token) }))
    const start = await client.startAuthorization()
    const { refreshToken } = await client.completeAuthorization(start, await browse(start.url))
    expect(refreshToken).toEqual(expect.any(String))
    expect(issued).toEqual([refreshToken])
    expect((await client.agents.me()).name).toBe('Sam Agent')
    const [exchange] = tokenRequests(server)
    expect(Object.fromEntries(new URLSearchParams(exchange!.body))).toEqual({
      grant_type: 'authorization_code',
      client_id: simulator.credentials.authorizationCodeClientId,
      code: expect.any(String),
      redirect_uri: redirectUri,
      code_verifier: start.codeVerifier,
    })
  })

  it('refuses a redirect of another sign-in (its state) before sending anything, and a code used twice', async () => {
    const { simulator, server } = await startSimulator()
    const client = new HaloClient(settingsFor(simulator, server, { redirectUri }))
    const first = await client.startAuthorization()
    const second = await client.startAuthorization()
    const redirect = await browse(first.url)
    const wrongState = await client.completeAuthorization(second, redirect).catch((error: unknown) => error)
    expect(AuthenticationError.isInstance(wrongState)).toBe(true)
    expect(String(wrongState)).toContain('another state')
    expect(tokenRequests(server)).toHaveLength(0)

    await client.completeAuthorization(first, redirect)
    const again = new HaloClient(settingsFor(simulator, server, { redirectUri }))
    const reused = await again.completeAuthorization(first, redirect).catch((error: unknown) => error)
    expect(AuthenticationError.isInstance(reused)).toBe(true)
    expect(String(reused)).toContain('invalid_grant')
    expect(String(reused)).toContain('sign in again')
    // The code and the verifier are secrets: neither shows in the error.
    const code = new URL(redirect).searchParams.get('code')!
    for (const text of [String(reused), inspect(reused, { depth: 5 }), JSON.stringify(reused)]) {
      expect(text).not.toContain(code)
      expect(text).not.toContain(first.codeVerifier)
    }
  })

  it('refuses Halo’s refusal in the redirect, and sign-in calls on a client of another grant', async () => {
    const { simulator, server } = await startSimulator()
    const client = new HaloClient(settingsFor(simulator, server, { redirectUri, scopes: 'everything' }))
    const start = await client.startAuthorization()
    const refused = await client.completeAuthorization(start, await browse(start.url)).catch((error: unknown) => error)
    expect(String(refused)).toContain('invalid_scope')
    const services = new HaloClient(
      settingsFor(simulator, server, { clientId: simulator.credentials.clientId, clientSecret: simulator.credentials.clientSecret }),
    )
    const error = await services.startAuthorization().catch((caught: unknown) => caught)
    expect(ConfigurationError.isInstance(error) && error.option).toBe('redirectUri')
  })

  it('runs on a stored refresh token: one refresh for concurrent calls, each new refresh token handed out', async () => {
    const { simulator, server } = await startSimulator()
    const signIn = new HaloClient(settingsFor(simulator, server, { redirectUri }))
    const start = await signIn.startAuthorization()
    const { refreshToken: stored } = await signIn.completeAuthorization(start, await browse(start.url))

    const issued: string[] = []
    const client = new HaloClient(settingsFor(simulator, server, { refreshToken: stored!, onRefreshTokenIssued: (token) => void issued.push(token) }))
    expect(client.grant).toBe('refresh_token')
    const before = tokenRequests(server).length
    const names = await Promise.all(Array.from({ length: 5 }, () => client.agents.me()))
    expect(names.map((agent) => agent.name)).toEqual(Array(5).fill('Sam Agent'))
    expect(tokenRequests(server).length - before).toBe(1)
    expect(issued).toHaveLength(1)
    expect(issued[0]).not.toBe(stored)

    // Halo rotated it: the old one is refused, and after expiry the client refreshes with the newest.
    simulator.expireTokens()
    expect((await client.agents.me()).name).toBe('Sam Agent')
    expect(issued).toHaveLength(2)
    const lastForm = new URLSearchParams(tokenRequests(server).at(-1)!.body)
    expect(lastForm.get('grant_type')).toBe('refresh_token')
    expect(lastForm.get('refresh_token')).toBe(issued[0])

    const stale = new HaloClient(settingsFor(simulator, server, { refreshToken: stored! }))
    const error = await stale.agents.me().catch((caught: unknown) => caught)
    expect(AuthenticationError.isInstance(error)).toBe(true)
    expect(String(error)).toContain('sign in again')
    expect(String(error)).not.toContain(stored!)
  })

  it('keeps working when storing the new refresh token fails', async () => {
    const { simulator, server } = await startSimulator()
    const signIn = new HaloClient(settingsFor(simulator, server, { redirectUri }))
    const start = await signIn.startAuthorization()
    const { refreshToken } = await signIn.completeAuthorization(start, await browse(start.url))
    const warnings: string[] = []
    const log = () => undefined
    const client = new HaloClient(
      settingsFor(simulator, server, {
        refreshToken: refreshToken!,
        onRefreshTokenIssued: () => {
          throw new Error('disk full')
        },
        logger: { debug: log, info: log, error: log, warn: (message) => void warnings.push(message) },
      }),
    )
    expect((await client.agents.me()).name).toBe('Sam Agent')
    expect(warnings.some((line) => line.includes('onRefreshTokenIssued failed'))).toBe(true)
  })
})
