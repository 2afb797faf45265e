import { describe, expect, it } from 'vitest'
import { checkAutotaskRequest } from './check-autotask-request'

const kinds = (violations: { kind: string }[]): string[] => violations.map((violation) => violation.kind)

describe('checkAutotaskRequest', () => {
  it('accepts real requests', () => {
    expect(
      checkAutotaskRequest({ method: 'POST', path: '/V1.0/Tickets/query', body: { filter: [{ op: 'gt', field: 'id', value: 0 }], MaxRecords: 500 } }),
    ).toEqual([])
    expect(checkAutotaskRequest({ method: 'PATCH', path: '/V1.0/Tickets', body: { id: 128926, status: 8 } })).toEqual([])
    expect(checkAutotaskRequest({ method: 'GET', path: '/V1.0/Tickets/entityInformation/fields' })).toEqual([])
    expect(
      checkAutotaskRequest({
        method: 'POST',
        path: 'https://webservices14.autotask.net/ATServicesRest/V1.0/Tickets/128926/Notes',
        body: { title: 'Update', description: 'Rebooted the router.', noteType: 1, publish: 1 },
      }),
    ).toEqual([])
    expect(checkAutotaskRequest({ method: 'GET', path: '/V1.0/ZoneInformation', queryNames: ['user'] })).toEqual([])
    expect(checkAutotaskRequest({ method: 'DELETE', path: '/V1.0/Companies/12/Contacts/30684718' })).toEqual([])
  })

  it('accepts nested and/or groups, every operator and UDF filters, whatever the casing of names', () => {
    const body = {
      Filter: [
        { op: 'noteq', field: 'Status', value: 5 },
        {
          op: 'or',
          items: [
            { op: 'eq', field: 'queueID', value: 29683354 },
            { op: 'in', field: 'queueid', value: [1, 2] },
          ],
        },
        { op: 'beginsWith', field: 'title', value: 'VPN' },
        { op: 'notExist', field: 'assignedResourceID' },
        { op: 'eq', field: 'External Reference', value: 'INC-42', udf: true },
      ],
      IncludeFields: ['Id', 'title', 'External Reference'],
    }
    expect(
      checkAutotaskRequest({ method: 'POST', path: '/ATServicesRest/V1.0/Tickets/query', body, userDefinedFields: ['External Reference'] }),
    ).toEqual([])
  })

  it('reads the search JSON of URL queries', () => {
    const search = JSON.stringify({ filter: [{ op: 'eq', field: 'companyID', value: 0 }] })
    expect(checkAutotaskRequest({ method: 'GET', path: `/V1.0/Contacts/query?search=${encodeURIComponent(search)}` })).toEqual([])
    const misspelled = JSON.stringify({ filter: [{ op: 'eq', field: 'compnyID', value: 0 }] })
    expect(kinds(checkAutotaskRequest({ method: 'GET', path: '/V1.0/Contacts/query', query: { search: misspelled } }))).toEqual([
      'unknown-query-field',
    ])
  })

  it('fails on a misspelled filter field, include field, body property or operator', () => {
    const filterField = checkAutotaskRequest({
      method: 'POST',
      path: '/V1.0/Tickets/query',
      body: { filter: [{ op: 'eq', field: 'titel', value: 'x' }] },
    })
    expect(filterField).toEqual([expect.objectContaining({ kind: 'unknown-query-field', name: 'titel', severity: 'error' })])
    expect(
      kinds(
        checkAutotaskRequest({
          method: 'POST',
          path: '/V1.0/Tickets/query',
          body: { filter: [{ op: 'exist', field: 'id' }], includeFields: ['ticketNumbr'] },
        }),
      ),
    ).toEqual(['unknown-query-field'])
    expect(kinds(checkAutotaskRequest({ method: 'PATCH', path: '/V1.0/Tickets', body: { id: 1, stauts: 8 } }))).toEqual(['unknown-body-property'])
    expect(
      kinds(checkAutotaskRequest({ method: 'POST', path: '/V1.0/Tickets/query', body: { filter: [{ op: 'ne', field: 'status', value: 5 }] } })),
    ).toEqual(['unknown-operator'])
    expect(kinds(checkAutotaskRequest({ method: 'POST', path: '/V1.0/Tickets/query', body: { filter: [], MaxRecord: 10 } }))).toEqual([
      'unknown-body-property',
    ])
  })

  it('fails on a misspelled query parameter or a missing one', () => {
    expect(checkAutotaskRequest({ method: 'GET', path: '/V1.0/ZoneInformation', queryNames: ['usr'] })).toEqual([
      expect.objectContaining({ kind: 'unknown-query-parameter', name: 'usr' }),
      expect.objectContaining({ kind: 'missing-query-parameter', name: 'user' }),
    ])
    expect(kinds(checkAutotaskRequest({ method: 'GET', path: '/V1.0/Tickets/query?serach=%7B%7D' }))).toEqual([
      'unknown-query-parameter',
      'missing-query-parameter',
    ])
  })

  it('fails on a wrong path or verb, as Autotask has no PATCH /{Entity}/{id} and no root note create', () => {
    expect(kinds(checkAutotaskRequest({ method: 'GET', path: '/V1.0/Ticket/query' }))).toEqual(['unknown-path'])
    expect(kinds(checkAutotaskRequest({ method: 'PATCH', path: '/V1.0/Tickets/128926', body: { status: 5 } }))).toEqual(['unknown-method'])
    expect(kinds(checkAutotaskRequest({ method: 'POST', path: '/V1.0/TicketNotes', body: { title: 'x' } }))).toEqual(['unknown-path'])
    expect(kinds(checkAutotaskRequest({ method: 'DELETE', path: '/V1.0/Tickets/5' }))).toEqual(['unknown-method'])
  })

  it('knows the peer-documented next-page cursor routes', () => {
    expect(
      checkAutotaskRequest({
        method: 'POST',
        path: '/V1.0/Tickets/query/next?paging=%7B%7D',
        body: { filter: [{ op: 'gt', field: 'id', value: 0 }] },
      }),
    ).toEqual([])
    expect(kinds(checkAutotaskRequest({ method: 'GET', path: '/V1.0/Tickets/query/next' }))).toEqual(['missing-query-parameter'])
  })

  it('warns, without failing, on another casing of the literal segments', () => {
    const violations = checkAutotaskRequest({ method: 'GET', path: '/atservicesrest/v1.0/zoneInformation?user=a%40b.c' })
    expect(violations).toEqual([expect.objectContaining({ kind: 'path-casing', severity: 'warning' })])
  })
})
