import { describe, expect, it } from 'vitest'
import { readRtFixture } from '../client/rest1/__fixtures__/read-rt-fixture'
import type { Rest2Collection, Rest2Ticket } from '../client/rest2/rt-rest2-types'
import { mapRtTicket } from './map-rt-ticket'
import { rest2TicketRecord } from './port/rt-rest2-records'
import { RtLifecycles } from './rt-lifecycles'
import { RtPriorities } from './rt-priorities'

const context = {
  lifecycles: new RtLifecycles(),
  priorities: new RtPriorities(),
  externalIdField: 'External ID',
  multiValueFields: new Set<string>(),
}

describe('mapRtTicket over REST2 records', () => {
  it('maps a recorded REST2 search item with expanded references', () => {
    const collection = JSON.parse(readRtFixture('rest2/15-tickets-search').text) as Rest2Collection<Rest2Ticket>
    const ticket = mapRtTicket(rest2TicketRecord(collection.items[0]!), { text: 'The printer in room 2 is on fire.' }, context)
    expect(ticket).toMatchObject({
      id: '1',
      vendor: 'rt',
      subject: 'Printer on fire – Grüße ☃',
      status: { category: 'open', id: 'open', name: 'open' },
      priority: { level: 'low', id: '6', name: 'Low' },
      queue: { id: '1', name: 'General' },
      customFields: { Severity: 'medium' },
      externalId: 'EXT-1001',
      createdAt: '2026-11-25T07:37:52.000Z',
      tags: [],
    })
    // Owner Nobody is no assignee; a requestor referenced by address (not expanded here) keeps it as id.
    expect(ticket.assignee).toBeUndefined()
    expect(ticket.requester).toMatchObject({ id: 'alice@example.com' })
    expect(ticket.raw).toBe(collection.items[0])
  })

  it('maps a full record: unset dates are absent, empty custom fields are left out', () => {
    const record = JSON.parse(readRtFixture('rest2/06-ticket-show').text) as Rest2Ticket
    const ticket = mapRtTicket(rest2TicketRecord(record), { text: 'Created via REST2.\nSecond line.' }, context)
    expect(ticket.status).toEqual({ category: 'new', id: 'new', name: 'new' })
    expect(ticket.dueAt).toBeUndefined()
    expect(ticket.resolvedAt).toBeUndefined()
    expect(ticket.customFields).toEqual({ Severity: 'low' })
    expect(ticket.externalId).toBe('EXT-2001')
    expect(ticket.updatedAt).toBe('2026-11-25T07:37:54.000Z')
  })
})
