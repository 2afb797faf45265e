import { describe, expect, it } from 'vitest'
import { createHaloSimulator } from './index'
import { fetchToken, requestToken, startHaloTestSession } from './halo-test-session'

describe('Halo simulator: the token endpoint', () => {
  it('issues a client_credentials token with Halo’s response shape', async () => {
    const { simulator, server } = await startHaloTestSession({ tokenLifetimeSeconds: 1800 })
    const { credentials } = simulator
    const response = await requestToken(
      server,
      { grant_type: 'client_credentials', client_id: credentials.clientId, client_secret: credentials.clientSecret, scope: 'all' },
      credentials.tenant,
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const body = (await response.json()) as Record<string, unknown>
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 1800, scope: 'all' })
    expect(body.access_token).toEqual(expect.stringMatching(/^[\w-]{40,}$/))
    expect(body).not.toHaveProperty('refresh_token')
    expect(credentials.clientSecret).toHaveLength(73)
  })

  it('issues a password-grant token acting as that agent, with a refresh token that works once', async () => {
    const { simulator, server } = await startHaloTestSession()
    const { credentials } = simulator
    const response = await requestToken(
      server,
      {
        grant_type: 'password',
        client_id: credentials.passwordClientId,
        username: credentials.username,
        password: credentials.password,
        scope: 'all',
      },
      credentials.tenant,
    )
    expect(response.status).toBe(200)
    const body = (await response.json()) as { access_token: string; refresh_token: string }
    const me = await fetch(`${server.resourceUrl}/Agent/me`, { headers: { authorization: `Bearer ${body.access_token}` } })
    expect(((await me.json()) as { name: string }).name).toBe('Sam Agent')

    const refreshed = await requestToken(
      server,
      { grant_type: 'refresh_token', client_id: credentials.passwordClientId, refresh_token: body.refresh_token },
      credentials.tenant,
    )
    expect(refreshed.status).toBe(200)
    const reused = await requestToken(
      server,
      { grant_type: 'refresh_token', client_id: credentials.passwordClientId, refresh_token: body.refresh_token },
      credentials.tenant,
    )
    expect(reused.status).toBe(400)
    expect(await reused.json()).toMatchObject({ error: 'invalid_grant' })
  })

  it('refuses a bad client secret with invalid_client and 401', async () => {
    const { simulator, server } = await startHaloTestSession()
    const { credentials } = simulator
    const response = await requestToken(
      server,
      { grant_type: 'client_credentials', client_id: credentials.clientId, client_secret: 'not-the-secret', scope: 'all' },
      credentials.tenant,
    )
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({ error: 'invalid_client', error_description: 'The specified client credentials are invalid.' })
    const unknownClient = await requestToken(
      server,
      { grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'x' },
      credentials.tenant,
    )
    expect(unknownClient.status).toBe(401)
  })

  it('refuses a wrong password with invalid_grant and 400', async () => {
    const { simulator, server } = await startHaloTestSession()
    const { credentials } = simulator
    const response = await requestToken(
      server,
      { grant_type: 'password', client_id: credentials.passwordClientId, username: credentials.username, password: 'wrong', scope: 'all' },
      credentials.tenant,
    )
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' })
  })

  it('takes a hosted instance token request with its tenant or none, refuses another tenant, and requires one on a shared server', async () => {
    const { simulator, server } = await startHaloTestSession({ tenant: 'acme' })
    const form = { grant_type: 'client_credentials', client_id: simulator.credentials.clientId, client_secret: simulator.credentials.clientSecret }
    expect(simulator.credentials.tenant).toBe('acme')
    // {account}.halopsa.com/auth/token takes no tenant (halo.md §2.1).
    expect((await requestToken(server, form)).status).toBe(200)
    const shared = createHaloSimulator({ tenant: 'acme', requireTenant: true, rateLimit: false })
    const sharedServer = await shared.serve()
    try {
      const sharedForm = { grant_type: 'client_credentials', client_id: shared.credentials.clientId, client_secret: shared.credentials.clientSecret }
      expect((await requestToken(sharedServer, sharedForm)).status).toBe(400)
      expect((await requestToken(sharedServer, sharedForm, 'acme')).status).toBe(200)
    } finally {
      await sharedServer.close()
    }
    const wrong = await requestToken(server, form, 'contoso')
    expect(wrong.status).toBe(400)
    expect(((await wrong.json()) as { error_description: string }).error_description).toContain('contoso')
    expect((await requestToken(server, form, 'ACME')).status).toBe(200)

    const selfHosted = createHaloSimulator({ tenant: false, rateLimit: false })
    const selfServer = await selfHosted.serve()
    try {
      expect(selfHosted.credentials.tenant).toBeUndefined()
      const ok = await requestToken(selfServer, {
        grant_type: 'client_credentials',
        client_id: selfHosted.credentials.clientId,
        client_secret: selfHosted.credentials.clientSecret,
      })
      expect(ok.status).toBe(200)
    } finally {
      await selfServer.close()
    }
  })

  it('wants a form body, a known grant type and known scopes', async () => {
    const { simulator, server } = await startHaloTestSession()
    const { credentials } = simulator
    const json = await fetch(`${server.authUrl}/token?tenant=${credentials.tenant}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: credentials.clientId, client_secret: credentials.clientSecret }),
    })
    expect(json.status).toBe(400)
    expect(await json.json()).toMatchObject({ error: 'invalid_request' })
    const grant = await requestToken(server, { grant_type: 'implicit', client_id: credentials.clientId }, credentials.tenant)
    expect(await grant.json()).toMatchObject({ error: 'unsupported_grant_type' })
    const scope = await requestToken(
      server,
      { grant_type: 'client_credentials', client_id: credentials.clientId, client_secret: credentials.clientSecret, scope: 'read:everything' },
      credentials.tenant,
    )
    expect(scope.status).toBe(400)
    expect(await scope.json()).toMatchObject({ error: 'invalid_scope' })
  })
})

describe('Halo simulator: bearer tokens on the resource server', () => {
  it('answers 401 with an empty body and a challenge when the token is missing or unknown', async () => {
    const { server } = await startHaloTestSession()
    const missing = await fetch(`${server.resourceUrl}/Status`)
    expect(missing.status).toBe(401)
    expect(await missing.text()).toBe('')
    expect(missing.headers.get('www-authenticate')).toBe('Bearer')
    const unknown = await fetch(`${server.resourceUrl}/Status`, { headers: { authorization: 'Bearer made-up' } })
    expect(unknown.status).toBe(401)
    expect(unknown.headers.get('www-authenticate')).toContain('invalid_token')
  })

  it('expires tokens after their lifetime (by the injected clock) and on expireTokens()', async () => {
    let now = Date.UTC(2024, 4, 2, 8, 0, 0)
    const { simulator, server, api } = await startHaloTestSession({ clock: { now: () => now }, tokenLifetimeSeconds: 60 })
    expect((await api('/Status')).status).toBe(200)
    now += 59_000
    expect((await api('/Status')).status).toBe(200)
    now += 1_000
    const expired = await api('/Status')
    expect(expired.status).toBe(401)
    expect(expired.headers.get('www-authenticate')).toContain('no longer valid')

    const fresh = await fetchToken(simulator, server)
    const headers = { authorization: `Bearer ${fresh}` }
    expect((await fetch(`${server.resourceUrl}/Status`, { headers })).status).toBe(200)
    simulator.expireTokens()
    expect((await fetch(`${server.resourceUrl}/Status`, { headers })).status).toBe(401)
  })

  it('refuses writes with 403 when the scope or the login-as agent lacks the right', async () => {
    const { simulator, server } = await startHaloTestSession()
    const readScoped = await fetchToken(simulator, server, 'read:tickets')
    const post = (token: string) =>
      fetch(`${server.resourceUrl}/Tickets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify([{ summary: 'x', details: 'y' }]),
      })
    expect((await fetch(`${server.resourceUrl}/Tickets`, { headers: { authorization: `Bearer ${readScoped}` } })).status).toBe(200)
    const forbidden = await post(readScoped)
    expect(forbidden.status).toBe(403)
    expect(((await forbidden.json()) as { Message: string }).Message).toContain('edit:tickets')
    expect((await fetch(`${server.resourceUrl}/Users`, { headers: { authorization: `Bearer ${readScoped}` } })).status).toBe(403)

    const { credentials } = simulator
    const readOnly = await requestToken(
      server,
      { grant_type: 'client_credentials', client_id: credentials.readOnlyClientId, client_secret: credentials.readOnlyClientSecret, scope: 'all' },
      credentials.tenant,
    )
    const readOnlyToken = ((await readOnly.json()) as { access_token: string }).access_token
    expect((await fetch(`${server.resourceUrl}/Tickets`, { headers: { authorization: `Bearer ${readOnlyToken}` } })).status).toBe(200)
    expect((await post(readOnlyToken)).status).toBe(403)
    expect(simulator.state.tickets.size).toBe(0)
  })

  it('answers AuthInfo discovery without a token', async () => {
    const { server, simulator } = await startHaloTestSession()
    const response = await fetch(`${server.resourceUrl}/AuthInfo`)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ auth_url: server.authUrl, tenant_id: simulator.credentials.tenant })
  })
})
