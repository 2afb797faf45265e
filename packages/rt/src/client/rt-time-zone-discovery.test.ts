import { ConfigurationError } from '@ticketbridge/core'
import { captureLogs } from '@ticketbridge/testkit'
import { serveHandlers } from '@ticketbridge/testkit/servers'
import { http } from 'msw'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRtAdapter } from '../adapter/rt-adapter'
import { createRtSimulator } from '../simulator/index'
import { readRtTimeZonePreference } from './rt-preferences-page'
import { RtClient } from './rt-client'

const simulator = createRtSimulator({ timeZone: 'America/New_York' })
let served: Awaited<ReturnType<typeof simulator.serve>>
beforeAll(async () => {
  served = await simulator.serve()
})
afterAll(() => served.close())

const retry = { maxRetries: 1, baseDelayMs: 10 }
const token = () => ({ token: simulator.credentials.token })
const password = () => ({ username: simulator.credentials.user, password: simulator.credentials.password })
/** The paths requested since `from`, in order. */
const pathsSince = (from: number) => served.requests.slice(from).map((request) => `${request.method} ${new URL(request.url).pathname}`)

function configurationError(build: () => unknown): ConfigurationError {
  try {
    build()
  } catch (error) {
    if (ConfigurationError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a ConfigurationError')
}

describe('the RT time zone setting', () => {
  it('takes an IANA name, from the settings or RT_TIMEZONE, and asks RT nothing', async () => {
    const before = served.requests.length
    const given = new RtClient({ baseUrl: served.url, auth: token(), timeZone: 'pacific/auckland', environment: {} })
    expect(await given.timeZone()).toBe('Pacific/Auckland')
    const fromEnvironment = new RtClient({ environment: { RT_URL: served.url, RT_TOKEN: simulator.credentials.token, RT_TIMEZONE: 'Europe/Berlin' } })
    expect(await fromEnvironment.timeZone()).toBe('Europe/Berlin')
    expect(pathsSince(before)).toEqual([])
  })

  it('refuses an unknown zone, naming the setting (and its variable) with an example', () => {
    const given = configurationError(() => new RtClient({ baseUrl: served.url, auth: token(), timeZone: 'Mars/Olympus_Mons', environment: {} }))
    expect(given.option).toBe('timeZone')
    expect(given.message).toContain(
      "timeZone: 'Mars/Olympus_Mons' is not a time zone name this runtime knows; give an IANA name such as 'America/New_York'",
    )
    const fromEnvironment = configurationError(() =>
      createRtAdapter({ environment: { RT_URL: served.url, RT_TOKEN: simulator.credentials.token, RT_TIMEZONE: '+05:00' } }),
    )
    expect(fromEnvironment.option).toBe('timeZone')
    expect(fromEnvironment.message).toContain('timeZone was read from RT_TIMEZONE.')
  })

  it('keeps the deprecated fixed offset working, and lets timeZone win over it', async () => {
    expect(await new RtClient({ baseUrl: served.url, auth: token(), rest1UtcOffsetMinutes: 330, environment: {} }).timeZone()).toBe('+05:30')
    const both = new RtClient({ baseUrl: served.url, auth: token(), rest1UtcOffsetMinutes: 60, timeZone: 'UTC', environment: {} })
    expect(await both.timeZone()).toBe('UTC')
  })
})

describe('reading the time zone from RT (simulator with $Timezone America/New_York)', () => {
  it('asks only when a REST 1.0 date is read, once, with one request for a token', async () => {
    const client = new RtClient({ baseUrl: served.url, auth: token(), retry, environment: {} })
    const { id } = await client.rest1.createTicket({ queue: 'General', subject: 'zone', due: '2026-07-01 12:00:00' })
    const before = served.requests.length
    // No date asked for: no need of the zone.
    await client.rest1.getTicket(id, { fields: ['Subject'] })
    expect(pathsSince(before)).toEqual([`GET /REST/1.0/ticket/${id}/show`])
    const [first, second] = await Promise.all([client.rest1.getTicket(id), client.rest1.getTicket(id)])
    expect(first!.due).toBe('2026-07-01T16:00:00.000Z')
    expect(second!.due).toBe(first!.due)
    await client.rest1.getTicket(id)
    expect(pathsSince(before).filter((path) => !path.includes('/REST/'))).toEqual(['GET /Prefs/AboutMe.html'])
    expect(await client.timeZone()).toBe('America/New_York')
  })

  it("logs in on RT's web form for a password (a REST 1.0 session does not open web pages): two requests", async () => {
    const client = new RtClient({ baseUrl: served.url, auth: password(), retry, environment: {} })
    await client.rest1.login()
    const before = served.requests.length
    expect(await client.timeZone()).toBe('America/New_York')
    expect(pathsSince(before)).toEqual(['POST /NoAuth/Login.html', 'GET /Prefs/AboutMe.html'])
    const rest1Cookie = (await client.rest1.transport.get<string>('/', { responseType: 'text' })).headers['set-cookie']!.split(';')[0]!
    const refused = await fetch(`${served.url}/Prefs/AboutMe.html`, { headers: { cookie: rest1Cookie } })
    expect(await refused.text()).toContain('This login session belongs to a REST client')
  })

  it("takes the user's own zone over the server's", async () => {
    const root = simulator.state.users.get(14)!
    root.timezone = 'Pacific/Auckland'
    try {
      expect(await new RtClient({ baseUrl: served.url, auth: token(), environment: {} }).timeZone()).toBe('Pacific/Auckland')
    } finally {
      delete root.timezone
    }
  })

  it('falls back to UTC with one warning naming the setting when the page is not what RT 5 shows, and never fails a read', async () => {
    const other = createRtSimulator({ timeZone: 'America/New_York' })
    const notRt5 = await serveHandlers([http.get('*/Prefs/AboutMe.html', () => new Response('<html><title>RT 4</title></html>')), ...other.handlers])
    try {
      const { logger, lines } = captureLogs()
      const adapter = createRtAdapter({ api: 'rest1', baseUrl: notRt5.url, auth: { token: other.credentials.token }, logger, environment: {} })
      const { record } = await adapter.tickets.create({ subject: 'fallback', description: { text: 'x' }, dueAt: '2026-07-01T16:00:00.000Z' })
      // Written and read as UTC: the same instant back, though RT keeps it in New York time.
      expect(record.dueAt).toBe('2026-07-01T16:00:00.000Z')
      await adapter.tickets.list({ updatedSince: '2026-01-01T00:00:00Z' }).toArray({ limit: 5 })
      const warnings = lines.filter((line) => line.startsWith('warn '))
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toContain("could not read the RT user's time zone from /Prefs/AboutMe.html (the page has no time zone choice)")
      expect(warnings[0]).toContain("Set the timeZone setting (or RT_TIMEZONE) to the RT user's zone, e.g. 'America/New_York'")
      expect(await adapter.client.timeZone()).toBe('UTC')
      await adapter.close()
    } finally {
      await notRt5.close()
    }
  })

  it('falls back the same way on a wrong password for the web pages, without showing it', async () => {
    const { logger, lines } = captureLogs()
    const secret = 'Not-The-Password-81c2'
    const client = new RtClient({ baseUrl: served.url, auth: { username: 'root', password: secret }, logger, retry, environment: {} })
    expect(await client.timeZone()).toBe('UTC')
    const warnings = lines.filter((line) => line.startsWith('warn '))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('RT showed its login page')
    for (const line of lines) expect(line).not.toContain(secret)
  })
})

describe("RT's preferences page", () => {
  it('gives the server zone from the empty option (translated or not) and the selected one as the user’s', () => {
    const select = (options: string) => `<select class="form-control selectpicker" name="Timezone">\n${options}\n</select>`
    expect(
      readRtTimeZonePreference(
        select('<option value="">System Default (UTC)</option>\n<option value="Africa/Abidjan"  >Africa/Abidjan +0000</option>'),
      ),
    ).toEqual({
      system: 'UTC',
    })
    expect(
      readRtTimeZonePreference(
        select(
          '<option value="">Systemstandard (America/New_York)</option>\n<option value="Pacific/Auckland" selected="selected" >Pacific/Auckland +1300</option>',
        ),
      ),
    ).toEqual({ system: 'America/New_York', user: 'Pacific/Auckland' })
    expect(readRtTimeZonePreference('<html><title>Login</title></html>')).toBeUndefined()
  })
})
