import { ConfigurationError } from '@ticketbridge/core'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRtAdapter } from '../adapter/rt-adapter'
import { rtConnector } from '../connector/rt-connector'
import { createRtSimulator } from '../simulator/index'
import { RtClient } from './rt-client'
import { rtEnvironmentVariables, rtSettingsFromEnvironment } from './rt-environment-settings'

const simulator = createRtSimulator()
let served: Awaited<ReturnType<typeof simulator.serve>>
beforeAll(async () => {
  served = await simulator.serve()
})
afterAll(() => served.close())

function configurationError(build: () => unknown): ConfigurationError {
  try {
    build()
  } catch (error) {
    if (ConfigurationError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a ConfigurationError')
}

// CI sets RT_URL, RT_TOKEN, RT_USER and RT_PASSWORD for the real RT: each case sets only what it needs.
beforeEach(() => {
  for (const setting of Object.values(rtEnvironmentVariables)) vi.stubEnv(setting.environment, undefined)
  return () => vi.unstubAllEnvs()
})

describe('RT settings from the environment', () => {
  it('builds the client and the adapter from RT_URL and RT_TOKEN alone, read at construction, and they work', async () => {
    vi.stubEnv('RT_URL', served.url)
    vi.stubEnv('RT_TOKEN', simulator.credentials.token)
    const client = new RtClient()
    expect(client.baseUrl).toBe(served.url)
    const adapter = createRtAdapter()
    expect((await adapter.lookups.queues()).map((queue) => queue.name)).toContain('General')
    await adapter.close()
  })

  it('takes a user name with its password, the adapter’s own variables, and an environment given as an option', async () => {
    const environment = {
      RT_URL: served.url,
      RT_USER: simulator.credentials.user,
      RT_PASSWORD: simulator.credentials.password,
      RT_API: 'rest1',
      RT_EXTERNAL_ID_FIELD: 'Legacy ID',
      RT_DEFAULT_QUEUE: '',
    }
    expect(rtSettingsFromEnvironment(environment)).toEqual({
      baseUrl: served.url,
      auth: { username: simulator.credentials.user, password: simulator.credentials.password },
      api: 'rest1',
      externalIdCustomField: 'Legacy ID',
    })
    const adapter = createRtAdapter({ environment })
    expect(adapter.capabilities.externalId).toEqual({ storage: 'custom-field', field: 'Legacy ID' })
    expect((await adapter.lookups.queues()).map((queue) => queue.name)).toContain('General')
    await adapter.close()
  })

  it('names the option and the variable when a setting is missing from both', () => {
    const address = configurationError(() => new RtClient({ environment: { RT_TOKEN: simulator.credentials.token } }))
    expect(address.option).toBe('baseUrl')
    expect(address.message).toBe("Invalid RT client settings (baseUrl): set RT_URL or pass baseUrl, RT's web address (https://rt.example.com).")
    const credentials = configurationError(() => createRtAdapter({ environment: { RT_URL: served.url, RT_USER: 'root' } }))
    expect(credentials.option).toBe('auth')
    // Up to the option's shape: the simulator's password is the word "password", and an earlier case registered it as a secret.
    expect(credentials.message).toContain('Invalid RT adapter settings (auth): set RT_TOKEN, or RT_USER and RT_PASSWORD; or pass auth as { token }')
  })

  it('lets given settings win', () => {
    const environment = { RT_URL: 'https://rt.example.com', RT_TOKEN: 'token-from-the-shell-1234', RT_EXTERNAL_ID_FIELD: 'Legacy ID' }
    const adapter = createRtAdapter({
      baseUrl: served.url,
      auth: { token: simulator.credentials.token },
      externalIdCustomField: 'Source',
      environment,
    })
    expect(adapter.client.baseUrl).toBe(served.url)
    expect(adapter.capabilities.externalId).toEqual({ storage: 'custom-field', field: 'Source' })
  })

  it('says which variable held a wrong value, and never shows a secret', () => {
    const token = 'Environment-Token-7b3e91'
    const password = 'Environment-Password-2a6f04'
    const wrongApi = configurationError(() => createRtAdapter({ environment: { RT_URL: served.url, RT_TOKEN: token, RT_API: 'rest3' } }))
    expect(wrongApi.option).toBe('api')
    expect(wrongApi.message).toContain('api was read from RT_API.')
    const missing = configurationError(() => new RtClient({ environment: { RT_TOKEN: token, RT_USER: 'root', RT_PASSWORD: password } }))
    for (const error of [wrongApi, missing]) {
      for (const text of [error.message, String(error), JSON.stringify(error), error.stack ?? '']) {
        expect(text).not.toContain(token)
        expect(text).not.toContain(password)
      }
    }
  })

  it('leaves the CLI’s settings alone: the connector’s adapter reads no variable', () => {
    vi.stubEnv('RT_TOKEN', simulator.credentials.token)
    vi.stubEnv('RT_EXTERNAL_ID_FIELD', 'Legacy ID')
    expect(() => rtConnector.createAdapter({ url: served.url })).toThrow(ConfigurationError)
    const adapter = rtConnector.createAdapter({ url: served.url, token: simulator.credentials.token })
    expect(adapter.capabilities.externalId).toEqual({ storage: 'custom-field', field: 'External ID' })
  })
})
