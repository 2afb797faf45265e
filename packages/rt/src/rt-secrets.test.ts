import { AuthenticationError, NotFoundError } from '@ticketbridge/core'
import { captureLogs, renderError } from '@ticketbridge/testkit'
import { describe, expect, it } from 'vitest'
import { createRtAdapter } from './adapter/rt-adapter'
import { RtClient } from './client/rt-client'

const environment = process.env

async function failure(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call()
  } catch (error) {
    return error
  }
  throw new Error('the call was expected to fail')
}

/** No password, token, basic credential or session cookie in any error or log line, on both interfaces. */
describe.skipIf(!environment.RT_URL)('RT credentials stay out of errors and logs', { timeout: 120_000 }, () => {
  it('hides passwords, tokens, basic credentials and session cookies', async () => {
    const { logger, lines } = captureLogs()
    const common = { baseUrl: environment.RT_URL!, logger, logLevel: 'debug' as const, retry: { maxRetries: 1, baseDelayMs: 10 } }
    const wrongPassword = 'Wrong-Pa55-9f2c-not-it'
    const wrongToken = '1-14-9a8b7c6d5e4f30211f2e3d4c5b6a7988'
    const secrets = [environment.RT_PASSWORD!, environment.RT_TOKEN!, environment.RT_GUEST_PASSWORD!, wrongPassword, wrongToken]
    const basic = Buffer.from(`${environment.RT_USER}:${environment.RT_PASSWORD}`).toString('base64')

    const password = new RtClient({ ...common, auth: { username: environment.RT_USER!, password: environment.RT_PASSWORD! } })
    const token = new RtClient({ ...common, auth: { token: environment.RT_TOKEN! } })
    const badPassword = new RtClient({ ...common, auth: { username: environment.RT_USER!, password: wrongPassword } })
    const badToken = new RtClient({ ...common, auth: { token: wrongToken } })
    const adapter = createRtAdapter({ ...common, auth: { token: environment.RT_TOKEN! } })

    const { id } = await password.rest1.createTicket({ queue: 'General', subject: `tb-secrets-${Date.now().toString(36)}`, text: 'x' })
    expect((await password.rest2.getTicket(id)).record.Subject).toMatch(/^tb-secrets-/)

    const errors = [
      await failure(() => password.rest1.getTicket(987654321)),
      await failure(() => password.rest2.getTicket(987654321)),
      await failure(() => token.rest1.getTicket(987654321)),
      await failure(() => badPassword.rest1.getTicket(id)),
      await failure(() => badPassword.rest2.getTicket(id)),
      await failure(() => badToken.rest1.getTicket(id)),
      await failure(() => badToken.rest2.getTicket(id)),
      await failure(() => adapter.tickets.get('987654321')),
    ]
    expect(errors.filter((error) => AuthenticationError.isInstance(error))).toHaveLength(4)
    expect(errors.filter((error) => NotFoundError.isInstance(error))).toHaveLength(4)
    await password.close()
    await adapter.close()

    // The session cookie RT set must not be in the log either.
    const sessionCookies = [...lines.join('\n').matchAll(/RT_SID_[^=]+=([0-9a-f]{16,})/g)].map((match) => match[1])
    expect(sessionCookies).toEqual([])
    const everything = [...errors.flatMap(renderError), ...lines]
    expect(lines.some((line) => line.includes(' http request '))).toBe(true)
    for (const text of everything) {
      for (const secret of [...secrets, basic]) expect(text).not.toContain(secret)
    }
  })
})
