import { ConfigurationError } from '@ticketbridge/core'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { HaloClient } from './halo-client'
import { resolveHaloClientSettings } from './halo-client-settings'
import { haloEnvironmentVariables } from './halo-environment-settings'

// These cases are about the settings given: a HALO_* variable in the shell running the tests must not fill them in.
beforeEach(() => {
  for (const setting of Object.values(haloEnvironmentVariables)) vi.stubEnv(setting.environment, undefined)
  return () => vi.unstubAllEnvs()
})

function configurationError(build: () => unknown): ConfigurationError {
  try {
    build()
  } catch (error) {
    if (ConfigurationError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a ConfigurationError')
}

const credentials = { clientId: 'client-id', clientSecret: 'client-secret-value' }

describe('Halo client settings', () => {
  it('keeps resource URL, auth URL and tenant apart, and never derives the auth URL from the resource URL', () => {
    const resolved = resolveHaloClientSettings({
      resourceUrl: 'https://acme.halopsa.com/api/',
      authUrl: 'https://auth.haloservicedesk.com',
      tenant: 'acme',
      ...credentials,
    })
    expect(resolved.location).toEqual({
      resourceUrl: 'https://acme.halopsa.com/api',
      tokenUrl: 'https://auth.haloservicedesk.com/token',
      fallbackAuthUrl: 'https://acme.halopsa.com/auth',
      tenant: 'acme',
    })
    // Without authUrl there is no token URL yet: it is discovered from /AuthInfo first.
    expect(resolveHaloClientSettings({ resourceUrl: 'https://halo.example.com/api', ...credentials }).location.tokenUrl).toBeUndefined()
  })

  it('accepts a token URL as authUrl, and a tenant written into it', () => {
    const resolved = resolveHaloClientSettings({
      resourceUrl: 'https://uk-trial.halopsa.com/api',
      authUrl: 'https://uk-trial.halopsa.com/token?tenant=acme',
      ...credentials,
    })
    expect(resolved.location.tokenUrl).toBe('https://uk-trial.halopsa.com/token')
    expect(resolved.location.fallbackTenant).toBe('acme')
  })

  it('turns a hosted instance name and an on-premises base URL into resource URLs', () => {
    expect(resolveHaloClientSettings({ instance: 'acme', ...credentials }).location).toMatchObject({
      resourceUrl: 'https://acme.halopsa.com/api',
      fallbackTenant: 'acme',
    })
    expect(resolveHaloClientSettings({ instance: 'acme.haloitsm.com', ...credentials }).location.resourceUrl).toBe('https://acme.haloitsm.com/api')
    expect(resolveHaloClientSettings({ baseUrl: 'https://halo.example.com/', ...credentials }).location.resourceUrl).toBe(
      'https://halo.example.com/api',
    )
    expect(resolveHaloClientSettings({ baseUrl: 'https://intranet.example.com/halo/api', ...credentials }).location.resourceUrl).toBe(
      'https://intranet.example.com/halo/api',
    )
  })

  it('picks the grant from the credentials given', () => {
    expect(resolveHaloClientSettings({ instance: 'acme', ...credentials }).grant.kind).toBe('client_credentials')
    expect(resolveHaloClientSettings({ instance: 'acme', clientId: 'id', username: 'sam', password: 'pw-123456' }).grant.kind).toBe('password')
    expect(
      resolveHaloClientSettings({ instance: 'acme', accessToken: 'token-abcdef', refreshToken: 'refresh-abcdef', clientId: 'id' }).grant,
    ).toMatchObject({ kind: 'token', refreshToken: 'refresh-abcdef' })
    expect(resolveHaloClientSettings({ instance: 'acme', ...credentials }).scope).toBe('all')
    expect(resolveHaloClientSettings({ instance: 'acme', ...credentials, scopes: ['read:tickets', 'edit:tickets'] }).scope).toBe(
      'read:tickets edit:tickets',
    )
  })

  it.each([
    [{ ...credentials }, 'resourceUrl'],
    [{ resourceUrl: 'acme.halopsa.com/api', ...credentials }, 'resourceUrl'],
    [{ resourceUrl: 'https://acme.halopsa.com/api', instance: 'acme', ...credentials }, 'instance'],
    [{ instance: 'https://acme.halopsa.com', ...credentials }, 'instance'],
    [{ instance: 'acme' }, 'clientId'],
    [{ instance: 'acme', clientId: 'id' }, 'clientSecret'],
    [{ instance: 'acme', clientId: 'id', password: 'pw-123456' }, 'username'],
    [{ instance: 'acme', username: 'sam', password: 'pw-123456' }, 'clientId'],
    [{ instance: 'acme', accessToken: 'token-abcdef', refreshToken: 'refresh-abcdef' }, 'clientId'],
    [{ instance: 'acme', ...credentials, timeoutMs: -1 }, 'timeoutMs'],
    [{ instance: 'acme', ...credentials, clientSecrte: 'typo' }, 'clientSecrte'],
    [{ instance: 'acme', ...credentials, retry: { rateLimitDelayMs: { min: 10, max: 5 } } }, 'retry.rateLimitDelayMs'],
    [{ instance: 'acme', ...credentials, batchSize: 500 }, 'batchSize'],
  ])('refuses bad settings at construction, naming the option (%#)', (settings, option) => {
    const error = configurationError(() => new HaloClient(settings as never))
    expect(error.option).toBe(option)
    expect(error.vendor).toBe('halo')
    expect(error.message).toContain(option)
  })

  it('says what to set when the client secret is missing, and redaction leaves the advice whole', () => {
    const error = configurationError(() => new HaloClient({ instance: 'acme', clientId: 'client-id' }))
    expect(error.option).toBe('clientSecret')
    expect(error.message).not.toContain('[REDACTED]')
    expect(error.message).toBe(
      'Invalid Halo client settings (clientSecret): Halo needs a client secret for the client credentials grant. Set HALO_CLIENT_SECRET or pass clientSecret, or sign in as a person instead: username and password (HALO_USERNAME and HALO_PASSWORD), refreshToken from an earlier sign-in, or redirectUri to sign in in a browser.',
    )
  })

  it.each([
    [{ instance: 'acme', clientId: 'id', clientSecret: '  ' }, 'clientSecret'],
    [{ instance: 'acme', clientId: 'id', username: 'sam', password: '' }, 'password'],
    [{ instance: 'acme', clientId: 'id', username: 'sam' }, 'password'],
    [{ instance: 'acme', accessToken: '' }, 'accessToken'],
    [{ instance: 'acme', clientId: 'id', refreshToken: 42 }, 'refreshToken'],
    [{ instance: 'acme', clientId: 'id', refreshToken: 'refresh-abcdef', username: 'sam', password: 'pw-123456' }, 'refreshToken'],
    [{ instance: 'acme', accessToken: 'token-abcdef', username: 'sam' }, 'accessToken'],
  ])('keeps messages about credential options readable (%#)', (settings, option) => {
    const error = configurationError(() => new HaloClient(settings as never))
    expect(error.option).toBe(option)
    expect(error.message).toContain(`(${option})`)
    expect(error.message).not.toContain('[REDACTED]')
  })

  it('picks the sign-in grants: a stored refresh token, or a browser sign-in to a redirect address', () => {
    expect(resolveHaloClientSettings({ instance: 'acme', clientId: 'id', refreshToken: 'refresh-abcdef' }).grant).toEqual({
      kind: 'refresh_token',
      clientId: 'id',
      refreshToken: 'refresh-abcdef',
    })
    expect(resolveHaloClientSettings({ instance: 'acme', clientId: 'id', redirectUri: 'http://127.0.0.1:8400/callback' }).grant).toEqual({
      kind: 'authorization_code',
      clientId: 'id',
      redirectUri: 'http://127.0.0.1:8400/callback',
    })
    expect(configurationError(() => new HaloClient({ instance: 'acme', refreshToken: 'refresh-abcdef' })).option).toBe('clientId')
    expect(configurationError(() => new HaloClient({ instance: 'acme', redirectUri: 'http://127.0.0.1:8400/callback' })).option).toBe('clientId')
    expect(configurationError(() => new HaloClient({ instance: 'acme', clientId: 'id', redirectUri: '127.0.0.1/callback' })).option).toBe(
      'redirectUri',
    )
  })

  it('suggests the option a typo meant', () => {
    expect(configurationError(() => new HaloClient({ instance: 'acme', ...credentials, clientSecrte: 'x' } as never)).message).toContain(
      'did you mean clientSecret?',
    )
  })
})
