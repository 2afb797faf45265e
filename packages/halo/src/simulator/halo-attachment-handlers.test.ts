import { describe, expect, it } from 'vitest'
import { startHaloTestSession } from './halo-test-session'

type Row = Record<string, unknown> & { id: number }

/** Every byte value and then some: catches text-mode and encoding bugs. */
function allBytes(): Uint8Array {
  return Uint8Array.from({ length: 1024 }, (_, index) => (index * 7 + (index >> 8)) % 256)
}

describe('Halo simulator: attachments', () => {
  it('uploads base64 in data, lists it per ticket and action, and downloads the exact bytes', async () => {
    const session = await startHaloTestSession()
    const ticket = await session.json<Row>('/Tickets', { method: 'POST', json: [{ summary: 'VPN', details: 'logs attached' }] })
    const action = await session.json<Row>('/Actions', { method: 'POST', json: [{ ticket_id: ticket.id, outcome_id: 2, note: 'log' }] })
    const bytes = allBytes()
    const saved = await session.json<Row>('/Attachment', {
      method: 'POST',
      json: [{ ticket_id: ticket.id, action_id: action.id, filename: 'vpn.log', data: Buffer.from(bytes).toString('base64'), note: 'client log' }],
    })
    expect(saved).toMatchObject({
      filename: 'vpn.log',
      filesize: 1024,
      ticket_id: ticket.id,
      faultid: ticket.id,
      action_id: action.id,
      note: 'client log',
    })
    expect(saved).not.toHaveProperty('data')

    const listed = await session.json<{ record_count: number; attachments: Row[] }>(`/Attachment?ticket_id=${ticket.id}`)
    expect(listed.record_count).toBe(1)
    expect(listed.attachments[0]).toMatchObject({ id: saved.id, filename: 'vpn.log', filesize: 1024 })
    const byAction = await session.json<{ attachments: Row[] }>(`/Attachment?ticket_id=${ticket.id}&action_id=${action.id}`)
    expect(byAction.attachments).toHaveLength(1)
    expect((await session.json<{ attachments: Row[] }>(`/Attachment?ticket_id=${ticket.id}&action_id=99`)).attachments).toEqual([])

    const download = await session.api(`/Attachment/${saved.id}`)
    expect(download.status).toBe(200)
    expect(download.headers.get('content-type')).toBe('text/plain')
    expect(download.headers.get('content-disposition')).toContain('vpn.log')
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true)
    const details = await session.json<Row>(`/Attachment/${saved.id}?includedetails=true`)
    expect(details.filename).toBe('vpn.log')
    // An Attachment_View, as the spec's Actions declares `attachment_list`.
    const actionRead = await session.json<{ attachment_list: { record_count: number; attachments: Row[] } }>(
      `/Actions/${action.id}?ticket_id=${ticket.id}`,
    )
    expect(actionRead.attachment_list.record_count).toBe(1)
    expect(actionRead.attachment_list.attachments.map((attachment) => attachment.id)).toEqual([saved.id])
  })

  it('accepts data_base64 and multipart uploads, keeps non-ASCII names, and deletes', async () => {
    const session = await startHaloTestSession()
    const ticket = await session.json<Row>('/Tickets', { method: 'POST', json: [{ summary: 'files', details: 'x' }] })
    const text = new TextEncoder().encode('Größe: 42 €\r\nline two\n')
    const viaAlias = await session.json<Row>('/Attachment', {
      method: 'POST',
      json: [{ ticket_id: ticket.id, filename: 'notes-ü.txt', data_base64: Buffer.from(text).toString('base64') }],
    })
    const form = new FormData()
    form.append('file', new Blob([allBytes()], { type: 'application/octet-stream' }), 'capture.bin')
    const multipart = await session.json<Row>(`/Attachment/image?ticket_id=${ticket.id}`, { method: 'POST', body: form })
    expect(multipart).toMatchObject({ filename: 'capture.bin', filesize: 1024, ticket_id: ticket.id })
    const downloaded = await session.api(`/Attachment/${viaAlias.id}`)
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(Buffer.from(text))).toBe(true)
    expect(downloaded.headers.get('content-disposition')).toContain("filename*=UTF-8''notes-%C3%BC.txt")
    expect((await session.json<{ record_count: number }>(`/Attachment?ticket_id=${ticket.id}`)).record_count).toBe(2)
    expect((await session.api(`/Attachment/${multipart.id}`, { method: 'DELETE' })).status).toBe(200)
    expect((await session.api(`/Attachment/${multipart.id}`)).status).toBe(404)
    expect((await session.json<{ record_count: number }>(`/Attachment?ticket_id=${ticket.id}`)).record_count).toBe(1)
    expect(session.simulator.specViolations).toEqual([])
  })

  it('uploads inline with an action', async () => {
    const session = await startHaloTestSession()
    const ticket = await session.json<Row>('/Tickets', { method: 'POST', json: [{ summary: 'inline', details: 'x' }] })
    const action = await session.json<Row & { attachment_list: { attachments: Row[] } }>('/Actions', {
      method: 'POST',
      json: [
        {
          ticket_id: ticket.id,
          outcome_id: 2,
          note: 'see file',
          attachments: [{ filename: 'a.png', data: Buffer.from([137, 80, 78, 71]).toString('base64') }],
        },
      ],
    })
    expect(action.attachment_list.attachments).toEqual([
      expect.objectContaining({ filename: 'a.png', filesize: 4, isimage: true, action_id: action.id }),
    ])
  })

  it('refuses bad base64, a missing ticket and a missing filename', async () => {
    const session = await startHaloTestSession()
    const ticket = await session.json<Row>('/Tickets', { method: 'POST', json: [{ summary: 'bad', details: 'x' }] })
    const cases: [Record<string, unknown>, number][] = [
      [{ ticket_id: ticket.id, filename: 'x.bin', data: 'not base64!' }, 400],
      [{ ticket_id: 987654, filename: 'x.bin', data: 'AAAA' }, 404],
      [{ ticket_id: ticket.id, data: 'AAAA' }, 400],
    ]
    for (const [body, status] of cases) expect((await session.api('/Attachment', { method: 'POST', json: [body] })).status).toBe(status)
  })
})
