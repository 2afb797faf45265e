import { inspect } from 'node:util'
import { ConfigurationError } from '@ticketbridge/core'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { HaloClient } from './halo-client'
import { type MockHalo, mockClientSettings, mockCredentials, mockOrigin, startMockHalo } from './__fixtures__/mock-halo-instance'

let mock: MockHalo | undefined
afterEach(() => {
  mock?.close()
  mock = undefined
})

function renderings(error: unknown): string[] {
  const all = [String(error), inspect(error, { depth: 10 }), JSON.stringify(error)]
  if (error instanceof Error && error.stack) all.push(error.stack)
  return all
}

function capturingLogger(lines: string[]) {
  const write = (level: string) => (message: string, fields?: unknown) => lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`)
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }
}

describe('Halo client secrets', () => {
  it('shows no client secret, password or token in any log line or error, whatever Halo echoes', async () => {
    mock = startMockHalo({
      handlers: (instance) => [
        http.get(`${mockOrigin}/api/Agent/me`, () => HttpResponse.json({ id: 5, name: 'API' })),
        // A body that echoes the caller's credentials back, as debugging endpoints do.
        http.post(`${mockOrigin}/api/Tickets`, ({ request }) =>
          HttpResponse.json(
            {
              ClassName: 'System.Exception',
              Message: `Token ${request.headers.get('authorization')} cannot write; secret ${mockCredentials.clientSecret}`,
            },
            { status: 400 },
          ),
        ),
        http.get(`${mockOrigin}/api/Tickets/1`, () => HttpResponse.json({ Message: `denied for ${instance.issuedTokens.at(-1)}` }, { status: 403 })),
      ],
    })
    const lines: string[] = []
    const errors: unknown[] = []
    const logger = capturingLogger(lines)
    const clientCredentials = new HaloClient(mockClientSettings({ logger, logLevel: 'debug' }))
    await clientCredentials.agents.me()
    errors.push(await clientCredentials.tickets.create({ summary: 'x' }).catch((error: unknown) => error))
    errors.push(await clientCredentials.tickets.get(1).catch((error: unknown) => error))
    const wrongSecret = new HaloClient(mockClientSettings({ clientSecret: 'wrong-client-secret-0123456789', logger, logLevel: 'debug' }))
    errors.push(await wrongSecret.agents.me().catch((error: unknown) => error))
    const passwordClient = new HaloClient(
      mockClientSettings({
        clientSecret: undefined,
        username: mockCredentials.username,
        password: mockCredentials.password,
        logger,
        logLevel: 'debug',
      }),
    )
    await passwordClient.agents.me()
    errors.push(await passwordClient.tickets.get(1).catch((error: unknown) => error))
    const wrongPassword = new HaloClient(
      mockClientSettings({
        clientSecret: undefined,
        username: mockCredentials.username,
        password: 'Wrong-Horse-Battery-0',
        logger,
        logLevel: 'debug',
      }),
    )
    errors.push(await wrongPassword.agents.me().catch((error: unknown) => error))
    const tokenClient = new HaloClient(
      mockClientSettings({ clientId: undefined, clientSecret: undefined, accessToken: 'given-token-never-accepted-0123', logger, logLevel: 'debug' }),
    )
    errors.push(await tokenClient.agents.me().catch((error: unknown) => error))

    const secrets = [
      mockCredentials.clientSecret,
      mockCredentials.password,
      'wrong-client-secret-0123456789',
      'Wrong-Horse-Battery-0',
      'given-token-never-accepted-0123',
      ...mock.issuedTokens,
      ...mock.issuedRefreshTokens,
    ]
    expect(mock.issuedTokens.length).toBeGreaterThanOrEqual(2)
    expect(errors.every((error) => error instanceof Error)).toBe(true)
    expect(lines.length).toBeGreaterThan(10)
    expect(lines.some((line) => line.includes('http request'))).toBe(true)
    for (const error of errors) for (const text of renderings(error)) for (const secret of secrets) expect(text).not.toContain(secret)
    for (const line of lines) for (const secret of secrets) expect(line).not.toContain(secret)
  })

  it('keeps the advice of a missing client secret whole, while credential pairs in messages are still erased', () => {
    let error: unknown
    try {
      new HaloClient({ instance: 'acme', clientId: mockCredentials.clientId, environment: {} })
    } catch (caught) {
      error = caught
    }
    expect(ConfigurationError.isInstance(error)).toBe(true)
    for (const text of renderings(error)) {
      expect(text).toContain('Halo needs a client secret for the client credentials grant. Set HALO_CLIENT_SECRET or pass clientSecret')
      expect(text).not.toContain('[REDACTED]')
    }
    // The redactor is as strict as before: a message that does carry a value loses it.
    expect(new ConfigurationError(`clientSecret: ${mockCredentials.clientSecret}`).message).toBe('clientSecret: [REDACTED]')
  })
})
