import { inspect } from 'node:util'
import { AuthenticationError, ConfigurationError, InvalidResponseError, UnsupportedOperationError, ValidationError } from '@ticketbridge/core'
import { createMockServer } from '@ticketbridge/testkit'
import { http, HttpResponse } from 'msw'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { createTestClient, testApiBase, testCredentials } from './__fixtures__/autotask-test-tenant'
import { AutotaskClient } from './autotask-client'
import { clearDiscoveredZones } from './autotask-zone'

const server = createMockServer([])
afterEach(() => {
  server.reset()
  clearDiscoveredZones()
})
afterAll(() => server.close())

const settled = () => new Promise((resolve) => setTimeout(resolve, 25))
const discoveryUrl = 'https://webservices.autotask.net/ATServicesRest/V1.0/ZoneInformation'

describe('settings', () => {
  it('checks the settings at construction and names the option', () => {
    const attempt = (settings: Record<string, unknown>) => {
      try {
        // No AUTOTASK_* variable of the shell fills in what a case leaves out.
        new AutotaskClient({ environment: {}, ...settings } as never)
      } catch (error) {
        return error
      }
      return undefined
    }
    const missing = attempt({ username: 'api@example.com', secret: 's3cret-value' })
    expect(ConfigurationError.isInstance(missing) && missing.option).toBe('integrationCode')
    const badZone = attempt({ ...testCredentials, zoneUrl: 'webservices14.autotask.net' })
    expect(ConfigurationError.isInstance(badZone) && badZone.option).toBe('zoneUrl')
    const tooMany = attempt({ ...testCredentials, concurrencyPerEndpoint: 4 })
    expect(ConfigurationError.isInstance(tooMany) && tooMany.option).toBe('concurrencyPerEndpoint')
    for (const error of [missing, badZone, tooMany]) expect(String(error)).not.toContain(testCredentials.secret)
  })
})

describe('zone discovery', () => {
  it('discovers the zone once, without credentials, and sends the API headers to the zone', async () => {
    let discoveries = 0
    server.use(
      http.get(discoveryUrl, ({ request }) => {
        discoveries += 1
        expect(new URL(request.url).searchParams.get('user')).toBe(testCredentials.username)
        return HttpResponse.json({
          zoneName: 'AE02',
          url: 'https://webservices14.autotask.net/ATServicesRest/',
          webUrl: 'https://ww14.autotask.net/',
          ci: 123456,
        })
      }),
      http.get(`${testApiBase}/Tickets/:id`, () => HttpResponse.json({ item: { id: 7 } })),
    )
    const client = new AutotaskClient({ ...testCredentials, impersonationResourceId: 29682885, thresholdResyncIntervalMs: 0, environment: {} })
    const other = new AutotaskClient({ ...testCredentials, thresholdResyncIntervalMs: 0, environment: {} })
    await Promise.all([client.tickets.get(7), client.tickets.get(7), other.tickets.get(7)])
    expect(discoveries).toBe(1)
    expect(await client.zone()).toEqual({
      zoneName: 'AE02',
      url: 'https://webservices14.autotask.net/ATServicesRest/',
      webUrl: 'https://ww14.autotask.net/',
      databaseId: 123456,
      apiBaseUrl: testApiBase,
    })
    await settled()
    const discovery = server.requests.find((request) => request.url.includes('ZoneInformation'))!
    for (const name of ['secret', 'username', 'apiintegrationcode']) expect(discovery.headers[name]).toBeUndefined()
    const call = server.requests.find((request) => request.url.endsWith('/Tickets/7'))!
    expect(call.headers).toMatchObject({
      apiintegrationcode: testCredentials.integrationCode,
      username: testCredentials.username,
      secret: testCredentials.secret,
      impersonationresourceid: '29682885',
    })
  })

  it('refuses an unknown user as AuthenticationError and asks again next time', async () => {
    let discoveries = 0
    server.use(
      http.get(discoveryUrl, () => {
        discoveries += 1
        return HttpResponse.json({ errors: ['Zone information could not be determined'] }, { status: 500 })
      }),
    )
    const client = new AutotaskClient({ ...testCredentials, username: 'nobody@example.com', environment: {} })
    await expect(client.tickets.get(1)).rejects.toSatisfy((error) => AuthenticationError.isInstance(error))
    await expect(client.tickets.get(1)).rejects.toSatisfy((error) => AuthenticationError.isInstance(error))
    expect(discoveries).toBe(2)
  })

  it('never sends credentials to a zone outside autotask.net that discovery there pointed to', async () => {
    server.use(http.get(discoveryUrl, () => HttpResponse.json({ url: 'https://evil.example/ATServicesRest/', ci: 1 })))
    const client = new AutotaskClient({ ...testCredentials, environment: {} })
    await expect(client.tickets.get(1)).rejects.toSatisfy((error) => InvalidResponseError.isInstance(error))
    expect(server.requests.every((request) => !request.url.startsWith('https://evil.example'))).toBe(true)
  })
})

describe('entities', () => {
  it('updates with PATCH and the id in the body, and creates children under their parent', async () => {
    server.use(
      http.patch(`${testApiBase}/Tickets`, () => HttpResponse.json({ itemId: 7 })),
      http.post(`${testApiBase}/Tickets/7/Notes`, () => HttpResponse.json({ itemId: 30777658 })),
      http.post(`${testApiBase}/Companies/42/Contacts`, () => HttpResponse.json({ itemId: 30684718 })),
      http.delete(`${testApiBase}/Companies/42/Contacts/30684718`, () => HttpResponse.json({ itemId: 30684718 })),
    )
    const client = createTestClient()
    expect(await client.tickets.update({ id: 7, status: 8 })).toBe(7)
    expect(await client.tickets.addNote(7, { description: 'Rebooted the router.\nAll good.', noteType: 1, publish: 1 })).toBe(30777658)
    expect(await client.contacts.create({ companyID: 42, firstName: 'Ada', lastName: 'Lovelace', isActive: 1 })).toBe(30684718)
    await client.contacts.delete(30684718, { parentId: 42 })
    await settled()
    const find = (method: string, path: string) =>
      server.requests.find((request) => request.method === method && new URL(request.url).pathname.endsWith(path))
    const patch = find('PATCH', '/V1.0/Tickets')
    const note = find('POST', '/Tickets/7/Notes')
    const contact = find('POST', '/Contacts')
    expect(JSON.parse(patch!.body)).toEqual({ id: 7, status: 8 })
    expect(JSON.parse(note!.body)).toEqual({
      ticketID: 7,
      title: 'Rebooted the router.',
      description: 'Rebooted the router.\nAll good.',
      noteType: 1,
      publish: 1,
    })
    expect(new URL(contact!.url).pathname).toBe('/ATServicesRest/V1.0/Companies/42/Contacts')
  })

  it("lists tickets by company and by resource, and assigns with the resource's default role", async () => {
    server.use(
      http.post(`${testApiBase}/Tickets/query`, () =>
        HttpResponse.json({ items: [{ id: 7 }], pageDetails: { count: 1, requestCount: 500, nextPageUrl: null } }),
      ),
      http.get(`${testApiBase}/Resources/29682834`, () => HttpResponse.json({ item: { id: 29682834, defaultServiceDeskRoleID: 29683355 } })),
      http.patch(`${testApiBase}/Tickets`, () => HttpResponse.json({ itemId: 7 })),
    )
    const client = createTestClient()
    await client.tickets.byCompany(42, { filter: [{ op: 'noteq', field: 'status', value: 5 }] }).toArray({ limit: 10 })
    await client.tickets.byResource(29682834).toArray({ limit: 10 })
    await client.tickets.assign(7, { resourceId: 29682834 })
    await settled()
    const bodies = (method: string) =>
      server.requests.filter((request) => request.method === method).map((request) => JSON.parse(request.body) as { filter?: unknown })
    expect(bodies('POST').map((body) => body.filter)).toEqual(
      expect.arrayContaining([
        [
          { op: 'eq', field: 'companyID', value: 42 },
          { op: 'noteq', field: 'status', value: 5 },
        ],
        [{ op: 'eq', field: 'assignedResourceID', value: 29682834 }],
      ]),
    )
    expect(bodies('PATCH')).toEqual([{ id: 7, assignedResourceID: 29682834, assignedResourceRoleID: 29683355 }])
  })

  it('refuses what the spec gives an entity no route for, before sending', async () => {
    const client = createTestClient()
    await expect(client.tickets.delete(7)).rejects.toSatisfy(
      (error) => UnsupportedOperationError.isInstance(error) && error.operation === 'Tickets.delete',
    )
    await expect(client.resources.create({ firstName: 'New' })).rejects.toSatisfy((error) => UnsupportedOperationError.isInstance(error))
    await expect(client.ticketNotes.create({ title: 'x', description: 'x' })).rejects.toSatisfy(
      (error) => ValidationError.isInstance(error) && error.issues[0]?.field === 'parentId',
    )
    expect(() => client.entity('NoSuchThings' as never)).toThrow(ConfigurationError)
    expect(server.requests).toHaveLength(0)
  })

  it('reaches every other entity through the generic accessor', async () => {
    server.use(
      http.post(`${testApiBase}/Opportunities/query`, () =>
        HttpResponse.json({ items: [{ id: 3, title: 'Renewal' }], pageDetails: { count: 1, requestCount: 500, nextPageUrl: null } }),
      ),
      http.delete(`${testApiBase}/TimeEntries/52001`, () => HttpResponse.json({ itemId: 52001 })),
    )
    const client = createTestClient()
    const page = await client.entity('Opportunities').query()
    expect(page.items[0]?.title).toBe('Renewal')
    await client.timeEntries.delete(52001)
  })

  it('reports every item of a batch in order, failures included', async () => {
    let calls = 0
    server.use(
      http.post(`${testApiBase}/Companies`, async ({ request }) => {
        calls += 1
        const body = (await request.json()) as { companyName: string }
        if (body.companyName === 'Bad') return HttpResponse.json({ errors: ['Missing Required Field: phone'] }, { status: 500 })
        return HttpResponse.json({ itemId: 200 + calls })
      }),
    )
    const client = createTestClient()
    const results = await client.batch.create('Companies', [{ companyName: 'A' }, { companyName: 'Bad' }, { companyName: 'C' }])
    expect(results.map((result) => result.ok)).toEqual([true, false, true])
    expect(results[1]!.ok === false && ValidationError.isInstance(results[1]!.error) && results[1]!.error.issues[0]?.field).toBe('phone')
    expect(calls).toBe(3)
  })
})

describe('metadata', () => {
  it('caches fields per entity and maps picklist labels to values', async () => {
    let reads = 0
    server.use(
      http.get(`${testApiBase}/Tickets/entityInformation/fields`, () => {
        reads += 1
        return HttpResponse.json({
          fields: [
            {
              name: 'status',
              dataType: 'integer',
              isPickList: true,
              picklistValues: [
                { value: '1', label: 'New', isDefaultValue: true, sortOrder: 1, isActive: true },
                { value: '5', label: 'Complete', sortOrder: 5, isActive: true },
                { value: '16', label: 'Retired', sortOrder: 6, isActive: false },
              ],
            },
          ],
        })
      }),
      http.patch(`${testApiBase}/Tickets`, () => HttpResponse.json({ itemId: 7 })),
    )
    const client = createTestClient()
    const picklist = await client.tickets.picklist('status')
    expect(picklist.valueOf('complete')).toBe(5)
    expect(picklist.labelOf(16)).toBe('Retired')
    expect(picklist.active.map((value) => value.label)).toEqual(['New', 'Complete'])
    expect(picklist.defaultValue()).toBe(1)
    await client.tickets.setStatus(7, 'Complete')
    expect(reads).toBe(1)
    await client.metadata.fields('Tickets', { refresh: true })
    expect(reads).toBe(2)
    await expect(client.tickets.setStatus(7, 'Nope')).rejects.toSatisfy((error) => ValidationError.isInstance(error))
  })
})

describe('attachments', () => {
  it('uploads bytes as base64 under the parent and downloads them back', async () => {
    const bytes = new Uint8Array(Array.from({ length: 300 }, (_, index) => index % 256))
    let stored = ''
    server.use(
      http.post(`${testApiBase}/Tickets/7/Attachments`, async ({ request }) => {
        stored = ((await request.json()) as { data: string }).data
        return HttpResponse.json({ itemId: 41200 })
      }),
      http.get(`${testApiBase}/Tickets/7/Attachments/41200`, () =>
        HttpResponse.json({ items: [{ id: 41200, fullPath: 'capture.bin', data: stored }] }),
      ),
    )
    const client = createTestClient()
    expect(await client.ticketAttachments.upload(7, { fileName: 'capture.bin', data: bytes, contentType: 'application/octet-stream' })).toBe(41200)
    await settled()
    expect(JSON.parse(server.requests[0]!.body)).toMatchObject({
      id: 0,
      attachmentType: 'FILE_ATTACHMENT',
      fullPath: 'capture.bin',
      title: 'capture.bin',
      publish: 1,
    })
    const downloaded = await client.ticketAttachments.download(7, 41200)
    expect(Buffer.from(downloaded.data).equals(Buffer.from(bytes))).toBe(true)
    expect(downloaded.attachment).toEqual({ id: 41200, fullPath: 'capture.bin' })
  })

  it('refuses a file above the size limit before sending', async () => {
    const client = createTestClient({ attachmentMaxBytes: 10 })
    await expect(client.ticketAttachments.upload(7, { fileName: 'big.bin', data: new Uint8Array(11) })).rejects.toSatisfy(
      (error) => ValidationError.isInstance(error) && error.issues[0]?.field === 'data',
    )
    expect(server.requests).toHaveLength(0)
  })
})

describe('secrets', () => {
  it('logs every attempt without the Secret header or the integration code', async () => {
    server.use(
      http.get(`${testApiBase}/Tickets/:id`, ({ params }) =>
        params.id === '1'
          ? HttpResponse.json({ item: { id: 1 } })
          : HttpResponse.json({ errors: [`bad secret ${testCredentials.secret}`] }, { status: 500 }),
      ),
    )
    const lines: string[] = []
    const sink = (level: string) => (message: string, fields?: Record<string, unknown>) =>
      lines.push(`${level} ${message} ${inspect(fields, { depth: 10 })}`)
    const client = createTestClient({
      logger: { debug: sink('debug'), info: sink('info'), warn: sink('warn'), error: sink('error') },
      logLevel: 'debug',
    })
    await client.tickets.get(1)
    const error = await client.tickets.get(2).catch((caught: unknown) => caught)
    expect(lines.some((line) => line.includes('Secret') && line.includes('[REDACTED]'))).toBe(true)
    for (const text of [...lines, String(error), inspect(error, { depth: 10 }), JSON.stringify(error)]) {
      expect(text).not.toContain(testCredentials.secret)
      expect(text).not.toContain(testCredentials.integrationCode)
    }
  })
})
