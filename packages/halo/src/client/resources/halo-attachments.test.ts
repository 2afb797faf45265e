import { ValidationError } from '@ticketbridge/core'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { HaloClient } from '../halo-client'
import { type MockHalo, mockClientSettings, mockOrigin, startMockHalo } from '../__fixtures__/mock-halo-instance'

let mock: MockHalo | undefined
afterEach(() => {
  mock?.close()
  mock = undefined
})

describe('Halo attachments', () => {
  it('uploads bytes as base64 in a JSON array and downloads the same bytes', async () => {
    const stored = new Map<number, { filename: string; bytes: Buffer; ticket: number; action?: number }>()
    const bodies: unknown[] = []
    mock = startMockHalo({
      handlers: () => [
        http.post(`${mockOrigin}/api/Attachment`, async ({ request }) => {
          const body = (await request.json()) as { ticket_id: number; action_id?: number; filename: string; data: string }[]
          bodies.push(body)
          const saved = body.map((file) => {
            const id = 9920 + stored.size + 1
            stored.set(id, {
              filename: file.filename,
              bytes: Buffer.from(file.data, 'base64'),
              ticket: file.ticket_id,
              ...(file.action_id ? { action: file.action_id } : {}),
            })
            return {
              id,
              filename: file.filename,
              filesize: Buffer.from(file.data, 'base64').length,
              ticket_id: file.ticket_id,
              action_id: file.action_id ?? 0,
            }
          })
          return HttpResponse.json(saved.length === 1 ? saved[0] : saved)
        }),
        http.get(`${mockOrigin}/api/Attachment`, ({ request }) => {
          const ticket = Number(new URL(request.url).searchParams.get('ticket_id'))
          const rows = [...stored]
            .filter(([, file]) => file.ticket === ticket)
            .map(([id, file]) => ({ id, filename: file.filename, filesize: file.bytes.length, faultid: ticket }))
          return HttpResponse.json({ record_count: rows.length, attachments: rows })
        }),
        http.get(`${mockOrigin}/api/Attachment/:id`, ({ params }) => {
          const file = stored.get(Number(params.id))
          return file
            ? new HttpResponse(file.bytes, { headers: { 'content-type': 'application/octet-stream' } })
            : new HttpResponse(null, { status: 404 })
        }),
        http.delete(`${mockOrigin}/api/Attachment/:id`, ({ params }) => {
          stored.delete(Number(params.id))
          return new HttpResponse(null, { status: 200 })
        }),
      ],
    })
    const client = new HaloClient(mockClientSettings())
    const bytes = new Uint8Array(Array.from({ length: 512 }, (_, index) => (index * 7) % 256))
    const saved = await client.attachments.upload({ ticket_id: 4813, action_id: 3, filename: 'capture.bin', data: bytes })
    expect(saved).toMatchObject({ id: 9921, filename: 'capture.bin', filesize: 512, action_id: 3 })
    expect(bodies[0]).toEqual([{ ticket_id: 4813, action_id: 3, filename: 'capture.bin', data: Buffer.from(bytes).toString('base64') }])
    expect(Buffer.from(await client.attachments.download(saved.id)).equals(Buffer.from(bytes))).toBe(true)
    expect((await client.attachments.list({ ticket_id: 4813 }).toArray({ limit: 10 })).map((file) => file.id)).toEqual([9921])
    await client.attachments.delete(saved.id)
    expect(await client.attachments.list({ ticket_id: 4813 }).toArray({ limit: 10 })).toEqual([])
  })

  it('refuses a file without its ticket or name, or with data that is not bytes or base64', async () => {
    mock = startMockHalo()
    const client = new HaloClient(mockClientSettings())
    for (const file of [
      { ticket_id: 0, filename: 'a.txt', data: new Uint8Array(1) },
      { ticket_id: 1, filename: ' ', data: new Uint8Array(1) },
      { ticket_id: 1, filename: 'a.txt', data: 'not base64!' },
    ]) {
      const error = await client.attachments.upload(file).catch((caught: unknown) => caught)
      expect(ValidationError.isInstance(error)).toBe(true)
      expect((error as ValidationError).status).toBe(0)
    }
  })
})
