import { randomBytes } from 'node:crypto'
import { HttpResponse } from 'msw'
import { type HaloAgentPermission, integrationAgentId, passwordAgentId, readOnlyAgentId } from './halo-seed-agents'
import { createHaloAuthorizationCodes } from './halo-authorization-codes'
import type { HaloSimulatorClock, HaloSimulatorCredentialOptions } from './halo-simulator-options'

/** Credentials the simulator's authorisation server accepts. */
export interface HaloSimulatorCredentials {
  /** Tenant for `?tenant=` on the token URL; undefined for a self-hosted simulator. */
  tenant: string | undefined
  /** Client ID of the "Client ID and Secret (Services)" application; its tokens act as the API agent with full rights. */
  clientId: string
  clientSecret: string
  /** An application whose login-as agent may read but not write: its writes answer 403. */
  readOnlyClientId: string
  readOnlyClientSecret: string
  /** Client ID of the "Username & Password" application (no secret) for the password grant. */
  passwordClientId: string
  /**
   * Client ID of a native "Authorisation Code" application (no secret, PKCE, any loopback
   * redirect): `/auth/authorize` signs in the agent of `username` at once, without a page.
   */
  authorizationCodeClientId: string
  /** An agent's login for the password grant. */
  username: string
  password: string
  /** Scope to request: `all`. */
  scope: string
}

/** A token the simulator issued. */
export interface HaloSession {
  accessToken: string
  refreshToken?: string
  expiresAt: number
  scopes: string[]
  agentId: number
  clientId: string
  grantType: 'client_credentials' | 'password' | 'refresh_token' | 'authorization_code'
}

/** What a route needs from the token: the scope family of its resource (halo.md §2.2). */
export type HaloScopeArea = 'tickets' | 'customers' | 'assets' | 'kb' | 'projects' | 'timesheets' | 'admin' | 'none'

interface HaloApplication {
  clientId: string
  clientSecret?: string
  grants: ('client_credentials' | 'password' | 'authorization_code')[]
  loginAsAgentId?: number
}

/** Every scope Halo knows (halo.md §2.2); others are refused with invalid_scope. */
const knownScopes = new Set(
  [
    'all',
    'all:standard',
    'admin',
    'access:chat',
    'access:adpasswordreset',
    'editMine:timesheets',
    ...[
      'tickets',
      'calendar',
      'customers',
      'crm',
      'timesheets',
      'contracts',
      'suppliers',
      'items',
      'projects',
      'sales',
      'quotes',
      'sos',
      'pos',
    ].flatMap((area) => [`read:${area}`, `edit:${area}`]),
    ...['invoices', 'reporting', 'software', 'softwarelicensing', 'kb', 'assets'].flatMap((area) => [`read:${area}`, `edit:${area}`]),
  ].map((scope) => scope.toLowerCase()),
)

/** Fixed defaults: GUID client ids, secrets of two GUIDs joined by `-` (73 characters), as Halo issues them. */
export function defaultHaloCredentials(tenant: string | false, overrides: HaloSimulatorCredentialOptions = {}): HaloSimulatorCredentials {
  return {
    tenant: tenant === false ? undefined : tenant,
    clientId: overrides.clientId ?? '6f1f4c84-1a5e-4e1b-9a53-5f2d0c3b7e01',
    clientSecret: overrides.clientSecret ?? 'b7a3e9d2-4c1f-4e8a-9d3b-2f6c8a1e5b70-0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f',
    readOnlyClientId: '2c9e7a10-8b4d-4f3e-a1c2-9d8e7f6a5b40',
    readOnlyClientSecret: 'e4d3c2b1-a098-4765-b432-10fedcba9876-13579bdf-2468-4ace-b135-7926e8f0a1c3',
    passwordClientId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    authorizationCodeClientId: '4d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a09',
    username: overrides.username ?? 'sam.agent',
    password: overrides.password ?? 'Simulated-Passw0rd!',
    scope: 'all',
  }
}

function oauthError(status: number, error: string, description: string): Response {
  return HttpResponse.json({ error, error_description: description }, { status, headers: { 'cache-control': 'no-store', pragma: 'no-cache' } })
}

function bearerChallenge(error?: string, description?: string): Response {
  const challenge = error ? `Bearer error="${error}", error_description="${description ?? ''}"` : 'Bearer'
  // ASP.NET's bearer handler answers 401 with an empty body and the reason in the challenge.
  return new HttpResponse(null, { status: 401, headers: { 'www-authenticate': challenge } })
}

/** The authorisation server and the bearer check of the resource server. */
export interface HaloAuthority {
  readonly credentials: HaloSimulatorCredentials
  /** Answers `POST {authUrl}/token`. */
  token(request: Request): Promise<Response>
  /** Answers `GET {authUrl}/authorize`: the sign-in page, approving at once (a 302 back to `redirect_uri`). */
  authorize(request: Request): Response
  /** The session of a resource request, or the 401 to send. */
  authenticate(request: Request): { session: HaloSession } | { response: Response }
  /** The 403 to send when the session may not do this, else undefined. */
  authorise(session: HaloSession, area: HaloScopeArea, write: boolean): Response | undefined
  /** Expires every token issued so far (the next resource call answers 401). */
  expireTokens(): void
  /** Forgets every token. */
  reset(): void
  /** Tokens issued so far, oldest first. */
  readonly sessions: readonly HaloSession[]
}

/** The 400 a request naming no tenant (where one is required) or another tenant gets; undefined when it may go on. */
function tenantProblem(url: URL, credentials: HaloSimulatorCredentials, requireTenant: boolean | undefined): Response | undefined {
  if (credentials.tenant === undefined) return undefined
  const tenant = url.searchParams.get('tenant')
  if (!tenant && requireTenant)
    return oauthError(400, 'invalid_request', "This authorisation server hosts several tenants: add '?tenant=<name>' to the token URL.")
  if (tenant && tenant.toLowerCase() !== credentials.tenant.toLowerCase())
    return oauthError(400, 'invalid_request', `The tenant '${tenant}' is not known here.`)
  return undefined
}

/** Effective rights: the token's scopes intersected with its agent's permission (halo.md §2.2, §6). */
function authoriseSession(
  session: HaloSession,
  area: HaloScopeArea,
  write: boolean,
  permissionOf: (agentId: number) => HaloAgentPermission | undefined,
): Response | undefined {
  if (area === 'none') return undefined
  const scopes = new Set(session.scopes.map((scope) => scope.toLowerCase()))
  const granted =
    scopes.has('all') ||
    (scopes.has('all:standard') && area !== 'admin') ||
    (area === 'admin' ? scopes.has('admin') : scopes.has(`edit:${area}`) || (!write && scopes.has(`read:${area}`)))
  if (!granted) {
    const needed = area === 'admin' ? 'admin' : `${write ? 'edit' : 'read'}:${area}`
    return HttpResponse.json(
      { Message: `Authorization has been denied for this request: the token lacks the '${needed}' scope.` },
      { status: 403, headers: { 'www-authenticate': `Bearer error="insufficient_scope", scope="${needed}"` } },
    )
  }
  if (write && permissionOf(session.agentId) !== 'write') {
    return HttpResponse.json({ Message: 'You do not have permission to make changes: the API agent has read-only access.' }, { status: 403 })
  }
  return undefined
}

/** Options of {@link createHaloAuthority}. */
export interface HaloAuthorityOptions {
  credentials: HaloSimulatorCredentials
  tokenLifetimeSeconds: number
  /** Refuse a token request without `?tenant=` (a shared authorisation server). */
  requireTenant?: boolean
  clock: HaloSimulatorClock
  /** The permission of an agent, from the simulator state. */
  permissionOf(agentId: number): HaloAgentPermission | undefined
}

/**
 * The OAuth side of Halo (halo.md §2): a separate authorisation server answering
 * `POST /auth/token` with a form body, `tenant` in the query when hosted, the
 * client_credentials, password, authorization_code (PKCE, after `GET /auth/authorize`) and
 * refresh_token grants, OpenIddict's error bodies
 * (`invalid_client` 401, `invalid_grant`/`invalid_scope`/`unsupported_grant_type` 400), and
 * expiring bearer tokens checked on every resource request. Effective rights are the token's
 * scopes intersected with the login-as agent's permission; a missing right is a 403 on the
 * resource call, never at token time.
 */
export function createHaloAuthority(options: HaloAuthorityOptions): HaloAuthority {
  const { credentials, clock } = options
  const applications: HaloApplication[] = [
    { clientId: credentials.clientId, clientSecret: credentials.clientSecret, grants: ['client_credentials'], loginAsAgentId: integrationAgentId },
    {
      clientId: credentials.readOnlyClientId,
      clientSecret: credentials.readOnlyClientSecret,
      grants: ['client_credentials'],
      loginAsAgentId: readOnlyAgentId,
    },
    { clientId: credentials.passwordClientId, grants: ['password'] },
    { clientId: credentials.authorizationCodeClientId, grants: ['authorization_code'] },
  ]
  const authorizationCodes = createHaloAuthorizationCodes(clock)
  const findApplication = (clientId: string | null): HaloApplication | undefined =>
    clientId ? applications.find((candidate) => candidate.clientId.toLowerCase() === clientId.trim().toLowerCase()) : undefined
  const byAccessToken = new Map<string, HaloSession>()
  const byRefreshToken = new Map<string, HaloSession>()
  const sessions: HaloSession[] = []

  const issue = (session: Omit<HaloSession, 'accessToken' | 'expiresAt' | 'refreshToken'>, withRefresh: boolean): Response => {
    const issued: HaloSession = {
      ...session,
      accessToken: randomBytes(32).toString('base64url'),
      expiresAt: clock.now() + options.tokenLifetimeSeconds * 1000,
      ...(withRefresh ? { refreshToken: randomBytes(32).toString('base64url') } : {}),
    }
    byAccessToken.set(issued.accessToken, issued)
    if (issued.refreshToken) byRefreshToken.set(issued.refreshToken, issued)
    sessions.push(issued)
    return HttpResponse.json(
      {
        access_token: issued.accessToken,
        token_type: 'Bearer',
        expires_in: options.tokenLifetimeSeconds,
        scope: issued.scopes.join(' '),
        ...(issued.refreshToken ? { refresh_token: issued.refreshToken } : {}),
      },
      { headers: { 'cache-control': 'no-store', pragma: 'no-cache' } },
    )
  }

  const parseScopes = (requested: string | null): string[] | undefined => {
    // Halo's own clients always send a scope; `all` is what an empty request gets [I].
    const scopes = (requested ?? 'all').split(/\s+/).filter(Boolean)
    const list = scopes.length > 0 ? scopes : ['all']
    return list.every((scope) => knownScopes.has(scope.toLowerCase())) ? list : undefined
  }

  return {
    credentials,
    get sessions() {
      return sessions
    },
    authorize(request) {
      const url = new URL(request.url)
      const wrongTenant = tenantProblem(url, credentials, options.requireTenant)
      if (wrongTenant) return wrongTenant
      const application = findApplication(url.searchParams.get('client_id'))
      // Answered on the page, not redirected: an unknown client's redirect address is not to be trusted.
      if (!application) return oauthError(400, 'invalid_request', "The specified 'client_id' is invalid.")
      if (!application.grants.includes('authorization_code'))
        return oauthError(400, 'unauthorized_client', 'This client application is not allowed to use the authorization code flow.')
      return authorizationCodes.authorize(url, { clientId: application.clientId, agentId: passwordAgentId, parseScopes })
    },
    async token(request) {
      const wrongTenant = tenantProblem(new URL(request.url), credentials, options.requireTenant)
      if (wrongTenant) return wrongTenant
      const contentType = request.headers.get('content-type') ?? ''
      if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
        return oauthError(
          400,
          'invalid_request',
          "The specified 'Content-Type' header is invalid: send the form as application/x-www-form-urlencoded.",
        )
      }
      const form = new URLSearchParams(await request.text())
      const grantType = form.get('grant_type')
      if (!grantType) return oauthError(400, 'invalid_request', "The mandatory 'grant_type' parameter is missing.")
      if (grantType !== 'client_credentials' && grantType !== 'password' && grantType !== 'refresh_token' && grantType !== 'authorization_code') {
        return oauthError(400, 'unsupported_grant_type', 'The specified grant type is not supported.')
      }
      const clientId = form.get('client_id')
      if (!clientId) return oauthError(400, 'invalid_request', "The mandatory 'client_id' parameter is missing.")
      const application = findApplication(clientId)
      if (!application) return oauthError(401, 'invalid_client', 'The specified client credentials are invalid.')
      const secret = form.get('client_secret')
      if (application.clientSecret !== undefined && secret?.trim() !== application.clientSecret) {
        return oauthError(401, 'invalid_client', 'The specified client credentials are invalid.')
      }
      if (grantType === 'refresh_token') {
        const previous = byRefreshToken.get(form.get('refresh_token') ?? '')
        if (!previous || previous.clientId !== application.clientId)
          return oauthError(400, 'invalid_grant', 'The specified refresh token is invalid.')
        byRefreshToken.delete(previous.refreshToken!)
        return issue({ scopes: previous.scopes, agentId: previous.agentId, clientId: application.clientId, grantType: 'refresh_token' }, true)
      }
      if (!application.grants.includes(grantType)) {
        return oauthError(400, 'unauthorized_client', 'This client application is not allowed to use the specified grant type.')
      }
      if (grantType === 'authorization_code') {
        const redeemed = authorizationCodes.redeem(form, application.clientId)
        if (redeemed instanceof Response) return redeemed
        return issue({ scopes: redeemed.scopes, agentId: redeemed.agentId, clientId: application.clientId, grantType }, true)
      }
      const scopes = parseScopes(form.get('scope'))
      if (!scopes) return oauthError(400, 'invalid_scope', "The specified 'scope' parameter is not valid.")
      if (grantType === 'client_credentials') {
        return issue({ scopes, agentId: application.loginAsAgentId!, clientId: application.clientId, grantType }, false)
      }
      const username = form.get('username')
      const password = form.get('password')
      if (!username || !password) return oauthError(400, 'invalid_request', "The mandatory 'username' and 'password' parameters are missing.")
      if (username.trim().toLowerCase() !== credentials.username.toLowerCase() || password !== credentials.password) {
        return oauthError(400, 'invalid_grant', 'The username/password couple is invalid.')
      }
      return issue({ scopes, agentId: passwordAgentId, clientId: application.clientId, grantType }, true)
    },
    authenticate(request) {
      const header = request.headers.get('authorization')
      const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null
      if (!match) return { response: bearerChallenge() }
      const session = byAccessToken.get(match[1]!)
      if (!session) return { response: bearerChallenge('invalid_token', 'The specified token is invalid.') }
      if (session.expiresAt <= clock.now()) return { response: bearerChallenge('invalid_token', 'The specified token is no longer valid.') }
      return { session }
    },
    authorise: (session, area, write) => authoriseSession(session, area, write, options.permissionOf),
    expireTokens() {
      const now = clock.now()
      for (const session of sessions) session.expiresAt = Math.min(session.expiresAt, now)
    },
    reset() {
      authorizationCodes.reset()
      byAccessToken.clear()
      byRefreshToken.clear()
      sessions.length = 0
    },
  }
}
