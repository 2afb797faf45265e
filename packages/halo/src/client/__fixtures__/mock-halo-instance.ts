import { createMockServer, type MockServer } from '@ticketbridge/testkit'
import { http, HttpResponse, type RequestHandler } from 'msw'

/** Credentials the mock authorisation server accepts. */
export const mockCredentials = {
  clientId: '3f2a8c1e-6b4d-4e8a-9c2f-1d0e7b6a5c41',
  clientSecret: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  username: 'sam.agent',
  password: 'Correct-Horse-Battery-9',
  tenant: 'acme',
} as const

export const mockOrigin = 'https://acme.halopsa.com'

/** A token request as the mock saw it. */
export interface MockTokenRequest {
  url: URL
  form: URLSearchParams
  contentType: string
}

/** Settings of {@link startMockHalo}. */
export interface MockHaloOptions {
  /** `expires_in` of issued tokens. */
  tokenLifetimeSeconds?: number
  /** Issue refresh tokens with the password grant. */
  refreshTokens?: boolean
  /** Resource handlers (they see only authorised requests). */
  handlers?: (instance: MockHalo) => RequestHandler[]
  /** Extra handlers in front of everything (discovery, custom token answers). */
  before?: RequestHandler[]
}

/** A small Halo for client unit tests: an OAuth token endpoint and bearer-checked resource handlers. */
export interface MockHalo {
  readonly server: MockServer
  readonly tokenRequests: MockTokenRequest[]
  /** Access tokens issued so far. */
  readonly issuedTokens: string[]
  /** Refresh tokens issued so far. */
  readonly issuedRefreshTokens: string[]
  /** Tokens the resource server accepts; remove one to make it answer 401. */
  readonly acceptedTokens: Set<string>
  /** Authorization headers the resource server received. */
  readonly authorizations: string[]
  close(): void
}

let counter = 0
const uniqueToken = (prefix: string) => `${prefix}-${(counter += 1)}-${Math.random().toString(36).slice(2, 14)}`

/** Starts msw interception with a token endpoint at `{origin}/auth/token` and the given resources. */
export function startMockHalo(options: MockHaloOptions = {}): MockHalo {
  const tokenRequests: MockTokenRequest[] = []
  const issuedTokens: string[] = []
  const issuedRefreshTokens: string[] = []
  const acceptedTokens = new Set<string>()
  const refreshable = new Set<string>()
  const authorizations: string[] = []

  const issue = (withRefresh: boolean) => {
    const accessToken = uniqueToken('access')
    issuedTokens.push(accessToken)
    acceptedTokens.add(accessToken)
    const body: Record<string, unknown> = {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: options.tokenLifetimeSeconds ?? 3600,
      scope: 'all',
    }
    if (withRefresh) {
      const refreshToken = uniqueToken('refresh')
      issuedRefreshTokens.push(refreshToken)
      refreshable.add(refreshToken)
      body.refresh_token = refreshToken
    }
    return HttpResponse.json(body)
  }

  const tokenHandler = http.post(`${mockOrigin}/auth/token`, async ({ request }) => {
    const form = new URLSearchParams(await request.text())
    tokenRequests.push({ url: new URL(request.url), form, contentType: request.headers.get('content-type') ?? '' })
    const invalidClient = () =>
      HttpResponse.json({ error: 'invalid_client', error_description: 'The specified client credentials are invalid.' }, { status: 401 })
    if (form.get('client_id') !== mockCredentials.clientId) return invalidClient()
    switch (form.get('grant_type')) {
      case 'client_credentials':
        return form.get('client_secret') === mockCredentials.clientSecret ? issue(false) : invalidClient()
      case 'password':
        if (form.get('username') !== mockCredentials.username || form.get('password') !== mockCredentials.password) {
          return HttpResponse.json({ error: 'invalid_grant', error_description: 'The username/password couple is invalid.' }, { status: 400 })
        }
        return issue(options.refreshTokens ?? true)
      case 'refresh_token': {
        const refreshToken = form.get('refresh_token') ?? ''
        if (!refreshable.delete(refreshToken))
          return HttpResponse.json({ error: 'invalid_grant', error_description: 'The refresh token is no longer valid.' }, { status: 400 })
        return issue(true)
      }
      default:
        return HttpResponse.json({ error: 'unsupported_grant_type' }, { status: 400 })
    }
  })

  const instance: MockHalo = {
    server: undefined as unknown as MockServer,
    tokenRequests,
    issuedTokens,
    issuedRefreshTokens,
    acceptedTokens,
    authorizations,
    close: () => instance.server.close(),
  }

  // Every resource request must carry an accepted bearer token, as Halo's would.
  const bearerCheck = http.all(`${mockOrigin}/api/*`, ({ request }) => {
    const authorization = request.headers.get('authorization') ?? ''
    if (new URL(request.url).pathname.toLowerCase() === '/api/authinfo') return undefined
    authorizations.push(authorization)
    const token = /^Bearer (.+)$/.exec(authorization)?.[1]
    if (!token || !acceptedTokens.has(token)) return new HttpResponse(null, { status: 401, headers: { 'www-authenticate': 'Bearer' } })
    return undefined
  })

  Object.assign(instance, {
    server: createMockServer([...(options.before ?? []), tokenHandler, bearerCheck, ...(options.handlers?.(instance) ?? [])]),
  })
  return instance
}

/** Client settings pointing at the mock, with fast retries and no shared budget. */
export function mockClientSettings(overrides: Record<string, unknown> = {}) {
  return {
    resourceUrl: `${mockOrigin}/api`,
    authUrl: `${mockOrigin}/auth`,
    tenant: mockCredentials.tenant,
    clientId: mockCredentials.clientId,
    clientSecret: mockCredentials.clientSecret,
    rateLimit: false as const,
    retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5, rateLimitDelayMs: { min: 5, max: 10 } },
    // No HALO_* variable of the shell running the tests fills in what a case leaves out.
    environment: {},
    ...overrides,
  }
}
