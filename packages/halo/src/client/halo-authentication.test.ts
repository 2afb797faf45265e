import { AuthenticationError, ConfigurationError, PermissionError } from '@ticketbridge/core'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { HaloClient } from './halo-client'
import { type MockHalo, mockClientSettings, mockCredentials, mockOrigin, startMockHalo } from './__fixtures__/mock-halo-instance'

let mock: MockHalo | undefined
afterEach(() => {
  mock?.close()
  mock = undefined
})

/** A resource that answers every authorised GET with the agent the token runs as. */
const agentMe = () => [http.get(`${mockOrigin}/api/Agent/me`, () => HttpResponse.json({ id: 5, name: 'API Integration' }))]

function expectRejection<T>(promise: Promise<unknown>, errorClass: { isInstance(error: unknown): error is T }): Promise<T> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (error: unknown) => {
      if (!errorClass.isInstance(error)) throw error
      return error
    },
  )
}

describe('Halo authentication', () => {
  it('client credentials: a form body, the tenant in the query string, one token for many calls', async () => {
    mock = startMockHalo({ handlers: agentMe })
    const client = new HaloClient(mockClientSettings())
    for (let call = 0; call < 3; call++) expect((await client.agents.me()).name).toBe('API Integration')
    expect(mock.tokenRequests).toHaveLength(1)
    const [request] = mock.tokenRequests
    expect(request!.contentType).toContain('application/x-www-form-urlencoded')
    expect(request!.url.pathname).toBe('/auth/token')
    expect(request!.url.searchParams.get('tenant')).toBe('acme')
    expect(Object.fromEntries(request!.form)).toEqual({
      grant_type: 'client_credentials',
      client_id: mockCredentials.clientId,
      client_secret: mockCredentials.clientSecret,
      scope: 'all',
    })
    expect(mock.authorizations).toEqual(Array(3).fill(`Bearer ${mock.issuedTokens[0]}`))
  })

  it('password grant: username and password, then the refresh token before expiry', async () => {
    let now = Date.parse('2024-05-01T09:00:00Z')
    mock = startMockHalo({ handlers: agentMe, tokenLifetimeSeconds: 3600 })
    const client = new HaloClient(
      mockClientSettings({
        clientSecret: undefined,
        username: mockCredentials.username,
        password: mockCredentials.password,
        scopes: 'all:standard',
        now: () => now,
      }),
    )
    expect(client.grant).toBe('password')
    await client.agents.me()
    expect(Object.fromEntries(mock.tokenRequests[0]!.form)).toEqual({
      grant_type: 'password',
      client_id: mockCredentials.clientId,
      username: mockCredentials.username,
      password: mockCredentials.password,
      scope: 'all:standard',
    })
    now += 3_570_000 // within the refresh margin: renewed before it expires
    await client.agents.me()
    expect(mock.tokenRequests).toHaveLength(2)
    expect(Object.fromEntries(mock.tokenRequests[1]!.form)).toEqual({
      grant_type: 'refresh_token',
      client_id: mockCredentials.clientId,
      refresh_token: mock.issuedRefreshTokens[0],
    })
    expect(mock.authorizations.at(-1)).toBe(`Bearer ${mock.issuedTokens[1]}`)
  })

  it('password grant: signs in again with the password when the refresh token was revoked', async () => {
    let now = Date.parse('2024-05-01T09:00:00Z')
    mock = startMockHalo({ handlers: agentMe })
    const client = new HaloClient(
      mockClientSettings({ clientSecret: undefined, username: mockCredentials.username, password: mockCredentials.password, now: () => now }),
    )
    await client.agents.me()
    mock.server.use(
      http.post(`${mockOrigin}/auth/token`, async ({ request }) => {
        const form = new URLSearchParams(await request.clone().text())
        if (form.get('grant_type') === 'refresh_token') return HttpResponse.json({ error: 'invalid_grant' }, { status: 400 })
        return undefined
      }),
    )
    now += 3_600_000
    await client.agents.me()
    expect(mock.tokenRequests.map((request) => request.form.get('grant_type'))).toEqual(['password', 'password'])
  })

  it('existing access token: used as given, renewed with its refresh token once Halo refuses it', async () => {
    mock = startMockHalo({ handlers: agentMe })
    const givenToken = 'given-access-token-0123456789'
    const givenRefresh = 'given-refresh-token-0123456789'
    mock.acceptedTokens.add(givenToken)
    // The mock knows the given refresh token as one it issued.
    mock.server.use(
      http.post(`${mockOrigin}/auth/token`, async ({ request }) => {
        const form = new URLSearchParams(await request.clone().text())
        if (form.get('refresh_token') !== givenRefresh) return undefined
        mock!.tokenRequests.push({ url: new URL(request.url), form, contentType: request.headers.get('content-type') ?? '' })
        mock!.acceptedTokens.add('renewed-access-token-0123456789')
        return HttpResponse.json({
          access_token: 'renewed-access-token-0123456789',
          expires_in: 3600,
          refresh_token: 'renewed-refresh-token-0123456789',
        })
      }),
    )
    const client = new HaloClient(mockClientSettings({ clientSecret: undefined, accessToken: givenToken, refreshToken: givenRefresh }))
    expect(client.grant).toBe('token')
    await client.agents.me()
    await client.agents.me()
    expect(mock.tokenRequests).toHaveLength(0)
    mock.acceptedTokens.delete(givenToken)
    await client.agents.me()
    expect(mock.tokenRequests).toHaveLength(1)
    expect(Object.fromEntries(mock.tokenRequests[0]!.form)).toEqual({
      grant_type: 'refresh_token',
      client_id: mockCredentials.clientId,
      refresh_token: givenRefresh,
    })
    expect(mock.authorizations).toEqual([
      `Bearer ${givenToken}`,
      `Bearer ${givenToken}`,
      `Bearer ${givenToken}`,
      'Bearer renewed-access-token-0123456789',
    ])
  })

  it('existing access token without a refresh token: a refused token is an AuthenticationError that says what to do', async () => {
    mock = startMockHalo({ handlers: agentMe })
    const client = new HaloClient(mockClientSettings({ clientId: undefined, clientSecret: undefined, accessToken: 'stale-access-token-0123456789' }))
    const error = await expectRejection(client.agents.me(), AuthenticationError)
    expect(error.message).toContain('no refresh token')
    expect(mock.tokenRequests).toHaveLength(0)
  })

  it('refreshes single-flight: 20 calls at expiry cause one token request', async () => {
    let now = Date.parse('2024-05-01T09:00:00Z')
    mock = startMockHalo({ handlers: agentMe, tokenLifetimeSeconds: 600 })
    const client = new HaloClient(mockClientSettings({ now: () => now }))
    await client.agents.me()
    now += 600_000
    await Promise.all(Array.from({ length: 20 }, () => client.agents.me()))
    expect(mock.tokenRequests).toHaveLength(2)
    expect(new Set(mock.authorizations.slice(1))).toEqual(new Set([`Bearer ${mock.issuedTokens[1]}`]))
  })

  it('re-authenticates once after a 401, also when many calls are refused at once', async () => {
    mock = startMockHalo({ handlers: agentMe })
    const client = new HaloClient(mockClientSettings())
    await client.agents.me()
    mock.acceptedTokens.clear() // Halo revoked the token
    await Promise.all(Array.from({ length: 10 }, () => client.agents.me()))
    expect(mock.tokenRequests).toHaveLength(2)
  })

  it('gives up after that one re-authentication when Halo keeps answering 401', async () => {
    mock = startMockHalo({ handlers: agentMe })
    const refused: string[] = []
    mock.server.use(
      http.get(`${mockOrigin}/api/Agent/me`, ({ request }) => {
        refused.push(request.headers.get('authorization') ?? '')
        return new HttpResponse(null, { status: 401 })
      }),
    )
    const client = new HaloClient(mockClientSettings())
    const error = await expectRejection(client.agents.me(), AuthenticationError)
    expect(error.status).toBe(401)
    expect(error.vendor).toBe('halo')
    expect(mock.tokenRequests).toHaveLength(2)
    expect(refused).toEqual([`Bearer ${mock.issuedTokens[0]}`, `Bearer ${mock.issuedTokens[1]}`])
  })

  it('discovers the authorisation server and tenant from /AuthInfo when no authUrl is set', async () => {
    const tokenUrls: string[] = []
    mock = startMockHalo({
      handlers: agentMe,
      before: [
        http.get(`${mockOrigin}/api/AuthInfo`, ({ request }) => {
          expect(request.headers.get('authorization')).toBeNull()
          return HttpResponse.json({ auth_url: 'https://auth.haloservicedesk.com', tenant_id: 'acme-hosted' })
        }),
        http.post('https://auth.haloservicedesk.com/token', ({ request }) => {
          tokenUrls.push(request.url)
          mock!.acceptedTokens.add('discovered-access-token-0123')
          return HttpResponse.json({ access_token: 'discovered-access-token-0123', expires_in: 3600 })
        }),
      ],
    })
    const client = new HaloClient(mockClientSettings({ authUrl: undefined, tenant: undefined }))
    await client.agents.me()
    expect(tokenUrls).toEqual(['https://auth.haloservicedesk.com/token?tenant=acme-hosted'])
    expect(await client.tokenEndpoint()).toEqual({ tokenUrl: 'https://auth.haloservicedesk.com/token', tenant: 'acme-hosted' })
  })

  it('falls back to {host}/auth only when the instance does not answer /AuthInfo', async () => {
    mock = startMockHalo({
      handlers: agentMe,
      before: [
        http.get(
          `${mockOrigin}/api/AuthInfo`,
          () => new HttpResponse('<html>not here</html>', { status: 404, headers: { 'content-type': 'text/html' } }),
        ),
      ],
    })
    const warnings: string[] = []
    const client = new HaloClient(
      mockClientSettings({ authUrl: undefined, logger: { debug() {}, info() {}, warn: (message: string) => warnings.push(message), error() {} } }),
    )
    await client.agents.me()
    expect(mock.tokenRequests[0]!.url.toString()).toBe(`${mockOrigin}/auth/token?tenant=acme`)
    expect(warnings.some((line) => line.includes('AuthInfo discovery failed'))).toBe(true)
  })

  it('a wrong client secret is an AuthenticationError', async () => {
    mock = startMockHalo({ handlers: agentMe })
    const client = new HaloClient(mockClientSettings({ clientSecret: 'wrong-secret-value-0123456789' }))
    const error = await expectRejection(client.agents.me(), AuthenticationError)
    expect(error.status).toBe(401)
    expect(error.message).toContain('invalid_client')
    expect(mock.authorizations).toHaveLength(0)
  })

  it('a token endpoint answering a web page or 404 is a ConfigurationError naming authUrl', async () => {
    mock = startMockHalo({
      handlers: agentMe,
      before: [
        http.post(
          `${mockOrigin}/wrong/token`,
          () => new HttpResponse('<!DOCTYPE html><html><body>Halo</body></html>', { status: 200, headers: { 'content-type': 'text/html' } }),
        ),
      ],
    })
    const webPage = await expectRejection(new HaloClient(mockClientSettings({ authUrl: `${mockOrigin}/wrong` })).agents.me(), ConfigurationError)
    expect(webPage.option).toBe('authUrl')
    mock.server.use(http.post(`${mockOrigin}/missing/token`, () => new HttpResponse('Not Found', { status: 404 })))
    const missing = await expectRejection(new HaloClient(mockClientSettings({ authUrl: `${mockOrigin}/missing` })).agents.me(), ConfigurationError)
    expect(missing.option).toBe('authUrl')
  })

  it('scopes the application lacks are a PermissionError', async () => {
    mock = startMockHalo({ handlers: agentMe })
    mock.server.use(
      http.post(`${mockOrigin}/auth/token`, () =>
        HttpResponse.json({ error: 'invalid_scope', error_description: 'The specified scope is not allowed.' }, { status: 400 }),
      ),
    )
    const error = await expectRejection(new HaloClient(mockClientSettings({ scopes: 'admin' })).agents.me(), PermissionError)
    expect(error.message).toContain('scopes')
  })
})
