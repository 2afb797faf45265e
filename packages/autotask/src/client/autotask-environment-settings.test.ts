import { AuthenticationError, ConfigurationError } from '@ticketbridge/core'
import { createMockServer } from '@ticketbridge/testkit'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAutotaskAdapter } from '../adapter/autotask-adapter'
import { autotaskAdapterSettingsOf } from '../connector/autotask-connector-settings'
import { createAutotaskSimulator } from '../simulator'
import { AutotaskClient } from './autotask-client'
import {
  autotaskAdapterEnvironmentNames,
  autotaskClientEnvironmentNames,
  autotaskEnvironmentVariables,
  withAutotaskEnvironment,
} from './autotask-environment-settings'

const simulator = createAutotaskSimulator()
const server = createMockServer(simulator.handlers)
afterAll(() => server.close())

const discovery = 'https://webservices.autotask.net/ATServicesRest/V1.0/ZoneInformation'
const tenantEnvironment = () => ({
  AUTOTASK_USERNAME: simulator.credentials.username,
  AUTOTASK_SECRET: simulator.credentials.secret,
  AUTOTASK_INTEGRATION_CODE: simulator.credentials.integrationCode,
  AUTOTASK_ZONE_DISCOVERY_URL: discovery,
})
const quick = { thresholdResyncIntervalMs: 0, retry: { maxRetries: 0 } }

function configurationError(build: () => unknown): ConfigurationError {
  try {
    build()
  } catch (error) {
    if (ConfigurationError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a ConfigurationError')
}

// Each case sets the variables it needs: whatever AUTOTASK_* the shell running the tests holds stays out.
beforeEach(() => {
  simulator.reset()
  server.reset()
  for (const setting of Object.values(autotaskEnvironmentVariables)) vi.stubEnv(setting.environment, undefined)
  return () => vi.unstubAllEnvs()
})

describe('Autotask settings from the environment', () => {
  it('builds the adapter from AUTOTASK_* variables alone, read at construction, and it works', async () => {
    for (const [name, value] of Object.entries({ ...tenantEnvironment(), AUTOTASK_HOURLY_REQUEST_LIMIT: '600' })) vi.stubEnv(name, value)
    const adapter = createAutotaskAdapter(quick)
    expect(adapter.rateLimit).toMatchObject({ requests: 600, windowMs: 3_600_000 })
    expect((await adapter.lookups.statuses()).length).toBeGreaterThan(0)
    await adapter.close()
    const client = new AutotaskClient(quick)
    expect((await client.metadata.entityInformation('Tickets')).name).toBe('Tickets')
    await client.close()
  })

  it('reads the adapter’s own variables, and an environment given as an option instead of process.env', () => {
    const environment = {
      ...tenantEnvironment(),
      AUTOTASK_DEFAULT_COMPANY_ID: '7',
      AUTOTASK_ORGANIZATION_PHONE: '555-0100',
      AUTOTASK_TIME_ENTRY_RESOURCE_ID: '',
    }
    const { settings, fromEnvironment } = withAutotaskEnvironment({}, environment, [
      ...autotaskClientEnvironmentNames,
      ...autotaskAdapterEnvironmentNames,
    ])
    expect(settings).toMatchObject({ defaultCompanyId: 7, organizationDefaults: { phone: '555-0100' }, zoneDiscoveryUrl: discovery })
    // An empty variable counts as unset, as in the CLI.
    expect(fromEnvironment).not.toContain('timeEntryResourceId')
    expect(createAutotaskAdapter({ ...quick, environment }).vendor).toBe('autotask')
  })

  it('names the options and the variables when credentials are missing from both', () => {
    const missing = configurationError(() => new AutotaskClient({ environment: { AUTOTASK_USERNAME: 'api@example.com' } }))
    expect(missing.option).toBe('secret')
    expect(missing.message).toBe(
      'Invalid Autotask client settings (secret): set AUTOTASK_SECRET and AUTOTASK_INTEGRATION_CODE or pass secret and integrationCode.',
    )
    const adapterMissing = configurationError(() => createAutotaskAdapter({ environment: {} }))
    expect(adapterMissing.option).toBe('username')
    expect(adapterMissing.message).toContain('set AUTOTASK_USERNAME, AUTOTASK_SECRET and AUTOTASK_INTEGRATION_CODE or pass username')
  })

  it('lets given settings win: credentials, and a zone given over the zone variables', async () => {
    const environment = {
      ...tenantEnvironment(),
      AUTOTASK_SECRET: 'wrong-secret-from-the-shell',
      AUTOTASK_ZONE_URL: 'https://webservices99.autotask.net/ATServicesRest/',
    }
    const adapter = createAutotaskAdapter({ ...quick, environment, secret: simulator.credentials.secret, zoneDiscoveryUrl: discovery })
    expect((await adapter.lookups.statuses()).length).toBeGreaterThan(0)
    await adapter.close()
    // And the environment's secret is what is sent when none is given.
    const fromEnvironment = createAutotaskAdapter({ ...quick, environment })
    await expect(fromEnvironment.lookups.statuses()).rejects.toSatisfy((error) => AuthenticationError.isInstance(error))
    await fromEnvironment.close()
  })

  it('says which variable held a wrong value, and never shows a secret', () => {
    const secret = 'Environment-Secret-5c1d9e'
    const environment = { ...tenantEnvironment(), AUTOTASK_SECRET: secret, AUTOTASK_IMPERSONATION_RESOURCE_ID: 'sam' }
    const wrong = configurationError(() => createAutotaskAdapter({ environment }))
    expect(wrong.option).toBe('impersonationResourceId')
    expect(wrong.message).toContain('impersonationResourceId was read from AUTOTASK_IMPERSONATION_RESOURCE_ID.')
    const missing = configurationError(() => new AutotaskClient({ environment: { AUTOTASK_SECRET: secret } }))
    for (const error of [wrong, missing]) {
      for (const text of [error.message, String(error), JSON.stringify(error), error.stack ?? '']) expect(text).not.toContain(secret)
    }
  })

  it('leaves the CLI’s settings alone: the connector’s adapter reads no variable', () => {
    for (const [name, value] of Object.entries(tenantEnvironment())) vi.stubEnv(name, value)
    const settings = autotaskAdapterSettingsOf({ username: 'api@example.com' })
    expect(settings.environment).toEqual({})
    expect(configurationError(() => createAutotaskAdapter(settings)).option).toBe('secret')
  })
})
