import { createHash, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { HaloServedSimulator, HaloSimulator } from './index'
import { requestToken, startHaloTestSession } from './halo-test-session'

const redirectUri = 'http://127.0.0.1:43117/callback'

function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}

/** `GET /auth/authorize` without following the redirect: the 302 and where it points. */
async function authorize(
  simulator: HaloSimulator,
  server: HaloServedSimulator,
  parameters: Record<string, string | undefined>,
): Promise<{ response: Response; location: URL | undefined }> {
  const url = new URL(`${server.authUrl}/authorize`)
  if (simulator.credentials.tenant) url.searchParams.set('tenant', simulator.credentials.tenant)
  for (const [name, value] of Object.entries(parameters)) if (value !== undefined) url.searchParams.set(name, value)
  const response = await fetch(url, { redirect: 'manual' })
  const location = response.headers.get('location')
  return { response, location: location ? new URL(location) : undefined }
}

async function signIn(simulator: HaloSimulator, server: HaloServedSimulator, challenge: string, state = 'state-1'): Promise<string> {
  const { response, location } = await authorize(simulator, server, {
    response_type: 'code',
    client_id: simulator.credentials.authorizationCodeClientId,
    redirect_uri: redirectUri,
    scope: 'all',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  })
  expect(response.status).toBe(302)
  expect(`${location!.origin}${location!.pathname}`).toBe(redirectUri)
  expect(location!.searchParams.get('state')).toBe(state)
  return location!.searchParams.get('code')!
}

function redeem(simulator: HaloSimulator, server: HaloServedSimulator, code: string, verifier: string, overrides: Record<string, string> = {}) {
  return requestToken(
    server,
    {
      grant_type: 'authorization_code',
      client_id: simulator.credentials.authorizationCodeClientId,
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
      ...overrides,
    },
    simulator.credentials.tenant,
  )
}

describe('Halo simulator: the authorization code grant with PKCE', () => {
  it('signs the test agent in at once, redeems the code with its verifier, and refreshes as before', async () => {
    const { simulator, server } = await startHaloTestSession()
    const { verifier, challenge } = pkcePair()
    const code = await signIn(simulator, server, challenge)
    const response = await redeem(simulator, server, code, verifier)
    expect(response.status).toBe(200)
    const body = (await response.json()) as { access_token: string; refresh_token: string; token_type: string; scope: string }
    expect(body).toMatchObject({ token_type: 'Bearer', scope: 'all' })
    const me = await fetch(`${server.resourceUrl}/Agent/me`, { headers: { authorization: `Bearer ${body.access_token}` } })
    expect(((await me.json()) as { name: string }).name).toBe('Sam Agent')

    const refreshed = await requestToken(
      server,
      { grant_type: 'refresh_token', client_id: simulator.credentials.authorizationCodeClientId, refresh_token: body.refresh_token },
      simulator.credentials.tenant,
    )
    expect(refreshed.status).toBe(200)
    expect(((await refreshed.json()) as { refresh_token: string }).refresh_token).not.toBe(body.refresh_token)
  })

  it('refuses a wrong verifier with invalid_grant, and a code redeemed once', async () => {
    const { simulator, server } = await startHaloTestSession()
    const { verifier, challenge } = pkcePair()
    const code = await signIn(simulator, server, challenge)

    const wrong = await redeem(simulator, server, code, pkcePair().verifier)
    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' })
    const missing = await redeem(simulator, server, code, verifier, { code_verifier: '' })
    expect(missing.status).toBe(400)
    expect(await missing.json()).toMatchObject({ error: 'invalid_request' })

    // A wrong verifier does not spend the code: its own client still redeems it, once.
    expect((await redeem(simulator, server, code, verifier)).status).toBe(200)
    const reused = await redeem(simulator, server, code, verifier)
    expect(reused.status).toBe(400)
    expect(await reused.json()).toMatchObject({ error: 'invalid_grant' })
  })

  it('binds the code to its client and redirect address', async () => {
    const { simulator, server } = await startHaloTestSession()
    const { verifier, challenge } = pkcePair()
    const code = await signIn(simulator, server, challenge)
    const otherRedirect = await redeem(simulator, server, code, verifier, { redirect_uri: 'http://127.0.0.1:9/callback' })
    expect(otherRedirect.status).toBe(400)
    expect(await otherRedirect.json()).toMatchObject({ error: 'invalid_grant' })
    const otherClient = await redeem(simulator, server, code, verifier, { client_id: simulator.credentials.passwordClientId })
    expect(otherClient.status).toBe(400)
    expect(await otherClient.json()).toMatchObject({ error: 'unauthorized_client' })
  })

  it('requires PKCE with S256 and answers problems at the redirect address', async () => {
    const { simulator, server } = await startHaloTestSession()
    const base = {
      response_type: 'code',
      client_id: simulator.credentials.authorizationCodeClientId,
      redirect_uri: redirectUri,
      scope: 'all',
      state: 'state-2',
    }
    const withoutChallenge = await authorize(simulator, server, base)
    expect(withoutChallenge.response.status).toBe(302)
    expect(withoutChallenge.location!.searchParams.get('error')).toBe('invalid_request')
    expect(withoutChallenge.location!.searchParams.get('state')).toBe('state-2')
    const plain = await authorize(simulator, server, { ...base, code_challenge: 'abc', code_challenge_method: 'plain' })
    expect(plain.location!.searchParams.get('error')).toBe('invalid_request')
    const badScope = await authorize(simulator, server, {
      ...base,
      scope: 'everything',
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'S256',
    })
    expect(badScope.location!.searchParams.get('error')).toBe('invalid_scope')
  })

  it('never redirects for an unknown client, a services client or a redirect address off the loopback', async () => {
    const { simulator, server } = await startHaloTestSession()
    const pkce = { code_challenge: pkcePair().challenge, code_challenge_method: 'S256', response_type: 'code', scope: 'all' }
    const offLoopback = await authorize(simulator, server, {
      ...pkce,
      client_id: simulator.credentials.authorizationCodeClientId,
      redirect_uri: 'https://attacker.example/callback',
    })
    expect(offLoopback.response.status).toBe(400)
    expect(offLoopback.location).toBeUndefined()
    const unknown = await authorize(simulator, server, { ...pkce, client_id: 'nobody', redirect_uri: redirectUri })
    expect(unknown.response.status).toBe(400)
    const services = await authorize(simulator, server, { ...pkce, client_id: simulator.credentials.clientId, redirect_uri: redirectUri })
    expect(services.response.status).toBe(400)
    expect(await services.response.json()).toMatchObject({ error: 'unauthorized_client' })
  })
})
