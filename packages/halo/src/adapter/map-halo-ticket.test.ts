import { describe, expect, it } from 'vitest'
import { haloTicketSchema } from '../client/resources/halo-tickets'
import { mapHaloTicket } from './map-halo-ticket'

const context = {
  statuses: [{ id: '2', name: 'In Progress', category: 'open' as const, sequence: 2 }],
  priorities: [{ id: '3', name: 'Medium', level: 'normal' as const }],
  teams: [{ id: '11', name: 'Service Desk' }],
  externalId: { storage: 'marker' as const },
}

describe('mapHaloTicket', () => {
  it('maps a ticket as Halo answers it to the common model', () => {
    const row = haloTicketSchema.parse({
      id: 4812,
      summary: 'Laptop will not boot',
      details_html: '<p>Black screen after update</p><p>[ticketbridge external id: ZD-1]</p>',
      dateoccurred: '2024-05-01T09:12:44.357',
      tickettype_id: 1,
      tickettype_name: 'Incident',
      status_id: 2,
      status_name: 'In Progress (renamed)',
      priority_id: 3,
      client_id: 12,
      client_name: 'Contoso',
      user_id: 501,
      user_name: 'Jane Doe',
      user_email: 'jane@contoso.example.com',
      agent_id: 7,
      agent_name: 'Sam Agent',
      team: 'service desk',
      fixbydate: '1900-01-01T00:00:00',
      dateclosed: '1900-01-01T00:00:00',
      lastactiondate: '2024-05-01T10:02:11.120',
      last_update: '2024-05-01T09:30:00',
      customfields: [
        { id: 145, name: 'CFAssetTag', type: 0, value: 'LT-0042', display: 'LT-0042' },
        { id: 146, name: 'CFSeverity', type: 2, value: 3, display: 'Major' },
      ],
      tags: [{ id: 1, text: 'vip' }],
    })
    const ticket = mapHaloTicket(row, context)
    expect(ticket).toMatchObject({
      id: '4812',
      vendor: 'halo',
      subject: 'Laptop will not boot',
      description: { text: 'Black screen after update', html: '<p>Black screen after update</p>' },
      status: { category: 'open', id: '2', name: 'In Progress' },
      priority: { level: 'normal', id: '3', name: 'Medium' },
      queue: { id: '11', name: 'Service Desk' },
      type: { id: '1', name: 'Incident' },
      requester: { id: '501', name: 'Jane Doe', email: 'jane@contoso.example.com' },
      assignee: { id: 'agent:7', name: 'Sam Agent' },
      organization: { id: '12', name: 'Contoso' },
      tags: ['vip'],
      customFields: { CFAssetTag: 'LT-0042', CFSeverity: 'Major' },
      createdAt: '2024-05-01T09:12:44.357Z',
      // The latest stamp: here the last action's.
      updatedAt: '2024-05-01T10:02:11.120Z',
      externalId: 'ZD-1',
    })
    expect(ticket.dueAt).toBeUndefined()
    expect(ticket.closedAt).toBeUndefined()
    expect(ticket.raw).toBe(row)
  })

  it('reads updatedAt as the latest of last_update and the last action, so a reply alone counts as a change', () => {
    const dated = { id: 3, dateoccurred: '2024-05-01T09:00:00', lastactiondate: '2024-05-01T10:00:00' }
    expect(mapHaloTicket(haloTicketSchema.parse({ ...dated, last_update: '2024-05-01T09:30:00' }), context).updatedAt).toBe(
      '2024-05-01T10:00:00.000Z',
    )
    expect(mapHaloTicket(haloTicketSchema.parse({ ...dated, last_update: '2024-05-01T11:00:00' }), context).updatedAt).toBe(
      '2024-05-01T11:00:00.000Z',
    )
    expect(mapHaloTicket(haloTicketSchema.parse({ ...dated, last_update: '1900-01-01T00:00:00' }), context).updatedAt).toBe(
      '2024-05-01T10:00:00.000Z',
    )
    expect(mapHaloTicket(haloTicketSchema.parse(dated), context).updatedAt).toBe('2024-05-01T10:00:00.000Z')
  })

  it('gives date custom fields as ISO UTC with Z, a sentinel as cleared', () => {
    const ticketFields = [
      { definition: { key: 'CFChangeWindow', label: 'Change window', type: 'date' as const, required: false }, type: 4, values: [] },
    ]
    const ticket = mapHaloTicket(
      haloTicketSchema.parse({
        id: 4,
        customfields: [
          { id: 148, name: 'CFChangeWindow', type: 4, value: '2026-03-08T02:30:00' },
          { id: 170, name: 'CFWarrantyExpiry', type: 4, value: '1900-01-01T00:00:00' },
        ],
      }),
      { ...context, ticketFields },
    )
    expect(ticket.customFields).toEqual({ CFChangeWindow: '2026-03-08T02:30:00.000Z', CFWarrantyExpiry: null })
  })

  it('falls back to Halo’s names for a status the lookups do not know', () => {
    const ticket = mapHaloTicket(
      haloTicketSchema.parse({ id: 1, status_id: 77, status_name: 'Closed - duplicate', hasbeenclosed: true, dateclosed: '2024-06-01T00:00:00' }),
      context,
    )
    expect(ticket.status).toEqual({ category: 'closed', id: '77', name: 'Closed - duplicate' })
    expect(ticket.closedAt).toBe('2024-06-01T00:00:00.000Z')
  })

  it('derives the text of HTML-only details through core’s htmlToText: entities, list and link kept', () => {
    const detailsHtml =
      '<p>It&rsquo;s the caf&eacute; &mdash; &euro;5 &copy;</p><ul><li>Restart</li><li>Log in</li></ul><p>See <a href="https://example.com/kb/42">the article</a></p>'
    const ticket = mapHaloTicket(haloTicketSchema.parse({ id: 2, details_html: detailsHtml }), context)
    expect(ticket.description).toEqual({
      text: 'It’s the café — €5 ©\n- Restart\n- Log in\nSee the article (https://example.com/kb/42)',
      html: detailsHtml,
    })
  })
})
