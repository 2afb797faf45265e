import { ConfigurationError } from '@ticketbridge/core'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createHaloAdapter } from '../adapter/halo-adapter'
import { resolveHaloAdapterSettings } from '../adapter/halo-adapter-settings'
import { haloAdapterSettingsFrom } from '../connector/halo-connector-settings'
import { HaloClient } from './halo-client'
import { resolveHaloClientSettings } from './halo-client-settings'
import { haloEnvironmentVariables, haloSettingsFromEnvironment } from './halo-environment-settings'

const secret = 'environment-secret-4f9a2c'
const password = 'environment-password-8d1e7b'
const environment = { HALO_RESOURCE_URL: 'https://acme.halopsa.com/api', HALO_CLIENT_ID: 'environment-client', HALO_CLIENT_SECRET: secret }

function configurationError(build: () => unknown): ConfigurationError {
  try {
    build()
  } catch (error) {
    if (ConfigurationError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a ConfigurationError')
}

// Each case sets the variables it needs: whatever HALO_* the shell running the tests holds stays out.
beforeEach(() => {
  for (const setting of Object.values(haloEnvironmentVariables)) vi.stubEnv(setting.environment, undefined)
  return () => vi.unstubAllEnvs()
})

describe('Halo settings from the environment', () => {
  it('builds the client and the adapter from HALO_* variables alone, read at construction', () => {
    for (const [name, value] of Object.entries({ ...environment, HALO_DEFAULT_SITE_ID: '12', HALO_REQUESTS_PER_5_MINUTES: '150' }))
      vi.stubEnv(name, value)
    const client = new HaloClient()
    expect(client.resourceUrl).toBe('https://acme.halopsa.com/api')
    expect(resolveHaloClientSettings().grant).toEqual({ kind: 'client_credentials', clientId: 'environment-client', clientSecret: secret })
    const adapter = createHaloAdapter()
    expect(adapter.client.resourceUrl).toBe('https://acme.halopsa.com/api')
    const resolved = resolveHaloAdapterSettings()
    expect(resolved.options.defaultSiteId).toBe(12)
    expect(resolved.rateLimit).toMatchObject({ requests: 150, windowMs: 300_000 })
  })

  it('reads an environment given as an option instead of process.env, and empty variables as unset', () => {
    vi.stubEnv('HALO_RESOURCE_URL', 'https://elsewhere.halopsa.com/api')
    expect(new HaloClient({ environment: { ...environment, HALO_TENANT: '' } }).resourceUrl).toBe('https://acme.halopsa.com/api')
    expect(haloSettingsFromEnvironment({ HALO_TENANT: '', HALO_SCOPES: 'read:tickets' })).toEqual({ scopes: 'read:tickets' })
  })

  it('names the option and the variable when a setting is missing from both', () => {
    const location = configurationError(() => new HaloClient({ environment: { HALO_CLIENT_ID: 'id', HALO_CLIENT_SECRET: secret } }))
    expect(location.option).toBe('resourceUrl')
    expect(location.message).toContain('set HALO_RESOURCE_URL, HALO_INSTANCE or HALO_BASE_URL, or pass resourceUrl')
    const application = configurationError(() => new HaloClient({ environment: { HALO_INSTANCE: 'acme' } }))
    expect(application.option).toBe('clientId')
    expect(application.message).toContain('set HALO_CLIENT_ID or pass clientId')
    const clientSecret = configurationError(() => createHaloAdapter({ environment: { HALO_INSTANCE: 'acme', HALO_CLIENT_ID: 'id' } }))
    expect(clientSecret.option).toBe('clientSecret')
    expect(clientSecret.message).toContain('Set HALO_CLIENT_SECRET or pass clientSecret')
    const passwordMissing = configurationError(
      () => new HaloClient({ environment: { HALO_INSTANCE: 'acme', HALO_CLIENT_ID: 'id', HALO_USERNAME: 'sam' } }),
    )
    expect(passwordMissing.message).toContain('Set HALO_PASSWORD or pass password.')
    for (const error of [location, application, clientSecret, passwordMissing]) expect(error.message).not.toContain('[REDACTED]')
  })

  it('lets given settings win, without mixing in the environment’s alternatives', () => {
    const fromBoth = resolveHaloClientSettings({
      instance: 'globex',
      clientSecret: 'given-secret',
      environment: { ...environment, HALO_TENANT: 'acme' },
    })
    // The instance given replaces the whole location of the environment's, its tenant included.
    expect(fromBoth.location).toEqual({
      resourceUrl: 'https://globex.halopsa.com/api',
      fallbackAuthUrl: 'https://globex.halopsa.com/auth',
      fallbackTenant: 'globex',
    })
    expect(fromBoth.grant).toEqual({ kind: 'client_credentials', clientId: 'environment-client', clientSecret: 'given-secret' })
    // An access token or a person's sign-in is not mixed with a secret, user name or password from the environment.
    const token = resolveHaloClientSettings({
      accessToken: 'given-token-123456',
      environment: { ...environment, HALO_USERNAME: 'sam', HALO_PASSWORD: password },
    })
    expect(token.grant).toEqual({ kind: 'token', accessToken: 'given-token-123456', clientId: 'environment-client' })
    const browser = resolveHaloClientSettings({ redirectUri: 'http://127.0.0.1:8400/callback', environment })
    expect(browser.grant).toEqual({ kind: 'authorization_code', clientId: 'environment-client', redirectUri: 'http://127.0.0.1:8400/callback' })
    const adapter = resolveHaloAdapterSettings({ defaultSiteId: 3, environment: { ...environment, HALO_DEFAULT_SITE_ID: '12' } })
    expect(adapter.options.defaultSiteId).toBe(3)
  })

  it('says which variable held a wrong value, and never shows a secret', () => {
    const wrongAddress = configurationError(
      () => new HaloClient({ environment: { ...environment, HALO_RESOURCE_URL: 'acme.halopsa.com/api', HALO_PASSWORD: password } }),
    )
    expect(wrongAddress.option).toBe('resourceUrl')
    expect(wrongAddress.message).toContain('resourceUrl was read from HALO_RESOURCE_URL.')
    const wrongSite = configurationError(() => createHaloAdapter({ environment: { ...environment, HALO_DEFAULT_SITE_ID: 'main' } }))
    expect(wrongSite.message).toContain('defaultSiteId was read from HALO_DEFAULT_SITE_ID.')
    const missing = configurationError(() => new HaloClient({ environment: { HALO_CLIENT_SECRET: secret, HALO_PASSWORD: password } }))
    for (const error of [wrongAddress, wrongSite, missing]) {
      for (const text of [error.message, String(error), JSON.stringify(error), error.stack ?? '']) {
        expect(text).not.toContain(secret)
        expect(text).not.toContain(password)
      }
    }
  })

  it('leaves the CLI’s settings alone: the connector’s adapter reads no variable', () => {
    for (const [name, value] of Object.entries({ ...environment, HALO_TENANT: 'from-the-shell' })) vi.stubEnv(name, value)
    const settings = haloAdapterSettingsFrom({ instance: 'globex', clientId: 'id', clientSecret: 'given-secret' })
    expect(settings.environment).toEqual({})
    expect(resolveHaloAdapterSettings(settings).client.resourceUrl).toBe('https://globex.halopsa.com/api')
    expect(
      configurationError(() => resolveHaloAdapterSettings(haloAdapterSettingsFrom({ clientId: 'id', clientSecret: 'given-secret' }))).option,
    ).toBe('resourceUrl')
  })
})
