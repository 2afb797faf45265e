import { describe, expect, it } from 'vitest'
import { checkHaloRequest, findHaloSpecTemplate } from './check-halo-request'

describe('checkHaloRequest', () => {
  it('accepts a paged ticket list with the spec spelling of every parameter', () => {
    const query = new URLSearchParams('page_no=1&page_size=50&pageinate=true&order=id&orderdesc=false&search=vpn')
    expect(checkHaloRequest({ method: 'GET', path: '/Tickets', query })).toEqual([])
  })

  it('accepts a ticket upsert array and a single ticket read with its options', () => {
    expect(
      checkHaloRequest({ method: 'POST', path: '/Tickets', body: [{ summary: 'VPN drops', details: 'Since Monday', tickettype_id: 1 }] }),
    ).toEqual([])
    expect(checkHaloRequest({ method: 'GET', path: '/Tickets/4812', query: ['includedetails'] })).toEqual([])
    expect(checkHaloRequest({ method: 'DELETE', path: '/Tickets/4812', query: { reason: 'duplicate' } })).toEqual([])
  })

  it('fails a misspelled query parameter and names the spec spelling', () => {
    const violations = checkHaloRequest({ method: 'GET', path: '/Tickets', query: ['page_no', 'page_sise', 'pageinate'] })
    expect(violations).toHaveLength(1)
    expect(violations[0]).toMatchObject({ kind: 'unknown-query-parameter', name: 'page_sise', suggestion: 'page_size', template: '/Tickets' })
    expect(violations[0]!.message).toContain("'page_sise'")
  })

  it('is strict on case: Page_Size is not the spec spelling', () => {
    const [violation] = checkHaloRequest({ method: 'GET', path: '/Tickets', query: ['Page_Size'] })
    expect(violation).toMatchObject({ kind: 'unknown-query-parameter', name: 'Page_Size', suggestion: 'page_size' })
  })

  it('fails a body key that is not in the schema, per array element', () => {
    const violations = checkHaloRequest({ method: 'POST', path: '/Tickets', body: [{ summary: 'a' }, { summary: 'b', subject: 'not Halo' }] })
    expect(violations).toEqual([expect.objectContaining({ kind: 'unknown-body-property', name: 'subject', element: 1, template: '/Tickets' })])
  })

  it('fails a ticket team_id, which this spec build does not have', () => {
    const violations = checkHaloRequest({ method: 'POST', path: '/Tickets', body: [{ summary: 'a', team_id: 3 }] })
    expect(violations.map((violation) => violation.name)).toEqual(['team_id'])
  })

  it('fails a bare object where the spec wants an array, and still names its unknown keys', () => {
    const violations = checkHaloRequest({ method: 'POST', path: '/Actions', body: { ticket_id: 1, outcome_id: 7, nte: 'typo' } })
    expect(violations.map((violation) => violation.kind)).toEqual(['invalid-body', 'unknown-body-property'])
    expect(violations[1]).toMatchObject({ name: 'nte', suggestion: 'note' })
  })

  it('fails unknown paths and methods, and suggests the spec spelling of a path', () => {
    expect(checkHaloRequest({ method: 'GET', path: '/Tickets/4812/Attachments' })).toEqual([expect.objectContaining({ kind: 'unknown-path' })])
    expect(checkHaloRequest({ method: 'GET', path: '/tickets' })).toEqual([expect.objectContaining({ kind: 'unknown-path', suggestion: '/Tickets' })])
    const [violation] = checkHaloRequest({ method: 'PUT', path: '/Tickets/4812' })
    expect(violation).toMatchObject({ kind: 'unknown-method', template: '/Tickets/{id}' })
    expect(violation!.message).toContain('GET, DELETE')
  })

  it('matches integer path parameters only with digits, and prefers literal segments', () => {
    expect(findHaloSpecTemplate('GET', '/Tickets/12')).toBe('/Tickets/{id}')
    expect(findHaloSpecTemplate('POST', '/Tickets/View')).toBe('/Tickets/View')
    expect(findHaloSpecTemplate('GET', '/Agent/me')).toBe('/Agent/me')
    expect(checkHaloRequest({ method: 'GET', path: '/Tickets/abc' })).toEqual([expect.objectContaining({ kind: 'unknown-path' })])
    expect(findHaloSpecTemplate('GET', '/Priority/2f1c5a1e-0000-4000-8000-000000000001')).toBe('/Priority/{id}')
  })

  it('allows the documented extra: ticket_id on an action delete', () => {
    expect(checkHaloRequest({ method: 'DELETE', path: '/Actions/3', query: ['ticket_id'] })).toEqual([])
    expect(checkHaloRequest({ method: 'DELETE', path: '/Attachment/3', query: ['ticket_id'] })).toHaveLength(1)
  })

  it('checks multipart uploads by their form field names', () => {
    expect(checkHaloRequest({ method: 'POST', path: '/Attachment/image', query: ['ticket_id'], body: { file: 'x' } })).toEqual([])
    expect(checkHaloRequest({ method: 'POST', path: '/Attachment/image', body: { upload: 'x' } })).toEqual([
      expect.objectContaining({ kind: 'unknown-body-property', name: 'upload' }),
    ])
  })

  it('fails a body sent where the spec declares none', () => {
    expect(checkHaloRequest({ method: 'DELETE', path: '/Tickets/1', body: { id: 1 } })).toEqual([
      expect.objectContaining({ kind: 'unexpected-body' }),
    ])
  })
})
