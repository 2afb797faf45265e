import { expect } from 'vitest'
import type { ConformanceContext, ConformanceOptions } from '../conformance-harness'
import { conformanceCase } from './conformance-case'
import { createTestTicket } from './ticket-cases'

/** Every byte value, then a deterministic pseudo-random tail: catches text-mode and encoding bugs. */
export function testBytes(length = 4096): Uint8Array {
  const bytes = new Uint8Array(length)
  let state = 0x2545f491
  for (let index = 0; index < length; index += 1) {
    if (index < 256) bytes[index] = index
    else {
      state ^= state << 13
      state ^= state >>> 17
      state ^= state << 5
      bytes[index] = state & 0xff
    }
  }
  return bytes
}

export function defineAttachmentCases(context: ConformanceContext, options: ConformanceOptions): void {
  conformanceCase(context, options, 'round-trips attachment bytes exactly', async ({ adapter, runTag }, skip) => {
    if (!adapter.capabilities.tickets.create || !adapter.capabilities.attachments.upload) return skip('attachments.upload is not supported')
    if (!adapter.capabilities.attachments.download) return skip('attachments.download is not supported')
    const ticket = await createTestTicket(adapter, `${runTag} attachment`)
    const data = testBytes()
    const { record } = await adapter.attachments.upload(ticket.id, { filename: 'capture.bin', contentType: 'application/octet-stream', data })
    expect(record.ticketId).toBe(ticket.id)
    expect(record.filename).toBe('capture.bin')
    expect(record.size).toBe(data.byteLength)
    const listed = await adapter.attachments.list(ticket.id).toArray({ limit: 100 })
    const found = listed.find((attachment) => attachment.id === record.id)
    expect(found?.filename).toBe('capture.bin')
    const downloaded = await adapter.attachments.download({ id: record.id, ticketId: ticket.id })
    expect(downloaded).toBeInstanceOf(Uint8Array)
    expect(downloaded.byteLength).toBe(data.byteLength)
    expect(Buffer.from(downloaded).equals(Buffer.from(data))).toBe(true)
  })

  conformanceCase(context, options, 'round-trips a text file with a non-ASCII name', async ({ adapter, runTag }, skip) => {
    if (!adapter.capabilities.tickets.create || !adapter.capabilities.attachments.upload) return skip('attachments.upload is not supported')
    const ticket = await createTestTicket(adapter, `${runTag} text attachment`)
    const data = new TextEncoder().encode('Größe: 42 €\r\nline two\n')
    const { record } = await adapter.attachments.upload(ticket.id, { filename: 'notes-ü.txt', contentType: 'text/plain', data })
    const downloaded = await adapter.attachments.download({ id: record.id, ticketId: ticket.id })
    expect(Buffer.from(downloaded).equals(Buffer.from(data))).toBe(true)
  })
}
