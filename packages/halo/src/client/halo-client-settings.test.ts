import { ConfigurationError } from '@ticketbridge/core'
import { describe, expect, it } from 'vitest'
import { HaloClient } from './halo-client'
import { resolveHaloClientSettings } from './halo-client-settings'

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

  it('suggests the option a typo meant', () => {
    expect(configurationError(() => new HaloClient({ instance: 'acme', ...credentials, clientSecrte: 'x' } as never)).message).toContain(
      'did you mean clientSecret?',
    )
  })
})
