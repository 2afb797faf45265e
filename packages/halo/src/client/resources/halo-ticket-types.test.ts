import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { HaloClient } from '../halo-client'
import { type MockHalo, mockClientSettings, mockOrigin, startMockHalo } from '../__fixtures__/mock-halo-instance'

let mock: MockHalo | undefined
afterEach(() => {
  mock?.close()
  mock = undefined
})

describe('Halo ticket types', () => {
  it('lists with filters and gives each field with its mandatory flag and lookup values', async () => {
    const urls: URL[] = []
    mock = startMockHalo({
      handlers: () => [
        http.get(`${mockOrigin}/api/TicketType`, ({ request }) => {
          urls.push(new URL(request.url))
          return HttpResponse.json([{ id: 24, name: 'Incident', use: 'reqs' }])
        }),
        http.get(`${mockOrigin}/api/TicketType/24`, ({ request }) => {
          urls.push(new URL(request.url))
          return HttpResponse.json({
            id: 24,
            name: 'Incident',
            fields: [
              {
                fieldid: 2,
                fieldname: 'details',
                technew: 2,
                fieldinfo: { id: 2, name: 'details', label: 'Details', type: 1, custom: 0, mandatory: true },
              },
              {
                fieldid: 146,
                fieldname: 'CFSeverity',
                technew: 1,
                fieldinfo: {
                  id: 146,
                  name: 'CFSeverity',
                  label: 'Severity',
                  type: 2,
                  custom: 1,
                  mandatory: false,
                  values: [
                    { id: 1, name: 'Minor' },
                    { id: 3, name: 'Major' },
                  ],
                },
              },
              { fieldid: 3, fieldname: 'category_1', technew: 2 },
            ],
          })
        }),
      ],
    })
    const client = new HaloClient(mockClientSettings())
    expect((await client.ticketTypes.list({ showinactive: false, can_create_only: true }).toArray({ limit: 10 })).map((type) => type.name)).toEqual([
      'Incident',
    ])
    expect(urls[0]!.searchParams.toString()).toBe('showinactive=false&can_create_only=true')
    const fields = await client.ticketTypes.fields(24)
    expect(urls[1]!.searchParams.get('includedetails')).toBe('true')
    expect(fields.map(({ raw: _raw, ...field }) => field)).toEqual([
      { fieldId: 2, name: 'details', label: 'Details', mandatory: true, type: 1, custom: false, lookupValues: [] },
      {
        fieldId: 146,
        name: 'CFSeverity',
        label: 'Severity',
        mandatory: false,
        type: 2,
        custom: true,
        lookupValues: [
          { id: 1, name: 'Minor' },
          { id: 3, name: 'Major' },
        ],
      },
      { fieldId: 3, name: 'category_1', label: 'category_1', mandatory: true, custom: false, lookupValues: [] },
    ])
  })
})
