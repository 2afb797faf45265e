import { mkdtemp, rm, stat, writeFile, mkdir } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigurationError } from '@ticketbridge/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createHaloSimulator, type HaloServedSimulator, type HaloSimulator } from '../simulator/index'
import { haloConnector } from './halo-connector'
import { haloSignIn } from './halo-sign-in'
import { haloStoredSignInPath, readHaloStoredSignIn } from './halo-stored-sign-in'

let folder: string
let simulator: HaloSimulator
let server: HaloServedSimulator
let settings: Record<string, string>

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'halo-sign-in-'))
  vi.stubEnv('TICKETBRIDGE_CONFIG_DIR', folder)
  simulator = createHaloSimulator({ rateLimit: false, seed: 2 })
  server = await simulator.serve()
  settings = {
    resourceUrl: server.resourceUrl,
    authUrl: server.authUrl,
    tenant: simulator.credentials.tenant!,
    clientId: simulator.credentials.authorizationCodeClientId,
    requestsPerFiveMinutes: '100000',
  }
})

afterEach(async () => {
  vi.unstubAllEnvs()
  await server.close()
  await rm(folder, { recursive: true, force: true })
})

async function signIn(): Promise<string> {
  const attempt = await haloSignIn.start(settings, { redirectUri: 'http://127.0.0.1:43119/callback' })
  const answer = await fetch(attempt.authorizeUrl, { redirect: 'manual' })
  const { path, signedInAs } = await attempt.complete(new URL(answer.headers.get('location')!))
  expect(signedInAs).toBe('Sam Agent')
  return path
}

const grantsSent = () =>
  server.requests.filter((request) => request.url.includes('/auth/token')).map((request) => new URLSearchParams(request.body).get('grant_type'))

describe('Halo connector: a person’s stored sign-in', () => {
  it('keeps one file per instance under the config folder, named after the instance', () => {
    expect(haloStoredSignInPath({ resourceUrl: 'https://acme.halopsa.com/api', tenant: 'acme' })).toBe(
      join(folder, 'credentials', 'halo-acme.halopsa.com-api-tenant-acme.json'),
    )
    expect(haloStoredSignInPath({ instance: 'acme' })).toBe(join(folder, 'credentials', 'halo-acme.json'))
    const long = haloStoredSignInPath({ baseUrl: `https://${'very-long-host-name.'.repeat(8)}example.com` })
    expect(long.length - join(folder, 'credentials').length).toBeLessThan(90)
    expect(haloStoredSignInPath({ instance: 'acme' }, { XDG_CONFIG_HOME: '/x' })).toBe('/x/ticketbridge/credentials/halo-acme.json')
    expect(haloStoredSignInPath({ instance: 'acme' }, {})).toBe(join(homedir(), '.config', 'ticketbridge', 'credentials', 'halo-acme.json'))
    expect(() => haloStoredSignInPath({ clientId: 'id' })).toThrow('Say which Halo instance')
  })

  it('without a secret or a stored sign-in, says what to set, unredacted', () => {
    let error: unknown
    try {
      haloConnector.createAdapter(settings)
    } catch (caught) {
      error = caught
    }
    expect(ConfigurationError.isInstance(error)).toBe(true)
    expect((error as ConfigurationError).message).toBe(
      'Halo needs a client secret. Set HALO_CLIENT_SECRET (environment or --secrets-file), or sign in as a person with `ticketbridge auth login halo`.',
    )
    expect((error as ConfigurationError).option).toBe('halo.clientSecret')
  })

  it('builds adapters on the stored sign-in, storing each refresh token Halo issues in a file only the user reads', async () => {
    const path = await signIn()
    const first = readHaloStoredSignIn(path)!
    expect((await stat(path)).mode & 0o777).toBe(0o600)

    const adapter = haloConnector.createAdapter(settings)
    expect(await adapter.tickets.list().toArray({ limit: 2 })).toHaveLength(2)
    await adapter.close()
    const second = readHaloStoredSignIn(path)!
    expect(second.refreshToken).not.toBe(first.refreshToken)
    expect(second.refreshedAt).toEqual(expect.any(String))
    expect((await stat(path)).mode & 0o777).toBe(0o600)
    expect(grantsSent()).toEqual(['authorization_code', 'refresh_token'])

    // A secret of its own wins: the stored sign-in is left alone.
    const services = haloConnector.createAdapter({
      ...settings,
      clientId: simulator.credentials.clientId,
      clientSecret: simulator.credentials.clientSecret,
    })
    await services.tickets.list().toArray({ limit: 1 })
    await services.close()
    expect(grantsSent().at(-1)).toBe('client_credentials')
    expect(readHaloStoredSignIn(path)!.refreshToken).toBe(second.refreshToken)
  })

  it('checks whether the stored sign-in still refreshes, and forgets it', async () => {
    const path = await signIn()
    expect(await haloSignIn.check(settings)).toMatchObject({ stored: true, path, signedInAs: 'Sam Agent', refreshes: true })
    simulator.reset()
    const refused = await haloSignIn.check(settings)
    expect(refused).toMatchObject({ stored: true, refreshes: false })
    expect(refused.stored && refused.problem).toContain('invalid_grant')
    expect(await haloSignIn.forget(settings)).toBe(true)
    expect(await haloSignIn.forget(settings)).toBe(false)
    expect(await haloSignIn.check(settings)).toEqual({ stored: false, path })
  })

  it('says to sign in again when the stored file is damaged', async () => {
    const path = haloStoredSignInPath(settings)
    await mkdir(join(folder, 'credentials'), { recursive: true })
    await writeFile(path, '{"vendor":"halo"', { mode: 0o600 })
    expect(() => haloConnector.createAdapter(settings)).toThrow('is damaged: sign in again with `ticketbridge auth login halo`')
  })
})
